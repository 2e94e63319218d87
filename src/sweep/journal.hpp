// Private: the sweep journal, DIR/journal.csv, the durable record of finished runs.
//   line 1   "# dermasim sweep journal v1 fingerprint=<16 hex digits>"
//   line 2   "index,status,wall_seconds,<metric columns...>,error"
//   then one record per finished run, in completion order, each appended with a single write()
//   and fsync()ed, so a SIGKILL or power loss can at worst leave the last line torn; resuming
//   drops a torn line and re-runs that run. The fingerprint (of the sweep text, the base
//   scenario and the run table) stops --resume from mixing two different sweeps.
// The same record text carries an outcome from an MPI worker rank to rank 0.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/sweep/runner.hpp"

namespace dermasim::sweep {

struct JournalRecord {
  std::size_t index = 0;
  RunOutcome outcome;
  double wall_seconds = 0.0;
};

std::string encode_record(const JournalRecord& record);
/// nullopt when the line is not a complete record with `metric_count` metrics.
std::optional<JournalRecord> decode_record(std::string_view line, std::size_t metric_count);

class Journal {
 public:
  /// Creates the journal, or with `resume` reopens it and returns its records in `existing`.
  /// Throws InputError when a journal exists without `resume` or belongs to another sweep.
  Journal(const std::filesystem::path& file, const std::string& fingerprint,
          const std::vector<std::string>& columns, std::size_t total_runs, bool resume,
          std::vector<JournalRecord>& existing);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  /// Appends one record durably (write + fsync). Not thread-safe: the caller serialises.
  void append(const JournalRecord& record);

 private:
  std::filesystem::path file_;
  int fd_ = -1;
};

}  // namespace dermasim::sweep
