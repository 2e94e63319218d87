// `dermasim sweep` end to end with the real engine on the bundled CI sweep, and its figures:
// every run ok, a summary row per run, the heat map and line plots drawn from the summary.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_support.hpp"

namespace dermasim::testing {
namespace {

namespace fs = std::filesystem;

TEST(SweepCommand, RunsTheCiSweepAndPlotsItsSummary) {
  const fs::path dir = scratch_directory("sweep");
  const auto sweep =
      run_command(dermasim("sweep '" + preset("sweeps/ci/depth-x-spacing-ci.yaml").string() +
                           "' --jobs 2 -o '" + (dir / "out").string() + "'"));
  ASSERT_EQ(sweep.exit_code, 0) << sweep.output;
  EXPECT_NE(sweep.output.find("4 runs, 4 ok, 0 failed"), std::string::npos) << sweep.output;
  std::ifstream csv(dir / "out" / "summary.csv");
  std::string line;
  int ok_rows = 0;
  while (std::getline(csv, line)) ok_rows += line.find(",ok,") != std::string::npos;
  EXPECT_EQ(ok_rows, 4);

  const auto plot = run_command(
      "/usr/bin/python3 '" DERMASIM_SOURCE_DIR "/scripts/plot_sweep.py' '" +
      (dir / "out" / "summary.h5").string() + "' -o '" + (dir / "figures").string() + "'");
  ASSERT_EQ(plot.exit_code, 0) << plot.output;
  for (const char* figure : {"heatmap_improvement_pct_end.png", "lines_improvement_pct_end.png"}) {
    ASSERT_TRUE(fs::exists(dir / "figures" / figure)) << figure;
    EXPECT_GT(fs::file_size(dir / "figures" / figure), 10000u) << figure;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dermasim::testing
