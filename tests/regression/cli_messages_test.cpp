// What a user sees from small mistakes and from `info`: an unknown command, a missing results
// file (exit 2, as a missing scenario), sample counts named as such.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace dermasim::testing {
namespace {

namespace fs = std::filesystem;

TEST(CliMessages, UnknownCommandIsNamedWithExitTwo) {
  const auto r = run_command(dermasim("frobnicate"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("error: unknown command 'frobnicate'; commands: run,"), std::string::npos)
      << r.output;
}

TEST(CliMessages, InfoOnAMissingFileExitsTwoLikeRun) {
  const auto info = run_command(dermasim("info nosuch.h5"));
  const auto run = run_command(dermasim("run nosuch.yaml"));
  EXPECT_EQ(info.exit_code, 2) << info.output;
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_NE(info.output.find("nosuch.h5"), std::string::npos) << info.output;
}

TEST(CliMessages, InfoCountsMetricSamplesAndSnapshots) {
  const fs::path dir = scratch_directory("info");
  const fs::path out = dir / "out.h5";
  const auto r = run_command(dermasim("run '" + preset("ci/healthy-skin-ci.yaml").string() +
                                      "' --quiet --set 'simulation.duration=2 weeks' -o '" +
                                      out.string() + "'"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto info = run_command(dermasim("info '" + out.string() + "'"));
  EXPECT_NE(info.output.find("metrics      15 samples, day 0 .. 14"), std::string::npos)
      << info.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dermasim::testing
