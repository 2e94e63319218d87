// `dermasim run --replicates N`: the first replicate is the scenario's own seed, run and written
// exactly as a plain run; this runs seeds seed + 1 .. seed + N - 1 after it, one after another
// with the same thread count and metrics only, and turns all N metric series into the results
// file's /replicates group (per-seed series, mean, sample SD, min, max per sample time) and its
// summary lines.
#pragma once
#include <cstdint>
#include <cstdio>
#include <functional>
#include <vector>

#include "dermasim/io/results_writer.hpp"
#include "dermasim/sim/metric_log.hpp"
#include "dermasim/sim/run_config.hpp"

namespace dermasim::cli {

struct ReplicateOutcome {
  bool interrupted = false;
  std::size_t running = 0;      ///< 0-based replicate that was running when interrupted
  double time = 0.0;            ///< its simulated day then
  io::ReplicatesRecord record;  ///< complete unless interrupted
};

/// "replicate K/N: seed S" (K 1-based), so that the progress says which replicate runs.
void print_replicate_header(std::FILE* out, std::size_t index, std::size_t count,
                            std::uint64_t seed);

/// Runs replicates 2 .. `count` of `config` (`first` logged replicate 1; `metrics` are the
/// declarations of its results file). Progress goes to `out` (live: one line rewritten in
/// place). `stop` is polled every sim::kPollInterval simulated days. Throws NumericalError naming
/// the replicate and seed, InputError when a replicate's metric times differ from replicate 1's.
ReplicateOutcome run_replicates(const sim::RunConfig& config, std::size_t count,
                                const sim::MetricLog& first,
                                const std::vector<io::MetricDeclaration>& metrics, std::FILE* out,
                                bool live, const std::function<bool()>& stop);

/// /summary: "replicates" and, for the headline metrics, "<metric>.final_mean" and
/// "<metric>.final_sd" (the mean and sample SD of the final values over the seeds).
void write_replicate_summary(io::ResultsWriter& writer, const io::ReplicatesRecord& record);

/// The closing line: the headline metrics' final mean +- SD over the seeds.
void print_replicate_summary(std::FILE* out, const io::ReplicatesRecord& record);

}  // namespace dermasim::cli
