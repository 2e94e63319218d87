// Running the real dermasim binary from tests: synchronously with captured output, or as a
// child process that a test can signal.
#pragma once
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace dermasim::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer;
  while (std::fgets(buffer.data(), buffer.size(), pipe)) r.output += buffer.data();
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline std::string dermasim(const std::string& arguments) {
  return std::string("'") + DERMASIM_BINARY + "' " + arguments;
}

inline std::filesystem::path preset(const std::string& name) {
  return std::filesystem::path(DERMASIM_SOURCE_DIR) / "scenarios" / name;
}

/// A fresh, empty directory for one test.
inline std::filesystem::path scratch_directory(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("dermasim-" + name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Starts `dermasim args...` as a child with its output discarded; returns its pid.
inline pid_t spawn_dermasim(const std::vector<std::string>& args) {
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(DERMASIM_BINARY));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    FILE* devnull = std::fopen("/dev/null", "w");
    dup2(fileno(devnull), STDOUT_FILENO);
    dup2(fileno(devnull), STDERR_FILENO);
    execv(DERMASIM_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

/// Peak resident memory of a finished child in bytes (its exit code in *exit_code).
inline double wait_peak_memory(pid_t pid, int* exit_code) {
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return 1024.0 * static_cast<double>(usage.ru_maxrss);
}

/// Waits until `path` exists (a file written atomically, so complete once it exists) while the
/// child `pid` runs: an event of the run rather than a guess at its speed. False if the child
/// ended first or `timeout` passed; the child is not reaped.
inline bool wait_for_file(const std::filesystem::path& path, pid_t pid,
                          std::chrono::seconds timeout = std::chrono::seconds(300)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (std::filesystem::exists(path)) return true;
    siginfo_t info{};
    info.si_pid = 0;
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid != 0) {
      return std::filesystem::exists(path);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

/// Exit code of the child, or 128 + signal if a signal ended it.
inline int wait_exit_code(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

}  // namespace dermasim::testing
