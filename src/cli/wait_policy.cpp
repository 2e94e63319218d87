#include "wait_policy.hpp"

#include <unistd.h>

#include <cstdlib>

namespace dermasim::cli {

void choose_wait_policy(char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") || std::getenv("GOMP_SPINCOUNT")) return;
  if (setenv("OMP_WAIT_POLICY", "PASSIVE", 0) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: the runtime keeps its default policy for this process.
}

}  // namespace dermasim::cli
