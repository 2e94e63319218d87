// ResultsWriter: the file layout of docs/cli.md and docs/file-format.md, values round-trip, the
// .partial/rename crash-safety strategy, and its failure modes.
#include "dermasim/io/results_writer.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <random>

#include "dermasim/core/error.hpp"
#include "dermasim/io/event_table.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDir;

TEST(ResultsWriter, CompleteFileHasTheDocumentedLayout) {
  const ScratchDir dir("layout");
  const fs::path out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0, 7.0, 9.0});
  ASSERT_TRUE(fs::exists(out));
  EXPECT_FALSE(fs::exists(partial_path(out)));
  EXPECT_TRUE(fs::exists(dir / "run.xdmf"));

  const h5::Handle file = h5::open_file(out.string(), false);
  EXPECT_EQ(h5::read_string_attribute(file, "status"), "complete");
  EXPECT_EQ(h5::read_string_attribute(file, "scenario_name"), "synthetic-test");
  EXPECT_EQ(h5::read_string_attribute(file, "file_kind"), "dermasim results");
  EXPECT_EQ(h5::read_int_attribute(file, "seed"), 42);
  EXPECT_EQ(h5::read_int_attribute(file, "threads"), 2);
  EXPECT_DOUBLE_EQ(h5::read_double_attribute(file, "wall_seconds"), 1.5);
  const std::string created = h5::read_string_attribute(file, "created");
  EXPECT_EQ(created.size(), 20u);
  EXPECT_EQ(created.back(), 'Z');
  EXPECT_EQ(h5::read_string_dataset(h5::open_dataset(file, "scenario")), "name: synthetic-test\n");

  const Grid grid = testing::small_grid();
  const h5::Handle fields = h5::open_group(file, "fields");
  EXPECT_EQ(h5::read_all<double>(h5::open_dataset(fields, "time_days")),
            (std::vector<double>{0.0, 7.0, 9.0}));
  const h5::Handle fibroblasts = h5::open_dataset(fields, "fibroblasts");
  EXPECT_EQ(h5::shape(fibroblasts),
            (std::vector<hsize_t>{3, hsize_t(grid.nz()), hsize_t(grid.nx())}));
  EXPECT_EQ(h5::read_string_attribute(fibroblasts, "units"), "cells/mm3");
  std::vector<float> snapshot(grid.cells());
  h5::read_rows(fibroblasts, H5T_NATIVE_FLOAT, snapshot.data(), 2, 1);
  for (std::size_t c = 0; c < grid.cells(); ++c) {
    ASSERT_EQ(snapshot[c], static_cast<float>(testing::synthetic_value(1, c, 9.0))) << c;
  }
}

TEST(ResultsWriter, SurfaceRowsGoWithTheirSnapshots) {
  const ScratchDir dir("surface");
  const fs::path out = dir / "run.h5";
  const Grid grid = testing::small_grid(3);
  std::vector<double> surface(grid.cells_per_row());
  {
    ResultsWriter writer(out, {"surface-test", 1}, {.overwrite = true});
    for (int s = 0; s < 2; ++s) {
      for (std::size_t c = 0; c < surface.size(); ++c) surface[c] = 0.1 * s - 1e-3 * c;
      writer.append_snapshot(s, testing::synthetic_fields(grid, s), surface);
    }
    EXPECT_THROW(
        writer.append_snapshot(2, testing::synthetic_fields(grid, 2), std::vector<double>(3, 0.0)),
        Error)
        << "a row that does not fit the grid";
    writer.close("complete", 0.0);
  }
  const h5::Handle file = h5::open_file(out.string(), false);
  const h5::Handle elevation = h5::open_dataset(file, "surface/elevation_mm");
  EXPECT_EQ(h5::shape(elevation),
            (std::vector<hsize_t>{2, hsize_t(grid.ny()), hsize_t(grid.nx())}));
  EXPECT_EQ(h5::read_string_attribute(elevation, "units"), "mm");
  EXPECT_TRUE(h5::has_filter(elevation, H5Z_FILTER_FLETCHER32));
  EXPECT_EQ(h5::read_all<double>(elevation).back(), surface.back());

  const fs::path mixed = dir / "mixed.h5";
  ResultsWriter writer(mixed, {"surface-test", 1}, {.overwrite = true});
  writer.append_snapshot(0, testing::synthetic_fields(grid, 0));
  EXPECT_THROW(writer.append_snapshot(1, testing::synthetic_fields(grid, 1), surface), Error)
      << "a surface for snapshot 1 when snapshot 0 had none";
}

TEST(ResultsWriter, WritesMetricsEventsSummaryParametersAndGrid) {
  const ScratchDir dir("tables");
  const fs::path out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0, 7.0, 9.0});
  const h5::Handle file = h5::open_file(out.string(), false);

  const h5::Handle metrics = h5::open_group(file, "metrics");
  const std::vector<double> times = h5::read_all<double>(h5::open_dataset(metrics, "time_days"));
  ASSERT_EQ(times.size(), 10u);  // days 0..9
  const h5::Handle improvement = h5::open_dataset(metrics, "improvement_pct");
  EXPECT_EQ(h5::read_string_attribute(improvement, "units"), "%");
  const std::vector<double> values = h5::read_all<double>(improvement);
  EXPECT_DOUBLE_EQ(values[4], testing::improvement_at(4.0));

  const std::vector<EventRow> events = read_events(file, "events");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, "session");
  EXPECT_EQ(events[1].device, "pen");
  EXPECT_DOUBLE_EQ(events[1].time_days, 35.0);
  EXPECT_EQ(events[1].punctures, 600);

  const h5::Handle summary = h5::open_group(file, "summary");
  EXPECT_DOUBLE_EQ(h5::read_double_attribute(summary, "improvement_pct.final"),
                   testing::improvement_at(9.0));
  EXPECT_DOUBLE_EQ(h5::read_double_attribute(summary, "scar_depth_mm.peak"), 0.4);
  EXPECT_DOUBLE_EQ(h5::read_double_attribute(summary, "scar_depth_mm.peak_time_days"), 0.0);
  EXPECT_EQ(h5::read_string_attribute(summary, "improvement_pct_at_end.units"), "%");

  const h5::Handle parameters = h5::open_group(file, "parameters");
  for (const model::ParameterSpec& spec : model::parameter_registry()) {
    EXPECT_DOUBLE_EQ(h5::read_double_attribute(parameters, spec.name), spec.default_value);
    EXPECT_EQ(h5::read_string_attribute(parameters, std::string(spec.name) + ".units"), spec.unit);
  }

  const h5::Handle grid = h5::open_group(file, "grid");
  EXPECT_EQ(h5::read_int_array_attribute(grid, "shape"), (std::vector<std::int64_t>{8, 12}));
  EXPECT_DOUBLE_EQ(h5::read_double_attribute(grid, "spacing_mm"), 0.05);
  EXPECT_DOUBLE_EQ(h5::read_all<double>(h5::open_dataset(grid, "z_mm"))[2], 0.125);
  EXPECT_EQ(h5::read_all<std::int32_t>(h5::open_dataset(grid, "layer")),
            (std::vector<std::int32_t>{0, 1, 1, 1, 2, 2, 2, 3}));
  EXPECT_FALSE(h5::has_link(grid, "y_mm"));
}

TEST(ResultsWriter, ThreeDimensionalSnapshotsAreSnapshotDepthBreadthWidth) {
  const ScratchDir dir("3d");
  const fs::path out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0, 1.0}, 3);
  const h5::Handle file = h5::open_file(out.string(), false);
  EXPECT_EQ(h5::shape(h5::open_dataset(h5::open_group(file, "fields"), "collagen_mature")),
            (std::vector<hsize_t>{2, 8, 5, 12}));
  EXPECT_TRUE(h5::has_link(h5::open_group(file, "grid"), "y_mm"));
}

TEST(ResultsWriter, UncompressedSnapshotsHoldTheSameValues) {
  const ScratchDir dir("gzip0");
  const fs::path out = dir / "run.h5";
  const Grid grid = testing::small_grid();
  {
    ResultsWriter writer(out, {"m", 1}, {.gzip_level = 0});
    writer.append_snapshot(0.0, testing::synthetic_fields(grid, 0.0));
    writer.append_snapshot(3.0, testing::synthetic_fields(grid, 3.0));
    writer.close("complete", 0.0);
  }
  const h5::Handle file = h5::open_file(out.string(), false);
  const std::vector<float> values =
      h5::read_all<float>(h5::open_dataset(h5::open_group(file, "fields"), "growth_factor"));
  ASSERT_EQ(values.size(), 2 * grid.cells());
  EXPECT_EQ(values[grid.cells() + 5], static_cast<float>(testing::synthetic_value(2, 5, 3.0)));
}

// docs/cli.md and docs/file-format.md: every dataset has `units` and `description` attributes.
TEST(ResultsWriter, EveryDatasetHasUnitsAndDescription) {
  const ScratchDir dir("units");
  const fs::path out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0, 7.0}, 3);
  const h5::Handle file = h5::open_file(out.string(), false);
  struct Visit {
    std::vector<std::string> datasets, undescribed;
  } visit;
  const auto each = [](hid_t root, const char* name, const H5O_info_t* info, void* data) {
    auto& v = *static_cast<Visit*>(data);
    if (info->type != H5O_TYPE_DATASET) return herr_t{0};
    v.datasets.push_back(name);
    if (H5Aexists_by_name(root, name, "units", H5P_DEFAULT) <= 0 ||
        H5Aexists_by_name(root, name, "description", H5P_DEFAULT) <= 0) {
      v.undescribed.push_back(name);
    }
    return herr_t{0};
  };
  ASSERT_GE(H5Ovisit2(file.id(), H5_INDEX_NAME, H5_ITER_INC, each, &visit, H5O_INFO_BASIC), 0);
  // scenario x2; grid x_mm, y_mm, z_mm, layer; fields time_days + 3; surface elevation_mm;
  // metrics time_days + 2; events
  EXPECT_EQ(visit.datasets.size(), 15u);
  EXPECT_TRUE(visit.undescribed.empty()) << visit.undescribed.front();
}

TEST(ResultsWriter, MetricValuesGoInDeclarationOrderAndOtherCountsAreRejected) {
  const ScratchDir dir("metrics");
  ResultsWriter writer(dir / "run.h5", {"m", 1});
  writer.declare_metrics(testing::synthetic_metric_infos());  // improvement, scar depth
  const double sample[] = {std::nan(""), 0.3};
  writer.append_metrics(1.0, sample);
  const double one_value[] = {0.3};
  EXPECT_THROW(writer.append_metrics(2.0, one_value), Error);
  writer.close("complete", 0.0);
  const h5::Handle file = h5::open_file((dir / "run.h5").string(), false);
  const h5::Handle metrics = h5::open_group(file, "metrics");
  EXPECT_TRUE(std::isnan(h5::read_all<double>(h5::open_dataset(metrics, "improvement_pct"))[0]));
  EXPECT_EQ(h5::read_all<double>(h5::open_dataset(metrics, "scar_depth_mm"))[0], 0.3);
}

TEST(ResultsWriter, RejectsSnapshotsThatChangeLayoutOrGoBackInTime) {
  const ScratchDir dir("layout-change");
  ResultsWriter writer(dir / "run.h5", {"m", 1});
  const Grid grid = testing::small_grid();
  writer.append_snapshot(5.0, testing::synthetic_fields(grid, 5.0));
  EXPECT_THROW(writer.append_snapshot(4.0, testing::synthetic_fields(grid, 4.0)), Error);
  EXPECT_THROW(writer.append_snapshot(6.0, testing::synthetic_fields(testing::small_grid(3), 6.0)),
               Error);
  EXPECT_THROW(writer.add_event({1.0, "session", std::string(40, 'x'), 1.0, 0.7, 1}), Error);
  writer.close("complete", 0.0);
}

TEST(ResultsWriter, OutputPathHoldsNothingUntilClose) {
  const ScratchDir dir("partial");
  const fs::path out = dir / "run.h5";
  ResultsWriter writer(out, {"m", 1});
  writer.append_snapshot(0.0, testing::synthetic_fields(testing::small_grid(), 0.0));
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(fs::exists(partial_path(out)));
  writer.close("interrupted", 2.0);
  EXPECT_TRUE(fs::exists(out));
  EXPECT_FALSE(fs::exists(partial_path(out)));
  EXPECT_EQ(h5::read_string_attribute(h5::open_file(out.string(), false), "status"), "interrupted");
}

TEST(ResultsWriter, KilledRunLeavesNoOutputAndAReadablePartial) {
  const ScratchDir dir("kill");
  const fs::path out = dir / "run.h5";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // libgomp's thread pool does not survive fork(): the child must stay single-threaded.
    ResultsWriter writer(out, {"m", 1}, {.threads = Threads(1)});
    const Grid grid = testing::small_grid();
    writer.append_snapshot(0.0, testing::synthetic_fields(grid, 0.0));
    writer.append_snapshot(1.0, testing::synthetic_fields(grid, 1.0));
    raise(SIGKILL);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_FALSE(fs::exists(out));
  const h5::Handle file = h5::open_file(partial_path(out).string(), false);
  EXPECT_EQ(h5::read_string_attribute(file, "status"), "running");
  EXPECT_EQ(h5::read_all<double>(h5::open_dataset(h5::open_group(file, "fields"), "time_days")),
            (std::vector<double>{0.0, 1.0}));
}

// The child reports each snapshot on a pipe and closes the file only when told to; the
// parent kills it after a random number of snapshots plus a random instant (so inside a
// snapshot write or a flush), or at a random instant after allowing the close.
TEST(ResultsWriter, RunsKilledAtRandomMomentsNeverLeaveAnIncompleteOutput) {
  const ScratchDir dir("random-kill");
  const fs::path out = dir / "run.h5";
  constexpr int kSnapshots = 30;
  std::mt19937 rng(2024);  // fixed seed: the same kill points on every test run
  std::uniform_int_distribution<int> kill_after(0, kSnapshots);
  std::uniform_int_distribution<int> delay_us(0, 3000);
  for (int attempt = 0; attempt < 20; ++attempt) {
    int progress[2], go[2];
    ASSERT_EQ(pipe(progress), 0);
    ASSERT_EQ(pipe(go), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // libgomp's thread pool does not survive fork(): the child's writer runs on one thread.
      const Grid grid(2, 60, 1, 40, 0.02);
      ResultsWriter writer(out, {"kill", 1}, {.overwrite = true, .threads = Threads(1)});
      writer.write_grid(grid);
      writer.declare_metrics(testing::synthetic_metric_infos());
      for (int day = 0; day < kSnapshots; ++day) {
        const double row[] = {std::nan(""), testing::scar_depth_at(day)};
        writer.append_metrics(day, row);
        writer.append_snapshot(day, testing::synthetic_fields(grid, day));
        if (write(progress[1], "s", 1) != 1) _exit(1);
      }
      char allowed = 0;
      if (read(go[0], &allowed, 1) != 1) _exit(1);
      writer.close("complete", 0.0);
      _exit(0);
    }
    const int snapshots = kill_after(rng);
    char report = 0;
    for (int s = 0; s < std::min(snapshots, kSnapshots - 1); ++s) {
      ASSERT_EQ(read(progress[0], &report, 1), 1);
    }
    if (snapshots == kSnapshots) {
      ASSERT_EQ(write(go[1], "g", 1), 1);
    }
    usleep(static_cast<useconds_t>(delay_us(rng)));
    kill(child, SIGKILL);
    ASSERT_EQ(waitpid(child, nullptr, 0), child);
    for (const int fd : {progress[0], progress[1], go[0], go[1]}) close(fd);
    if (fs::exists(out)) {
      // Only a run whose close completed may leave a file, and it must be whole.
      EXPECT_EQ(snapshots, kSnapshots) << "attempt " << attempt;
      EXPECT_EQ(h5::read_string_attribute(h5::open_file(out.string(), false), "status"),
                "complete");
    }
  }
}

TEST(ResultsWriter, DestroyedWithoutCloseMarksTheFileFailed) {
  const ScratchDir dir("abandoned");
  const fs::path out = dir / "run.h5";
  { ResultsWriter writer(out, {"m", 1}); }
  const std::string status =
      h5::read_string_attribute(h5::open_file(out.string(), false), "status");
  EXPECT_EQ(status.rfind("failed: ", 0), 0u) << status;
}

TEST(PreflightOutput, RejectsMissingDirectoryExistingFileAndDirectories) {
  const ScratchDir dir("preflight");
  EXPECT_THROW(preflight_output(dir / "missing" / "run.h5", false), IoError);
  EXPECT_THROW(preflight_output(dir.path(), true), IoError);
  const fs::path out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0});
  try {
    preflight_output(out, false);
    FAIL() << "an existing output was accepted";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(preflight_output(out, true));
  EXPECT_THROW(ResultsWriter(out, {"m", 1}), IoError);
}

TEST(PreflightOutput, RejectsUnwritableDirectoryAndInsufficientSpace) {
  // /proc refuses new files even to root, so this holds whoever runs the tests.
  EXPECT_THROW(preflight_output("/proc/run.h5", false), IoError);
  const ScratchDir dir("space");
  const std::uintmax_t absurd = std::uintmax_t{1} << 62;
  try {
    preflight_output(dir / "run.h5", false, absurd);
    FAIL() << "an impossible size was accepted";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("disk space"), std::string::npos) << e.what();
  }
}

TEST(OutputPaths, PartialAndSidecarNames) {
  EXPECT_EQ(partial_path("out/run.h5"), fs::path("out/run.h5.partial"));
  EXPECT_EQ(xdmf_path("out/run.h5"), fs::path("out/run.xdmf"));
  EXPECT_EQ(xdmf_path("out/run"), fs::path("out/run.xdmf"));
}

}  // namespace
}  // namespace dermasim::io
