#include "dermasim/core/parallel.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <cmath>
#include <vector>

namespace dermasim {
namespace {

TEST(DeterministicSum, IsBitwiseIndependentOfThreadCount) {
  std::vector<double> v(100003);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = std::sin(0.37 * i) * 1e3 + 1e-7 * i;
  auto term = [&](std::size_t c) { return v[c]; };
  const int threads = omp_get_max_threads();  // restored below: later tests get the default
  omp_set_num_threads(1);
  const double one = deterministic_sum(v.size(), term);
  omp_set_num_threads(2);
  const double two = deterministic_sum(v.size(), term);
  omp_set_num_threads(3);
  const double three = deterministic_sum(v.size(), term);
  omp_set_num_threads(threads);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, three);
  double serial = 0;
  for (double x : v) serial += x;
  EXPECT_NEAR(one, serial, 1e-6 * std::abs(serial) + 1e-6);
}

TEST(ParallelMax, FindsMaximumAndPropagatesNaN) {
  std::vector<double> v{1.0, 5.0, -2.0, 3.0};
  EXPECT_EQ(parallel_max(v.size(), [&](std::size_t c) { return v[c]; }), 5.0);
  v[2] = std::nan("");
  EXPECT_TRUE(std::isnan(parallel_max(v.size(), [&](std::size_t c) { return v[c]; })));
}

}  // namespace
}  // namespace dermasim
