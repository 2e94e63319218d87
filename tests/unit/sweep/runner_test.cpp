// The workstation runner with a fake run function: summaries, failures, parallel equality,
// resume after a stop request, after a torn journal line, and after a real SIGKILL.
#include "dermasim/sweep/runner.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_set>

#include "dermasim/core/error.hpp"
#include "dermasim/sweep/quantity.hpp"

namespace dermasim::sweep {
namespace {

namespace fs = std::filesystem;

const std::string kSweep = R"(base: {name: fake}
vary:
  a.x: {from: 1 mm, to: 4 mm, steps: 4}
  b.y: [1, 2, 3]
design: grid
seed: 3
outputs: {metrics: [improvement_pct, scar_depth_mm]}
)";

fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("dermasim-sweep-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// improvement = 10 x + y, depth = x * y; the run with x = 3 mm and y = 2 fails.
RunOutcome fake(const RunRequest& req) {
  const double x = parse_quantity(req.overrides.at(0).value)->value;
  const double y = parse_quantity(req.overrides.at(1).value)->value;
  if (x == 3.0 && y == 2.0) throw NumericalError("negative fibroblast density at t = 12 d");
  return {RunStatus::ok, "", {10 * x + y, x * y}};
}

SweepOptions options_for(const fs::path& dir, unsigned jobs) {
  SweepOptions o;
  o.out_dir = dir;
  o.jobs = jobs;
  return o;
}

TEST(RunSweep, WritesOneRowPerRunAndRecordsTheFailureWithoutStopping) {
  const fs::path dir = fresh_dir("rows");
  const SweepSpec spec = parse_sweep(kSweep, "s.yaml");
  std::vector<Progress> seen;
  SweepOptions o = options_for(dir, 1);
  o.progress = [&](const Progress& p) { seen.push_back(p); };
  const SweepResult r = run_sweep(spec, fake, o);
  EXPECT_EQ(r.total, 12u);
  EXPECT_EQ(r.ok, 11u);
  EXPECT_EQ(r.failed, 1u);
  EXPECT_FALSE(r.interrupted);
  ASSERT_EQ(seen.size(), 12u);
  EXPECT_EQ(seen.back().done, 12u);
  EXPECT_EQ(seen.back().failed, 1u);
  EXPECT_DOUBLE_EQ(seen.back().eta_seconds, 0.0);
  const std::string csv = slurp(dir / "summary.csv");
  std::istringstream lines(csv);
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(header, "run,status,a.x [mm],b.y,improvement_pct@end,scar_depth_mm@end,error");
  std::getline(lines, line);
  EXPECT_EQ(line, "0,ok,1,1,11,1,");
  for (int i = 0; i < 7; ++i) std::getline(lines, line);
  EXPECT_EQ(line, "7,failed,3,2,,,negative fibroblast density at t = 12 d");

  // Resuming a finished sweep runs nothing: the failure is a final, journaled outcome.
  o.resume = true;
  int calls = 0;
  const SweepResult again = run_sweep(
      spec,
      [&](const RunRequest& req) {
        ++calls;
        return fake(req);
      },
      o);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(again.failed, 1u);
  EXPECT_EQ(slurp(dir / "summary.csv"), csv);
  fs::remove_all(dir);
}

TEST(RunSweep, TwoJobsGiveTheSameSummaryAsOne) {
  const SweepSpec spec = parse_sweep(kSweep, "s.yaml");
  const fs::path one = fresh_dir("jobs1"), two = fresh_dir("jobs2");
  std::mutex m;
  std::condition_variable both_started;
  std::unordered_set<std::thread::id> threads;
  // Each run waits until two different threads have started one, so the test proves two runs
  // were in flight at once (fast fake runs would otherwise let one thread take them all).
  auto tracking = [&](const RunRequest& req) {
    std::unique_lock lock(m);
    threads.insert(std::this_thread::get_id());
    both_started.notify_all();
    both_started.wait(lock, [&] { return threads.size() >= 2; });
    return fake(req);
  };
  run_sweep(spec, fake, options_for(one, 1));
  run_sweep(spec, tracking, options_for(two, 2));
  EXPECT_EQ(slurp(one / "summary.csv"), slurp(two / "summary.csv"));
  EXPECT_EQ(threads.size(), 2u);
  fs::remove_all(one);
  fs::remove_all(two);
}

TEST(RunSweep, ResumeRunsOnlyWhatIsMissingAndMatchesAnUninterruptedSweep) {
  const SweepSpec spec = parse_sweep(kSweep, "s.yaml");
  const fs::path ref = fresh_dir("ref"), dir = fresh_dir("resume");
  run_sweep(spec, fake, options_for(ref, 1));

  std::atomic<bool> stop{false};
  SweepOptions o = options_for(dir, 1);
  o.stop_requested = [&] { return stop.load(); };
  o.progress = [&](const Progress& p) { stop = p.done == 5; };
  const SweepResult first = run_sweep(spec, fake, o);
  EXPECT_TRUE(first.interrupted);
  EXPECT_EQ(first.pending, 7u);
  EXPECT_NE(slurp(dir / "summary.csv").find("11,pending"), std::string::npos);

  // Without --resume the directory is refused rather than overwritten.
  EXPECT_THROW(run_sweep(spec, fake, options_for(dir, 1)), InputError);

  std::set<std::size_t> rerun;
  SweepOptions again = options_for(dir, 2);
  again.resume = true;
  std::mutex m;
  const SweepResult second = run_sweep(
      spec,
      [&](const RunRequest& req) {
        std::lock_guard lock(m);
        rerun.insert(req.index);
        return fake(req);
      },
      again);
  EXPECT_EQ(rerun, (std::set<std::size_t>{5, 6, 7, 8, 9, 10, 11}));
  EXPECT_FALSE(second.interrupted);
  EXPECT_EQ(slurp(ref / "summary.csv"), slurp(dir / "summary.csv"));
  fs::remove_all(ref);
  fs::remove_all(dir);
}

TEST(RunSweep, ARunAbandonedOnStopStaysPendingAndRunsAgainOnResume) {
  const SweepSpec spec = parse_sweep(kSweep, "s.yaml");
  const fs::path dir = fresh_dir("abandon");
  std::atomic<bool> stop{false};
  SweepOptions o = options_for(dir, 1);
  o.stop_requested = [&] { return stop.load(); };
  const SweepResult first = run_sweep(
      spec,
      [&](const RunRequest& req) {
        if (req.index == 3) stop = true;  // as if Ctrl-C came during run 3
        if (req.stop_requested()) return RunOutcome{RunStatus::pending, "", {}};
        return fake(req);
      },
      o);
  EXPECT_EQ(first.ok, 3u);
  EXPECT_EQ(first.pending, 9u);
  EXPECT_NE(slurp(dir / "summary.csv").find("\n3,pending,"), std::string::npos);
  EXPECT_EQ(slurp(dir / "journal.csv").find("\n3,"), std::string::npos);

  std::set<std::size_t> rerun;
  SweepOptions again = options_for(dir, 1);
  again.resume = true;
  run_sweep(
      spec,
      [&](const RunRequest& req) {
        rerun.insert(req.index);
        return fake(req);
      },
      again);
  EXPECT_EQ(*rerun.begin(), 3u);
  EXPECT_EQ(rerun.size(), 9u);
  fs::remove_all(dir);
}

TEST(RunSweep, ResumeRefusesAJournalOfAnotherSweep) {
  const fs::path dir = fresh_dir("other");
  run_sweep(parse_sweep(kSweep, "s.yaml"), fake, options_for(dir, 1));
  std::string changed = kSweep;
  changed.replace(changed.find("steps: 4"), 8, "steps: 5");
  SweepOptions o = options_for(dir, 1);
  o.resume = true;
  EXPECT_THROW(run_sweep(parse_sweep(changed, "s.yaml"), fake, o), InputError);
  fs::remove_all(dir);
}

TEST(RunSweep, ResumeAfterSigkillDropsTheTornLineAndCompletesTheSweep) {
  const SweepSpec spec = parse_sweep(kSweep, "s.yaml");
  const fs::path ref = fresh_dir("kill-ref"), dir = fresh_dir("kill");
  run_sweep(spec, fake, options_for(ref, 1));

  // The child process kills itself with SIGKILL in the middle of run 6, as `kill -9` would.
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    run_sweep(
        spec,
        [](const RunRequest& req) {
          if (req.index == 6) ::raise(SIGKILL);
          return fake(req);
        },
        options_for(dir, 1));
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_EQ(WTERMSIG(status), SIGKILL);
  // A torn record, as a kill in the middle of a write would leave it.
  { std::ofstream(dir / "journal.csv", std::ios::app) << "6,ok,0.1,6"; }

  std::set<std::size_t> rerun;
  SweepOptions o = options_for(dir, 1);
  o.resume = true;
  const SweepResult r = run_sweep(
      spec,
      [&](const RunRequest& req) {
        rerun.insert(req.index);
        return fake(req);
      },
      o);
  EXPECT_EQ(*rerun.begin(), 6u);
  EXPECT_EQ(rerun.size(), 6u);
  EXPECT_EQ(r.ok + r.failed, 12u);
  EXPECT_EQ(slurp(ref / "summary.csv"), slurp(dir / "summary.csv"));
  fs::remove_all(ref);
  fs::remove_all(dir);
}

TEST(RunSweep, ResumeAfterAKillDuringTheJournalHeaderStartsAfresh) {
  const fs::path dir = fresh_dir("header");
  fs::create_directories(dir);
  { std::ofstream(dir / "journal.csv") << "# dermasim sweep jour"; }
  SweepOptions o = options_for(dir, 1);
  o.resume = true;
  const SweepResult r = run_sweep(parse_sweep(kSweep, "s.yaml"), fake, o);
  EXPECT_EQ(r.ok + r.failed, 12u);
  fs::remove_all(dir);
}

TEST(RunSweep, WrongMetricCountIsAFailedRunNamingTheMismatch) {
  const fs::path dir = fresh_dir("count");
  const SweepResult r = run_sweep(
      parse_sweep(kSweep, "s.yaml"),
      [](const RunRequest&) {
        return RunOutcome{RunStatus::ok, "", {1.0}};
      },
      options_for(dir, 1));
  EXPECT_EQ(r.failed, 12u);
  EXPECT_NE(slurp(dir / "summary.csv").find("the run returned 1 metric values, 2 were requested"),
            std::string::npos);
  fs::remove_all(dir);
}

// Replicate k of a point returns the fake's values plus k (metric-major, as the engine does).
RunOutcome fake_replicates(const RunRequest& req) {
  RunOutcome one = fake(req);
  const std::size_t n = req.replicates;
  std::vector<double> values(one.metrics.size() * n);
  for (std::size_t c = 0; c < one.metrics.size(); ++c)
    for (std::size_t k = 0; k < n; ++k) values[c * n + k] = one.metrics[c] + static_cast<double>(k);
  one.metrics = values;
  return one;
}

TEST(RunSweep, ReplicatesGiveEachPointItsMeanAndSdAndResumeKeepsThem) {
  const SweepSpec spec = parse_sweep(kSweep + "replicates: 3\n", "s.yaml");
  const fs::path dir = fresh_dir("replicates"), ref = fresh_dir("replicates-ref");
  SweepOptions o = options_for(dir, 2);
  std::atomic<int> calls = 0;
  o.stop_requested = [&] { return calls.load() >= 5; };
  run_sweep(
      spec,
      [&](const RunRequest& req) {
        EXPECT_EQ(req.replicates, 3u);
        ++calls;
        return fake_replicates(req);
      },
      o);
  o.stop_requested = {};
  o.resume = true;
  const SweepResult r = run_sweep(spec, fake_replicates, o);
  EXPECT_EQ(r.ok, 11u);
  run_sweep(spec, fake_replicates, options_for(ref, 1));
  EXPECT_EQ(slurp(dir / "summary.csv"), slurp(ref / "summary.csv"));
  std::istringstream lines(slurp(dir / "summary.csv"));
  std::string header, line;
  std::getline(lines, header);
  EXPECT_EQ(header,
            "run,status,a.x [mm],b.y,improvement_pct@end,scar_depth_mm@end,improvement_pct@end "
            "sd,scar_depth_mm@end sd,error");
  // Point 0: improvement 11, 12, 13 (mean 12, SD 1); depth 1, 2, 3 (mean 2, SD 1).
  std::getline(lines, line);
  EXPECT_EQ(line, "0,ok,1,1,12,2,1,1,");
  const std::string journal = slurp(dir / "journal.csv");
  EXPECT_NE(journal.find("improvement_pct@end#1,improvement_pct@end#2,improvement_pct@end#3"),
            std::string::npos);
  fs::remove_all(dir);
  fs::remove_all(ref);
}

TEST(RunSweep, RequestCarriesOverridesBaseAndFieldOutput) {
  const fs::path dir = fresh_dir("request");
  std::string sweep = kSweep;
  sweep.replace(sweep.find("improvement_pct, scar_depth_mm]"), 31,
                "improvement_pct], at: [3 months], keep_fields: true");
  const SweepSpec spec = parse_sweep(sweep, "dir/s.yaml");
  const RunTable table = build_run_table(spec);
  const RunRequest req = make_request(spec, table, 4, dir, Threads(1));
  ASSERT_EQ(req.overrides.size(), 2u);
  EXPECT_EQ(req.overrides[0].key, "a.x");
  EXPECT_EQ(req.overrides[0].value, "2 mm");
  EXPECT_EQ(req.overrides[1].value, "2");
  EXPECT_EQ(req.field_output, dir / "runs" / "run-000004.h5");
  ASSERT_EQ(req.metrics.size(), 1u);
  EXPECT_EQ(req.metrics[0].at, "3 months");
  EXPECT_NE(req.base_scenario_text.find("fake"), std::string::npos);
}

// The Ishigami function as a "simulation": the summary's sensitivity group holds its indices.
TEST(RunSweep, SobolSweepWritesSensitivityToTheSummary) {
  const fs::path dir = fresh_dir("sobol");
  const SweepSpec spec = parse_sweep(R"(base: {name: fake}
vary:
  p.x1: {distribution: uniform, min: -3.141592653589793, max: 3.141592653589793}
  p.x2: {distribution: uniform, min: -3.141592653589793, max: 3.141592653589793}
  p.x3: {distribution: uniform, min: -3.141592653589793, max: 3.141592653589793}
design: {type: sobol, samples: 128}
outputs: {metrics: [f]}
sensitivity: {bootstrap: 50}
)",
                                     "s.yaml");
  auto ishigami = [](const RunRequest& req) {
    double x[3];
    for (int i = 0; i < 3; ++i) x[i] = parse_quantity(req.overrides[i].value)->value;
    const double f =
        std::sin(x[0]) + 7 * std::pow(std::sin(x[1]), 2) + 0.1 * std::pow(x[2], 4) * std::sin(x[0]);
    return RunOutcome{RunStatus::ok, "", {f}};
  };
  const SweepResult r = run_sweep(spec, ishigami, options_for(dir, 2));
  ASSERT_EQ(r.sensitivity.size(), 1u);
  EXPECT_NEAR(r.sensitivity[0].sobol[1].first_order.value, 0.4424, 0.1);

  const hid_t f = H5Fopen((dir / "summary.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(f, 0);
  const hid_t ds = H5Dopen2(f, "/sensitivity/f@end/ST", H5P_DEFAULT);
  ASSERT_GE(ds, 0);
  double st[3];
  H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, st);
  EXPECT_DOUBLE_EQ(st[2], r.sensitivity[0].sobol[2].total.value);
  H5Dclose(ds);
  const hid_t in = H5Dopen2(f, "/inputs/p.x1", H5P_DEFAULT);
  EXPECT_GE(in, 0);
  H5Dclose(in);
  H5Fclose(f);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dermasim::sweep
