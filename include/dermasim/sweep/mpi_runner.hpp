// Distributing a sweep over MPI ranks: `mpirun -n N dermasim sweep SWEEP.yaml -o DIR`.
// Every rank reads the same sweep file and builds the same run table (checked by fingerprint);
// rank 0 owns the output directory, hands out run indices one at a time (so fast and slow runs
// balance themselves) and journals every outcome a rank sends back, so --resume, the summary and
// the sensitivity indices are exactly those of a workstation sweep. Rank 0 also runs sweeps itself
// on a second thread: all N ranks compute. Each rank runs one simulation at a time with
// `threads_per_run` engine threads; place ranks with one rank per core (or per threads_per_run
// cores). Built only with -DDERMASIM_MPI=ON (cmake/Mpi.cmake); otherwise the functions below
// report that MPI is unavailable.
#pragma once
#include "dermasim/sweep/runner.hpp"

namespace dermasim::sweep {

/// Whether this build was configured with MPI.
bool mpi_built();
/// Whether the process was started by an MPI launcher (mpirun, mpiexec, srun with PMI/PMIx).
bool launched_by_mpi();

/// MPI_Init_thread / MPI_Finalize for the lifetime of the object (MPI_THREAD_FUNNELED: only the
/// thread that created it calls MPI). Throws InputError in a build without MPI.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  /// Ends every rank with `code` (MPI_Abort): an error on one rank must not leave others waiting.
  [[noreturn]] void abort(int code) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

/// Collective: call on every rank of an active MpiSession. On rank 0 returns the full result;
/// on other ranks a result whose `ok`/`failed` count the runs that rank executed.
SweepResult run_sweep_mpi(const SweepSpec& spec, const RunFunction& run,
                          const SweepOptions& options);

}  // namespace dermasim::sweep
