// Aggregation of replicate runs: mean, sample SD, min and max per sample time, and the check
// that replicates share their time axis.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/sim/replicate_stats.hpp"

namespace dermasim::sim {
namespace {

TEST(ReplicateStats, MeanSampleSdMinAndMaxPerSample) {
  const std::vector<std::vector<double>> series = {{1.0, 10.0}, {2.0, 30.0}, {6.0, 20.0}};
  const SeriesStats s = replicate_stats(series);
  ASSERT_EQ(s.mean.size(), 2u);
  EXPECT_DOUBLE_EQ(s.mean[0], 3.0);
  EXPECT_DOUBLE_EQ(s.mean[1], 20.0);
  // Sample SD: sqrt(((1-3)^2 + (2-3)^2 + (6-3)^2) / 2) = sqrt(7); sqrt(200 / 2) = 10.
  EXPECT_DOUBLE_EQ(s.sd[0], std::sqrt(7.0));
  EXPECT_DOUBLE_EQ(s.sd[1], 10.0);
  EXPECT_EQ(s.min, (std::vector<double>{1.0, 10.0}));
  EXPECT_EQ(s.max, (std::vector<double>{6.0, 30.0}));
}

TEST(ReplicateStats, OneReplicateHasZeroSpread) {
  const std::vector<std::vector<double>> series = {{4.5, -1.0}};
  const SeriesStats s = replicate_stats(series);
  EXPECT_EQ(s.mean, series[0]);
  EXPECT_EQ(s.sd, (std::vector<double>{0.0, 0.0}));
  EXPECT_EQ(s.min, series[0]);
  EXPECT_EQ(s.max, series[0]);
}

TEST(ReplicateStats, ANanInAnyReplicateMakesThatSampleNan) {
  const double nan = std::nan("");
  const std::vector<std::vector<double>> series = {{1.0, nan}, {3.0, 2.0}};
  const SeriesStats s = replicate_stats(series);
  EXPECT_DOUBLE_EQ(s.mean[0], 2.0);
  for (const auto* v : {&s.mean, &s.sd, &s.min, &s.max}) EXPECT_TRUE(std::isnan((*v)[1]));
}

TEST(ReplicateStats, ANanScalarMakesMeanAndSdNan) {
  const std::vector<double> values = {1.0, std::nan(""), 3.0};
  const MeanSd m = mean_sd(values);
  EXPECT_TRUE(std::isnan(m.mean));
  EXPECT_TRUE(std::isnan(m.sd));
}

TEST(ReplicateStats, EqualValuesGiveExactlyZeroSd) {
  // Two passes around the mean: no rounding residue for identical replicates.
  const std::vector<double> values(5, 0.1 + 0.2);
  const MeanSd m = mean_sd(values);
  EXPECT_EQ(m.mean, 0.1 + 0.2);
  EXPECT_EQ(m.sd, 0.0);
}

TEST(ReplicateStats, TheMeanNeverLeavesMinToMaxThroughRounding) {
  // 0.1 + 0.1 + 0.1 rounds up to 0.30000000000000004, and that / 3 lies above 0.1.
  const std::vector<std::vector<double>> series = {{0.1}, {0.1}, {0.1}};
  const SeriesStats s = replicate_stats(series);
  EXPECT_EQ(s.mean[0], 0.1);
  EXPECT_LE(s.min[0], s.mean[0]);
  EXPECT_LE(s.mean[0], s.max[0]);
  EXPECT_EQ(s.sd[0], 0.0);
}

TEST(ReplicateStats, UnequalLengthsAreRefused) {
  const std::vector<std::vector<double>> series = {{1.0, 2.0}, {1.0}};
  EXPECT_THROW(replicate_stats(series), Error);
}

TEST(ReplicateStats, SeedsCountUpFromTheScenarioSeed) {
  EXPECT_EQ(replicate_seed(42, 0), 42u);
  EXPECT_EQ(replicate_seed(42, 3), 45u);
}

TEST(ReplicateStats, DifferentTimeAxesAreRefusedWithTheReplicateAndSample) {
  const std::vector<double> reference = {0.0, 1.0, 2.0};
  EXPECT_NO_THROW(check_same_times(reference, reference, 1, 43));
  const std::vector<double> shifted = {0.0, 1.5, 2.0};
  try {
    check_same_times(reference, shifted, 2, 44);
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string text = e.what();
    EXPECT_NE(text.find("replicate 3 (seed 44)"), std::string::npos) << text;
    EXPECT_NE(text.find("day 1.5"), std::string::npos) << text;
  }
  const std::vector<double> shorter = {0.0, 1.0};
  EXPECT_THROW(check_same_times(reference, shorter, 1, 43), InputError);
}

}  // namespace
}  // namespace dermasim::sim
