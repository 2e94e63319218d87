// The OpenMP wait policy of the dermasim binary.
#pragma once

namespace dermasim::cli {

/// Chooses how idle OpenMP threads wait, unless the user chose (OMP_WAIT_POLICY or
/// GOMP_SPINCOUNT is set). A spinning thread that shares its core with other work takes the
/// core from the thread it waits for: a two-thread run on a busy machine was seven times slower
/// than with passive waiting, and slower than one thread. So when any other task is runnable
/// at the start, idle threads sleep at once (OMP_WAIT_POLICY=PASSIVE); when none is, they spin
/// briefly first (GOMP_SPINCOUNT=1000, bounded, so a machine that becomes busy later costs
/// little), which saves the wake-ups that took a third of the wall time of a two-thread run.
/// GCC's OpenMP runtime reads the variables when it is loaded, before main(), so the program
/// executes itself again, once, with the variable set (same pid, same arguments). Returns when
/// nothing is to be done or the re-execution is impossible (no /proc).
void choose_wait_policy(char** argv);

}  // namespace dermasim::cli
