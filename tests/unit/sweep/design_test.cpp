// Run tables: sizes and orders of each design, determinism from the seed, and value mapping.
#include "dermasim/sweep/design.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "dermasim/sweep/spec.hpp"

namespace dermasim::sweep {
namespace {

SweepSpec parse(const std::string& vary, const std::string& design, std::uint64_t seed = 5) {
  return parse_sweep("base: {a: 1}\nvary:\n" + vary + "design: " + design +
                         "\nseed: " + std::to_string(seed) + "\noutputs: {metrics: [m]}\n",
                     "s.yaml");
}

TEST(RunTable, GridIsTheCartesianProductFirstKeySlowest) {
  const RunTable t = build_run_table(parse(
      "  a.b: {from: 1 mm, to: 2 mm, steps: 2}\n  c.d: [pen, roller, home-roller]\n", "grid"));
  ASSERT_EQ(t.runs, 6u);
  EXPECT_EQ(t.value(0, 0), "1 mm");
  EXPECT_EQ(t.value(0, 1), "pen");
  EXPECT_EQ(t.value(2, 1), "home-roller");
  EXPECT_EQ(t.value(3, 0), "2 mm");
  EXPECT_EQ(t.value(3, 1), "pen");
  EXPECT_TRUE(t.numeric[0]);
  EXPECT_EQ(t.units[0], "mm");
  EXPECT_FALSE(t.numeric[1]);
  EXPECT_DOUBLE_EQ(t.number[3 * 2], 2.0);
  EXPECT_TRUE(std::isnan(t.number[1]));
}

TEST(RunTable, LatinHypercubePutsOneRunInEachStratumOfEveryKey) {
  const RunTable t =
      build_run_table(parse("  a.b: {distribution: uniform, min: 0 mm, max: 10 mm}\n"
                            "  c.d: {distribution: log-uniform, min: 1 /day, max: 100 /day}\n",
                            "{type: latin-hypercube, samples: 20}"));
  ASSERT_EQ(t.runs, 20u);
  std::set<int> linear, logarithmic;
  for (std::size_t r = 0; r < t.runs; ++r) {
    linear.insert(static_cast<int>(t.number[r * 2] / 10.0 * 20));
    logarithmic.insert(static_cast<int>(std::log10(t.number[r * 2 + 1]) / 2.0 * 20));
    EXPECT_NE(t.value(r, 1).find(" /day"), std::string::npos);
  }
  EXPECT_EQ(linear.size(), 20u);
  EXPECT_EQ(logarithmic.size(), 20u);
}

TEST(RunTable, SameSeedSameTableOtherSeedOtherTable) {
  const std::string vary = "  a.b: {distribution: uniform, min: 0, max: 1}\n";
  const RunTable a = build_run_table(parse(vary, "{type: latin-hypercube, samples: 8}", 1));
  const RunTable b = build_run_table(parse(vary, "{type: latin-hypercube, samples: 8}", 1));
  const RunTable c = build_run_table(parse(vary, "{type: latin-hypercube, samples: 8}", 2));
  EXPECT_EQ(a.text, b.text);
  EXPECT_NE(a.text, c.text);
}

TEST(RunTable, SaltelliBlocksShareColumnsAsTheSchemeRequires) {
  const RunTable t = build_run_table(parse(
      "  a.b: {distribution: uniform, min: 0, max: 1}\n  c.d: {distribution: uniform, min: 0, "
      "max: 1}\n  e.f: {distribution: uniform, min: 0, max: 1}\n",
      "{type: sobol, samples: 16}"));
  const std::size_t n = 16, k = 3;
  ASSERT_EQ(t.runs, n * (k + 2));
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t i = 0; i < k; ++i) {             // block AB_i
      for (std::size_t c = 0; c < k; ++c) {           // column c
        const std::size_t from = c == i ? n + j : j;  // B for column i, A otherwise
        EXPECT_EQ(t.value((2 + i) * n + j, c), t.value(from, c));
      }
    }
  }
}

TEST(RunTable, MorrisTrajectoriesMoveOneKeyByDeltaPerStep) {
  const RunTable t = build_run_table(parse(
      "  a.b: {distribution: uniform, min: 0, max: 1}\n  c.d: {distribution: uniform, min: 0, "
      "max: 1}\n  e.f: {distribution: uniform, min: 0, max: 1}\n",
      "{type: morris, trajectories: 6, levels: 4}"));
  const std::size_t k = 3;
  ASSERT_EQ(t.runs, 6u * (k + 1));
  const double delta = 4.0 / 6.0;
  for (std::size_t tr = 0; tr < 6; ++tr) {
    std::set<std::size_t> moved;
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t r0 = tr * (k + 1) + s;
      int changes = 0;
      for (std::size_t i = 0; i < k; ++i) {
        const double d = t.unit_point[(r0 + 1) * k + i] - t.unit_point[r0 * k + i];
        if (d != 0.0) {
          ++changes;
          moved.insert(i);
          EXPECT_NEAR(std::abs(d), delta, 1e-12);
        }
        EXPECT_GE(t.unit_point[r0 * k + i], 0.0);
        EXPECT_LE(t.unit_point[r0 * k + i], 1.0);
      }
      EXPECT_EQ(changes, 1);
    }
    EXPECT_EQ(moved.size(), k);
  }
}

TEST(ValueAt, NormalIsTruncatedAndIntegerRounds) {
  VariedKey v;
  v.kind = VaryKind::normal;
  v.mean = 0.7;
  v.sd = 0.1;
  v.min = 0.6;
  v.max = 0.9;
  EXPECT_NEAR(value_at(v, 0.0).second, 0.6, 1e-12);
  EXPECT_NEAR(value_at(v, 1.0).second, 0.9, 1e-12);
  const double mid = value_at(v, 0.5).second;
  EXPECT_GT(mid, 0.7);  // truncation below the mean pushes the median up
  EXPECT_LT(mid, 0.75);
  VariedKey n;
  n.kind = VaryKind::uniform;
  n.min = 1;
  n.max = 6;
  n.integer = true;
  n.unit = "";
  EXPECT_EQ(value_at(n, 0.33).first, "3");
}

TEST(InverseNormalCdf, MatchesKnownQuantiles) {
  EXPECT_NEAR(inverse_normal_cdf(0.975), 1.959963984540054, 1e-13);
  EXPECT_NEAR(inverse_normal_cdf(0.5), 0.0, 1e-15);
  EXPECT_NEAR(inverse_normal_cdf(1e-6), -4.753424308822899, 1e-11);
}

}  // namespace
}  // namespace dermasim::sweep
