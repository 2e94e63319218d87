// Memory: per cell, the driver holds the state fields (kStateFieldCount doubles) in the state,
// in the model's initial copy, and twice in the step controller (the starts of the current and
// of the previous step); chemotaxis keeps four scratch arrays (face velocities and a stage);
// the model keeps three per-cell maps; the results writer converts a field to float32 and
// compresses with about 12 bytes of scratch per cell and thread. Plus a fixed base for the
// program, HDF5 and OpenMP. Checked against the measured peak (tests/regression).
// Time: steps ~ duration / dt_max for the slow phase plus a burst after every event (the
// standard preset: about 95 steps per session, most of them in the week after it), each step
// costing about kSecondsPerCellStep per cell on one thread (measured on the standard preset).
#include "dermasim/sim/resources.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/model/fields.hpp"

namespace dermasim::sim {
namespace {

constexpr double kBaseBytes = 20.0 * 1024 * 1024;
constexpr double kChemotaxisScratchArrays = 4.0;
constexpr double kModelCellMaps = 3.0;
constexpr double kWriterBytesPerCellAndThread = 12.0;
constexpr double kStateCopies = 4.0;  // state, initial, the two step starts
constexpr double kStepsAfterEvent = 95.0;
constexpr double kSecondsPerCellStep = 1.0e-7;

}  // namespace

ResourceEstimate estimate_resources(const RunConfig& config) {
  const int threads = config.threads.count();
  ResourceEstimate e;
  e.cells = config.grid.cells();
  const double per_cell = 8.0 * (kStateCopies * static_cast<int>(model::kStateFieldCount) +
                                 kChemotaxisScratchArrays + kModelCellMaps) +
                          4.0 + kWriterBytesPerCellAndThread * threads;
  e.memory_bytes = kBaseBytes + per_cell * static_cast<double>(e.cells);
  e.expected_steps = config.duration / config.steps.dt_max +
                     kStepsAfterEvent * static_cast<double>(config.events.size() + 1);
  e.seconds = kSecondsPerCellStep * static_cast<double>(e.cells) * e.expected_steps / threads;
  return e;
}

double machine_memory_bytes() {
  std::FILE* f = std::fopen("/proc/meminfo", "r");
  if (!f) return 0;
  char line[256];
  double kib = 0;
  while (std::fgets(line, sizeof line, f)) {
    if (std::sscanf(line, "MemTotal: %lf kB", &kib) == 1) break;
  }
  std::fclose(f);
  return kib * 1024.0;
}

void check_memory(const ResourceEstimate& e) {
  const double have = machine_memory_bytes();
  if (!(have > 0) || e.memory_bytes <= have) return;
  constexpr double kGiB = 1073741824.0;
  const auto gib = [](double bytes) {
    return units::format_number(std::round(bytes / kGiB * 10) / 10);
  };
  throw Error("not enough memory: the run needs about " + gib(e.memory_bytes) + " GiB for " +
              units::format_number(static_cast<double>(e.cells)) + " cells, this machine has " +
              gib(have) + " GiB; use a coarser domain.spacing or a smaller domain");
}

}  // namespace dermasim::sim
