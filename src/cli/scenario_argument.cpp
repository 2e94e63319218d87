#include "scenario_argument.hpp"

#include "dermasim/core/error.hpp"
#include "dermasim/scenario/presets.hpp"

namespace dermasim::cli {

namespace fs = std::filesystem;

ScenarioSource resolve_scenario(const std::string& argument) {
  std::error_code ec;
  if (argument.empty() || fs::exists(argument, ec)) return {argument, false};
  fs::path name = argument;
  if (name.is_absolute()) return {argument, false};
  if (name.extension() != ".yaml") name += ".yaml";
  fs::path directory;
  try {
    directory = scenario::presets_directory(fs::read_symlink("/proc/self/exe", ec));
  } catch (const InputError&) {
    return {argument, false};  // no presets anywhere: the loader names the missing file
  }
  for (const fs::path& candidate : {directory / name, directory / "ci" / name}) {
    if (fs::is_regular_file(candidate, ec)) return {candidate, true};
  }
  return {argument, false};
}

fs::path default_output(const ScenarioSource& source) {
  fs::path file = source.file.stem();
  file += ".h5";
  return source.preset ? file : source.file.parent_path() / file;
}

scenario::Scenario load_scenario_argument(const std::string& argument,
                                          std::vector<std::string> overrides,
                                          bool* derived_output) {
  const ScenarioSource source = resolve_scenario(argument);
  scenario::Scenario s = scenario::load_scenario(source.file, overrides);
  *derived_output = !s.simulation.output_given;
  if (!*derived_output) return s;
  overrides.push_back("simulation.output=" + default_output(source).string());
  return scenario::load_scenario(source.file, overrides);
}

}  // namespace dermasim::cli
