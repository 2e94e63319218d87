#include "dermasim/numerics/tridiagonal.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <vector>

#include "dermasim/core/rng.hpp"

namespace dermasim {
namespace {

// Random diagonally dominant system, solved densely by Eigen for reference.
struct System {
  std::vector<double> a, b, c;
  Eigen::MatrixXd dense;
};

System random_system(int n, bool periodic, Rng& rng) {
  System s{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n),
           Eigen::MatrixXd::Zero(n, n)};
  for (int m = 0; m < n; ++m) {
    s.a[m] = -rng.uniform(0.1, 2.0);
    s.c[m] = -rng.uniform(0.1, 2.0);
    s.b[m] = 1.0 - s.a[m] - s.c[m] + rng.uniform(0.0, 1.0);
    s.dense(m, m) = s.b[m];
    if (m > 0) s.dense(m, m - 1) = s.a[m];
    if (m + 1 < n) s.dense(m, m + 1) = s.c[m];
  }
  if (periodic) {
    s.dense(0, n - 1) += s.a[0];
    s.dense(n - 1, 0) += s.c[n - 1];
  }
  return s;
}

class TridiagonalAgainstDense : public ::testing::TestWithParam<std::tuple<int, bool>> {};

TEST_P(TridiagonalAgainstDense, SolvesBundlesOfStridedLines) {
  const auto [n, periodic] = GetParam();
  Rng rng(n + 100 * periodic);
  const System s = random_system(n, periodic, rng);
  TridiagonalFactor f;
  f.factor(s.a, s.b, s.c, periodic);
  // Three lines interleaved with stride 3 along, 1 between lines (as a z-sweep bundle).
  const int lines = 3;
  std::vector<double> data(n * lines);
  Eigen::MatrixXd rhs(n, lines);
  for (int m = 0; m < n; ++m) {
    for (int l = 0; l < lines; ++l) data[m * lines + l] = rhs(m, l) = rng.uniform(-1, 1);
  }
  f.solve(data.data(), lines, lines, 1);
  const Eigen::MatrixXd expected = s.dense.fullPivLu().solve(rhs);
  for (int m = 0; m < n; ++m) {
    for (int l = 0; l < lines; ++l) EXPECT_NEAR(data[m * lines + l], expected(m, l), 1e-12);
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, TridiagonalAgainstDense,
                         ::testing::Combine(::testing::Values(1, 2, 3, 7, 64), ::testing::Bool()));

TEST(Tridiagonal, RowBundlesMatchColumnBundles) {
  Rng rng(5);
  const int n = 20;
  const System s = random_system(n, false, rng);
  TridiagonalFactor f;
  f.factor(s.a, s.b, s.c, false);
  std::vector<double> rows(2 * n), columns(2 * n);
  for (int m = 0; m < n; ++m) {
    for (int l = 0; l < 2; ++l) rows[l * n + m] = columns[m * 2 + l] = rng.uniform();
  }
  f.solve(rows.data(), 1, 2, n);     // lines contiguous along the solve (x-sweep layout)
  f.solve(columns.data(), 2, 2, 1);  // lines contiguous across (z-sweep layout)
  for (int m = 0; m < n; ++m) {
    for (int l = 0; l < 2; ++l) EXPECT_EQ(rows[l * n + m], columns[m * 2 + l]);
  }
}

}  // namespace
}  // namespace dermasim
