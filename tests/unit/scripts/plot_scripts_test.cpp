// scripts/plot_run.py and scripts/compare_runs.py on results files made by the writer: the
// figures exist and are real images; missing metrics are skipped with a note, not a crash.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "unit/io/run_command.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io {
namespace {

using testing::run_command;
using testing::shell_quote;
namespace fs = std::filesystem;

const std::string kScripts = DERMASIM_TEST_DATA_DIR "/../scripts/";
const std::string kPython = "/usr/bin/python3 ";

std::string check_images(const std::vector<fs::path>& images) {
  std::string command = kPython + shell_quote(DERMASIM_TEST_DATA_DIR "/unit/scripts/png_check.py");
  for (const fs::path& image : images) {
    command += ' ';
    command += shell_quote(image.string());
  }
  const auto result = run_command(command);
  return result.exit_code == 0 ? "" : result.output;
}

TEST(PlotScripts, ReaderModuleReadsEventsMetricsAndProfiles) {
  const testing::ScratchDir dir("reader-module");
  const fs::path results = dir / "run.h5";
  testing::write_synthetic_results(results, {0.0, 7.0, 9.0, 35.0});
  const auto result = run_command(
      kPython + shell_quote(DERMASIM_TEST_DATA_DIR "/unit/scripts/results_reader_check.py") + " " +
      shell_quote(kScripts) + " " + shell_quote(results.string()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("check passed"), std::string::npos) << result.output;
}

TEST(PlotScripts, CrossSectionMomentsAreOnlyThoseTheRunHasSnapshotsFor) {
  const testing::ScratchDir dir("moments");
  const fs::path results = dir / "run.h5";
  testing::write_synthetic_results(results, {0.0, 7.0, 9.0, 21.0});
  const auto result =
      run_command(kPython + shell_quote(DERMASIM_TEST_DATA_DIR "/unit/scripts/moments_check.py") +
                  " " + shell_quote(kScripts) + " " + shell_quote(results.string()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("moments check passed"), std::string::npos) << result.output;
}

TEST(PlotScripts, PlotRunDrawsEveryFigureAndSkipsMissingMetrics) {
  const testing::ScratchDir dir("plot-run");
  const fs::path results = dir / "run.h5";
  testing::write_synthetic_results(results, {0.0, 7.0, 9.0, 35.0, 63.0});
  const fs::path figures = dir / "figures";
  const auto result = run_command(kPython + shell_quote(kScripts + "plot_run.py") + " " +
                                  shell_quote(results.string()) + " -o " +
                                  shell_quote(figures.string()) + " --gif --dpi 60");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("metric 'fibroblasts_rel' is not in"), std::string::npos)
      << result.output;
  const std::vector<fs::path> images = {figures / "timeline.png", figures / "cross_sections.png",
                                        figures / "surface_profile.png"};
  for (const fs::path& image : images) {
    ASSERT_TRUE(fs::exists(image)) << image;
    EXPECT_GT(fs::file_size(image), 10000u) << image;
  }
  EXPECT_EQ(check_images(images), "");
  EXPECT_GT(fs::file_size(figures / "collagen.gif"), 10000u);
  EXPECT_TRUE(fs::exists(figures / "captions.md"));
}

TEST(PlotScripts, CompareRunsOverlaysSeveralRuns) {
  const testing::ScratchDir dir("compare-runs");
  testing::write_synthetic_results(dir / "a.h5", {0.0, 7.0, 35.0});
  testing::write_synthetic_results(dir / "b.h5", {0.0, 9.0, 63.0}, 3);
  const fs::path figures = dir / "figures";
  const auto result = run_command(
      kPython + shell_quote(kScripts + "compare_runs.py") + " " +
      shell_quote((dir / "a.h5").string()) + " " + shell_quote((dir / "b.h5").string()) +
      " --labels 4-week 6-week -o " + shell_quote(figures.string()) + " --dpi 60");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const fs::path image = figures / "compare_timeline.png";
  ASSERT_TRUE(fs::exists(image));
  EXPECT_EQ(check_images({image}), "");
}

TEST(PlotScripts, ReportIsOneFileWithEverySectionAndReplicateBands) {
  const testing::ScratchDir dir("report");
  const fs::path results = dir / "run.h5";
  testing::write_synthetic_results(results, {0.0, 7.0, 9.0, 35.0, 63.0});
  const auto result =
      run_command(kPython + shell_quote(DERMASIM_TEST_DATA_DIR "/unit/scripts/report_check.py") +
                  " " + shell_quote(kScripts) + " " + shell_quote(results.string()) + " " +
                  shell_quote((dir / "work").string()));
  if (result.exit_code == 77) GTEST_SKIP() << result.output;
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("report check passed"), std::string::npos) << result.output;
}

TEST(PlotScripts, PlotRunRejectsAFileThatIsNotResults) {
  const testing::ScratchDir dir("plot-bad");
  const fs::path text = dir / "notes.txt";
  std::ofstream(text) << "hello\n";
  const auto result =
      run_command(kPython + shell_quote(kScripts + "plot_run.py") + " " +
                  shell_quote(text.string()) + " -o " + shell_quote((dir / "figures").string()));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("error"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace dermasim::io
