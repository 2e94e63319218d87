// `dermasim sweep`: parameter sweeps and sensitivity analysis (docs/sweeps.md).
#pragma once
#include "commands.hpp"
#include "dermasim/sweep/runner.hpp"

namespace dermasim::cli {

/// Registers `dermasim sweep SWEEP.yaml [-o DIR] [--jobs N] [--threads-per-run N] [--resume]
/// [--quiet]`. `run_one` runs one simulation of the sweep (the engine, from sim/); it is called
/// concurrently from `--jobs` threads, or once at a time per MPI rank under mpirun/srun.
void add_sweep_command(CLI::App& app, Command& selected, sweep::RunFunction run_one);

/// The engine as a sweep RunFunction: the base scenario with the run's overrides, simulated in
/// this process with the calling thread's OpenMP thread count; metrics at the requested times;
/// a full results file when the request names one. Throws InputError, NumericalError.
sweep::RunOutcome run_sweep_point(const sweep::RunRequest& request);

}  // namespace dermasim::cli
