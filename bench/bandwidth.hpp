// Memory-bandwidth reference for the benchmarks: the STREAM triad a = b + s c, measured once at
// start-up (best of several repetitions), and a counter helper that turns bytes moved by a kernel
// into its fraction of that bandwidth.
#pragma once
#include <benchmark/benchmark.h>

namespace dermasim::bench {

/// Measured triad bandwidth in bytes per second (24 bytes per element, STREAM convention).
double triad_bandwidth();
/// Sets the standard counters of a kernel benchmark: cell-field updates per second, bytes per
/// second, and the fraction of the triad bandwidth; with cells_per_iteration, also ns per
/// cell-step (one cell, all the fields the kernel updates, one step).
void report(benchmark::State& state, double updates_per_iteration, double bytes_per_iteration,
            double cells_per_iteration = 0.0);
/// True when the binary runs as a CTest smoke test (small sizes, no bandwidth measurement).
bool smoke_run();

}  // namespace dermasim::bench
