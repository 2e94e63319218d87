// Runs a shell command from a test and captures its exit status and merged output.
#pragma once
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace dermasim::io::testing {

struct CommandResult {
  int exit_code = -1;  ///< the process's exit status, or -1 when it did not exit normally
  std::string output;  ///< stdout and stderr, interleaved
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

/// Single-quotes `text` for the shell.
inline std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace dermasim::io::testing
