// `dermasim run` end to end on the CI presets: results identical for 1 and 2 threads, clean
// interruption, no incomplete file at the output path whenever a run is killed, no overwrite
// without --force, and --dry-run writing nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "cli_support.hpp"

namespace dermasim::testing {
namespace {

namespace fs = std::filesystem;

// One session, three weeks: seconds on the CI grid.
const std::string kShortCourse =
    "--set treatment.sessions.count=1 --set simulation.duration=\"3 weeks\" --quiet ";

TEST(RunCommand, OneAndTwoThreadsGiveBitwiseIdenticalResults) {
  const fs::path dir = scratch_directory("threads");
  for (const std::string threads : {"1", "2"}) {
    const fs::path out = dir / ("t" + threads + ".h5");
    std::string arguments = "run '" + preset("ci/boxcar-standard-ci.yaml").string() + "' ";
    arguments += kShortCourse + "--threads " + threads + " -o '" + out.string() + "'";
    const auto r = run_command(dermasim(arguments));
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  for (const char* group : {"/fields", "/metrics", "/events"}) {
    const auto diff = run_command("h5diff '" + (dir / "t1.h5").string() + "' '" +
                                  (dir / "t2.h5").string() + "' " + group);
    EXPECT_EQ(diff.exit_code, 0) << group << ":\n" << diff.output;
  }
  fs::remove_all(dir);
}

// The signal is sent once the first weekly checkpoint exists: the run is then surely stepping
// with its handler installed, however fast or busy the machine.
TEST(RunCommand, SigintFinishesTheFileAsInterrupted) {
  const fs::path dir = scratch_directory("sigint");
  const fs::path out = dir / "out.h5";
  const pid_t pid =
      spawn_dermasim({"run", preset("boxcar-standard.yaml").string(), "-o", out.string(), "--quiet",
                      "--threads", "1", "--checkpoint-every", "1 week"});
  ASSERT_TRUE(wait_for_file(out.string() + ".checkpoint.h5", pid)) << "no checkpoint was written";
  kill(pid, SIGINT);
  EXPECT_EQ(wait_exit_code(pid), 128 + SIGINT);
  const auto info = run_command(dermasim("info '" + out.string() + "'"));
  EXPECT_EQ(info.exit_code, 0) << info.output;
  EXPECT_NE(info.output.find("interrupted"), std::string::npos) << info.output;
  fs::remove_all(dir);
}

TEST(RunCommand, KilledRunsNeverLeaveAnIncompleteFileAtTheOutputPath) {
  const fs::path dir = scratch_directory("kill");
  const fs::path out = dir / "out.h5";
  std::mt19937 random(20261121);
  std::uniform_int_distribution<int> delay_ms(0, 1500);
  int completed = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    fs::remove(out);
    const pid_t pid =
        spawn_dermasim({"run", preset("ci/boxcar-standard-ci.yaml").string(), "--set",
                        "treatment.sessions.count=1", "--set", "simulation.duration=3 weeks", "-o",
                        out.string(), "--force", "--quiet", "--threads", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    kill(pid, SIGKILL);
    const int code = wait_exit_code(pid);
    if (!fs::exists(out)) continue;  // killed before close: nothing at the output path
    // Only a finished run may have put a file there, and it must be whole.
    EXPECT_EQ(code, 0) << "attempt " << attempt;
    const auto info = run_command(dermasim("info '" + out.string() + "'"));
    EXPECT_EQ(info.exit_code, 0) << info.output;
    EXPECT_NE(info.output.find("complete"), std::string::npos) << info.output;
    ++completed;
  }
  EXPECT_LT(completed, 20) << "no run was killed early enough to test anything";
  fs::remove_all(dir);
}

TEST(RunCommand, InterruptedRunResumedFromItsCheckpointMatchesAnUninterruptedOne) {
  const fs::path dir = scratch_directory("resume");
  const std::string scenario = preset("ci/boxcar-standard-ci.yaml").string();
  const auto reference = run_command(dermasim("run '" + scenario + "' --threads 1 --quiet -o '" +
                                              (dir / "reference.h5").string() + "'"));
  ASSERT_EQ(reference.exit_code, 0) << reference.output;

  const fs::path out = dir / "resumed.h5";
  const pid_t pid = spawn_dermasim({"run", scenario, "--threads", "1", "--quiet", "-o",
                                    out.string(), "--checkpoint-every", "1 week"});
  // Interrupted once its first checkpoint exists, whatever the machine's speed.
  const fs::path checkpoint = out.string() + ".checkpoint.h5";
  ASSERT_TRUE(wait_for_file(checkpoint, pid)) << "no checkpoint was written";
  kill(pid, SIGINT);
  ASSERT_EQ(wait_exit_code(pid), 128 + SIGINT);
  ASSERT_TRUE(fs::exists(checkpoint));
  const auto resumed =
      run_command(dermasim("run --resume '" + checkpoint.string() + "' --threads 1 --quiet"));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_FALSE(fs::exists(checkpoint));  // a finished run removes its checkpoint
  for (const char* group : {"/fields", "/metrics", "/events"}) {
    const auto diff = run_command("h5diff '" + (dir / "reference.h5").string() + "' '" +
                                  out.string() + "' " + group);
    EXPECT_EQ(diff.exit_code, 0) << group << ":\n" << diff.output;
  }
  fs::remove_all(dir);
}

TEST(RunCommand, KeepCheckpointLeavesTheFinalStateForBranching) {
  const fs::path dir = scratch_directory("keep");
  const fs::path out = dir / "history.h5";
  const auto r =
      run_command(dermasim("run '" + preset("ci/healthy-skin-ci.yaml").string() +
                           "' --quiet --keep-checkpoint --set simulation.duration=\"3 days\" -o '" +
                           out.string() + "'"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto resumed = run_command(dermasim("run --resume '" + out.string() + ".checkpoint.h5'"));
  // The checkpoint holds the finished run: resuming it has nothing left to do but is valid.
  EXPECT_EQ(resumed.exit_code, 0) << resumed.output;
  fs::remove_all(dir);
}

TEST(RunCommand, RefusesToOverwriteWithoutForce) {
  const fs::path dir = scratch_directory("overwrite");
  const fs::path out = dir / "out.h5";
  {
    std::FILE* f = std::fopen(out.c_str(), "w");
    std::fputs("precious", f);
    std::fclose(f);
  }
  const auto r = run_command(dermasim("run '" + preset("ci/healthy-skin-ci.yaml").string() +
                                      "' --quiet -o '" + out.string() + "'"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("--force"), std::string::npos) << r.output;
  EXPECT_EQ(fs::file_size(out), 8u);
  fs::remove_all(dir);
}

TEST(RunCommand, DryRunMemoryEstimateIsWithin20PercentOfThePeak) {
  const fs::path dir = scratch_directory("memory");
  const std::string scenario = preset("ci/block-3d-ci.yaml").string();
  const std::string sets = "--set treatment.sessions.count=0 --set simulation.duration=\"2 days\"";
  const auto dry = run_command(dermasim("run '" + scenario + "' --dry-run --threads 2 " + sets));
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  const auto at = dry.output.find("# memory: about ");
  ASSERT_NE(at, std::string::npos) << dry.output;
  const double estimate = std::stod(dry.output.substr(at + 16)) * 1024 * 1024;
  const pid_t pid = spawn_dermasim({"run", scenario, "--threads", "2", "--quiet", "--set",
                                    "treatment.sessions.count=0", "--set",
                                    "simulation.duration=2 days", "-o", (dir / "m.h5").string()});
  int code = -1;
  const double peak = wait_peak_memory(pid, &code);
  ASSERT_EQ(code, 0);
  EXPECT_NEAR(estimate / peak, 1.0, 0.2) << "estimate " << estimate << " B, peak " << peak << " B";
  fs::remove_all(dir);
}

TEST(RunCommand, DryRunEstimatesAndWritesNothing) {
  const fs::path dir = scratch_directory("dry");
  const fs::path out = dir / "out.h5";
  const auto r = run_command(dermasim("run '" + preset("boxcar-standard.yaml").string() +
                                      "' --dry-run -o '" + out.string() + "'"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // A 2D grid is width x depth: no "x 1 x" for the missing breadth.
  EXPECT_NE(r.output.find("# grid: 300 x 150 = 45000 cells (2D"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("# memory: about"), std::string::npos);
  EXPECT_NE(r.output.find("# run time: about"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

// Whether the machine holds the grid is a pre-flight check of the run, not of the scenario:
// validate accepts the scenario, run refuses it with its own line and exit code 1.
TEST(RunCommand, RefusesAGridLargerThanTheMachinesMemoryBeforeStarting) {
  const fs::path dir = scratch_directory("huge-grid");
  const fs::path scenario = dir / "huge.yaml";
  {
    std::FILE* f = std::fopen(scenario.c_str(), "w");
    std::fputs(
        "domain:\n  dimensions: 3\n  width: 100 mm\n  breadth: 100 mm\n  depth: 10 mm\n"
        "  spacing: 1 um\n",
        f);
    std::fclose(f);
  }
  EXPECT_EQ(run_command(dermasim("validate '" + scenario.string() + "'")).exit_code, 0);
  const auto r = run_command(dermasim("run '" + scenario.string() + "' --quiet"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_EQ(r.output.rfind("error: not enough memory: the run needs about ", 0), 0u) << r.output;
  EXPECT_NE(r.output.find("for 1e+14 cells, this machine has "), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  fs::remove(scenario);
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dermasim::testing
