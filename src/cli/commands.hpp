// The CLI's commands. Each command lives in its own file and registers itself as a CLI11
// subcommand; when parsing selects it, its action is stored in `Command` and run by main(),
// which maps exceptions to exit codes (docs/cli.md and docs/file-format.md: 0 ok, 1 other, 2 bad
// input, 3 numerics).
#pragma once
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string>

namespace dermasim::cli {

/// What the selected subcommand will do; returns the process exit code.
using Command = std::function<int()>;

void add_version_info(CLI::App& app);
void add_run_command(CLI::App& app, Command& selected);
void add_validate_command(CLI::App& app, Command& selected);
void add_info_command(CLI::App& app, Command& selected);
void add_presets_command(CLI::App& app, Command& selected, const char* argv0);
void add_report_command(CLI::App& app, Command& selected);

/// A script shipped with dermasim (e.g. "report.py"): PREFIX/share/dermasim/scripts when
/// installed, else the source tree's scripts/. Throws Error naming the places searched.
std::filesystem::path find_script(const std::string& name);

}  // namespace dermasim::cli
