// Sobol low-discrepancy sequence (Bratley & Fox 1988, Algorithm 659) with the direction numbers
// of Joe & Kuo 2008 (new-joe-kuo-6.21201, "better two-dimensional projections"), 41 dimensions:
// enough for Saltelli's scheme, which needs 2k dimensions for k varied keys (k <= 20).
// Points are generated in Gray-code order, 32 bits per coordinate, so that every block of 2^m
// points starting at a multiple of 2^m is a (t, m, s)-net: each coordinate puts exactly one point
// in each of the 2^m equal intervals of [0, 1).
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace dermasim::sweep {

class SobolSequence {
 public:
  static constexpr std::size_t kMaxDimensions = 41;

  /// Throws InputError when `dimensions` is 0 or above kMaxDimensions.
  explicit SobolSequence(std::size_t dimensions);

  std::size_t dimensions() const { return direction_.size(); }
  /// Point `index` (0 is the origin) as 32-bit integers; coordinate = value / 2^32.
  void point_bits(std::uint64_t index, std::span<std::uint32_t> out) const;
  /// Point `index` in [0, 1)^d. `out.size()` must equal dimensions().
  void point(std::uint64_t index, std::span<double> out) const;

 private:
  std::vector<std::array<std::uint32_t, 32>> direction_;  // v_{j,k} = m_{j,k} / 2^k, as bits
};

}  // namespace dermasim::sweep
