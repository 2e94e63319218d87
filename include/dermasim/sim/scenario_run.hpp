// The one run path: scenario -> RunConfig (grid in cells as the loader decided them, engine
// units) -> pre-flight check -> Simulation (grid, model, operators, stepper) -> driven to its
// end in polled slices -> an Observer (the results recorder, a metric log, a progress display).
// `dermasim run`, its replicates, the sweep runners (threads and MPI), the run-time estimate
// and the tests all build and drive runs through these functions, so that a run stops, polls
// and checkpoints the same way wherever it was started.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>

#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/run_config.hpp"
#include "dermasim/sim/simulation.hpp"

namespace dermasim::sim {

/// Simulated days between two polls of a stop request (Ctrl-C, SIGTERM, a sweep's stop). A
/// slice adds no stop (Simulation::run_past), so polling adds no steps: a run polled, stopped
/// and checkpointed between two slices resumes bit for bit.
inline constexpr double kPollInterval = 1.0;

/// The run a scenario describes, on `threads` threads; replicate k (0 = the scenario itself)
/// uses the needle placement seed seed + k (replicate_seed).
RunConfig run_config_from(const scenario::Scenario& scenario, Threads threads,
                          std::size_t replicate = 0);

/// Where the results go: simulation.output (which -o overrides), else "<name>.h5".
std::filesystem::path output_path_for(const scenario::Scenario& scenario);

/// Checks a run before anything large is allocated: its configuration (validate) and whether
/// this machine has the memory for it with its threads (check_memory). Throws InputError
/// (exit code 2) or Error (exit code 1, not enough memory).
void preflight(const RunConfig& config);

/// What happens between two slices of a run; both are optional.
struct RunControl {
  std::function<bool()> stop = {};      ///< polled before every slice: true ends the run early
  std::function<void()> on_slice = {};  ///< after every slice (periodic checkpoints)
};

/// Advances `simulation` to exactly min(t, duration) in slices of kPollInterval days, emitting
/// every output due on the way to `observer`. Returns false when control.stop ended it early.
bool run_to(Simulation& simulation, double t, Observer& observer, const RunControl& control = {});

/// The same to the end of the run.
inline bool run_to_end(Simulation& simulation, Observer& observer, const RunControl& control = {}) {
  return run_to(simulation, simulation.config().duration, observer, control);
}

}  // namespace dermasim::sim
