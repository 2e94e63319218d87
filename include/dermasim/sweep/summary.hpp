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
  std::vector<RunStatus> status;             ///< per run
  std::vector<std::string> error;            ///< per run, "" unless failed
  std::vector<double> wall_seconds;          ///< per run, NaN while pending
  std::vector<std::vector<double>> metrics;  ///< [column][run], NaN unless ok

  explicit SweepRecords(std::vector<MetricColumn> cols = {}, std::size_t runs = 0);
};

/// CSV: run,status,<key [unit]>...,<metric columns>...,error. Numbers in shortest round-trip
/// form; a failed or pending run leaves its metric cells empty. Contains nothing time-dependent,
/// so equal sweeps give byte-equal files whatever the parallelism.
void write_summary_csv(const std::filesystem::path& file, const RunTable& table,
                       const SweepRecords& records);

void write_summary_h5(const std::filesystem::path& file, const SweepSpec& spec,
                      const RunTable& table, const SweepRecords& records,
                      const std::vector<ColumnSensitivity>& sensitivity);

}  // namespace dermasim::sweep
