// `dermasim report RUN.h5 [MORE.h5 ...] -o report.html`: an interactive, self-contained HTML
// report of one or more runs. The report is drawn by scripts/report.py (Plotly, from Debian's
// python3-plotly); this command finds the script and replaces itself with /usr/bin/python3
// running it, so the script's messages and exit code are the command's.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "dermasim/core/error.hpp"

namespace dermasim::cli {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

struct ReportOptions {
  std::vector<std::string> results;
  std::string output = "report.html";
  std::string title;
};

}  // namespace

std::filesystem::path find_script(const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  const fs::path dir = ec ? fs::path() : exe.parent_path();
  // Installed: PREFIX/bin/dermasim next to PREFIX/share/dermasim/scripts. Build tree: the
  // source tree's scripts/ (the build directory may live anywhere).
  const fs::path candidates[] = {dir.parent_path() / "share" / "dermasim" / "scripts" / name,
                                 fs::path(DERMASIM_SOURCE_DIR) / "scripts" / name};
  std::string searched;
  for (const auto& c : candidates) {
    if (fs::is_regular_file(c, ec)) return c;
    searched += (searched.empty() ? "" : ", ") + c.string();
  }
  throw Error("cannot find the script " + name + " (searched " + searched + ")");
}

void add_report_command(CLI::App& app, Command& selected) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write an interactive HTML report (one file, works offline) of one or more runs");
  cmd->add_option("results", options->results, "Results files written by 'dermasim run'")
      ->required();
  cmd->add_option("-o,--output", options->output, "HTML file to write")->capture_default_str();
  cmd->add_option("--title", options->title, "Title of the report (default: the scenario names)");
  cmd->callback([&selected, options] {
    selected = [options]() -> int {
      const std::string script = find_script("report.py").string();
      std::vector<std::string> args = {kPython, script};
      args.insert(args.end(), options->results.begin(), options->results.end());
      args.insert(args.end(), {"-o", options->output});
      if (!options->title.empty()) args.insert(args.end(), {"--title", options->title});
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      std::fflush(nullptr);
      execv(kPython, argv.data());
      throw Error(std::string("cannot run ") + kPython + ": " + std::strerror(errno) +
                  " (install the Debian package python3-plotly)");
    };
  });
}

}  // namespace dermasim::cli
