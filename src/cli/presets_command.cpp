// `dermasim presets [--path]`: the bundled scenarios, one line each (name and what it is for),
// or the directory they are in.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "commands.hpp"
#include "dermasim/scenario/presets.hpp"

namespace dermasim::cli {

void add_presets_command(CLI::App& app, Command& selected, const char* argv0) {
  CLI::App* cmd = app.add_subcommand(
      "presets", "List the bundled scenarios (scenarios/*.yaml; DERMASIM_SCENARIOS overrides)");
  const std::string executable = argv0 ? argv0 : "";
  auto path_only = std::make_shared<bool>(false);
  cmd->add_flag("--path", *path_only, "Print the presets directory (to copy a preset from)");
  cmd->callback([&selected, executable, path_only] {
    selected = [executable, path_only] {
      // /proc/self/exe names the binary even when it was found through PATH.
      std::error_code ec;
      auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
      const auto directory = scenario::presets_directory(ec ? executable : self.string());
      if (*path_only) {
        std::printf("%s\n", directory.c_str());
        return 0;
      }
      const auto presets = scenario::list_presets(directory);
      std::size_t width = 0;
      for (const auto& p : presets) width = std::max(width, p.name.size());
      for (const auto& p : presets) {
        std::printf("%-*s  %s\n", static_cast<int>(width), p.name.c_str(), p.purpose.c_str());
      }
      return 0;
    };
  });
}

}  // namespace dermasim::cli
