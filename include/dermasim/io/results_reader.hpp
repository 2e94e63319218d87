// Reads the overview of a results file for `dermasim info` and for tests: what run it was,
// its status, grid, snapshots, events and final metric values. Only small datasets are read;
// field snapshots are not touched, so it is fast on files of any size. verify_results reads
// everything, to check the checksums.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dermasim/io/replicates_group.hpp"
#include "dermasim/io/results_writer.hpp"

namespace dermasim::io {

struct SeriesSummary {
  std::string name;
  std::string unit;
  std::size_t samples = 0;
  std::optional<double> final_value;  ///< last sample, absent for an empty series
};

struct ResultsOverview {
  std::string scenario_name;
  std::string status;
  std::string dermasim_version;
  std::string created;
  std::int64_t seed = 0;
  std::int64_t threads = 0;
  double wall_seconds = 0.0;

  int dimensions = 0;
  std::vector<std::int64_t> shape;  ///< (nz, nx) or (nz, ny, nx); empty if /grid is missing
  double spacing_mm = 0.0;

  std::vector<SeriesSummary> fields;  ///< name and unit; samples = snapshots
  std::vector<double> snapshot_times_days;
  std::vector<EventRow> events;
  std::vector<SeriesSummary> metrics;
  std::vector<double> metric_times_days;
  std::vector<std::pair<std::string, std::string>> summary;  ///< attribute name, value text
  ReplicatesOverview replicates;  ///< empty seeds unless the run had --replicates
};

/// How much of a results file carries checksums, after verify_results has read all of it.
struct ResultsIntegrity {
  std::size_t datasets = 0;     ///< of /fields, /metrics and /events
  std::size_t checksummed = 0;  ///< of those, with the Fletcher32 filter (all, since format 1.1)
};

/// Reads every chunk of the series datasets so that HDF5 verifies their checksums. Throws
/// FileError (fault damaged) naming the file and the damaged object.
ResultsIntegrity verify_results(const std::filesystem::path& path);

/// Throws IoError when the file cannot be read (missing, unreadable, truncated or damaged
/// HDF5) and InputError when it is readable but not a dermasim results file.
ResultsOverview read_results_overview(const std::filesystem::path& path);

}  // namespace dermasim::io
