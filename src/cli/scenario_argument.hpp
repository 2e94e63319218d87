// The SCENARIO argument of `run` and `validate`: a file, or the name of a bundled preset.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "dermasim/scenario/scenario.hpp"

namespace dermasim::cli {

struct ScenarioSource {
  std::filesystem::path file;
  bool preset = false;  ///< found by name among the presets, not as a path
};

/// `argument` itself when it names an existing file; else the preset of that name
/// (`boxcar-standard`, `boxcar-standard.yaml`, `ci/boxcar-standard-ci` or `boxcar-standard-ci`)
/// in the presets directory (scenario::presets_directory: the installed share/dermasim/scenarios
/// or the source tree's scenarios/); else `argument` unchanged, for the loader to report.
ScenarioSource resolve_scenario(const std::string& argument);

/// Where a run writes when neither -o nor simulation.output says: `<file stem>.h5` beside the
/// scenario file, or in the current directory for a preset run by name (the presets directory
/// may be read-only, and the results belong to the user).
std::filesystem::path default_output(const ScenarioSource& source);

/// The scenario of `argument` (resolve_scenario) with `overrides`; when it names no output,
/// with simulation.output = default_output() as an override, so that the resolved scenario
/// names the path, and *derived_output set. Throws InputError.
scenario::Scenario load_scenario_argument(const std::string& argument,
                                          std::vector<std::string> overrides, bool* derived_output);

}  // namespace dermasim::cli
