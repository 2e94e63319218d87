// The sweep summary: one row per run (varied values, status, error, requested metrics) plus the
// sensitivity indices, as HDF5 (DIR/summary.h5) and CSV (DIR/summary.csv). Both are written to a
// temporary file and renamed into place, so a reader (or a crash) never sees half a summary.
// The HDF5 layout is documented in docs/sweeps.md.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "dermasim/sweep/design.hpp"
#include "dermasim/sweep/runner.hpp"
#include "dermasim/sweep/sensitivity.hpp"
#include "dermasim/sweep/spec.hpp"

namespace dermasim::sweep {

/// What is known of every run so far.
struct SweepRecords {
  std::vector<MetricColumn> columns;
  std::size_t replicates = 1;        ///< values per column and run (seeds per design point)
  std::vector<RunStatus> status;     ///< per run
  std::vector<std::string> error;    ///< per run, "" unless failed
  std::vector<double> wall_seconds;  ///< per run, NaN while pending
  /// [column * replicates + replicate][run], NaN unless ok (RunOutcome::metrics' order)
  std::vector<std::vector<double>> metrics;

  explicit SweepRecords(std::vector<MetricColumn> cols = {}, std::size_t runs = 0,
                        std::size_t replicates = 1);
  /// Names of the recorded values (the journal's columns): the column names, or with several
  /// replicates "<column>#K" for replicate K = 1 .. replicates.
  std::vector<std::string> value_names() const;
  /// [column][run]: the mean over the run's replicates (with one, the value itself).
  std::vector<std::vector<double>> means() const;
  /// [column][run]: the sample SD over the run's replicates.
  std::vector<std::vector<double>> sds() const;
};

/// CSV: run,status,<key [unit]>...,<metric columns>...,error (with several replicates the metric
/// columns hold the means, followed by one "<column> sd" column each). Numbers in shortest
/// round-trip form; a failed or pending run leaves its metric cells empty. Contains nothing
/// time-dependent, so equal sweeps give byte-equal files whatever the parallelism.
void write_summary_csv(const std::filesystem::path& file, const RunTable& table,
                       const SweepRecords& records);

void write_summary_h5(const std::filesystem::path& file, const SweepSpec& spec,
                      const RunTable& table, const SweepRecords& records,
                      const std::vector<ColumnSensitivity>& sensitivity);

}  // namespace dermasim::sweep
