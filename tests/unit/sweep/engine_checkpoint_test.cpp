// Branching what-ifs: sweep runs that start from a checkpoint reproduce the uninterrupted run
// bit for bit, may change what happens after the checkpoint, and refuse a different history.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/checkpoint_file.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"
#include "dermasim/sweep/engine_run.hpp"

namespace dermasim::sweep {
namespace {

namespace fs = std::filesystem;

const fs::path kBase = fs::path(DERMASIM_SOURCE_DIR) / "scenarios/ci/boxcar-standard-ci.yaml";

// Two sessions, days 7 and 14, over 20 days on a coarse grid: short enough for a unit test.
std::vector<Override> short_course() {
  return {{"simulation.duration", "20 days"},
          {"domain.spacing", "100 um"},
          {"treatment.sessions.count", "2"},
          {"treatment.sessions.spacing", "1 week"}};
}

RunRequest request(const std::vector<Override>& extra = {}) {
  RunRequest r;
  r.base_scenario = kBase;
  r.overrides = short_course();
  r.overrides.insert(r.overrides.end(), extra.begin(), extra.end());
  r.metrics = {{"improvement_pct", "end", "i@end", "%"}, {"scar_depth_mm", "end", "d@end", "mm"}};
  return r;
}

// The state at day 10 (after session 1, before session 2), reached in the same one-day steps
// as run_engine takes, so the continued run stops where the uninterrupted one does.
fs::path checkpoint_at_day_10() {
  std::vector<std::string> sets;
  for (const auto& o : short_course()) sets.push_back(o.key + "=" + o.value);
  const scenario::Scenario s = scenario::load_scenario(kBase, sets);
  sim::Simulation simulation(sim::run_config_from(s));
  sim::Observer silent;
  for (int day = 1; day <= 10; ++day) simulation.run_until(day, silent);
  const fs::path path =
      fs::temp_directory_path() / ("dermasim-sweep-ckpt-" + std::to_string(::getpid()) + ".h5");
  sim::save_checkpoint(path, simulation, s.resolved, {});
  return path;
}

TEST(EngineCheckpoint, BranchesFromACheckpointLikeTheUninterruptedRun) {
  const fs::path checkpoint = checkpoint_at_day_10();
  const RunOutcome straight = run_engine(request());
  ASSERT_EQ(straight.status, RunStatus::ok) << straight.error;

  RunRequest same = request();
  same.start_from = checkpoint;
  const RunOutcome resumed = run_engine(same);
  ASSERT_EQ(resumed.status, RunStatus::ok) << resumed.error;
  EXPECT_EQ(resumed.metrics, straight.metrics);  // bit for bit

  // What if the second session were skipped? Same history, different future.
  RunRequest one_session = request({{"treatment.sessions.count", "1"}});
  one_session.start_from = checkpoint;
  const RunOutcome branch = run_engine(one_session);
  ASSERT_EQ(branch.status, RunStatus::ok) << branch.error;
  EXPECT_NE(branch.metrics[0], straight.metrics[0]);

  // A schedule whose first session comes after the checkpoint cannot continue from it.
  RunRequest later = request({{"treatment.sessions.start", "12 days"}});
  later.start_from = checkpoint;
  const RunOutcome refused = run_engine(later);
  EXPECT_EQ(refused.status, RunStatus::failed);
  EXPECT_NE(refused.error.find("may only vary what happens after it"), std::string::npos)
      << refused.error;

  RunRequest early_sample = request();
  early_sample.start_from = checkpoint;
  early_sample.metrics = {{"improvement_pct", "5 days", "i@5d", "%"}};
  const RunOutcome early = run_engine(early_sample);
  EXPECT_EQ(early.status, RunStatus::failed);
  EXPECT_NE(early.error.find("before the checkpoint"), std::string::npos) << early.error;
  fs::remove(checkpoint);
}

}  // namespace
}  // namespace dermasim::sweep
