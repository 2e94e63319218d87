// Run bookkeeping: journal, records, progress and summaries (see run_store.hpp).
#include "run_store.hpp"

#include <cinttypes>
#include <cmath>
#include <cstdio>

#include "dermasim/core/error.hpp"

namespace dermasim::sweep {

namespace {

void fnv1a(std::uint64_t& h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= 0xff;  // separator, so that ("ab", "c") and ("a", "bc") differ
  h *= 0x100000001b3ULL;
}

}  // namespace

std::string sweep_fingerprint(const SweepSpec& spec, const RunTable& table) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  fnv1a(h, spec.text);
  fnv1a(h, spec.base_text);
  for (const auto& k : table.keys) fnv1a(h, k);
  for (const auto& v : table.text) fnv1a(h, v);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
  return buf;
}

RunStore::RunStore(const SweepSpec& spec, const RunTable& table, const SweepOptions& options)
    : spec_(spec),
      table_(table),
      options_(options),
      records_(spec.outputs.columns(), table.runs, spec.replicates),
      start_(std::chrono::steady_clock::now()),
      last_summary_(start_) {
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec)
    throw IoError(options.out_dir.string() +
                  ": cannot create the output directory: " + ec.message());
  if (spec.outputs.keep_fields) {
    // Each run's kept results file goes here: a failure now would fail every run later.
    std::filesystem::create_directories(options.out_dir / "runs", ec);
    if (ec)
      throw IoError((options.out_dir / "runs").string() +
                    ": cannot create the directory for the kept results: " + ec.message());
  }
  const std::vector<std::string> names = records_.value_names();
  std::vector<JournalRecord> existing;
  journal_ =
      std::make_unique<Journal>(options.out_dir / "journal.csv", sweep_fingerprint(spec, table),
                                names, table.runs, options.resume, existing);
  for (const auto& r : existing) {
    records_.status[r.index] = r.outcome.status;
    records_.error[r.index] = r.outcome.error;
    records_.wall_seconds[r.index] = r.wall_seconds;
    for (std::size_t c = 0; c < names.size(); ++c)
      records_.metrics[c][r.index] = r.outcome.metrics[c];
  }
  progress_.total = table.runs;
  for (std::size_t i = 0; i < table.runs; ++i) {
    if (records_.status[i] == RunStatus::pending) {
      queue_.push_back(i);
    } else {
      ++progress_.done;
      ++progress_.resumed;
      progress_.failed += records_.status[i] == RunStatus::failed;
    }
  }
  write_summaries({});
}

std::optional<std::size_t> RunStore::next_run() {
  std::lock_guard lock(mutex_);
  if (next_ >= queue_.size() || cancelled_) return std::nullopt;
  if (options_.stop_requested && options_.stop_requested()) return std::nullopt;
  return queue_[next_++];
}

void RunStore::cancel() {
  std::lock_guard lock(mutex_);
  cancelled_ = true;
}

void RunStore::record(const JournalRecord& r) {
  // An abandoned run stays pending and is not journaled, so --resume runs it again.
  if (r.outcome.status == RunStatus::pending) return;
  std::lock_guard lock(mutex_);
  journal_->append(r);
  records_.status[r.index] = r.outcome.status;
  records_.error[r.index] = r.outcome.error;
  records_.wall_seconds[r.index] = r.wall_seconds;
  for (std::size_t c = 0; c < records_.metrics.size(); ++c)
    records_.metrics[c][r.index] =
        r.outcome.status == RunStatus::ok ? r.outcome.metrics[c] : std::nan("");
  ++progress_.done;
  ++session_done_;
  progress_.failed += r.outcome.status == RunStatus::failed;
  const auto now = std::chrono::steady_clock::now();
  progress_.elapsed_seconds = std::chrono::duration<double>(now - start_).count();
  const std::size_t remaining = progress_.total - progress_.done;
  progress_.eta_seconds = progress_.elapsed_seconds / static_cast<double>(session_done_) *
                          static_cast<double>(remaining);
  if (std::chrono::duration<double>(now - last_summary_).count() >=
      options_.summary_interval_seconds) {
    write_summaries({});
    last_summary_ = now;
  }
  if (options_.progress) options_.progress(progress_);
}

void RunStore::write_summaries(const std::vector<ColumnSensitivity>& sensitivity) {
  write_summary_h5(options_.out_dir / "summary.h5", spec_, table_, records_, sensitivity);
  write_summary_csv(options_.out_dir / "summary.csv", table_, records_);
}

SweepResult RunStore::finish() {
  std::lock_guard lock(mutex_);
  SweepResult result;
  result.total = table_.runs;
  for (auto s : records_.status) {
    result.ok += s == RunStatus::ok;
    result.failed += s == RunStatus::failed;
  }
  result.pending = result.total - result.ok - result.failed;
  result.interrupted = result.pending > 0;
  for (const auto& c : records_.columns) result.columns.push_back(c.name);
  // Indices from an incomplete Saltelli or Morris table would be biased: only a complete sweep
  // (failed runs allowed, they are left out by the estimators) gets them.
  if (result.pending == 0)
    result.sensitivity =
        analyse(table_, result.columns, records_.means(), spec_.sensitivity, spec_.seed);
  write_summaries(result.sensitivity);
  result.summary_h5 = options_.out_dir / "summary.h5";
  result.summary_csv = options_.out_dir / "summary.csv";
  return result;
}

}  // namespace dermasim::sweep
