// `dermasim sweep`: parameter sweeps and sensitivity analysis (docs/sweeps.md).
#pragma once
#include "commands.hpp"
#include "dermasim/sweep/runner.hpp"

namespace dermasim::cli {

/// Registers `dermasim sweep SWEEP.yaml [-o DIR] [--jobs N] [--threads-per-run N] [--resume]
/// [--quiet]`. `run_one` runs one simulation of the sweep (sweep::run_engine); it is called
/// concurrently from `--jobs` threads, or once at a time per MPI rank under mpirun/srun.
void add_sweep_command(CLI::App& app, Command& selected, sweep::RunFunction run_one);

}  // namespace dermasim::cli
