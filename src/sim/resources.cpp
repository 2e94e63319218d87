// Memory: per cell, the driver holds the model fields (kModelFieldCount doubles) in the state,
// in the model's initial copy, and three times in the step controller (saved state, increment,
// previous increment); chemotaxis keeps five scratch arrays (three face velocities, two stages);
// the results writer converts one field at a time to float32. Plus a fixed base for the
// program, HDF5 and OpenMP (measured, docs/performance.md).
// Time: steps ~ duration / dt_max for the slow phase plus a burst after every event, each step
// costing about kSecondsPerCellStep per cell on one thread (measured on the standard preset).
#include "dermasim/sim/resources.hpp"

#include <algorithm>

#include "dermasim/model/fields.hpp"

namespace dermasim::sim {
namespace {

constexpr double kBaseBytes = 24.0 * 1024 * 1024;
constexpr double kChemotaxisScratchArrays = 5.0;
constexpr double kStateCopies = 5.0;  // state, initial, saved, increment, previous increment
constexpr double kStepsAfterEvent = 60.0;
constexpr double kSecondsPerCellStep = 1.0e-7;

}  // namespace

ResourceEstimate estimate_resources(const RunConfig& config, int threads) {
  ResourceEstimate e;
  e.cells = make_grid(config.grid).cells();
  const double per_cell =
      8.0 * (kStateCopies * model::kModelFieldCount + kChemotaxisScratchArrays) + 4.0;
  e.memory_bytes = kBaseBytes + per_cell * static_cast<double>(e.cells);
  e.expected_steps = config.duration / config.steps.dt_max +
                     kStepsAfterEvent * static_cast<double>(config.events.size() + 1);
  e.seconds =
      kSecondsPerCellStep * static_cast<double>(e.cells) * e.expected_steps / std::max(1, threads);
  return e;
}

}  // namespace dermasim::sim
