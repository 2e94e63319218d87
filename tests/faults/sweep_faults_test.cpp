// Faults during `dermasim sweep`: a full disk stops the sweep with one line, journals no run
// whose file is incomplete, and resumes to the summary of an uninterrupted sweep; so does a
// sweep killed with SIGKILL, and an MPI sweep one of whose ranks is killed.
#include <gtest/gtest.h>
#include <spawn.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "faults/fault_support.hpp"

extern char** environ;

namespace dermasim::testing {
namespace {

// Four (or six) runs of the CI preset, each keeping its results file (about 1.8 MB each).
fs::path write_sweep(const fs::path& dir, bool longer = false) {
  const fs::path file = dir / "faults-sweep.yaml";
  std::ofstream(file) << "name: faults-sweep\n"
                      << "base: " << ci_preset() << "\n"
                      << "vary:\n  treatment.needle_length: [0.5 mm, 1.0 mm, 1.5 mm, 2.0 mm"
                      << (longer ? ", 2.5 mm, 0.75 mm" : "") << "]\n"
                      << "design: grid\nseed: 1\n"
                      << "outputs: {metrics: [improvement_pct], at: [end], keep_fields: true}\n";
  return file;
}

std::string text_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The summary of an uninterrupted sweep, for comparisons.
std::string reference_summary(const fs::path& sweep, const fs::path& dir) {
  const auto r = run_command(
      dermasim("sweep '" + sweep.string() + "' -o '" + dir.string() + "' --jobs 2 --quiet"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return text_of(dir / "summary.csv");
}

// Every run the journal calls ok has a complete results file; after a fault the sweep saw
// (not a SIGKILL) no .partial is left behind either.
void expect_journal_matches_files(const fs::path& out, bool cleaned_up) {
  std::istringstream journal(text_of(out / "journal.csv"));
  std::string line;
  while (std::getline(journal, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("index", 0) == 0) continue;
    const std::size_t index = std::stoul(line.substr(0, line.find(',')));
    char name[32];
    std::snprintf(name, sizeof name, "run-%06zu.h5", index);
    const auto info = run_command(dermasim("info '" + (out / "runs" / name).string() + "'"));
    EXPECT_EQ(info.exit_code, 0) << "journaled run " << index << ": " << info.output;
  }
  for (const auto& entry : fs::directory_iterator(out / "runs")) {
    if (!cleaned_up) break;
    EXPECT_NE(entry.path().extension(), ".partial") << entry.path();
  }
}

// After a SIGKILL: the journal agrees with the files, and resuming gives the reference summary.
void expect_killed_sweep_resumes_to(const fs::path& sweep, const fs::path& out,
                                    const std::string& reference) {
  expect_journal_matches_files(out, false);
  const auto resumed = run_command(dermasim("sweep '" + sweep.string() + "' -o '" + out.string() +
                                            "' --jobs 2 --quiet --resume"));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(text_of(out / "summary.csv"), reference);
}

TEST(SweepFaults, FullDiskStopsTheSweepAndItResumesToTheSameSummary) {
  const fs::path scratch = scratch_directory("fault-sweep-ref");
  const fs::path sweep = write_sweep(scratch);
  const std::string reference = reference_summary(sweep, scratch / "reference");
  SmallDisk disk("fault-sweep-full", 5 << 20);
  const fs::path out = disk.dir() / "out";
  const auto r =
      disk.run("sweep '" + sweep.string() + "' -o '" + out.string() + "' --jobs 1 --quiet");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(one_error_line(r.output)) << r.output;
  EXPECT_NE(r.output.find("the sweep stopped"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--resume"), std::string::npos) << r.output;
  expect_journal_matches_files(out, true);

  disk.grow();
  const auto resumed = run_command(dermasim("sweep '" + sweep.string() + "' -o '" + out.string() +
                                            "' --jobs 1 --quiet --resume"));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(text_of(out / "summary.csv"), reference);
  fs::remove_all(scratch);
}

TEST(SweepFaults, SigkilledSweepResumesToTheSameSummary) {
  const fs::path dir = scratch_directory("fault-sweep-kill");
  const fs::path sweep = write_sweep(dir);
  const std::string reference = reference_summary(sweep, dir / "reference");
  const fs::path out = dir / "killed";
  const pid_t child =
      spawn_dermasim({"sweep", sweep.string(), "-o", out.string(), "--jobs", "2", "--quiet"});
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  kill(child, SIGKILL);
  wait_exit_code(child);
  expect_killed_sweep_resumes_to(sweep, out, reference);
  fs::remove_all(dir);
}

// The pid of a child of `parent` whose environment says it is MPI rank `rank`, or 0.
pid_t rank_pid(pid_t parent, int rank) {
  const std::string wanted = "OMPI_COMM_WORLD_RANK=" + std::to_string(rank);
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = text_of(entry.path() / "stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 2));
    char state = 0;
    pid_t ppid = 0;
    fields >> state >> ppid;
    if (ppid != parent) continue;
    const std::string environment = text_of(entry.path() / "environ");
    if (environment.find(wanted + '\0') != std::string::npos) return std::stoi(name);
  }
  return 0;
}

TEST(SweepFaults, KilledMpiRankLeavesAJournalThatResumesToTheSameSummary) {
  if (run_command("command -v mpirun").exit_code != 0) GTEST_SKIP() << "no mpirun";
  const fs::path dir = scratch_directory("fault-sweep-mpi");
  const fs::path sweep = write_sweep(dir, true);
  const std::string reference = reference_summary(sweep, dir / "reference");
  const fs::path out = dir / "mpi";
  setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
  setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
  setenv("OMPI_MCA_btl_vader_single_copy_mechanism", "none", 1);
  const std::string binary = DERMASIM_BINARY;
  const std::string sweep_path = sweep.string(), out_path = out.string();
  std::vector<const char*> argv = {"mpirun",           "-n",           "2",
                                   "--oversubscribe",  binary.c_str(), "sweep",
                                   sweep_path.c_str(), "-o",           out_path.c_str(),
                                   "--quiet",          nullptr};
  posix_spawn_file_actions_t quiet;
  posix_spawn_file_actions_init(&quiet);
  posix_spawn_file_actions_addopen(&quiet, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&quiet, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t mpirun = 0;
  ASSERT_EQ(
      posix_spawnp(&mpirun, "mpirun", &quiet, nullptr, const_cast<char**>(argv.data()), environ),
      0);
  posix_spawn_file_actions_destroy(&quiet);
  // Rank 1 is killed once the first run is journaled, so that runs are left to resume.
  pid_t victim = 0;
  const fs::path journal = out / "journal.csv";
  for (int i = 0; i < 2000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (victim == 0) victim = rank_pid(mpirun, 1);
    const std::string text = fs::exists(journal) ? text_of(journal) : "";
    if (victim != 0 && std::count(text.begin(), text.end(), '\n') >= 3) break;
  }
  ASSERT_NE(victim, 0) << "rank 1 never started";
  kill(victim, SIGKILL);
  EXPECT_NE(wait_exit_code(mpirun), 0) << "a killed rank must fail the job";
  expect_killed_sweep_resumes_to(sweep, out, reference);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dermasim::testing
