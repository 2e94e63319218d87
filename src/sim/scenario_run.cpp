#include "dermasim/sim/scenario_run.hpp"

#include <algorithm>

#include "dermasim/sim/replicate_stats.hpp"
#include "dermasim/sim/resources.hpp"

namespace dermasim::sim {

RunConfig run_config_from(const scenario::Scenario& s, Threads threads, std::size_t replicate) {
  RunConfig c;
  c.grid = {s.domain.dimensions, s.domain.nx,      s.domain.ny,
            s.domain.nz,         s.domain.spacing, s.domain.lateral_boundary};
  c.skin = s.skin;
  c.scar = s.scar;
  c.parameters = s.parameters;
  c.events = s.events;
  c.duration = s.simulation.duration;
  c.seed = replicate_seed(s.simulation.seed, replicate);
  c.steps.rtol = s.simulation.step_tolerance;
  c.steps.atol = s.simulation.step_tolerance;
  c.steps.dt_max = s.simulation.max_step;
  c.output.snapshot_interval = s.simulation.snapshot_interval;
  c.output.snapshot_before_session = s.simulation.snapshots_around_sessions;
  if (!s.simulation.snapshots_around_sessions) c.output.post_session_snapshot = -1.0;
  c.threads = threads;
  return c;
}

std::filesystem::path output_path_for(const scenario::Scenario& s) {
  if (!s.simulation.output.empty()) return s.simulation.output;
  return s.name + ".h5";
}

void preflight(const RunConfig& config) {
  validate(config);
  check_memory(estimate_resources(config));
}

bool run_to(Simulation& simulation, double t, Observer& observer, const RunControl& control) {
  const double end = std::min(t, simulation.config().duration);
  while (simulation.time() < end) {
    if (control.stop && control.stop()) return false;
    simulation.run_past(simulation.time() + kPollInterval, observer, end);
    if (control.on_slice) control.on_slice();
  }
  return true;
}

}  // namespace dermasim::sim
