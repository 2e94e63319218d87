#include "wait_policy.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace dermasim::cli {
namespace {

// Spins before an idle thread sleeps when the machine has free cores: enough to bridge the
// short serial stretches between the engine's parallel regions (thousands per run), whose
// wake-ups from sleep cost a third of a two-thread run's wall time on an idle machine.
constexpr const char* kIdleSpinCount = "1000";

// Tasks runnable now, the reader included (/proc/loadavg's fourth field is "running/total"),
// or -1. The instantaneous count, not the load average: the average lags a minute behind, and
// a series of runs would raise it itself.
long runnable_tasks() {
  std::FILE* file = std::fopen("/proc/loadavg", "r");
  if (file == nullptr) return -1;
  long running = 0;
  const int read = std::fscanf(file, "%*f %*f %*f %ld/", &running);
  std::fclose(file);
  return read == 1 ? running : -1;
}

// True when, in the fewest of a few readings 1 ms apart, no task but this one was runnable:
// work that keeps cores busy (a build, other runs) shows in every reading, the shell that
// just started this process in one at most.
bool machine_is_idle() {
  if (sysconf(_SC_NPROCESSORS_ONLN) < 2) return false;
  long fewest = -1;
  for (int reading = 0; reading < 5; ++reading) {
    if (reading > 0) usleep(1000);
    const long running = runnable_tasks();
    if (running < 0) return false;
    fewest = fewest < 0 ? running : std::min(fewest, running);
  }
  return fewest <= 1;
}

}  // namespace

void choose_wait_policy(char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT")) return;
  const int set = machine_is_idle() ? setenv("GOMP_SPINCOUNT", kIdleSpinCount, 0)
                                    : setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
  if (set != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: the runtime keeps its default policy for this process.
}

}  // namespace dermasim::cli
