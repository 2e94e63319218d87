// `dermasim validate SCENARIO.yaml [--set KEY=VALUE]...`: parses and checks a scenario and prints
// it resolved (every default filled, units shown) on stdout; warnings go to stderr. Exit 0 when
// valid, 2 (via InputError) when not.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "scenario_argument.hpp"

namespace dermasim::cli {

void add_validate_command(CLI::App& app, Command& selected) {
  struct Options {
    std::string file;
    std::vector<std::string> overrides;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check a scenario and print it resolved (every default filled, with units)");
  cmd->add_option("SCENARIO", options->file, "scenario file (YAML), or the name of a preset")
      ->required();
  cmd->add_option("--set", options->overrides,
                  "override one key, e.g. --set treatment.needle_length=\"2 mm\" (repeatable)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  cmd->callback([options, &selected] {
    selected = [options] {
      bool derived_output = false;  // validate prints the output run would write
      const auto s = load_scenario_argument(options->file, options->overrides, &derived_output);
      for (const auto& w : s.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
      std::fputs(scenario::resolved_yaml(s).c_str(), stdout);
      return 0;
    };
  });
}

}  // namespace dermasim::cli
