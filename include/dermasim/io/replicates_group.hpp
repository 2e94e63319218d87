// The /replicates group of a results file (docs/file-format.md, "Replicates"): a run asked for
// N needle-placement seeds keeps the first seed's fields, metrics and events at the usual
// places and adds, for every metric, the per-seed series and their mean, sample SD, minimum and
// maximum at each sample of /metrics/time_days. Plain data here: the statistics are computed by
// the driver (sim/replicate_stats.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dermasim/io/hdf5_handle.hpp"

namespace dermasim::io {

struct ReplicateMetric {
  std::string name, unit, description;     ///< as the metric's /metrics/<name>
  std::vector<double> per_seed;            ///< N x T, one row per replicate
  std::vector<double> mean, sd, min, max;  ///< T each
};

struct ReplicatesRecord {
  std::vector<std::uint64_t> seeds;  ///< N, in run order (seed, seed + 1, ...)
  std::size_t samples = 0;           ///< T, the length of /metrics/time_days
  std::vector<ReplicateMetric> metrics;
};

/// Writes /replicates (replacing one already there). Throws IoError.
void write_replicates_group(const h5::Handle& file, const ReplicatesRecord& record);

/// What `dermasim info` shows of /replicates: the seeds and each metric's final mean and SD.
struct ReplicatesOverview {
  struct Final {
    std::string name, unit;
    double mean = 0.0, sd = 0.0;
  };
  std::vector<std::int64_t> seeds;
  std::vector<Final> finals;
};

/// Reads the overview of `file`'s /replicates; empty seeds when the file has none.
ReplicatesOverview read_replicates_overview(const h5::Handle& file);

}  // namespace dermasim::io
