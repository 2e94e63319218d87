// Scenario loading: defaults, units, overrides, schedules and the resolved echo
// (scenario/scenario.hpp). Error messages are covered one by one by tests/scenario_errors/.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/scenario/scenario.hpp"

namespace dermasim::scenario {
namespace {

std::string error_of(const std::string& text, std::vector<std::string> sets = {}) {
  try {
    parse_scenario(text, "t.yaml", sets);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

constexpr const char* kBoxcar = R"(name: boxcar
domain: {width: 6 mm, depth: 3 mm, spacing: 10 um}
scar: {type: boxcar, width: 2.5 mm, depth: 0.4 mm}
treatment:
  device: pen
  needle_length: 1.5 mm
  density: 100 /cm2
  passes: 3
  sessions: {count: 4, start: 1 week, spacing: 4 weeks}
simulation: {duration: 12 months, seed: 7}
parameters:
  fibroblast.proliferation_rate: 0.025 /h
)";

TEST(Scenario, SmallestScenarioGetsEveryDefault) {
  const Scenario s = parse_scenario("name: tiny\n", "tiny.yaml");
  EXPECT_EQ(s.name, "tiny");
  EXPECT_EQ(s.domain.dimensions, 2);
  EXPECT_DOUBLE_EQ(s.domain.width, 6.0);
  EXPECT_DOUBLE_EQ(s.domain.depth, 3.0);
  EXPECT_DOUBLE_EQ(s.domain.spacing, 0.02);  // 20 um in 2D (docs/model.md)
  EXPECT_EQ(s.domain.nx, 300);
  EXPECT_EQ(s.domain.ny, 1);
  EXPECT_EQ(s.domain.nz, 150);
  EXPECT_EQ(s.skin.site, model::Site::kCheek);
  EXPECT_DOUBLE_EQ(s.skin.age_years, 30.0);
  EXPECT_EQ(s.skin.fitzpatrick, 3);
  EXPECT_FALSE(s.skin.aging);
  EXPECT_EQ(s.scar.type, model::ScarType::kNone);
  EXPECT_TRUE(s.events.empty());
  EXPECT_DOUBLE_EQ(s.simulation.duration, 365.25);
  EXPECT_EQ(s.simulation.seed, 42u);
  EXPECT_DOUBLE_EQ(s.simulation.snapshot_interval, 7.0);
  EXPECT_DOUBLE_EQ(s.simulation.step_tolerance, 3e-3);
  EXPECT_EQ(s.simulation.output, "tiny.h5");
  EXPECT_TRUE(s.warnings.empty());
  EXPECT_EQ(s.description, "");
}

TEST(Scenario, NoneMeansNoScarNoTreatment) {
  const Scenario s = parse_scenario("scar: none\ntreatment: none\n", "n.yaml");
  EXPECT_EQ(s.scar.type, model::ScarType::kNone);
  EXPECT_TRUE(s.events.empty());
  EXPECT_EQ(error_of("domain: none\n"),
            "t.yaml:1:9: domain: expected a mapping of keys (dimensions, width, breadth, depth, "
            "spacing, lateral_boundary), got 'none'");
}

TEST(Scenario, ChoicesIgnoreCase) {
  const Scenario s = parse_scenario(
      "skin: {fitzpatrick: iv, site: Forehead}\nscar: {type: BOXCAR}\ntreatment: {device: Pen}\n",
      "c.yaml");
  EXPECT_EQ(s.skin.fitzpatrick, 4);
  EXPECT_EQ(s.skin.site, model::Site::kForehead);
  EXPECT_EQ(s.scar.type, model::ScarType::kBoxcar);
  EXPECT_NE(s.resolved.find("  type: boxcar  "), std::string::npos);
  EXPECT_EQ(parse_scenario("skin: {fitzpatrick: 5}\n", "c.yaml").skin.fitzpatrick, 5);
}

TEST(Scenario, NameDefaultsToTheFileStem) {
  EXPECT_EQ(parse_scenario("skin: {age: 40 years}\n", "dir/my-run.yaml").name, "my-run");
  EXPECT_EQ(parse_scenario("skin: {age: 40 years}\n", "my run (2).yml").name, "my-run--2-");
  EXPECT_EQ(error_of("name: \"\"\n"),
            "t.yaml:1:7: name: '' is not a plain name; use 1 to 100 letters, digits, '-', '_' and "
            "'.'");
}

TEST(Scenario, ValuesAreInEngineUnits) {
  const Scenario s = parse_scenario(kBoxcar, "b.yaml");
  EXPECT_DOUBLE_EQ(s.domain.spacing, 0.01);
  EXPECT_EQ(s.domain.nx, 600);
  EXPECT_EQ(s.domain.nz, 300);
  EXPECT_EQ(s.scar.type, model::ScarType::kBoxcar);
  EXPECT_DOUBLE_EQ(s.scar.width, 2.5);
  EXPECT_DOUBLE_EQ(s.scar.depth, 0.4);
  ASSERT_EQ(s.events.size(), 4u);
  EXPECT_DOUBLE_EQ(s.events[3].time_days, 91.0);
  EXPECT_DOUBLE_EQ(s.events[0].session.density, 1.0);
  EXPECT_EQ(s.simulation.seed, 7u);
  EXPECT_DOUBLE_EQ(s.parameters.get("fibroblast.proliferation_rate"), 0.6);
  EXPECT_DOUBLE_EQ(s.parameters.get("fibroblast.motility"), 8.6e-3);  // untouched default
}

TEST(Scenario, ThreeDimensionalDefaults) {
  const Scenario s =
      parse_scenario("domain: {dimensions: 3, width: 2 mm, depth: 2 mm}\n", "b.yaml");
  EXPECT_DOUBLE_EQ(s.domain.spacing, 0.04);
  EXPECT_DOUBLE_EQ(s.domain.breadth, 2.0);
  EXPECT_EQ(s.domain.nx, 50);
  EXPECT_EQ(s.domain.ny, 50);
  EXPECT_EQ(s.domain.nz, 50);
  EXPECT_EQ(s.domain.cells(), 125000u);
}

TEST(Scenario, ScarDefaultsFollowTheType) {
  const Scenario s = parse_scenario("domain: {width: 12 mm}\nscar: {type: rolling}\n", "r.yaml");
  EXPECT_DOUBLE_EQ(s.scar.width, 5.0);
  EXPECT_DOUBLE_EQ(s.scar.depth, 0.2);
}

TEST(Scenario, SetOverridesReplaceFileValues) {
  const std::vector<std::string> sets = {
      "treatment.needle_length=2 mm", "treatment.sessions={count: 3, spacing: 6 weeks}",
      "parameters.fibroblast.proliferation_rate=0.7 /day", "skin.aging=true"};
  const Scenario s = parse_scenario(kBoxcar, "b.yaml", sets);
  ASSERT_EQ(s.events.size(), 3u);
  EXPECT_DOUBLE_EQ(s.events[0].session.needle_length, 2.0);
  EXPECT_DOUBLE_EQ(s.events[2].time_days, 7 + 2 * 42);
  EXPECT_DOUBLE_EQ(s.parameters.get("fibroblast.proliferation_rate"), 0.7);
  EXPECT_TRUE(s.skin.aging);
  EXPECT_EQ(s.overrides, sets);
  EXPECT_NE(s.resolved.find("needle_length: 2 mm"), std::string::npos);
  EXPECT_NE(s.resolved.find("# --set 2 mm"), std::string::npos);
}

TEST(Scenario, SetOverridesAreCheckedLikeTheFile) {
  EXPECT_EQ(error_of(kBoxcar, {"treatment.needle_length=7 mm"}),
            "--set: treatment.needle_length: 7 mm is outside 0.1 mm .. 3.5 mm");
  EXPECT_EQ(error_of(kBoxcar, {"treatment.needle_lenght=2 mm"}),
            "--set: treatment.needle_lenght: unknown key; did you mean 'treatment.needle_length'?");
  EXPECT_EQ(error_of(kBoxcar, {"treatment.needle_length"}),
            "--set: 'treatment.needle_length' is not KEY=VALUE; use e.g. --set "
            "treatment.needle_length=\"2 mm\"");
  EXPECT_EQ(error_of(kBoxcar, {"parameters.fibroblast.proliferation=1 /day"}),
            "--set: parameters.fibroblast.proliferation: unknown model parameter; did you mean "
            "'fibroblast.proliferation_rate'?");
}

TEST(Scenario, NestedParameterNames) {
  const Scenario s = parse_scenario(
      "parameters:\n  fibroblast:\n    proliferation_rate: 0.5 /day\n    motility: 1e-9 cm2/s\n",
      "p.yaml");
  EXPECT_DOUBLE_EQ(s.parameters.get("fibroblast.proliferation_rate"), 0.5);
  EXPECT_NEAR(s.parameters.get("fibroblast.motility"), 8.64e-3, 1e-15);
}

TEST(Scenario, ExplicitSessionList) {
  const Scenario s = parse_scenario(R"(scar: {type: boxcar}
treatment:
  device: roller
  sessions:
    - {at: 1 week}
    - {at: 5 weeks, device: pen, needle_length: 2 mm, prp: true}
)",
                                    "l.yaml");
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].session.device, model::Device::kRoller);
  EXPECT_DOUBLE_EQ(s.events[0].session.penetration_fraction, 0.5);
  EXPECT_DOUBLE_EQ(s.events[1].time_days, 35.0);
  EXPECT_EQ(s.events[1].session.device, model::Device::kPen);
  EXPECT_DOUBLE_EQ(s.events[1].session.needle_length, 2.0);
  EXPECT_TRUE(s.events[1].session.prp);
}

TEST(Scenario, WarningsAreLocated) {
  const Scenario s =
      parse_scenario("treatment:\n  sessions: {count: 3, spacing: 10 days}\n", "w.yaml");
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0],
            "w.yaml:2:33: treatment.sessions.spacing: sessions 10 days apart (under 2 weeks) risk "
            "incomplete remodeling, prolonged inflammation and post-inflammatory "
            "hyperpigmentation (PIH)");
}

/// The echo without its comments (which say where values came from, so differ on reloading).
std::string without_comments(const std::string& yaml) {
  std::string out;
  std::size_t start = 0;
  while (start < yaml.size()) {
    std::size_t end = yaml.find('\n', start);
    std::string line = yaml.substr(start, end - start);
    if (const auto hash = line.find("  # "); hash != std::string::npos) line.resize(hash);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    start = end + 1;
  }
  return out;
}

TEST(Scenario, ResolvedEchoLoadsBackToTheSameScenario) {
  for (const char* text : {kBoxcar, "name: tiny\n",
                           "treatment:\n  sessions:\n    - {at: 2 weeks, needle_length: 1 mm}\n"
                           "  maintenance: {every: 3 months}\n"}) {
    const Scenario first = parse_scenario(text, "a.yaml");
    const Scenario second = parse_scenario(first.resolved, "a.yaml");
    EXPECT_EQ(without_comments(first.resolved), without_comments(second.resolved)) << text;
    EXPECT_EQ(second.description, first.description);
    EXPECT_EQ(first.events.size(), second.events.size());
    EXPECT_EQ(first.domain.nx, second.domain.nx);
  }
}

TEST(Scenario, EchoShowsEveryKeyWithUnitsAndEvents) {
  const std::string echo = resolved_yaml(parse_scenario(kBoxcar, "b.yaml"));
  for (const char* expected :
       {"# grid: 600 x 300 cells\n", "  spacing: 10 um", "  penetration_fraction: 0.7",
        "# default for pen", "    start: 7 days", "# given: 1 week", "  duration: 365.25 days",
        "  step_tolerance: 0.003", "  fibroblast.proliferation_rate: 0.6 /day", "# given: 0.025 /h",
        "# events (4):", "#   day 91: session, pen 1.5 mm (reaches 1.05 mm), 300 punctures/cm2"}) {
    EXPECT_NE(echo.find(expected), std::string::npos) << "missing: " << expected << "\n" << echo;
  }
}

TEST(Scenario, EchoShowsTheBreadthOnlyIn3D) {
  EXPECT_EQ(resolved_yaml(parse_scenario(kBoxcar, "b.yaml")).find("breadth"), std::string::npos);
  const std::string echo = resolved_yaml(parse_scenario(
      "domain: {dimensions: 3, width: 2 mm, depth: 1 mm, spacing: 50 um}\n", "c.yaml"));
  EXPECT_NE(echo.find("  breadth: 2 mm"), std::string::npos) << echo;
  EXPECT_NE(echo.find("# default: = domain.width"), std::string::npos) << echo;
}

TEST(Scenario, SourceTextIsKeptAsGiven) {
  const Scenario s = parse_scenario(kBoxcar, "b.yaml");
  EXPECT_EQ(s.source_text, kBoxcar);
  EXPECT_EQ(s.source_name, "b.yaml");
}

TEST(Scenario, TheInterfacesExampleErrorMessage) {
  EXPECT_EQ(error_of("treatment:\n  needle_length: 7 mm\n"),
            "t.yaml:2:18: treatment.needle_length: 7 mm is outside 0.1 mm .. 3.5 mm");
}

// Callers decide by the error's data, not its text: the location, the key and the reason.
TEST(Scenario, ErrorsCarryTheirLocationAndKeyAsData) {
  const auto error = [](const std::string& text, std::vector<std::string> sets = {}) {
    try {
      parse_scenario(text, "t.yaml", sets);
    } catch (const ScenarioError& e) {
      return e;
    }
    throw std::logic_error("no ScenarioError for: " + text);
  };
  const ScenarioError range = error("treatment:\n  needle_length: 7 mm\n");
  EXPECT_EQ(range.key(), "treatment.needle_length");
  EXPECT_EQ(range.where().line, 2);
  EXPECT_EQ(range.where().column, 18);
  EXPECT_EQ(range.reason(), "7 mm is outside 0.1 mm .. 3.5 mm");
  const ScenarioError unit = error("name: u\n", {"domain.width=6 furlongs"});  // a unit error
  EXPECT_EQ(unit.key(), "domain.width");
  EXPECT_EQ(unit.where().source, "--set");
  const ScenarioError schedule =
      error("treatment:\n  sessions:\n    - {at: 2 weeks}\n    - {at: 1 week}\n");
  EXPECT_EQ(schedule.key().rfind("treatment.sessions", 0), 0u) << schedule.what();
}

}  // namespace
}  // namespace dermasim::scenario
