#include "dermasim/core/parallel.hpp"

#include <gtest/gtest.h>
#include <omp.h>

#include <atomic>
#include <cmath>
#include <vector>

namespace dermasim {
namespace {

TEST(DeterministicSum, IsBitwiseIndependentOfThreadCount) {
  std::vector<double> v(100003);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = std::sin(0.37 * i) * 1e3 + 1e-7 * i;
  auto term = [&](std::size_t c) { return v[c]; };
  const double one = deterministic_sum(Threads(1), v.size(), term);
  const double two = deterministic_sum(Threads(2), v.size(), term);
  const double three = deterministic_sum(Threads(3), v.size(), term);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, three);
  double serial = 0;
  for (double x : v) serial += x;
  EXPECT_NEAR(one, serial, 1e-6 * std::abs(serial) + 1e-6);
}

// The count is the team's size: a test comparing 1 and 2 threads really runs on 2.
TEST(DeterministicSum, RunsOnTheThreadsItIsGiven) {
  for (int count : {1, 2, 3}) {
    std::atomic<int> team{0};
    deterministic_sum(Threads(count), 8 * kReductionBlock, [&](std::size_t) {
      team = omp_get_num_threads();
      return 1.0;
    });
    EXPECT_EQ(team, count);
  }
}

TEST(Threads, RejectsCountsBelowOne) {
  EXPECT_THROW(Threads(0), InputError);
  EXPECT_EQ(Threads(2).count(), 2);
}

TEST(ParallelMax, FindsMaximumAndPropagatesNaN) {
  std::vector<double> v{1.0, 5.0, -2.0, 3.0};
  EXPECT_EQ(parallel_max(Threads(2), v.size(), [&](std::size_t c) { return v[c]; }), 5.0);
  v[2] = std::nan("");
  EXPECT_TRUE(std::isnan(parallel_max(Threads(2), v.size(), [&](std::size_t c) { return v[c]; })));
}

}  // namespace
}  // namespace dermasim
