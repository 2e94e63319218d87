// Damaged files: truncated and bit-flipped checkpoints and results files are reported as
// damaged (exit 1, one line naming the file), never resumed from or summarised; names read
// from a file reach the terminal escaped.
#include <gtest/gtest.h>

#include "dermasim/io/hdf5_attribute.hpp"
#include "faults/fault_support.hpp"

namespace dermasim::testing {
namespace {

// One run of the CI preset with its final checkpoint kept, shared by the tests of this file
// (each test copies what it damages).
class FileDamage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(scratch_directory("fault-damage"));
    const auto r = run_command(dermasim("run '" + ci_preset() + "' -o '" + results().string() +
                                        "' --quiet --threads 1 --keep-checkpoint"));
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  static fs::path results() { return *dir_ / "run.h5"; }
  static fs::path checkpoint() { return *dir_ / "run.h5.checkpoint.h5"; }
  static fs::path copy(const fs::path& from, const std::string& name) {
    const fs::path to = *dir_ / name;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    return to;
  }
  static void expect_damaged(const CommandResult& r, const fs::path& file) {
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_TRUE(one_error_line(r.output)) << r.output;
    EXPECT_EQ(error_line(r.output).rfind("error: " + file.string() + ": ", 0), 0u) << r.output;
    EXPECT_NE(r.output.find("damaged"), std::string::npos) << r.output;
  }

 private:
  static fs::path* dir_;
};

fs::path* FileDamage::dir_ = nullptr;

TEST_F(FileDamage, AFlippedBitInACheckpointsStateIsNeverResumed) {
  const fs::path damaged = copy(checkpoint(), "flipped.checkpoint.h5");
  flip_bit(damaged, data_offset(damaged, "fields/collagen_immature") + 64 * 8 + 3);
  const auto resume = run_command(dermasim("run --resume '" + damaged.string() + "' --quiet"));
  expect_damaged(resume, damaged);
  EXPECT_EQ(resume.output.find("improvement"), std::string::npos) << "it must not run";
  expect_damaged(run_command(dermasim("info '" + damaged.string() + "'")), damaged);
  EXPECT_EQ(run_command(dermasim("info '" + checkpoint().string() + "'")).exit_code, 0);
}

TEST_F(FileDamage, AFlippedBitInAnArrayOfTheCheckpointIsFoundToo) {
  const fs::path damaged = copy(checkpoint(), "flipped-array.checkpoint.h5");
  flip_bit(damaged, data_offset(damaged, "state/arrays/previous_start.collagen_mature") + 5);
  expect_damaged(run_command(dermasim("run --resume '" + damaged.string() + "' --quiet")), damaged);
}

TEST_F(FileDamage, ATruncatedCheckpointIsOneLine) {
  const fs::path damaged = copy(checkpoint(), "truncated.checkpoint.h5");
  fs::resize_file(damaged, fs::file_size(damaged) / 2);
  expect_damaged(run_command(dermasim("run --resume '" + damaged.string() + "' --quiet")), damaged);
}

TEST_F(FileDamage, InfoReportsAFlippedBitInASnapshotWithTheDataset) {
  const fs::path damaged = copy(results(), "flipped.h5");
  flip_bit(damaged, data_offset(damaged, "fields/collagen_mature", 3));
  const auto r = run_command(dermasim("info '" + damaged.string() + "'"));
  expect_damaged(r, damaged);
  EXPECT_NE(r.output.find("/fields/collagen_mature"), std::string::npos) << r.output;
  const auto intact = run_command(dermasim("info '" + results().string() + "'"));
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("integrity    verified"), std::string::npos) << intact.output;
}

TEST_F(FileDamage, PlotRunDrawsNothingFromADamagedSnapshot) {
  const fs::path damaged = copy(results(), "flipped-plot.h5");
  flip_bit(damaged, data_offset(damaged, "fields/collagen_mature", 3));
  const fs::path figures = damaged.parent_path() / "figures";
  const auto r = run_command("/usr/bin/python3 '" DERMASIM_SOURCE_DIR "/scripts/plot_run.py' '" +
                             damaged.string() + "' -o '" + figures.string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("plot_run: error: " + damaged.string() + ": damaged"), std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("Traceback"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(figures / "captions.md")) << "a damaged file gives no figure set";
}

TEST_F(FileDamage, InfoReportsAFlippedBitInAMetricSeries) {
  const fs::path damaged = copy(results(), "flipped-metric.h5");
  flip_bit(damaged, data_offset(damaged, "metrics/improvement_pct", 0));
  expect_damaged(run_command(dermasim("info '" + damaged.string() + "'")), damaged);
}

TEST_F(FileDamage, ATruncatedResultsFileIsOneLine) {
  const fs::path damaged = copy(results(), "truncated.h5");
  fs::resize_file(damaged, fs::file_size(damaged) / 3);
  expect_damaged(run_command(dermasim("info '" + damaged.string() + "'")), damaged);
}

TEST_F(FileDamage, NamesReadFromAFileArePrintedEscaped) {
  const fs::path odd = copy(results(), "odd-names.h5");
  {
    const io::h5::Handle file = io::h5::open_file(odd.string(), true);
    const io::h5::Handle summary = io::h5::open_group(file, "summary");
    io::h5::write_attribute(summary, "evil\x1b[2J\x07name", 1.0);
  }
  const auto r = run_command(dermasim("info '" + odd.string() + "'"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find('\x1b'), std::string::npos) << "raw escape byte printed";
  EXPECT_NE(r.output.find("evil\\x1b[2J\\x07name"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace dermasim::testing
