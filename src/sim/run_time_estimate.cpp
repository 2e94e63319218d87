// Pilot and calibration runs for the run-time estimate (run_time_estimate.hpp).
#include "dermasim/sim/run_time_estimate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

#include <sys/resource.h>

#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"

namespace dermasim::sim {
namespace {

// The pilot is up to kCoarsening times coarser per axis, keeping at least kMinDepthCells cells
// across the depth and at most kMaxPilotSpacing (mm) between cell centres, so that the skin
// layers and the scar stay resolved, and at least kMinPilotCells cells: below that a step
// costs a few microseconds, and the timings drown in the noise of a busy machine. A small
// grid is therefore its own pilot (the estimate then takes as long as the run).
constexpr int kCoarsening = 4;
constexpr int kMinDepthCells = 10;
constexpr double kMaxPilotSpacing = 0.2;
constexpr double kMinPilotCells = 2000;
// Largest calibration grid: big enough that the cost per cell is the asymptotic one, small
// enough to allocate and step quickly.
constexpr double kCalibrationCells = 4.0e5;
// The calibration runs whole slices of kPollInterval days (as every run, so no extra steps) for at
// least this many accepted steps and this many seconds.
constexpr long kCalibrationSteps = 20;
constexpr double kCalibrationSeconds = 0.5;

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of the whole process (every thread), seconds.
double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return t.tv_sec + 1e-6 * t.tv_usec; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Elapsed {
  double wall = 0.0, cpu = 0.0;
};

RunConfig with_spacing(const RunConfig& config, double spacing) {
  RunConfig c = config;
  c.grid = at_spacing(config.grid, spacing);
  return c;
}

double cells(const RunConfig& config) {
  return static_cast<double>(config.grid.cells());
}

// Wall and CPU time, from the start of stepping, at the end of each simulated day of `config`
// (entry d: after d + 1 days) to the end, or, if steps > 0, until `steps` steps and `seconds`
// of wall time are done. Building the simulation is left out: its fixed costs would dominate
// short runs.
std::vector<Elapsed> timed_days(const RunConfig& config, long steps, double seconds,
                                long& accepted) {
  Simulation simulation(config);
  Observer nothing;
  const auto start = Clock::now();
  const double cpu_start = process_cpu_seconds();
  std::vector<Elapsed> elapsed;
  run_to_end(simulation, nothing,
             {.stop =
                  [&] {
                    return steps > 0 && !elapsed.empty() &&
                           simulation.step_statistics().accepted >= steps &&
                           elapsed.back().wall >= seconds;
                  },
              .on_slice =
                  [&] {
                    elapsed.push_back({since(start), process_cpu_seconds() - cpu_start});
                  }});
  accepted = simulation.step_statistics().accepted;
  return elapsed;
}

double pilot_spacing(const RunConfig& config) {
  const double h = config.grid.spacing;
  const double n = cells(config);
  int k = kCoarsening;
  while (k > 1 &&
         (static_cast<double>(config.grid.nz) / k < kMinDepthCells || k * h > kMaxPilotSpacing ||
          n / std::pow(k, config.grid.dimensions) < kMinPilotCells)) {
    --k;
  }
  return k * h;
}

double calibration_spacing(const RunConfig& config) {
  const double ratio = cells(config) / kCalibrationCells;
  if (ratio <= 1.0) return config.grid.spacing;
  return config.grid.spacing * std::pow(ratio, 1.0 / config.grid.dimensions);
}

}  // namespace

RunTimeEstimate estimate_run_time(const RunConfig& config) {
  const auto start = Clock::now();
  RunTimeEstimate e;
  e.pilot_spacing = pilot_spacing(config);
  const std::vector<Elapsed> pilot =
      timed_days(with_spacing(config, e.pilot_spacing), 0, 0.0, e.steps);
  e.seconds = pilot.back().wall;
  e.cpu_seconds = pilot.back().cpu;
  if (e.pilot_spacing != config.grid.spacing) {  // else the pilot was the run itself
    const RunConfig calibration = with_spacing(config, calibration_spacing(config));
    long steps = 0;
    const std::vector<Elapsed> measured =
        timed_days(calibration, kCalibrationSteps, kCalibrationSeconds, steps);
    // CPU time scales from the pilot to the calibration over the same simulated days; wall
    // time follows from the calibration's own wall/CPU ratio (how well the threads share out
    // a grid of that size, and how much of the machine the run gets), which is steadier on a
    // busy machine than the ratio of two short wall times.
    const Elapsed& same_days = pilot[measured.size() - 1];
    e.cpu_seconds *=
        measured.back().cpu / std::max(same_days.cpu, 1e-6) * cells(config) / cells(calibration);
    e.seconds = e.cpu_seconds * measured.back().wall / std::max(measured.back().cpu, 1e-6);
  }
  e.measured_seconds = since(start);
  return e;
}

}  // namespace dermasim::sim
