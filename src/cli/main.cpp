// dermasim command-line entry point: parses the command line with CLI11, runs the selected
// command, and turns every failure into a one-line "error: ..." message and an exit code.
#include <cstdio>
#include <exception>
#include <new>
#include <string>

#include "commands.hpp"
#include "dermasim/core/error.hpp"
#include "dermasim/sweep/engine_run.hpp"
#include "sweep_command.hpp"
#include "wait_policy.hpp"

int main(int argc, char** argv) {
  using namespace dermasim;
  cli::choose_wait_policy(argv);
  CLI::App app{"dermasim: collagen remodeling in skin after microneedling"};
  app.require_subcommand(1);
  cli::add_version_info(app);
  cli::Command selected;
  cli::add_run_command(app, selected);
  cli::add_validate_command(app, selected);
  cli::add_sweep_command(app, selected, sweep::run_engine);
  cli::add_info_command(app, selected);
  cli::add_presets_command(app, selected, argv[0]);
  cli::add_report_command(app, selected);

  // CLI11 reports an unknown first word as "A subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      known = known || sub->check_name(argv[1]);
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      std::fprintf(stderr, "error: unknown command '%s'; commands: %s (see 'dermasim --help')\n",
                   argv[1], names.c_str());
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "error: %s (see 'dermasim --help')\n", e.what());
    return 2;
  }

  try {
    return selected ? selected() : 2;
  } catch (const Error& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "error: out of memory\n");
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
