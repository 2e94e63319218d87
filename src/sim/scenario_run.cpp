#include "dermasim/sim/scenario_run.hpp"

namespace dermasim::sim {

RunConfig run_config_from(const scenario::Scenario& s) {
  RunConfig c;
  c.grid = {s.domain.dimensions, s.domain.width,   s.domain.breadth,
            s.domain.depth,      s.domain.spacing, s.domain.lateral_boundary};
  c.skin = s.skin;
  c.scar = s.scar;
  c.parameters = s.parameters;
  c.events = s.events;
  c.duration = s.simulation.duration;
  c.seed = s.simulation.seed;
  c.steps.rtol = s.simulation.step_tolerance;
  c.steps.atol = s.simulation.step_tolerance;
  c.steps.dt_max = s.simulation.max_step;
  c.output.snapshot_interval = s.simulation.snapshot_interval;
  c.output.snapshot_before_session = s.simulation.snapshots_around_sessions;
  if (!s.simulation.snapshots_around_sessions) c.output.post_session_snapshot = -1.0;
  return c;
}

std::filesystem::path output_path_for(const scenario::Scenario& s) {
  if (!s.simulation.output.empty()) return s.simulation.output;
  return s.name + ".h5";
}

}  // namespace dermasim::sim
