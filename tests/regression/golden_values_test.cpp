// Golden regression values of the CI presets (scenarios/ci/*-ci.yaml): a few metrics at fixed
// times, compared with the values recorded in tests/regression/goldens/<preset>.txt.
//
// Each golden file first records a hash of the configuration it was made with: the resolved
// scenario the run wrote to its results file (/scenario_resolved), comments and the output path
// aside, so every key, default and model parameter counts. The test checks the hash before any
// value, so a failure says which of two things happened:
//  - "configuration changed": a preset, a default or a parameter is not what the goldens were
//    made with, so they say nothing either way;
//  - "values moved": the same configuration now gives other results (the model or the numerics
//    changed).
// When a change is meant to move them, regenerate them all with one command (docs/testing.md):
//   DERMASIM_REGENERATE_GOLDENS=1 ctest --test-dir build-tests -R GoldenValues
// and commit the rewritten files with the change that moved them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"

namespace dermasim::testing {
namespace {

namespace fs = std::filesystem;

// Metrics that summarise the course: the clinical outcome, the collagen per layer, the cells.
const std::vector<std::string> kMetrics = {"improvement_pct", "scar_depth_mm",
                                           "collagen_papillary_rel", "collagen_reticular_rel",
                                           "fibroblasts_rel"};
// Two weeks in (one session's acute response), eight weeks (remodeling), and the end.
const std::vector<double> kDays = {14.0, 56.0};
// Same build, same inputs: the results are deterministic (1 and 2 threads alike), so this only
// absorbs the last digits a different libm or CPU may round differently.
constexpr double kRelativeTolerance = 1e-9;

struct Preset {
  std::string name;                    // file stem, e.g. "boxcar-standard-ci"
  std::vector<std::string> overrides;  // --set arguments, part of the hashed configuration
};

// The 3D block runs one session over 3 weeks instead of four over 4 months: seconds, not a
// minute.
std::vector<Preset> ci_presets() {
  std::vector<Preset> presets;
  for (const auto& entry : fs::directory_iterator(preset("ci"))) {
    if (entry.path().extension() != ".yaml") continue;
    Preset p{entry.path().stem().string(), {}};
    if (p.name == "block-3d-ci")
      p.overrides = {"treatment.sessions.count=1", "simulation.duration=3 weeks"};
    presets.push_back(std::move(p));
  }
  std::sort(presets.begin(), presets.end(),
            [](const Preset& a, const Preset& b) { return a.name < b.name; });
  return presets;
}

// Test names and failure messages show the preset by name.
void PrintTo(const Preset& p, std::ostream* os) {
  *os << p.name;
}

fs::path golden_path(const std::string& name) {
  return fs::path(DERMASIM_TEST_DATA_DIR) / "regression" / "goldens" / (name + ".txt");
}

// The resolved scenario without comments (the "# default" marks, the memory estimate) and
// without simulation.output (the test's scratch path): what decides the results.
std::string configuration_of(const std::string& resolved) {
  std::istringstream in(resolved);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) quoted = !quoted;
      if (!quoted && line[i] == '#' && (i == 0 || line[i - 1] == ' ')) {
        line.resize(i);
        break;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.empty() || line.find_first_not_of(' ') == std::string::npos) continue;
    if (line.rfind("  output:", 0) == 0) continue;
    out += line + "\n";
  }
  return out;
}

std::string hash_of(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bits
  for (const unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

struct Golden {
  std::string configuration;                           // hash
  std::vector<std::pair<std::string, double>> values;  // "metric@day", value
};

Golden measure(const Preset& p, const fs::path& dir) {
  const fs::path out = dir / (p.name + ".h5");
  std::string arguments = "run '" + preset("ci/" + p.name + ".yaml").string() + "' --quiet ";
  for (const auto& o : p.overrides) arguments += "--set '" + o + "' ";
  arguments += "--threads 1 -o '" + out.string() + "'";
  const auto r = run_command(dermasim(arguments));
  if (r.exit_code != 0) throw std::runtime_error("dermasim " + arguments + ":\n" + r.output);

  const io::h5::Handle file = io::h5::open_file(out.string(), false);
  Golden g;
  g.configuration = hash_of(configuration_of(
      io::h5::read_string_dataset(io::h5::open_dataset(file, "scenario_resolved"))));
  const io::h5::Handle metrics = io::h5::open_group(file, "metrics");
  const auto times = io::h5::read_all<double>(io::h5::open_dataset(metrics, "time_days"));
  std::vector<std::pair<std::string, std::size_t>> samples;
  for (const double day : kDays) {
    for (std::size_t i = 0; i < times.size(); ++i) {
      if (times[i] == day) samples.emplace_back("day" + std::to_string(int(day)), i);
    }
  }
  samples.emplace_back("end", times.size() - 1);
  for (const auto& m : kMetrics) {
    const auto values = io::h5::read_all<double>(io::h5::open_dataset(metrics, m));
    for (const auto& [label, i] : samples) g.values.emplace_back(m + "@" + label, values.at(i));
  }
  return g;
}

void write_golden(const Preset& p, const Golden& g) {
  std::ofstream f(golden_path(p.name));
  std::string sets;
  for (const auto& o : p.overrides) sets += " --set '" + o + "'";
  f << "# Golden values of scenarios/ci/" << p.name << ".yaml" << sets
    << " (tests/regression/golden_values_test.cpp).\n"
       "# Regenerate: DERMASIM_REGENERATE_GOLDENS=1 ctest --test-dir build-tests -R GoldenValues\n"
    << "configuration " << g.configuration << "\n";
  for (const auto& [name, value] : g.values) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    f << name << " " << text << "\n";
  }
  if (!f.flush()) throw std::runtime_error("cannot write " + golden_path(p.name).string());
}

Golden read_golden(const fs::path& path) {
  std::ifstream f(path);
  Golden g;
  for (std::string line; std::getline(f, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, value;
    fields >> name >> value;
    if (name == "configuration") {
      g.configuration = value;
    } else {
      g.values.emplace_back(name, std::strtod(value.c_str(), nullptr));
    }
  }
  return g;
}

bool same_value(double expected, double actual) {
  if (std::isnan(expected) || std::isnan(actual)) return std::isnan(expected) && std::isnan(actual);
  return std::abs(actual - expected) <= kRelativeTolerance * std::abs(expected) + 1e-300;
}

class GoldenValues : public ::testing::TestWithParam<Preset> {};

TEST_P(GoldenValues, MatchTheRecordedRunOfTheSameConfiguration) {
  const Preset& p = GetParam();
  const fs::path dir = scratch_directory("golden-" + p.name);
  const Golden now = measure(p, dir);
  fs::remove_all(dir);
  if (std::getenv("DERMASIM_REGENERATE_GOLDENS")) {
    write_golden(p, now);
    std::printf("regenerated %s\n", golden_path(p.name).c_str());
    return;
  }
  const std::string how =
      "; if the change is meant to move them, regenerate: "
      "DERMASIM_REGENERATE_GOLDENS=1 ctest --test-dir build-tests -R GoldenValues";
  ASSERT_TRUE(fs::exists(golden_path(p.name)))
      << p.name << ": no golden values recorded (a new CI preset?)" << how;
  const Golden recorded = read_golden(golden_path(p.name));
  ASSERT_EQ(recorded.configuration, now.configuration)
      << p.name << ": configuration changed (the resolved scenario, its defaults or parameters "
      << "differ from those the goldens were made with), so the values were not compared" << how;
  ASSERT_EQ(recorded.values.size(), now.values.size())
      << p.name << ": the set of golden values changed (metrics or times)" << how;
  for (std::size_t i = 0; i < now.values.size(); ++i) {
    EXPECT_EQ(recorded.values[i].first, now.values[i].first);
    EXPECT_TRUE(same_value(recorded.values[i].second, now.values[i].second))
        << p.name << ": values moved with the configuration unchanged: " << now.values[i].first
        << " is " << now.values[i].second << ", the golden value " << recorded.values[i].second
        << how;
  }
}

INSTANTIATE_TEST_SUITE_P(CiPresets, GoldenValues, ::testing::ValuesIn(ci_presets()),
                         [](const ::testing::TestParamInfo<Preset>& info) {
                           std::string name;
                           for (const char c : info.param.name) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

// A golden file whose preset is gone would never be checked again.
TEST(GoldenValuesFiles, EachBelongsToACiPreset) {
  for (const auto& entry : fs::directory_iterator(golden_path("x").parent_path())) {
    EXPECT_TRUE(fs::exists(preset("ci/" + entry.path().stem().string() + ".yaml")))
        << entry.path() << " has no preset in scenarios/ci/; remove it";
  }
}

}  // namespace
}  // namespace dermasim::testing
