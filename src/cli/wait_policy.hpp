// The OpenMP wait policy of the dermasim binary.
#pragma once

namespace dermasim::cli {

/// Makes idle OpenMP threads sleep instead of spinning (OMP_WAIT_POLICY=PASSIVE) unless the
/// user chose a policy (OMP_WAIT_POLICY or GOMP_SPINCOUNT is set). A spinning thread that
/// shares its core with other work takes the core from the thread it waits for: a two-thread
/// run on a busy machine was seven times slower than with passive waiting, and slower than one
/// thread. GCC's OpenMP runtime reads the variable when it is loaded, before main(), so the
/// program executes itself again, once, with the variable set (same pid, same arguments).
/// Returns when nothing is to be done or the re-execution is impossible (no /proc).
void choose_wait_policy(char** argv);

}  // namespace dermasim::cli
