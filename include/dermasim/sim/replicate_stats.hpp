// Statistics over replicate runs: the same scenario run with needle-placement seeds seed,
// seed + 1, ..., seed + N - 1. Per sample time (or for one scalar per replicate): the mean,
// the sample standard deviation (divisor N - 1; 0 for a single replicate), the minimum and the
// maximum (the mean clamped to min .. max against rounding). Sums run over the replicates in
// order, so the result depends only on the values, never on a thread count. A NaN in any
// replicate makes all four NaN at that sample: a metric not reported by one run (or a failed
// run) has no meaningful spread there.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace dermasim::sim {

/// Per-sample statistics of one metric over the replicates (each vector has T entries).
struct SeriesStats {
  std::vector<double> mean, sd, min, max;
};

/// `series[r]` is replicate r's series; all must have the same length. Throws Error otherwise.
SeriesStats replicate_stats(std::span<const std::vector<double>> series);

struct MeanSd {
  double mean = 0.0;
  double sd = 0.0;  ///< sample SD (N - 1), 0 for one value
};

/// Mean and sample SD of one scalar per replicate (e.g. a final value).
MeanSd mean_sd(std::span<const double> values);

/// Seed of replicate `index` (0-based): seed + index (wrapping like the 64-bit seed itself).
inline std::uint64_t replicate_seed(std::uint64_t seed, std::size_t index) {
  return seed + static_cast<std::uint64_t>(index);
}

/// Replicates are compared sample by sample, so replicate `index` (0-based, seed `seed`) must
/// have sampled its metrics at exactly the times of replicate 0. Throws InputError naming the
/// replicate, its seed and the first differing sample otherwise.
void check_same_times(std::span<const double> reference, std::span<const double> times,
                      std::size_t index, std::uint64_t seed);

}  // namespace dermasim::sim
