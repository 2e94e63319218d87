// Locating and listing the bundled presets (presets.hpp).
#include "dermasim/scenario/presets.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "dermasim/core/error.hpp"

namespace dermasim::scenario {

std::filesystem::path presets_directory(const std::filesystem::path& executable) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("DERMASIM_SCENARIOS"); env && *env) {
    if (!fs::is_directory(env)) {
      throw InputError(std::string("DERMASIM_SCENARIOS: '") + env + "' is not a directory");
    }
    return env;
  }
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(executable, ec).parent_path();
  const fs::path candidates[] = {dir / "scenarios", dir.parent_path() / "scenarios",
                                 dir.parent_path() / "share" / "dermasim" / "scenarios",
                                 fs::path(DERMASIM_SOURCE_DIR) / "scenarios"};
  std::string searched;
  for (const auto& c : candidates) {
    if (fs::is_directory(c, ec)) return c;
    searched += (searched.empty() ? "" : ", ") + c.string();
  }
  throw InputError("no presets directory found (searched " + searched +
                   "); set DERMASIM_SCENARIOS to the scenarios/ folder");
}

std::vector<PresetInfo> list_presets(const std::filesystem::path& directory) {
  std::vector<PresetInfo> out;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    PresetInfo info{entry.path().stem().string(), "", entry.path()};
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      const auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos) continue;
      if (line[first] != '#') break;
      const auto text = line.find_first_not_of("# \t", first);
      if (text == std::string::npos) continue;
      info.purpose = line.substr(text);
      break;
    }
    out.push_back(std::move(info));
  }
  std::sort(out.begin(), out.end(),
            [](const PresetInfo& a, const PresetInfo& b) { return a.name < b.name; });
  return out;
}

}  // namespace dermasim::scenario
