// The engine-backed sweep run: metrics at requested times, failures reported, not thrown.
#include "dermasim/sweep/engine_run.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/checkpoint_file.hpp"
#include "dermasim/sim/scenario_run.hpp"

namespace dermasim::sweep {
namespace {

RunRequest healthy_skin_request() {
  RunRequest r;
  r.base_scenario =
      std::filesystem::path(DERMASIM_SOURCE_DIR) / "scenarios/ci/healthy-skin-ci.yaml";
  r.overrides = {{"simulation.duration", "10 days"}, {"domain.width", "1 mm"}};
  r.metrics = {{"collagen_reticular_rel", "5 days", "c@5d", "1"},
               {"fibroblasts_rel", "end", "f@end", "1"},
               {"improvement_pct", "end", "i@end", "%"}};
  return r;
}

TEST(EngineRun, UntreatedSkinStaysAtRest) {
  const RunOutcome out = run_engine(healthy_skin_request());
  ASSERT_EQ(out.status, RunStatus::ok) << out.error;
  ASSERT_EQ(out.metrics.size(), 3u);
  EXPECT_NEAR(out.metrics[0], 1.0, 1e-9);
  EXPECT_NEAR(out.metrics[1], 1.0, 1e-9);
}

TEST(EngineRun, AStopRequestAbandonsTheRunAsPending) {
  RunRequest r = healthy_skin_request();
  int polls = 0;
  r.stop_requested = [&] { return ++polls > 3; };  // stop after three simulated days
  const RunOutcome out = run_engine(r);
  EXPECT_EQ(out.status, RunStatus::pending);
  EXPECT_TRUE(out.metrics.empty());
  EXPECT_EQ(polls, 4);
}

TEST(EngineRun, BadOverrideIsAFailedRunWithItsMessage) {
  RunRequest r = healthy_skin_request();
  r.overrides.push_back({"domain.spacing", "7 mm"});
  const RunOutcome out = run_engine(r);
  EXPECT_EQ(out.status, RunStatus::failed);
  EXPECT_NE(out.error.find("domain.spacing"), std::string::npos) << out.error;
  EXPECT_TRUE(out.metrics.empty());
}

TEST(EngineRun, SampleTimeBeyondTheRunIsAFailure) {
  RunRequest r = healthy_skin_request();
  r.metrics = {{"improvement_pct", "2 months", "i@2m", "%"}};
  const RunOutcome out = run_engine(r);
  EXPECT_EQ(out.status, RunStatus::failed);
  EXPECT_NE(out.error.find("outputs.at: 2 months"), std::string::npos) << out.error;
}

// A point with replicates runs seeds seed, seed + 1, ...: seed offset 0 is the plain run, offset
// 1 the plain run with the next seed, values metric-major. A 2D section's needling does not
// depend on the seed (docs/model.md), so active acne (randomly placed foci) makes it matter.
TEST(EngineRun, ReplicatesRunConsecutiveSeedsMetricMajor) {
  RunRequest r;
  r.base_scenario =
      std::filesystem::path(DERMASIM_SOURCE_DIR) / "scenarios/ci/boxcar-standard-ci.yaml";
  r.overrides = {{"treatment.sessions.count", "1"},
                 {"simulation.duration", "3 weeks"},
                 {"domain.depth", "1.5 mm"},
                 {"domain.spacing", "100 um"},
                 {"skin.active_acne", "true"}};
  r.metrics = {{"improvement_pct", "2 weeks", "i@2w", "%"},
               {"scar_depth_mm", "end", "d@end", "mm"}};
  const RunOutcome seed42 = run_engine(r);
  ASSERT_EQ(seed42.status, RunStatus::ok) << seed42.error;
  RunRequest next = r;
  next.overrides.push_back({"simulation.seed", "43"});
  const RunOutcome seed43 = run_engine(next);
  ASSERT_EQ(seed43.status, RunStatus::ok) << seed43.error;

  r.replicates = 2;
  const RunOutcome both = run_engine(r);
  ASSERT_EQ(both.status, RunStatus::ok) << both.error;
  ASSERT_EQ(both.metrics.size(), 4u);
  EXPECT_EQ(both.metrics[0], seed42.metrics[0]);
  EXPECT_EQ(both.metrics[1], seed43.metrics[0]);
  EXPECT_EQ(both.metrics[2], seed42.metrics[1]);
  EXPECT_EQ(both.metrics[3], seed43.metrics[1]);
  EXPECT_NE(both.metrics[0], both.metrics[1]);  // the seeds did differ
}

// Branching what-ifs: runs start from a checkpoint of a shared history.
TEST(EngineRun, StartsFromACheckpointOfTheSharedHistory) {
  const auto base =
      std::filesystem::path(DERMASIM_SOURCE_DIR) / "scenarios/ci/boxcar-standard-ci.yaml";
  const std::vector<std::string> sets = {"treatment.sessions.count=1",
                                         "simulation.duration=3 weeks", "domain.depth=1.5 mm",
                                         "domain.spacing=100 um"};
  RunRequest r;
  r.base_scenario = base;
  for (const auto& set : sets) {
    const auto eq = set.find('=');
    r.overrides.push_back({set.substr(0, eq), set.substr(eq + 1)});
  }
  r.metrics = {{"improvement_pct", "end", "i@end", "%"}};
  const RunOutcome straight = run_engine(r);
  ASSERT_EQ(straight.status, RunStatus::ok) << straight.error;

  const scenario::Scenario s = scenario::load_scenario(base, sets);
  sim::Simulation history(sim::run_config_from(s, Threads(1)));
  sim::Observer quiet;
  history.run_until(10.0, quiet);  // after the session on day 7
  const auto checkpoint = std::filesystem::temp_directory_path() / "dermasim-branch.h5";
  sim::save_checkpoint(checkpoint, history, s.resolved, {});
  r.start_from = checkpoint;
  const RunOutcome branched = run_engine(r);
  ASSERT_EQ(branched.status, RunStatus::ok) << branched.error;
  // The step controller restarts at the branch point: equal to the step tolerance, not bitwise.
  EXPECT_NEAR(branched.metrics[0], straight.metrics[0], 0.2);
  EXPECT_NE(branched.metrics[0], 0.0);

  r.metrics = {{"improvement_pct", "1 week", "i@1w", "%"}};  // before the branch point
  const RunOutcome early = run_engine(r);
  EXPECT_EQ(early.status, RunStatus::failed);
  EXPECT_NE(early.error.find("outputs.at: 1 week is outside"), std::string::npos) << early.error;
  std::filesystem::remove(checkpoint);
}

}  // namespace
}  // namespace dermasim::sweep
