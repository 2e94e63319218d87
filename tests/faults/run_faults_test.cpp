// Faults of the machine during `dermasim run`: a full disk while writing results or a
// checkpoint, a read-only output directory, a busy output, SIGKILL during checkpoint writes.
// Each asserts the exit code, the one-line message and that nothing complete is lost; a run
// resumed after the fault is compared bitwise with an uninterrupted run of the same binary.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

#include "faults/fault_support.hpp"

namespace dermasim::testing {
namespace {

// An uninterrupted run of the CI preset in `dir` (the reference for bitwise comparisons).
fs::path reference_run(const fs::path& dir) {
  const fs::path out = dir / "reference.h5";
  const auto r = run_command(
      dermasim("run '" + ci_preset() + "' -o '" + out.string() + "' --quiet --threads 1"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return out;
}

TEST(RunFaults, FullDiskWithoutCheckpointIsOneLineAndRemovesThePartialFile) {
  SmallDisk disk("fault-full", 1 << 20);
  const fs::path out = disk.dir() / "full.h5";
  const auto r =
      disk.run("run '" + ci_preset() + "' -o '" + out.string() + "' --quiet --threads 1");
  EXPECT_EQ(r.exit_code, 1) << r.output;  // not 139: no crash after the message
  EXPECT_TRUE(one_error_line(r.output)) << r.output;
  const std::string line = error_line(r.output);
  EXPECT_EQ(line.rfind("error: " + out.string() + ": ", 0), 0u) << line;
  EXPECT_NE(line.find("while writing snapshot"), std::string::npos) << line;
  EXPECT_NE(line.find(disk.tmpfs() ? "no space left on device" : "file too large"),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("removed"), std::string::npos) << line;
  EXPECT_FALSE(fs::exists(io::partial_path(out))) << "the useless partial file takes the space";
  EXPECT_FALSE(fs::exists(out));
}

TEST(RunFaults, FullDiskDuringACheckpointKeepsTheLastOneAndResumesBitwise) {
  const fs::path scratch = scratch_directory("fault-full-ckpt-ref");
  const fs::path reference = reference_run(scratch);
  SmallDisk disk("fault-full-ckpt", 2 << 20);
  const fs::path out = disk.dir() / "c.h5";
  const fs::path checkpoint = out.string() + ".checkpoint.h5";
  const auto r = disk.run("run '" + ci_preset() + "' -o '" + out.string() +
                          "' --quiet --threads 1 --checkpoint-every '10 days'");
  ASSERT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(one_error_line(r.output)) << r.output;
  const std::string line = error_line(r.output);
  EXPECT_NE(line.find("the last checkpoint (day "), std::string::npos) << line;
  EXPECT_NE(line.find("--resume " + checkpoint.string()), std::string::npos) << line;
  EXPECT_FALSE(fs::exists(checkpoint.string() + ".partial"));
  const auto verified = run_command(dermasim("info '" + checkpoint.string() + "'"));
  EXPECT_EQ(verified.exit_code, 0) << verified.output;

  disk.grow();
  const auto resumed =
      run_command(dermasim("run --resume '" + checkpoint.string() + "' --quiet --threads 1"));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(series_difference(out, reference), "");
  fs::remove_all(scratch);
}

TEST(RunFaults, ReadOnlyOutputDirectoryIsOneLine) {
  SmallDisk disk("fault-readonly", 1 << 20);
  bool read_only = false;
  if (disk.tmpfs()) {
    read_only = ::mount("tmpfs", disk.dir().c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
  } else if (geteuid() != 0) {
    fs::permissions(disk.dir(), fs::perms::owner_read | fs::perms::owner_exec);
    read_only = true;
  }
  if (!read_only) GTEST_SKIP() << "root ignores permission bits and may not remount here";
  const fs::path out = disk.dir() / "ro.h5";
  const auto r =
      run_command(dermasim("run '" + ci_preset() + "' -o '" + out.string() + "' --quiet"));
  if (!disk.tmpfs()) fs::permissions(disk.dir(), fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(one_error_line(r.output)) << r.output;
  EXPECT_NE(r.output.find("not writable"), std::string::npos) << r.output;
}

TEST(RunFaults, BusyOutputSaysWhichProcessWritesIt) {
  const fs::path dir = scratch_directory("fault-busy");
  const fs::path out = dir / "busy.h5";
  const pid_t first =
      spawn_dermasim({"run", ci_preset(), "-o", out.string(), "--quiet", "--threads", "1"});
  const fs::path partial = io::partial_path(out);
  for (int i = 0; i < 500 && !fs::exists(partial); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(fs::exists(partial));
  const auto second = run_command(
      dermasim("run '" + ci_preset() + "' -o '" + out.string() + "' --force --quiet --threads 1"));
  EXPECT_EQ(wait_exit_code(first), 0) << "the first run must not be disturbed";
  EXPECT_EQ(second.exit_code, 1) << second.output;
  EXPECT_TRUE(one_error_line(second.output)) << second.output;
  EXPECT_NE(
      second.output.find("another dermasim process is writing it (pid " + std::to_string(first)),
      std::string::npos)
      << second.output;
  const auto info = run_command(dermasim("info '" + out.string() + "'"));
  EXPECT_EQ(info.exit_code, 0) << info.output;
  EXPECT_NE(info.output.find("complete"), std::string::npos) << info.output;
  fs::remove_all(dir);
}

// Checkpoints every simulated day, so that a kill at a random moment often lands inside one. The
// random delay counts from the first checkpoint (an event of the run), not from the start, so
// the test does not depend on how fast the machine gets there.
TEST(RunFaults, SigkillDuringCheckpointWritesNeverLosesTheLastCheckpoint) {
  const fs::path dir = scratch_directory("fault-kill-ckpt");
  const fs::path reference = reference_run(dir);
  std::mt19937 random(14);
  std::uniform_int_distribution<int> delay_ms(0, 250);
  int resumed = 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    const fs::path out = dir / ("k" + std::to_string(attempt) + ".h5");
    const fs::path checkpoint = out.string() + ".checkpoint.h5";
    const pid_t child = spawn_dermasim({"run", ci_preset(), "-o", out.string(), "--quiet",
                                        "--threads", "1", "--checkpoint-every", "1 day"});
    ASSERT_TRUE(wait_for_file(checkpoint, child)) << "no checkpoint was written";
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    kill(child, SIGKILL);
    wait_exit_code(child);
    if (!fs::exists(checkpoint)) continue;  // killed before the first checkpoint
    const auto verified = run_command(dermasim("info '" + checkpoint.string() + "'"));
    EXPECT_EQ(verified.exit_code, 0) << "a checkpoint at its final name is complete\n"
                                     << verified.output;
    const auto r =
        run_command(dermasim("run --resume '" + checkpoint.string() + "' --quiet --threads 1"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(series_difference(out, reference), "") << out;
    ++resumed;
  }
  EXPECT_GT(resumed, 0) << "no kill came after a checkpoint; lengthen the delays";
  fs::remove_all(dir);
}

// What a kill inside a flush can leave (a chunk index half written) is, to resume, damage to
// the rows the checkpoint keeps; a flipped bit in the first snapshot stands in for it. The
// results are then recomputed from day 0, with a note, and end as an uninterrupted run's.
TEST(RunFaults, DamagedResultsOfAKilledRunAreRecomputedOnResume) {
  const fs::path dir = scratch_directory("fault-kill-damaged");
  const fs::path reference = reference_run(dir);
  const fs::path out = dir / "k.h5";
  const fs::path checkpoint = out.string() + ".checkpoint.h5";
  const pid_t child = spawn_dermasim({"run", ci_preset(), "-o", out.string(), "--quiet",
                                      "--threads", "1", "--checkpoint-every", "1 day"});
  ASSERT_TRUE(wait_for_file(checkpoint, child)) << "no checkpoint was written";
  kill(child, SIGKILL);
  wait_exit_code(child);
  const fs::path partial = io::partial_path(out);
  ASSERT_TRUE(fs::exists(partial));
  flip_bit(partial, data_offset(partial, "fields/collagen_mature", 0) + 3);
  const auto r =
      run_command(dermasim("run --resume '" + checkpoint.string() + "' --quiet --threads 1"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("note: " + partial.string()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("recomputing them from day 0"), std::string::npos) << r.output;
  EXPECT_EQ(series_difference(out, reference), "");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dermasim::testing
