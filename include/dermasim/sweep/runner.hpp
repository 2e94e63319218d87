// Running a sweep: each run of the table becomes a RunRequest handed to a RunFunction (the
// engine, or a fake in tests); outcomes are journaled as they arrive, so an interrupted sweep
// resumes where it stopped, and summarised in DIR/summary.h5 + DIR/summary.csv.
//
// Output directory layout:
//   DIR/journal.csv     one line per finished run, appended and fsynced (the resume record)
//   DIR/summary.h5      one row per run + sensitivity (format in docs/sweeps.md), rewritten
//   DIR/summary.csv     atomically (temp file + rename) every summary_interval and at the end
//   DIR/runs/run-NNNNNN.h5   per-run results, only with outputs.keep_fields
//
// The library never prints: progress goes through SweepOptions::progress.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dermasim/core/threads.hpp"
#include "dermasim/sweep/design.hpp"
#include "dermasim/sweep/sensitivity.hpp"
#include "dermasim/sweep/spec.hpp"

namespace dermasim::sweep {

/// pending: not run yet, or abandoned by the run function on a stop request (run again on
/// --resume); ok and failed are final and journaled.
enum class RunStatus { pending, ok, failed };
std::string_view to_string(RunStatus status);

/// One `--set key=value` override, the value with its unit as a user would write it.
struct Override {
  std::string key;
  std::string value;
};

/// Everything a run needs: the base scenario, the overrides that make this run, and what to report.
struct RunRequest {
  std::size_t index = 0;                ///< row of the run table, 0-based
  std::vector<Override> overrides;      ///< in the sweep's key order
  std::filesystem::path base_scenario;  ///< the base file ("" when given inline in the sweep)
  std::string base_scenario_text;    ///< the base YAML (paths in it are relative to base_scenario)
  std::filesystem::path start_from;  ///< checkpoint to start from; "" starts from scratch
  std::filesystem::path field_output;  ///< where to write the full results; "" = metrics only
  std::vector<MetricColumn> metrics;   ///< requested metric values, in RunOutcome order
  std::size_t replicates = 1;          ///< seeds: the run's scenario seed, +1, ... (spec)
  Threads threads{1};                  ///< engine threads for this run (its RunConfig's)
  /// Poll between steps: when it returns true the sweep is being stopped, and the run may give
  /// up by returning status pending (it is then run again on --resume). Always callable.
  std::function<bool()> stop_requested = [] { return false; };
};

struct RunOutcome {
  RunStatus status = RunStatus::failed;
  std::string error;  ///< one line, empty when ok
  /// When ok: RunRequest::metrics x replicates values, metric-major (metric c of replicate k
  /// at c * replicates + k); with one replicate simply one value per requested metric.
  std::vector<double> metrics;
};

/// Runs one simulation. May throw: the runner records the exception's message as a failure.
/// Called concurrently from several threads, one call per run. Returns ok with one value per
/// requested metric, failed with a one-line error, or pending when it abandoned the run.
using RunFunction = std::function<RunOutcome(const RunRequest&)>;

struct Progress {
  std::size_t total = 0;
  std::size_t done = 0;     ///< finished, including those recorded before a resume
  std::size_t failed = 0;   ///< of done
  std::size_t resumed = 0;  ///< of done, skipped because the journal already held them
  double elapsed_seconds = 0.0;
  double eta_seconds = -1.0;  ///< < 0 while unknown
};
/// Called after each finished run, serially (never concurrently), from a worker thread.
using ProgressFunction = std::function<void(const Progress&)>;

struct SweepOptions {
  std::filesystem::path out_dir;
  unsigned jobs = 1;                       ///< concurrent runs on this machine (or MPI rank)
  Threads threads_per_run{1};              ///< engine threads per run; jobs x threads <= cores
  bool resume = false;                     ///< continue an interrupted sweep in out_dir
  double summary_interval_seconds = 30.0;  ///< how often the summary is rewritten mid-sweep
  ProgressFunction progress;
  /// True once the sweep should stop (e.g. after SIGINT): no new run starts, and running ones
  /// see it through RunRequest::stop_requested. Empty: never.
  std::function<bool()> stop_requested;
};

struct SweepResult {
  std::size_t total = 0, ok = 0, failed = 0, pending = 0;
  bool interrupted = false;
  std::filesystem::path summary_h5, summary_csv;
  std::vector<std::string> columns;
  std::vector<ColumnSensitivity> sensitivity;  ///< sobol and morris designs only
};

/// Runs every pending run of the sweep with `options.jobs` worker threads and writes the summary.
/// Throws InputError when out_dir holds another sweep's journal, or one without `resume`.
SweepResult run_sweep(const SweepSpec& spec, const RunFunction& run, const SweepOptions& options);

/// The request for run `index` of `table`.
RunRequest make_request(const SweepSpec& spec, const RunTable& table, std::size_t index,
                        const std::filesystem::path& out_dir, Threads threads);

/// Calls `run`, turning an exception or a wrong number of metrics into a failed outcome.
RunOutcome execute_run(const RunFunction& run, const RunRequest& request);

}  // namespace dermasim::sweep
