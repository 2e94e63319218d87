// What a run will cost before it starts, for --dry-run and for refusing runs this machine cannot
// hold (the one memory estimate of the program):
// peak memory from the arrays the driver allocates, and a rough run time from the expected
// number of steps and a measured cost per cell and step (docs/performance.md).
#pragma once
#include <cstddef>

#include "dermasim/sim/run_config.hpp"

namespace dermasim::sim {

struct ResourceEstimate {
  std::size_t cells = 0;
  double memory_bytes = 0.0;    ///< peak resident memory of the whole process
  double expected_steps = 0.0;  ///< accepted time steps, roughly
  double seconds = 0.0;         ///< wall time, roughly (within a factor of two)
};

/// With the run's threads (config.threads): the writer's scratch grows with them, the time
/// shrinks.
ResourceEstimate estimate_resources(const RunConfig& config);

/// Total memory of this machine (bytes, from /proc/meminfo); 0 when unknown.
double machine_memory_bytes();

/// The pre-flight check of a run: throws Error (exit code 1, as other resource failures) with
/// one line when the run needs more memory than this machine has. A scenario that fails it is
/// still valid (dermasim validate accepts it): it may run on a larger machine.
void check_memory(const ResourceEstimate& estimate);

}  // namespace dermasim::sim
