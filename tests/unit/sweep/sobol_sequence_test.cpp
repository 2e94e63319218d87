// The Sobol sequence: known first points, and the net property that wrong direction numbers break.
#include "dermasim/sweep/sobol_sequence.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "dermasim/core/error.hpp"

namespace dermasim::sweep {
namespace {

TEST(SobolSequence, FirstPointsOfTheFirstTwoDimensions) {
  const SobolSequence s(2);
  // Gray-code order, as in Joe & Kuo's reference generator and scipy's unscrambled Sobol.
  const double expected[][2] = {{0, 0},         {0.5, 0.5},     {0.75, 0.25},   {0.25, 0.75},
                                {0.375, 0.375}, {0.875, 0.875}, {0.625, 0.125}, {0.125, 0.625}};
  std::vector<double> x(2);
  for (int i = 0; i < 8; ++i) {
    s.point(static_cast<std::uint64_t>(i), x);
    EXPECT_DOUBLE_EQ(x[0], expected[i][0]) << "point " << i;
    EXPECT_DOUBLE_EQ(x[1], expected[i][1]) << "point " << i;
  }
}

// Every coordinate of the first 2^m points hits each interval [i/2^m, (i+1)/2^m) exactly once
// (direction integers that are even or too large break this), and every pair of coordinates puts
// exactly 2^m / 16 points in each cell of a 4 x 4 grid (what Joe & Kuo's search optimised).
TEST(SobolSequence, EveryDimensionIsStratifiedAndPairsAreBalanced) {
  const std::size_t d = SobolSequence::kMaxDimensions;
  const SobolSequence s(d);
  const std::size_t n = 1024;
  std::vector<std::vector<double>> pts(n, std::vector<double>(d));
  for (std::size_t i = 0; i < n; ++i) s.point(i, pts[i]);
  for (std::size_t j = 0; j < d; ++j) {
    std::vector<int> hits(n, 0);
    for (std::size_t i = 0; i < n; ++i) ++hits[static_cast<std::size_t>(pts[i][j] * n)];
    for (std::size_t c = 0; c < n; ++c) ASSERT_EQ(hits[c], 1) << "dimension " << j + 1;
  }
  for (std::size_t j = 0; j < d; ++j) {
    for (std::size_t l = j + 1; l < d; ++l) {
      std::vector<int> cell(16, 0);
      for (std::size_t i = 0; i < n; ++i)
        ++cell[static_cast<std::size_t>(pts[i][j] * 4) * 4 +
               static_cast<std::size_t>(pts[i][l] * 4)];
      for (int c : cell) ASSERT_EQ(c, 64) << "dimensions " << j + 1 << " and " << l + 1;
    }
  }
}

TEST(SobolSequence, RejectsTooManyDimensions) {
  EXPECT_THROW(SobolSequence(SobolSequence::kMaxDimensions + 1), InputError);
  EXPECT_THROW(SobolSequence(0), InputError);
}

}  // namespace
}  // namespace dermasim::sweep
