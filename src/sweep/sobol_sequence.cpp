// Sobol sequence: direction numbers from the primitive polynomials and initial m_i of Joe & Kuo
// (2008), then x_j(n) = XOR of v_{j,k} over the bits k of the Gray code of n.
#include "dermasim/sweep/sobol_sequence.hpp"

#include <string>

#include "dermasim/core/error.hpp"

namespace dermasim::sweep {

namespace {

struct Polynomial {
  unsigned degree;            // s
  unsigned coefficients;      // a: the inner coefficients of the primitive polynomial
  std::array<unsigned, 8> m;  // initial direction integers m_1..m_s (odd, m_k < 2^k)
};

// Dimensions 2..41 of new-joe-kuo-6.21201.txt (dimension 1 is the van der Corput sequence).
constexpr std::array<Polynomial, SobolSequence::kMaxDimensions - 1> kJoeKuo = {{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},
    {7, 50, {1, 3, 1, 3, 5, 53, 69}},
    {7, 55, {1, 1, 5, 5, 23, 33, 13}},
    {7, 56, {1, 1, 7, 7, 1, 61, 123}},
    {7, 59, {1, 1, 7, 9, 13, 61, 49}},
    {7, 62, {1, 3, 3, 5, 3, 55, 33}},
    {8, 14, {1, 3, 1, 15, 31, 13, 49, 245}},
    {8, 21, {1, 3, 5, 15, 31, 59, 63, 97}},
    {8, 22, {1, 3, 1, 11, 11, 11, 77, 249}},
    {8, 38, {1, 3, 1, 11, 27, 43, 71, 9}},
}};

constexpr unsigned kBits = 32;

}  // namespace

SobolSequence::SobolSequence(std::size_t dimensions) {
  if (dimensions == 0 || dimensions > kMaxDimensions)
    throw InputError("sobol: " + std::to_string(dimensions) +
                     " dimensions requested; allowed 1 .. " + std::to_string(kMaxDimensions));
  direction_.resize(dimensions);
  for (unsigned k = 0; k < kBits; ++k) direction_[0][k] = 1u << (kBits - 1 - k);
  for (std::size_t j = 1; j < dimensions; ++j) {
    const Polynomial& p = kJoeKuo[j - 1];
    auto& v = direction_[j];
    for (unsigned k = 0; k < p.degree; ++k) v[k] = p.m[k] << (kBits - 1 - k);
    // Recurrence of Bratley & Fox: v_k = v_{k-s} ^ (v_{k-s} >> s) ^ sum_l a_l v_{k-l}.
    for (unsigned k = p.degree; k < kBits; ++k) {
      std::uint32_t x = v[k - p.degree] ^ (v[k - p.degree] >> p.degree);
      for (unsigned l = 1; l < p.degree; ++l)
        if ((p.coefficients >> (p.degree - 1 - l)) & 1u) x ^= v[k - l];
      v[k] = x;
    }
  }
}

void SobolSequence::point_bits(std::uint64_t index, std::span<std::uint32_t> out) const {
  DERMASIM_ASSERT(out.size() == direction_.size());
  DERMASIM_ASSERT(index < (std::uint64_t{1} << kBits));
  const std::uint64_t gray = index ^ (index >> 1);
  for (std::size_t j = 0; j < direction_.size(); ++j) {
    std::uint32_t x = 0;
    for (unsigned k = 0; k < kBits; ++k)
      if ((gray >> k) & 1u) x ^= direction_[j][k];
    out[j] = x;
  }
}

void SobolSequence::point(std::uint64_t index, std::span<double> out) const {
  std::vector<std::uint32_t> bits(direction_.size());
  point_bits(index, bits);
  for (std::size_t j = 0; j < bits.size(); ++j) out[j] = static_cast<double>(bits[j]) * 0x1p-32;
}

}  // namespace dermasim::sweep
