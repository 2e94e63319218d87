// The engine-backed sweep run: metrics at requested times, failures reported, not thrown.
#include "dermasim/sweep/engine_run.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace dermasim::sweep {
namespace {

RunRequest healthy_skin_request() {
  RunRequest r;
  r.base_scenario =
      std::filesystem::path(DERMASIM_SOURCE_DIR) / "scenarios/ci/healthy-skin-ci.yaml";
  r.overrides = {{"simulation.duration", "10 days"}, {"domain.width", "1 mm"}};
  r.metrics = {{"collagen_reticular_rel", "5 days", "c@5d"},
               {"fibroblasts_rel", "end", "f@end"},
               {"improvement_pct", "end", "i@end"}};
  return r;
}

TEST(EngineRun, UntreatedSkinStaysAtRest) {
  const RunOutcome out = run_engine(healthy_skin_request());
  ASSERT_EQ(out.status, RunStatus::ok) << out.error;
  ASSERT_EQ(out.metrics.size(), 3u);
  EXPECT_NEAR(out.metrics[0], 1.0, 1e-9);
  EXPECT_NEAR(out.metrics[1], 1.0, 1e-9);
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
  r.metrics = {{"improvement_pct", "2 months", "i@2m"}};
  const RunOutcome out = run_engine(r);
  EXPECT_EQ(out.status, RunStatus::failed);
  EXPECT_NE(out.error.find("outputs.at: 2 months"), std::string::npos) << out.error;
}

}  // namespace
}  // namespace dermasim::sweep
