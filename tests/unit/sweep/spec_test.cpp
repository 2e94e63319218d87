// Sweep-file parsing: what a valid file becomes, and the one-line diagnostics for bad ones.
#include "dermasim/sweep/spec.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "dermasim/core/error.hpp"

namespace dermasim::sweep {
namespace {

const std::string kValid = R"(name: depth-spacing
base: {name: inline, treatment: {needle_length: 1.5 mm}}
vary:
  treatment.needle_length: {from: 0.5 mm, to: 1.5 mm, steps: 3}
  treatment.sessions.spacing: [2 weeks, 4 weeks]
design: grid
seed: 9
outputs: {metrics: [improvement_pct, scar_depth_mm], at: [3 months, end]}
)";

// Parses `text` expecting an InputError; returns its message.
std::string error_of(const std::string& text, const SpecCheck& check = {}) {
  try {
    parse_sweep(text, "s.yaml", check);
  } catch (const InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return {};
}

TEST(SweepSpec, ParsesAValidGridSweep) {
  const SweepSpec s = parse_sweep(kValid, "dir/s.yaml");
  EXPECT_EQ(s.name, "depth-spacing");
  EXPECT_TRUE(s.base_path.empty());
  EXPECT_NE(s.base_text.find("needle_length: 1.5 mm"), std::string::npos);
  ASSERT_EQ(s.vary.size(), 2u);
  EXPECT_EQ(s.vary[0].key, "treatment.needle_length");
  EXPECT_EQ(s.vary[0].kind, VaryKind::range);
  EXPECT_EQ(s.vary[0].values, (std::vector<std::string>{"0.5 mm", "1 mm", "1.5 mm"}));
  EXPECT_EQ(s.vary[0].line, 4);
  EXPECT_EQ(s.vary[1].values, (std::vector<std::string>{"2 weeks", "4 weeks"}));
  EXPECT_EQ(s.design.kind, DesignKind::grid);
  EXPECT_EQ(s.seed, 9u);
  const auto cols = s.outputs.columns();
  ASSERT_EQ(cols.size(), 4u);
  EXPECT_EQ(cols[0].name, "improvement_pct@3months");
  EXPECT_EQ(cols[3].name, "scar_depth_mm@end");
  EXPECT_FALSE(s.outputs.keep_fields);
}

TEST(SweepSpec, RangeValuesAreTidyAndIntegerRangesRound) {
  const SweepSpec s = parse_sweep(R"(base: {a: 1}
vary:
  x.y: {from: 0.1, to: 0.3, steps: 3}
  treatment.sessions.count: {from: 1, to: 4, steps: 4, integer: true}
design: grid
outputs: {metrics: [m]}
)",
                                  "s.yaml");
  EXPECT_EQ(s.vary[0].values, (std::vector<std::string>{"0.1", "0.2", "0.3"}));
  EXPECT_EQ(s.vary[1].values, (std::vector<std::string>{"1", "2", "3", "4"}));
}

TEST(SweepSpec, DistributionsAndSamplingDesigns) {
  const SweepSpec s = parse_sweep(R"(base: {a: 1}
vary:
  parameters.k_mat: {distribution: log-uniform, min: 0.01 /day, max: 0.02 /day}
  parameters.f_pen: {distribution: normal, mean: 0.7, sd: 0.1, min: 0.4, max: 1}
design: {type: sobol, samples: 64}
outputs: {metrics: [m]}
sensitivity: {bootstrap: 100, confidence: 0.9}
)",
                                  "s.yaml");
  EXPECT_EQ(s.vary[0].kind, VaryKind::log_uniform);
  EXPECT_EQ(s.vary[0].unit, "/day");
  EXPECT_DOUBLE_EQ(s.vary[0].min, 0.01);
  EXPECT_EQ(s.vary[1].kind, VaryKind::normal);
  EXPECT_DOUBLE_EQ(s.vary[1].sd, 0.1);
  EXPECT_EQ(s.design.samples, 64u);
  EXPECT_EQ(s.sensitivity.bootstrap, 100u);
  EXPECT_DOUBLE_EQ(s.sensitivity.confidence, 0.9);
}

TEST(SweepSpec, ErrorsNameFileLineColumnKeyAndWhatIsAllowed) {
  EXPECT_EQ(error_of("base: {a: 1}\nvary: {x.y: [1, 2]}\ndesing: grid\n"),
            "s.yaml:3:1: desing: unknown key; did you mean 'design'?; allowed: name, description, "
            "base, start_from, vary, design, seed, outputs, sensitivity, replicates");
  const std::string unit = error_of(
      "base: {a: 1}\nvary:\n  x.y: {from: 1 mm, to: 2 um, steps: 2}\ndesign: grid\n"
      "outputs: {metrics: [m]}\n");
  EXPECT_EQ(unit.rfind("s.yaml:3:25: vary.x.y.to: unit 'um' differs from 'mm'", 0), 0u) << unit;
  const std::string grid_dist = error_of(
      "base: {a: 1}\nvary:\n  x.y: {distribution: uniform, min: 1, max: 2}\ndesign: grid\n"
      "outputs: {metrics: [m]}\n");
  EXPECT_EQ(grid_dist.rfind("s.yaml:3:8: vary.x.y: a distribution needs a sampling design", 0), 0u)
      << grid_dist;
  const std::string zip = error_of(
      "base: {a: 1}\nvary:\n  a.b: [1, 2]\n  c.d: [1, 2, 3]\ndesign: zip\noutputs: {metrics: "
      "[m]}\n");
  EXPECT_NE(zip.find("vary.c.d: has 3 values but a.b has 2"), std::string::npos) << zip;
  const std::string design =
      error_of("base: {a: 1}\nvary: {a.b: [1, 2]}\ndesign: sobolt\noutputs: {metrics: [m]}\n");
  EXPECT_NE(design.find("s.yaml:3:9: design: 'sobolt' is unknown; did you mean 'sobol'?"),
            std::string::npos)
      << design;
  const std::string single =
      error_of("base: {a: 1}\nvary: {a.b: 1 mm}\ndesign: grid\noutputs: {metrics: [m]}\n");
  EXPECT_NE(single.find("s.yaml:2:13: vary.a.b: a single value does not vary"), std::string::npos)
      << single;
  const std::string samples = error_of(
      "base: {a: 1}\nvary: {a.b: {distribution: uniform, min: 0, max: 1}}\ndesign: sobol\n"
      "outputs: {metrics: [m]}\n");
  EXPECT_NE(samples.find("design.samples: missing; write design: {type: sobol, samples: N}"),
            std::string::npos)
      << samples;
  EXPECT_NE(error_of("base: {a: 1}\nvary: {a.b: [1]}\ndesign: grid\noutputs: {metrics: [m], "
                     "at: [3]}\n")
                .find("outputs.at: '3' is not a time"),
            std::string::npos);
  EXPECT_NE(error_of("base: missing-file.yaml\nvary: {a.b: [1]}\ndesign: grid\n"
                     "outputs: {metrics: [m]}\n")
                .find("s.yaml:1:7: base: cannot read 'missing-file.yaml'"),
            std::string::npos);
  EXPECT_NE(error_of("base: {a: 1}\nvary: {a.b: [1\n").find("s.yaml:"), std::string::npos);
}

TEST(SweepSpec, ReplicatesDefaultToOneAndAreCheckedAgainstTheirRangeAndAVariedSeed) {
  EXPECT_EQ(parse_sweep(kValid, "s.yaml").replicates, 1u);
  EXPECT_EQ(parse_sweep(kValid + "replicates: 5\n", "s.yaml").replicates, 5u);
  EXPECT_EQ(error_of(kValid + "replicates: 0\n"),
            "s.yaml:9:13: replicates: 0 is outside 1 .. 1000");
  EXPECT_EQ(error_of(kValid + "replicates: 1001\n"),
            "s.yaml:9:13: replicates: 1001 is outside 1 .. 1000");
  EXPECT_NE(error_of(kValid + "replicates: many\n").find("'many' is not a whole number"),
            std::string::npos);
  const std::string seeds = error_of(
      "base: {a: 1}\nvary: {simulation.seed: [1, 2]}\ndesign: grid\nreplicates: 3\n"
      "outputs: {metrics: [m]}\n");
  EXPECT_EQ(seeds, "s.yaml:4:13: replicates: cannot be combined with varying simulation.seed");
}

TEST(SweepSpec, TheModelsMetricListChecksNamesAndGivesUnits) {
  constexpr std::array<std::string_view, 2> metrics = {"improvement_pct", "scar_depth_mm"};
  constexpr std::array<std::string_view, 2> units = {"%", "mm"};
  const SpecCheck check{metrics, units};
  const std::string e = error_of(
      "base: {a: 1}\nvary: {a.b: [1]}\ndesign: grid\noutputs: {metrics: [improvment_pct]}\n",
      check);
  EXPECT_NE(e.find("outputs.metrics: 'improvment_pct' is not a metric; did you mean "
                   "'improvement_pct'?"),
            std::string::npos)
      << e;
  const SweepSpec s = parse_sweep(
      "base: {a: 1}\nvary: {a.b: [1]}\ndesign: grid\noutputs: {metrics: [scar_depth_mm]}\n",
      "s.yaml", check);
  ASSERT_EQ(s.outputs.columns().size(), 1u);
  EXPECT_EQ(s.outputs.columns()[0].units, "mm");
}

// The sweep parser reads the scenario front end's tree, so a sweep file gets its checks too.
TEST(SweepSpec, SharesTheScenarioFrontEndsChecks) {
  EXPECT_EQ(error_of("base: {a: 1}\nvary: {a.b: [1]}\nvary: {c.d: [2]}\n"),
            "s.yaml:3:1: vary: duplicate key (first given at line 2); give each key once");
  EXPECT_EQ(error_of("base: {a: 1}\nvary:\n  a.b: [1]\n  a.b: [2]\n"),
            "s.yaml:4:3: vary.a.b: duplicate key (first given at line 3); give each key once");
  EXPECT_EQ(error_of("base: {a: 1}\nname: caf\xe9\n"),
            "s.yaml:2:10: not a text file: byte 0xE9 is not UTF-8 text; a sweep is a YAML text "
            "file");
  EXPECT_EQ(error_of("base: {a: 1}\n\tvary: {a.b: [1]}\n"),
            "s.yaml:2:1: a tab in the indentation; YAML indents with spaces only");
  EXPECT_EQ(error_of("# nothing but a comment\n"),
            "s.yaml: the file is empty; a sweep needs at least one key, e.g. 'base: "
            "scenario.yaml'");
  EXPECT_EQ(error_of("- base\n- vary\n"),
            "s.yaml:1:1: a sweep is a mapping of keys (base:, vary:, design:, outputs:, ...), not "
            "a list");
  EXPECT_EQ(error_of("base: {a: 1}\n---\nbase: {a: 2}\n"),
            "s.yaml:2:1: a second YAML document ('---'); a sweep is one document");
  EXPECT_EQ(error_of("base: {a: 1}\ndescription: \"" + std::string(1 << 20, 'x') + "\"\n"),
            "s.yaml: too large for a sweep file; the limit is 1 MiB");
  std::string deep = "base: ";
  deep += std::string(40, '[') + std::string(40, ']');
  EXPECT_NE(error_of(deep + "\n").find("nested more than 32 levels deep"), std::string::npos);
}

TEST(SweepSpec, AnInlineBaseIsHandedOnAsBlockYamlThatReadsBackTheSame) {
  const SweepSpec s = parse_sweep(
      "base: {name: 'a: b', tags: [x, '', ~], empty: {}, list: [], n: null, q: \"#1\", "
      "deep: {k: [{a: 1, b: [2, 3]}, '- x']}}\nvary: {a.b: [1, 2]}\ndesign: grid\n"
      "outputs: {metrics: [m]}\n",
      "s.yaml");
  EXPECT_EQ(s.base_text,
            "name: \"a: b\"\ntags:\n  - x\n  - \"\"\n  - ~\nempty: {}\nlist: []\nn: ~\n"
            "q: \"#1\"\ndeep:\n  k:\n    - a: 1\n      b:\n        - 2\n        - 3\n"
            "    - \"- x\"\n");
}

// One check of an output time against a run, for the up-front check and the run alike.
TEST(OutputDay, ResolvesEndAndTimesAndRefusesTimesOutsideTheRun) {
  EXPECT_EQ(output_day("end", 3, 84.0), 84.0);
  EXPECT_EQ(output_day("2 weeks", 3, 84.0), 14.0);
  EXPECT_EQ(output_day("2 weeks", 3, 84.0, 14.0), 14.0);
  const auto message = [](std::string_view at, double start) {
    try {
      output_day(at, 3, 28.0, start);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("2 months", 0.0),
            "outputs.at: 2 months is after the end of run 3 (28 days); use a time within "
            "simulation.duration, or end");
  EXPECT_EQ(message("1 week", 10.0),
            "outputs.at: 1 week is outside run 3, which simulates 10 days .. 28 days; use a time "
            "within it, or end");
  EXPECT_EQ(message("2 kg", 0.0).rfind("outputs.at: 2 kg is ", 0), 0u) << message("2 kg", 0.0);
}

}  // namespace
}  // namespace dermasim::sweep
