// Everything one simulation run needs, in engine units (mm, day), independent of how it was
// specified (scenario file, test, sweep). The CLI fills it from a scenario::Scenario; tests
// build it directly.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dermasim/core/grid.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/specs.hpp"
#include "dermasim/numerics/step_control.hpp"
#include "dermasim/protocol/schedule.hpp"

namespace dermasim::sim {

/// The grid of a run in cells. The scenario loader decides the cell counts (whole multiples of
/// the spacing, at least 8 per axis, with located messages); the run takes them as they are.
struct GridGeometry {
  int dimensions = 2;              ///< 2: x-z cross-section (ny = 1); 3: x-y-z block
  int nx = 300, ny = 1, nz = 150;  ///< cells along x, y, z (z: depth below the surface)
  double spacing = 0.02;           ///< mm
  LateralBoundary lateral = LateralBoundary::kNoFlux;

  std::size_t cells() const { return static_cast<std::size_t>(nx) * ny * nz; }
};

/// The grid of `geometry`. Throws InputError for non-positive sizes.
Grid make_grid(const GridGeometry& geometry);

/// `geometry` at another spacing over about the same extent (cell counts rounded, at least one):
/// the coarse pilot and calibration grids of the run-time estimate.
GridGeometry at_spacing(const GridGeometry& geometry, double spacing);

/// Needling events are the protocol layer's: a resolved session at a time (days); maintenance
/// sessions act identically and are kept apart only for the event log.
using protocol::Event;
using protocol::EventKind;

struct OutputSchedule {
  double metric_interval = 1.0;         ///< days; metrics are also sampled after every event
  double snapshot_interval = 7.0;       ///< days; <= 0 for none besides the session ones
  double post_session_snapshot = 2.0;   ///< days after each session; < 0 for none
  bool snapshot_before_session = true;  ///< a snapshot just before each session
};

struct RunConfig {
  GridGeometry grid;
  model::SkinSpec skin;
  model::ScarSpec scar;
  model::ParameterSet parameters;
  std::vector<Event> events;  ///< sorted by time, within [0, duration]
  double duration = 365.25;   ///< days
  std::uint64_t seed = 42;
  StepControlSettings steps;
  OutputSchedule output;
  /// Threads of every parallel loop of the run (core/threads.hpp): decided by whoever starts
  /// the run (--threads, the sweep's threads per run, a test); results do not depend on it.
  Threads threads{1};
};

/// Throws InputError for an inconsistent configuration (unsorted or out-of-range events,
/// non-positive duration or intervals).
void validate(const RunConfig& config);

}  // namespace dermasim::sim
