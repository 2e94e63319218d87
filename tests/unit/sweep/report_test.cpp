// The text a user reads: progress line, durations, and the ranked sensitivity table.
#include "dermasim/sweep/report.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace dermasim::sweep {
namespace {

TEST(Report, ProgressLineNamesDoneFailedElapsedAndEta) {
  Progress p;
  p.total = 100;
  p.done = 37;
  p.failed = 2;
  p.elapsed_seconds = 252;
  p.eta_seconds = 425;
  EXPECT_EQ(format_progress(p), "37/100 runs done, 2 failed, 4m12s elapsed, ETA 7m05s");
  p.resumed = 30;
  p.eta_seconds = -1;
  EXPECT_EQ(format_progress(p),
            "37/100 runs done, 2 failed, 4m12s elapsed (30 from the journal), ETA unknown");
  EXPECT_EQ(format_duration(3725), "1h02m");
  EXPECT_EQ(format_duration(9.4), "9s");
}

TEST(Report, SobolTableRanksByTotalIndexWithUndefinedLast) {
  ColumnSensitivity c;
  c.column = "improvement_pct@end";
  c.method = DesignKind::sobol;
  c.samples_used = 64;
  c.sobol = {{"a.small", {0.01, 0.0, 0.02}, {0.05, 0.01, 0.1}},
             {"b.undefined", {}, {}},
             {"c.large", {0.5, 0.4, 0.6}, {0.7, 0.6, 0.8}}};
  const std::string t = format_sensitivity({c});
  EXPECT_NE(t.find("Sobol indices of improvement_pct@end (64 base samples; 95% bootstrap"),
            std::string::npos);
  const auto large = t.find("   1  c.large"), small = t.find("   2  a.small"),
             undefined = t.find("   3  b.undefined");
  EXPECT_NE(large, std::string::npos) << t;
  EXPECT_NE(small, std::string::npos) << t;
  EXPECT_NE(undefined, std::string::npos) << t;
  EXPECT_NE(t.find("0.7 [0.6, 0.8]"), std::string::npos) << t;
}

TEST(Report, MorrisTableRanksByMuStarAndLongCellsStaySeparated) {
  ColumnSensitivity c;
  c.column = "scar_depth_mm@end";
  c.method = DesignKind::morris;
  c.samples_used = 10;
  MorrisIndex a{"a", 0.1, {0.2, 0.1, 0.3}, 0.05, 10};
  MorrisIndex b{"b", -3.0, {1.234e-05, 1.123e-05, 4.123e-05}, 1.5, 10};
  c.morris = {a, b};
  const std::string t = format_sensitivity({c});
  EXPECT_NE(t.find("   2  b    1.23e-05 [1.12e-05, 4.12e-05]  1.5"), std::string::npos) << t;
  EXPECT_NE(t.find("   1  a    0.2 [0.1, 0.3]            0.05"), std::string::npos) << t;
}

}  // namespace
}  // namespace dermasim::sweep
