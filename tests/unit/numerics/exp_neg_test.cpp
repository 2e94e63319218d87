// exp_neg against glibc's std::exp (itself within 1 ulp) over the range the reaction integrator
// uses (x = L h >= 0, from 1e-12 to far beyond underflow), plus its exact special values.
#include "dermasim/numerics/exp_neg.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "dermasim/core/rng.hpp"

namespace dermasim {
namespace {

// Distance in representable doubles between two non-negative doubles (subnormals included).
std::int64_t ulps_apart(double a, double b) {
  const auto ia = static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(a));
  const auto ib = static_cast<std::int64_t>(std::bit_cast<std::uint64_t>(b));
  return ia > ib ? ia - ib : ib - ia;
}

std::int64_t worst_ulps(Rng& rng, double low, double high, bool logarithmic) {
  std::int64_t worst = 0;
  for (int n = 0; n < 200000; ++n) {
    const double x = logarithmic ? std::exp(rng.uniform(low, high)) : rng.uniform(low, high);
    const std::int64_t d = ulps_apart(exp_neg(x), std::exp(-x));
    EXPECT_LE(d, 1) << "x = " << x;
    worst = std::max(worst, d);
  }
  return worst;
}

TEST(ExpNeg, WithinOneUlpOfStdExpOverTheRangeUsed) {
  Rng rng(7);
  EXPECT_LE(worst_ulps(rng, std::log(1e-12), std::log(50.0), true), 1);  // typical L h
  EXPECT_LE(worst_ulps(rng, 0.0, 1.0, false), 1);
  EXPECT_LE(worst_ulps(rng, 0.0, 746.0, false), 1);   // down to the subnormals
  EXPECT_LE(worst_ulps(rng, -709.0, 0.0, false), 1);  // growth, should a kernel need it
}

TEST(ExpNeg, ExactAtZeroAndAtUnderflow) {
  EXPECT_EQ(exp_neg(0.0), 1.0);
  EXPECT_EQ(exp_neg(-0.0), 1.0);
  EXPECT_EQ(exp_neg(746.0), 0.0);
  EXPECT_EQ(exp_neg(1e6), 0.0);
  EXPECT_EQ(exp_neg(std::numeric_limits<double>::infinity()), 0.0);
  EXPECT_EQ(exp_neg(745.0), std::exp(-745.0));  // the smallest subnormal
}

TEST(ExpNeg, PropagatesNaN) {
  EXPECT_TRUE(std::isnan(exp_neg(std::numeric_limits<double>::quiet_NaN())));
}

TEST(ExpNeg, IsMonotoneAcrossReductionIntervals) {
  // Neighbouring x on both sides of n ln2 / 2 boundaries: no step back up.
  for (int n = 1; n < 40; ++n) {
    const double edge = (n + 0.5) * std::log(2.0);
    double x = std::nextafter(edge, 0.0);
    for (int s = 0; s < 8; ++s, x = std::nextafter(x, 1e9)) {
      EXPECT_GE(exp_neg(x), exp_neg(std::nextafter(x, 1e9))) << "x = " << x;
    }
  }
}

}  // namespace
}  // namespace dermasim
