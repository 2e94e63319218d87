// ResultsWriter::resume: a run interrupted (closed as such, or killed) after a checkpoint and
// resumed from the checkpoint's marks gives the same fields, metrics and events, bit for bit,
// as a run that was never interrupted.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/io/event_table.hpp"
#include "dermasim/io/file_error.hpp"
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
  const Grid grid = testing::small_grid();
  std::vector<double> surface(grid.cells_per_row());
  for (std::size_t c = 0; c < surface.size(); ++c) surface[c] = -0.3 + 0.01 * t + 1e-3 * c;
  writer.append_snapshot(t, testing::synthetic_fields(grid, t), surface);
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
  for (const char* path : {"fields/time_days", "fields/collagen_mature", "fields/fibroblasts",
                           "fields/growth_factor", "surface/elevation_mm", "metrics/time_days",
                           "metrics/improvement_pct", "metrics/scar_depth_mm"}) {
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

// The marks as text, to pass them from a child process ("snapshots samples events", then a
// "path crc" line per digest).
std::string encode(const SeriesCounts& marks) {
  std::ostringstream out;
  out << marks.snapshots << ' ' << marks.metric_samples << ' ' << marks.events << '\n';
  for (const RowDigest& d : marks.digests) out << d.path << ' ' << d.crc32 << '\n';
  return out.str();
}

SeriesCounts decode(const std::string& text) {
  std::istringstream in(text);
  SeriesCounts marks;
  in >> marks.snapshots >> marks.metric_samples >> marks.events;
  for (RowDigest d; in >> d.path >> d.crc32;) marks.digests.push_back(d);
  return marks;
}

fs::path uninterrupted(const ScratchDir& dir) {
  const fs::path out = dir / "reference.h5";
  ResultsWriter writer = start(out);
  for (int day = 0; day <= kDays; ++day) write_day(writer, day);
  writer.close("complete", 0.0);
  return out;
}

// A run interrupted on day kDays - 2 with a checkpoint on kCheckpointDay; `at_checkpoint` is
// called with the .partial right after the checkpoint's flush.
template <class AtCheckpoint>
SeriesCounts interrupted_run(const fs::path& out, AtCheckpoint at_checkpoint) {
  SeriesCounts marks;
  ResultsWriter writer = start(out);
  for (int day = 0; day <= kDays - 2; ++day) {
    write_day(writer, day);
    if (day == kCheckpointDay) {
      marks = writer.checkpoint_marks();
      at_checkpoint(partial_path(out));
    }
  }
  writer.close("interrupted", 0.0);
  return marks;
}

TEST(ResultsResume, InterruptedRunResumedFromCheckpointMatchesUninterruptedRun) {
  const ScratchDir dir("resume");
  const fs::path reference = uninterrupted(dir);
  const fs::path out = dir / "run.h5";
  const SeriesCounts marks = interrupted_run(out, [](const fs::path&) {});
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
        const std::string marks = encode(writer.checkpoint_marks());
        if (write(pipe_fds[1], marks.data(), marks.size()) != static_cast<ssize_t>(marks.size())) {
          _exit(1);
        }
        close(pipe_fds[1]);
      }
    }
    raise(SIGKILL);
  }
  close(pipe_fds[1]);
  std::string encoded;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) encoded.append(buffer, n);
  close(pipe_fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  const SeriesCounts marks = decode(encoded);
  EXPECT_EQ(marks.snapshots, 6u);
  EXPECT_FALSE(marks.digests.empty());
  ASSERT_FALSE(fs::exists(out));
  finish(out, marks, kCheckpointDay + 1);
  expect_same_results(reference, out);
}

std::uint64_t read_u64(const fs::path& file, off_t at) {
  std::uint64_t value = 0;
  std::FILE* f = std::fopen(file.c_str(), "rb");
  EXPECT_NE(f, nullptr);
  std::fseek(f, at, SEEK_SET);
  EXPECT_EQ(std::fread(&value, sizeof value, 1, f), 1u);
  std::fclose(f);
  return value;
}

void overwrite(const fs::path& file, std::uint64_t at, const void* bytes, std::size_t n) {
  std::FILE* f = std::fopen(file.c_str(), "r+b");
  ASSERT_NE(f, nullptr);
  std::fseek(f, static_cast<long>(at), SEEK_SET);
  ASSERT_EQ(std::fwrite(bytes, 1, n, f), n);
  std::fclose(f);
}

// File offset of element `row` of a 1D float64 series (its first chunk is unfiltered data
// followed by the Fletcher32 checksum).
std::uint64_t element_offset(const fs::path& file_path, const std::string& path, hsize_t row) {
  const h5::Handle file = h5::open_file(file_path.string(), false);
  const h5::Handle dataset = h5::open_dataset(file, path);
  const hsize_t origin[] = {0};
  unsigned mask = 0;
  haddr_t address = 0;
  hsize_t size = 0;
  EXPECT_GE(H5Dget_chunk_info_by_coord(dataset.id(), origin, &mask, &address, &size), 0);
  return address + row * sizeof(double);
}

// The superblock (version 0) records the end of allocation at byte 40.
constexpr off_t kSuperblockEoa = 40;

TEST(ResultsResume, TornRewriteOfAnAppendedChunkKeepsItsRows) {
  const ScratchDir dir("resume-torn");
  const fs::path reference = uninterrupted(dir);
  const fs::path out = dir / "run.h5";
  const SeriesCounts marks = interrupted_run(out, [](const fs::path&) {});
  // A kill in the middle of rewriting the chunk: the rows after the checkpoint are half new,
  // so the chunk's checksum matches neither version; the kept rows are as they were.
  const double torn = 1234.5;
  overwrite(out, element_offset(out, "metrics/improvement_pct", marks.metric_samples + 1), &torn,
            sizeof torn);
  EXPECT_THROW(series(out, "metrics/improvement_pct"), IoError) << "the checksum is broken";
  finish(out, marks, kCheckpointDay + 1);
  expect_same_results(reference, out);
}

TEST(ResultsResume, DamageToAKeptRowOfAnAppendedSeriesIsRefused) {
  const ScratchDir dir("resume-damaged");
  const fs::path out = dir / "run.h5";
  const SeriesCounts marks = interrupted_run(out, [](const fs::path&) {});
  const double damaged = -1.0;
  overwrite(out, element_offset(out, "metrics/scar_depth_mm", 2), &damaged, sizeof damaged);
  try {
    ResultsWriter::resume(out, marks);
    FAIL() << "resumed from a damaged file";
  } catch (const FileError& e) {
    EXPECT_EQ(e.fault(), FileError::Fault::damaged) << e.what();
    EXPECT_NE(std::string(e.what()).find("metrics/scar_depth_mm"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(fs::exists(out)) << "a refused resume moved the file";
}

TEST(ResultsResume, AKeptRowMissingFromTheChunkIndexIsDamage) {
  const ScratchDir dir("resume-lost-chunk");
  const fs::path out = dir / "run.h5";
  const SeriesCounts marks = interrupted_run(out, [](const fs::path&) {});
  // What a kill inside a flush can leave (a chunk-index node split whose new half never reached
  // the disk): the extent covers kept rows whose chunks the index no longer lists. Cutting the
  // rows and growing the extent back makes the same state; those rows read back as zeros.
  {
    const h5::Handle file = h5::open_file(out.string(), true);
    const h5::Handle dataset = h5::open_dataset(file, "fields/fibroblasts");
    const hsize_t rows = h5::shape(dataset).at(0);
    h5::resize_rows(dataset, marks.snapshots - 2);
    h5::resize_rows(dataset, rows);
  }
  EXPECT_EQ(h5::first_unallocated_row(
                h5::open_dataset(h5::open_file(out.string(), false), "fields/fibroblasts"),
                marks.snapshots),
            marks.snapshots - 2);
  try {
    ResultsWriter::resume(out, marks);
    FAIL() << "resumed from a file that lost a kept row";
  } catch (const FileError& e) {
    EXPECT_EQ(e.fault(), FileError::Fault::damaged) << e.what();
    EXPECT_NE(std::string(e.what()).find("row " + std::to_string(marks.snapshots - 2) +
                                         " of /fields/fibroblasts"),
              std::string::npos)
        << e.what();
  }
}

TEST(ResultsResume, ChunksWrittenPastTheRecordedEndOfAllocationAreAdopted) {
  const ScratchDir dir("resume-eoa");
  const fs::path reference = uninterrupted(dir);
  const fs::path out = dir / "run.h5";
  std::uint64_t eoa_at_checkpoint = 0;
  const SeriesCounts marks = interrupted_run(
      out, [&](const fs::path& partial) { eoa_at_checkpoint = read_u64(partial, kSuperblockEoa); });
  // A killed writer may have written chunk-index entries for chunks allocated after the last
  // recorded end of allocation; restoring that end reproduces the file it leaves.
  ASSERT_GT(read_u64(out, kSuperblockEoa), eoa_at_checkpoint);
  overwrite(out, kSuperblockEoa, &eoa_at_checkpoint, sizeof eoa_at_checkpoint);
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
  EXPECT_THROW(ResultsWriter::resume(out, {5, 0, 0, {}}), IoError);
  EXPECT_TRUE(fs::exists(out)) << "a refused resume moved the file";
  EXPECT_EQ(series(out, "fields/time_days").size(), 1u);
}

}  // namespace
}  // namespace dermasim::io
