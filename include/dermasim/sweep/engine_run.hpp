// The sweep's RunFunction backed by the real engine: one run of a sweep is the base scenario
// with the run's `--set` overrides, simulated in this thread on request.threads engine threads,
// reporting the requested metrics at the requested times ("end" or a time with a unit,
// reached exactly by the driver, not interpolated). With a field_output path the full results
// file is written as by `dermasim run`. With request.replicates = N the point runs seeds seed,
// seed + 1, ..., seed + N - 1 one after another (the full results file is the first seed's).
#pragma once
#include "dermasim/sweep/runner.hpp"

namespace dermasim::sweep {

/// Runs one sweep point. Bad input (an override out of range, say) and numerical failures come
/// back as a failed outcome with the one-line message; the sweep goes on. Polls
/// request.stop_requested every simulated day and returns pending when it is set. Without a
/// field_output the simulation stops at the last requested sample time. With start_from the
/// run branches from that checkpoint (sim::branch_from_checkpoint: its next event is the first
/// of its own events after the checkpoint's time).
RunOutcome run_engine(const RunRequest& request);

}  // namespace dermasim::sweep
