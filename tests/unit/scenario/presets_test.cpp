// The bundled presets: every one validates, has its purpose header and a CI variant, is listed
// by `dermasim presets` and in scenarios/README.md; docs/scenario-reference.md is up to date.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dermasim/scenario/presets.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/scenario/schema.hpp"

namespace dermasim::scenario {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = fs::path(DERMASIM_TEST_DATA_DIR).parent_path();
const fs::path kPresets = kRoot / "scenarios";

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer;
    while (std::fgets(buffer.data(), buffer.size(), pipe)) out += buffer.data();
    pclose(pipe);
  }
  return out;
}

TEST(Presets, AtLeastFourteenCoveringTheIssueList) {
  const auto presets = list_presets(kPresets);
  EXPECT_GE(presets.size(), 14u);
  for (const char* required :
       {"healthy-aging", "boxcar-standard", "boxcar-6-week-spacing", "boxcar-weekly", "icepick",
        "rolling", "hypertrophic", "home-roller", "maintenance-6-monthly", "maintenance-none",
        "prp-combination", "rf-microneedling", "older-patient-60", "active-acne", "block-3d"}) {
    EXPECT_TRUE(fs::exists(kPresets / (std::string(required) + ".yaml"))) << required;
  }
}

TEST(Presets, EveryPresetValidatesAndSaysWhatItIsFor) {
  for (const auto& p : list_presets(kPresets)) {
    SCOPED_TRACE(p.name);
    const Scenario s = load_scenario(p.path);
    EXPECT_EQ(s.name, p.name);
    EXPECT_EQ(s.simulation.output, p.name + ".h5");
    EXPECT_FALSE(s.description.empty());
    std::istringstream lines(s.source_text);
    std::string question, protocol, expected;
    std::getline(lines, question);
    std::getline(lines, protocol);
    std::getline(lines, expected);
    EXPECT_EQ(question.substr(0, 2), "# ");
    EXPECT_EQ(question.back(), '?');
    EXPECT_EQ(p.purpose, question.substr(2));
    EXPECT_EQ(protocol.substr(0, 12), "# Protocol: ");
    EXPECT_EQ(expected.substr(0, 12), "# Expected: ");
  }
}

TEST(Presets, StandardPresetMatchesTheQuickStart) {
  const Scenario s = load_scenario(kPresets / "boxcar-standard.yaml");
  EXPECT_EQ(s.domain.dimensions, 2);
  EXPECT_DOUBLE_EQ(s.domain.width, 6.0);
  EXPECT_DOUBLE_EQ(s.domain.depth, 3.0);
  EXPECT_DOUBLE_EQ(s.domain.spacing, 0.02);
  ASSERT_EQ(s.events.size(), 4u);
  EXPECT_DOUBLE_EQ(s.events[1].time_days - s.events[0].time_days, 28.0);
  EXPECT_DOUBLE_EQ(s.events[0].session.needle_length, 1.5);
  EXPECT_EQ(s.events[0].session.device, model::Device::kPen);
  EXPECT_DOUBLE_EQ(s.simulation.duration, 365.25);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(Presets, EveryPresetHasAFasterCiVariantWithTheSameCourse) {
  for (const auto& p : list_presets(kPresets)) {
    SCOPED_TRACE(p.name);
    const fs::path ci = kPresets / "ci" / (p.name + "-ci.yaml");
    ASSERT_TRUE(fs::exists(ci));
    const Scenario full = load_scenario(p.path);
    const Scenario fast = load_scenario(ci);
    EXPECT_EQ(fast.name, p.name + "-ci");
    EXPECT_GE(fast.domain.spacing, 0.04);
    EXPECT_LT(fast.domain.cells(), full.domain.cells());
    EXPECT_LT(fast.simulation.duration, full.simulation.duration);
    EXPECT_EQ(fast.scar.type, full.scar.type);
    auto sessions = [](const Scenario& s) {
      std::vector<double> t;
      for (const auto& e : s.events) {
        if (e.kind == protocol::EventKind::kSession) t.push_back(e.time_days);
      }
      return t;
    };
    EXPECT_EQ(sessions(fast), sessions(full));
  }
}

TEST(Presets, CommandListsThemAll) {
  const std::string listing =
      run("DERMASIM_SCENARIOS='" + kPresets.string() + "' '" DERMASIM_BINARY "' presets");
  const auto presets = list_presets(kPresets);
  int lines = 0;
  for (char c : listing) lines += c == '\n';
  EXPECT_EQ(lines, static_cast<int>(presets.size()));
  for (const auto& p : presets) {
    EXPECT_NE(listing.find(p.name + " "), std::string::npos) << p.name;
    EXPECT_NE(listing.find(p.purpose), std::string::npos) << p.name;
  }
  // Without the variable, the directory is found from the executable or the source tree.
  EXPECT_EQ(run("env -u DERMASIM_SCENARIOS '" DERMASIM_BINARY "' presets"), listing);
}

TEST(Presets, ReadmeTableListsThemAll) {
  const std::string readme = read(kPresets / "README.md");
  for (const auto& p : list_presets(kPresets)) {
    EXPECT_NE(readme.find("| [" + p.name + "](" + p.name + ".yaml) | " + p.purpose + " |"),
              std::string::npos)
        << p.name;
  }
}

TEST(ScenarioReference, IsUpToDate) {
  const fs::path doc = kRoot / "docs" / "scenario-reference.md";
  const std::string fresh = reference_markdown();
  if (read(doc) != fresh) {
    const fs::path out = fs::absolute("scenario-reference.md");
    std::ofstream(out) << fresh;
    FAIL() << doc << " is out of date; regenerate it with: cp " << out << " " << doc;
  }
}

}  // namespace
}  // namespace dermasim::scenario
