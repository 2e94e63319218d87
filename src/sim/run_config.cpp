// Grid construction and consistency checks of a RunConfig (see run_config.hpp).
#include "dermasim/sim/run_config.hpp"

#include <cmath>
#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/model/injury.hpp"

namespace dermasim::sim {
namespace {

int cells_along(double length, double spacing, const char* key) {
  const long n = std::lround(length / spacing);
  if (n < 1 || n > 100000) {
    std::ostringstream os;
    os << key << ": " << length << " mm at " << spacing * 1e3 << " um spacing gives " << n
       << " cells; allowed 1 .. 100000";
    throw InputError(os.str());
  }
  return static_cast<int>(n);
}

}  // namespace

Grid make_grid(const GridGeometry& g) {
  if (!(g.spacing > 0.0)) throw InputError("domain.spacing: must be positive");
  const int nx = cells_along(g.width, g.spacing, "domain.width");
  const int nz = cells_along(g.depth, g.spacing, "domain.depth");
  const int ny = g.dimensions == 3 ? cells_along(g.breadth, g.spacing, "domain.breadth") : 1;
  return Grid(g.dimensions, nx, ny, nz, g.spacing, g.lateral);
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
