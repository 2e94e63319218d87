// e^{-x} for the reaction integrator, written so that a loop over cells vectorises: no branch,
// no table, no call (std::exp is an opaque libm call that blocks vectorisation, and libmvec is
// only used under -ffast-math, which the engine does not allow).
// Method (Cody-Waite): -x = n ln2 + r with n = round(-x / ln2) and |r| <= ln2 / 2, ln2 split
// into a 32-bit head (so n * head is exact) and a tail; e^r from its Taylor polynomial of
// degree 13 (truncation below 5e-18 relative); e^{-x} = 2^n e^r, with 2^n applied as two
// exact power-of-two factors so that results in the subnormal range round once, correctly
// enough, and results below half the smallest subnormal become 0.
// Accuracy (tests/unit/numerics/exp_neg_test.cpp, against glibc's std::exp): at most 1 ulp
// for x in [-709, 746], exactly 1 at x = 0, exactly 0 for x >= 746 and x = +inf; NaN
// propagates.
#pragma once
#include <bit>
#include <cstdint>

namespace dermasim {

inline double exp_neg(double x) {
  // Clamp to where the result is representable; written so that a NaN passes through.
  x = x > 746.0 ? 746.0 : x;
  x = x < -709.0 ? -709.0 : x;
  constexpr double kLog2e = 1.4426950408889634074;
  constexpr double kLn2Head = 6.93147180369123816490e-01;  // 32 significant bits
  constexpr double kLn2Tail = 1.90821492927058770002e-10;
  // Adding 1.5 * 2^52 rounds to an integer held in the low mantissa bits.
  constexpr double kShifter = 0x1.8p52;
  const double shifted = -x * kLog2e + kShifter;
  const double n = shifted - kShifter;
  const double r = (-x - n * kLn2Head) - n * kLn2Tail;
  double p = 1.0 / 6227020800.0;  // 1/13!
  p = p * r + 1.0 / 479001600.0;
  p = p * r + 1.0 / 39916800.0;
  p = p * r + 1.0 / 3628800.0;
  p = p * r + 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // n lies in [-1076, 1023]; halves n1 + n2 = n each give a normal power of two. Unsigned
  // arithmetic (two's complement) keeps a NaN's garbage exponent free of undefined behaviour.
  const std::uint64_t n_bits =
      std::bit_cast<std::uint64_t>(shifted) - std::bit_cast<std::uint64_t>(kShifter);
  const auto n1 = static_cast<std::uint64_t>(static_cast<std::int64_t>(n_bits) >> 1);
  const std::uint64_t n2 = n_bits - n1;
  const double scale1 = std::bit_cast<double>((n1 + 1023) << 52);
  const double scale2 = std::bit_cast<double>((n2 + 1023) << 52);
  return p * scale1 * scale2;
}

}  // namespace dermasim
