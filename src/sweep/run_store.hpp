// Private: the bookkeeping shared by the thread runner and the MPI runner. It owns the output
// directory, the journal and the in-memory records; hands out pending run indices; records
// outcomes (thread-safe), reports progress, rewrites the summary now and then, and at the end
// computes the sensitivity indices and writes the final summary.
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

#include "dermasim/sweep/runner.hpp"
#include "dermasim/sweep/summary.hpp"
#include "journal.hpp"

namespace dermasim::sweep {

/// FNV-1a digest of the sweep text, base scenario and run table, as 16 hex digits.
std::string sweep_fingerprint(const SweepSpec& spec, const RunTable& table);

class RunStore {
 public:
  RunStore(const SweepSpec& spec, const RunTable& table, const SweepOptions& options);

  /// The next run to start, or nullopt when none is left or a stop was requested.
  std::optional<std::size_t> next_run();
  void record(const JournalRecord& record);
  /// Hands out no further runs (an error elsewhere ends the sweep after the runs in flight).
  void cancel();
  /// Final summary and sensitivity; `interrupted` when runs remain because of a stop request.
  SweepResult finish();

 private:
  void write_summaries(const std::vector<ColumnSensitivity>& sensitivity);

  const SweepSpec& spec_;
  const RunTable& table_;
  const SweepOptions& options_;
  std::mutex mutex_;
  SweepRecords records_;
  std::unique_ptr<Journal> journal_;
  std::vector<std::size_t> queue_;  // pending runs, ascending
  std::size_t next_ = 0;            // position in queue_
  bool cancelled_ = false;
  Progress progress_;
  std::size_t session_done_ = 0;
  std::chrono::steady_clock::time_point start_, last_summary_;
};

}  // namespace dermasim::sweep
