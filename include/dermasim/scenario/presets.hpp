// The bundled presets (scenarios/*.yaml): where they are and what each one is for.
// Each preset starts with a comment block whose first line says what question it answers.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace dermasim::scenario {

struct PresetInfo {
  std::string name;     ///< file name without .yaml
  std::string purpose;  ///< first line of the leading comment block, without "# "
  std::filesystem::path path;
};

/// The presets directory: $DERMASIM_SCENARIOS if set; else the first of scenarios/ beside the
/// executable, in its parent (a build directory inside the source tree), in
/// ../share/dermasim/ (an installation), or in the source tree the library was built from.
/// Throws InputError naming the places searched when none exists.
std::filesystem::path presets_directory(const std::filesystem::path& executable);

/// Every *.yaml directly in `directory` (not the ci/ variants), sorted by name.
std::vector<PresetInfo> list_presets(const std::filesystem::path& directory);

}  // namespace dermasim::scenario
