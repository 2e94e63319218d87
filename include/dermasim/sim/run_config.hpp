// Everything one simulation run needs, in engine units (mm, day), independent of how it was
// specified (scenario file, test, sweep). The CLI fills it from a scenario::Scenario; tests
// build it directly.
#pragma once
#include <cstdint>
#include <vector>

#include "dermasim/core/grid.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/specs.hpp"
#include "dermasim/numerics/step_control.hpp"
#include "dermasim/protocol/schedule.hpp"

namespace dermasim::sim {

struct GridGeometry {
  int dimensions = 2;     ///< 2: x-z cross-section; 3: x-y-z block
  double width = 6.0;     ///< mm, x
  double breadth = 0.0;   ///< mm, y (3D only)
  double depth = 3.0;     ///< mm, z below the surface
  double spacing = 0.02;  ///< mm
  LateralBoundary lateral = LateralBoundary::kNoFlux;
};

/// The grid of `geometry` (cell counts rounded to the nearest integer). Throws InputError.
Grid make_grid(const GridGeometry& geometry);

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
};

/// Throws InputError for an inconsistent configuration (unsorted or out-of-range events,
/// non-positive duration or intervals).
void validate(const RunConfig& config);

}  // namespace dermasim::sim
