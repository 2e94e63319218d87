// Grid construction and consistency checks of a RunConfig (see run_config.hpp).
#include "dermasim/sim/run_config.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/model/injury.hpp"

namespace dermasim::sim {
Grid make_grid(const GridGeometry& g) {
  if (!(g.spacing > 0.0)) throw InputError("domain.spacing: must be positive");
  return Grid(g.dimensions, g.nx, g.ny, g.nz, g.spacing, g.lateral);
}

GridGeometry at_spacing(const GridGeometry& g, double spacing) {
  const auto cells = [&](int n) {
    return std::max(1, static_cast<int>(std::lround(n * g.spacing / spacing)));
  };
  GridGeometry coarse = g;
  coarse.spacing = spacing;
  coarse.nx = cells(g.nx);
  coarse.ny = g.dimensions == 3 ? cells(g.ny) : 1;
  coarse.nz = cells(g.nz);
  return coarse;
}

void validate(const RunConfig& c) {
  if (!(c.duration > 0.0)) throw InputError("simulation.duration: must be positive");
  if (!(c.output.metric_interval > 0.0)) {
    throw InputError("metric interval must be positive");
  }
  double previous = 0.0;
  for (std::size_t e = 0; e < c.events.size(); ++e) {
    const double t = c.events[e].time_days;
    if (!(t >= previous) || t > c.duration) {
      std::ostringstream os;
      os << "treatment: session " << e + 1 << " at day " << t
         << " is out of order or after the end of the simulation (" << c.duration << " days)";
      throw InputError(os.str());
    }
    previous = t;
    model::validate_session(c.events[e].session);
  }
}

}  // namespace dermasim::sim
