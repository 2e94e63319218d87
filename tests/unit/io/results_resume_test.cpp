// ResultsWriter::resume: a run interrupted (closed as such, or killed) after a checkpoint and
// resumed from the checkpoint's marks gives the same fields, metrics and events, bit for bit,
// as a run that was never interrupted.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

#include "dermasim/core/error.hpp"
#include "dermasim/io/event_table.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_writer.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDir;

constexpr int kDays = 10;
constexpr int kCheckpointDay = 5;

// One simulated day: a metric sample, a session on days 2 and 7, a snapshot.
void write_day(ResultsWriter& writer, int day) {
  const double t = day;
  const double row[] = {testing::improvement_at(t), testing::scar_depth_at(t)};
  writer.append_metrics(t, row);
  if (day == 2 || day == 7) writer.add_event({t, "session", "roller", 1.0, 0.5, 250 + day});
  writer.append_snapshot(t, testing::synthetic_fields(testing::small_grid(), t));
}

ResultsWriter start(const fs::path& out) {
  ResultsWriter writer(out, {"resume-test", 3});
  writer.write_scenario("name: resume-test\n", "name: resume-test\n");
  writer.write_grid(testing::small_grid());
  writer.declare_metrics(testing::synthetic_metric_infos());
  return writer;
}

// Writes days [from, kDays] after the driver's usual preamble on a resumed writer.
void finish(const fs::path& out, const SeriesCounts& marks, int from) {
  ResultsWriter writer = ResultsWriter::resume(out, marks);
  writer.write_scenario("name: resume-test\n", "name: resume-test\n");
  writer.write_grid(testing::small_grid());
  writer.declare_metrics(testing::synthetic_metric_infos());
  for (int day = from; day <= kDays; ++day) write_day(writer, day);
  writer.close("complete", 0.0);
}

std::vector<double> series(const fs::path& file_path, const std::string& path) {
  const h5::Handle file = h5::open_file(file_path.string(), false);
  return h5::read_all<double>(h5::open_dataset(file, path));
}

void expect_same_results(const fs::path& a, const fs::path& b) {
  for (const char* path :
       {"fields/time_days", "fields/collagen_mature", "fields/fibroblasts", "fields/growth_factor",
        "metrics/time_days", "metrics/improvement_pct", "metrics/scar_depth_mm"}) {
    const std::vector<double> x = series(a, path), y = series(b, path);
    ASSERT_EQ(x.size(), y.size()) << path;
    EXPECT_EQ(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)), 0) << path;
  }
  const auto ea = read_events(h5::open_file(a.string(), false), "events");
  const auto eb = read_events(h5::open_file(b.string(), false), "events");
  ASSERT_EQ(ea.size(), eb.size());
  for (std::size_t e = 0; e < ea.size(); ++e) {
    EXPECT_EQ(ea[e].time_days, eb[e].time_days);
    EXPECT_EQ(ea[e].punctures, eb[e].punctures);
  }
}

fs::path uninterrupted(const ScratchDir& dir) {
  const fs::path out = dir / "reference.h5";
  ResultsWriter writer = start(out);
  for (int day = 0; day <= kDays; ++day) write_day(writer, day);
  writer.close("complete", 0.0);
  return out;
}

TEST(ResultsResume, InterruptedRunResumedFromCheckpointMatchesUninterruptedRun) {
  const ScratchDir dir("resume");
  const fs::path reference = uninterrupted(dir);
  const fs::path out = dir / "run.h5";
  SeriesCounts marks;
  {
    ResultsWriter writer = start(out);
    for (int day = 0; day <= kDays - 2; ++day) {
      write_day(writer, day);
      if (day == kCheckpointDay) marks = writer.checkpoint_marks();
    }
    writer.close("interrupted", 0.0);
  }
  EXPECT_EQ(marks.snapshots, 6u);
  EXPECT_EQ(marks.events, 1u);
  finish(out, marks, kCheckpointDay + 1);
  EXPECT_FALSE(fs::exists(partial_path(out)));
  expect_same_results(reference, out);
}

TEST(ResultsResume, KilledRunResumesFromItsPartialFile) {
  const ScratchDir dir("resume-kill");
  const fs::path reference = uninterrupted(dir);
  const fs::path out = dir / "run.h5";
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // libgomp's thread pool does not survive fork(): the child's writer encodes on one thread
    // (WriterOptions::threads).
    ResultsWriter writer = start(out);
    for (int day = 0; day <= kDays - 3; ++day) {
      write_day(writer, day);
      if (day == kCheckpointDay) {
        const SeriesCounts marks = writer.checkpoint_marks();
        if (write(pipe_fds[1], &marks, sizeof marks) != sizeof marks) _exit(1);
      }
    }
    raise(SIGKILL);
  }
  SeriesCounts marks;
  ASSERT_EQ(read(pipe_fds[0], &marks, sizeof marks), static_cast<ssize_t>(sizeof marks));
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  ASSERT_FALSE(fs::exists(out));
  finish(out, marks, kCheckpointDay + 1);
  expect_same_results(reference, out);
}

TEST(ResultsResume, RefusesMissingFilesAndMarksBeyondTheFile) {
  const ScratchDir dir("resume-bad");
  EXPECT_THROW(ResultsWriter::resume(dir / "none.h5", {}), IoError);
  const fs::path out = dir / "run.h5";
  {
    ResultsWriter writer = start(out);
    write_day(writer, 0);
    writer.close("interrupted", 0.0);
  }
  EXPECT_THROW(ResultsWriter::resume(out, {5, 0, 0}), IoError);
  EXPECT_TRUE(fs::exists(out)) << "a refused resume moved the file";
  EXPECT_EQ(series(out, "fields/time_days").size(), 1u);
}

}  // namespace
}  // namespace dermasim::io
