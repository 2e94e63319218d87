// Run-time estimate for --dry-run, measured on the machine it runs on rather than taken from a
// fixed cost per cell and step: the step count comes from the engine's own step controller, so
// it follows any change to the time stepping.
//
// How: (1) a pilot runs the whole protocol on the same domain at a coarser spacing (the step
// controller takes nearly the same steps at any spacing: 535-651 for the 2D CI preset from
// 200 to 25 um), timed day by day; a small grid is its own pilot, and the estimate is then
// that run's time; (2) a calibration runs the first simulated day(s) at the
// real spacing, or, for a grid above kCalibrationCells, at the spacing that gives about that
// many cells; (3) the estimate is the pilot's total time times the calibration's time over the
// pilot's time for the same simulated days, times real over calibration cells. Writing the
// results file is not included (a few per cent of a run, docs/file-format.md).
#pragma once
#include <cstddef>

#include "dermasim/sim/run_config.hpp"

namespace dermasim::sim {

struct RunTimeEstimate {
  double seconds = 0.0;           ///< wall time of the run with the given threads
  double cpu_seconds = 0.0;       ///< CPU time of the run (all threads): steadier when busy
  long steps = 0;                 ///< accepted steps of the pilot (about those of the run)
  double pilot_spacing = 0.0;     ///< mm
  double measured_seconds = 0.0;  ///< what the estimate itself took
};

/// Runs the pilot and the calibration (with the run's threads, config.threads); wall and CPU
/// time are estimated alike. Throws what Simulation throws for a configuration it cannot run.
RunTimeEstimate estimate_run_time(const RunConfig& config);

}  // namespace dermasim::sim
