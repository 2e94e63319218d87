// The results file of one run (docs/cli.md and docs/file-format.md "Results file",
// docs/file-format.md), written from plain data so that this layer knows nothing of the biology.
//
// Crash safety: the file is written as "<out>.partial" with root attribute status = "running"
// and renamed to <out> only by close(), after its final status is written and the file is
// closed. After SIGKILL or power loss the output path therefore holds no file, never a
// half-written one (an output being overwritten is removed when the new run starts). Every snapshot
// ends with H5Fflush, so the .partial itself is normally readable up to the last snapshot, for
// diagnosis.
//
// Typical use by the driver:
//   ResultsWriter out(path, {name, seed}, {.overwrite = force, .threads = threads});
//   out.write_scenario(text, resolved); out.write_parameters(p); out.write_grid(grid, rows);
//   out.declare_metrics(metric_infos);
//   loop: out.append_metrics(t, values); out.add_event(e); out.append_snapshot(t, fields);
//   out.close("complete", wall_seconds);
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/core/grid.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/io/replicates_group.hpp"

namespace dermasim::io {

/// A named scalar (one checkpoint scalar).
struct NamedValue {
  std::string name;
  double value = 0.0;
};

/// One /parameters entry: the writer stores what it is given and knows no parameter list.
struct ParameterValue {
  std::string name;
  double value = 0.0;
  std::string unit;
};

/// What the grid's row labels (Grid::row_labels) mean: stored as /grid/<name>, int32 per z row;
/// an empty name stores none.
struct RowLabels {
  std::string name;         ///< e.g. "layer"
  std::string description;  ///< one line saying what each number stands for
};

/// Metadata of one metric series (/metrics/<name>): docs/model.md "Metrics".
struct MetricDeclaration {
  std::string name;         ///< e.g. "improvement_pct"
  std::string unit;         ///< e.g. "%", "mm", "1"
  std::string description;  ///< one line
};

/// One row of the /events table.
struct EventRow {
  double time_days = 0.0;
  std::string kind;    ///< "session" | "maintenance" (at most 31 bytes)
  std::string device;  ///< "pen", "roller", ... (at most 31 bytes)
  double needle_length_mm = 0.0;
  double penetration_mm = 0.0;
  std::int64_t punctures = 0;
};

/// Root attributes known when the run starts.
struct RunInfo {
  std::string scenario_name;
  std::uint64_t seed = 0;
};

struct WriterOptions {
  bool overwrite = false;  ///< replace an existing output (the CLI's --force)
  /// Deflate level of field snapshots (after shuffle). 1 compresses smooth float32 fields
  /// about as well as 6 at a fraction of the time (docs/file-format.md, "Compression").
  int gzip_level = 1;
  std::uintmax_t expected_bytes = 0;  ///< free space required at start; 0 = no check
  /// The run's threads: snapshot fields are encoded this many at a time, and a new file
  /// records the count (root attribute `threads`).
  Threads threads{1};
};

/// "<out>.partial", where a run writes until close().
std::filesystem::path partial_path(const std::filesystem::path& out);
/// The XDMF sidecar: <out> with its extension replaced by ".xdmf".
std::filesystem::path xdmf_path(const std::filesystem::path& out);

/// Checks, before any simulation work, that `out` can be written: its directory exists and
/// accepts new files, `out` does not exist unless `overwrite`, and at least `expected_bytes`
/// are free there. Throws IoError with a one-line reason naming the path.
void preflight_output(const std::filesystem::path& out, bool overwrite,
                      std::uintmax_t expected_bytes = 0);

/// CRC-32 of the rows a checkpoint keeps of one series that is appended in place
/// (kept_rows.hpp); `path` is relative to the file's root ("metrics/time_days").
struct RowDigest {
  std::string path;
  std::uint32_t crc32 = 0;
};

/// How far the series of a results file go; stored in a checkpoint so that a resumed run
/// can cut the file back to that point (ResultsWriter::resume) and check what it keeps.
struct SeriesCounts {
  std::size_t snapshots = 0;
  std::size_t metric_samples = 0;
  std::size_t events = 0;
  std::vector<RowDigest> digests;  ///< empty in checkpoints written before digests existed
};

class ResultsWriter {
 public:
  /// Runs preflight_output, creates "<out>.partial", removes an output being overwritten
  /// (and its sidecar) and writes the root attributes with status "running". Throws IoError.
  ResultsWriter(std::filesystem::path out, const RunInfo& run, const WriterOptions& options = {});
  /// Without close(): marks the file "failed: results not closed (run aborted)", and renames
  /// it to the output path if that succeeds; never throws.
  ~ResultsWriter();
  ResultsWriter(const ResultsWriter&) = delete;
  ResultsWriter& operator=(const ResultsWriter&) = delete;
  ResultsWriter(ResultsWriter&&) noexcept;
  ResultsWriter& operator=(ResultsWriter&&) noexcept;

  /// Continues the results of an interrupted run from a checkpoint: opens "<out>.partial"
  /// (a killed run) or else <out> (a run closed as interrupted or failed, renamed back to
  /// .partial), cuts every series back to `keep` (the checkpoint_marks() stored with the
  /// checkpoint) and sets status "running". The scenario, parameters, grid and metric
  /// declarations may be written again; they replace or must match what is there.
  /// Throws IoError when no such file exists or it holds less than `keep`.
  static ResultsWriter resume(std::filesystem::path out, const SeriesCounts& keep,
                              const WriterOptions& options = {});

  /// /scenario (text as given) and /scenario_resolved (canonical YAML).
  void write_scenario(std::string_view text, std::string_view resolved_yaml);
  /// /parameters: one attribute per entry and "<name>.units".
  void write_parameters(std::span<const ParameterValue> parameters);
  /// /grid: attributes dimensions, shape, spacing_mm; cell centres x_mm, z_mm [, y_mm]; the
  /// row labels as `rows` says.
  void write_grid(const Grid& grid, const RowLabels& rows = {});

  /// Declares the metric series, once, before the first append_metrics (on a resumed file:
  /// the same names as before, in any order). Their order is that of every sample's values.
  void declare_metrics(std::vector<MetricDeclaration> metrics);
  /// One metric sample: a value per declared metric, in declaration order (NaN where a value
  /// is not available); throws Error for another count. Buffered, written at the next
  /// snapshot or flush().
  void append_metrics(double time_days, std::span<const double> values);
  /// Appends a row to /events (written immediately).
  void add_event(const EventRow& event);
  /// One field snapshot (float32) of every field of `fields`; the first snapshot fixes the
  /// field list and grid. Times must not decrease. With `surface_mm` (elevation per column,
  /// nx * ny values) also a row of /surface/elevation_mm (surface_series.hpp): give one with
  /// every snapshot or with none. Ends with flush().
  void append_snapshot(double time_days, const FieldSet& fields,
                       std::span<const double> surface_mm = {});
  /// Adds a /summary attribute (with "<name>.units"). close() adds, for every metric,
  /// "<metric>.final", "<metric>.peak" and "<metric>.peak_time_days".
  void add_summary(std::string_view name, double value, std::string_view unit);
  /// /replicates: the per-seed series and statistics of a run with several needle-placement
  /// seeds (written once, before close()).
  void write_replicates(const ReplicatesRecord& record);
  /// Writes buffered metrics and flushes the file to disk.
  void flush();

  /// flush(), then the counts to store in a checkpoint taken now.
  SeriesCounts checkpoint_marks();

  std::size_t snapshot_count() const;
  std::size_t metric_sample_count() const;  ///< including buffered samples
  std::size_t event_count() const;

  /// Finishes the file: metrics, summary, root attributes status ("complete",
  /// "failed: <reason>" or "interrupted") and wall_seconds; closes it, writes the XDMF
  /// sidecar, then renames "<out>.partial" to <out>. On failure throws IoError and leaves
  /// the .partial in place.
  void close(std::string_view status, double wall_seconds);

  const std::filesystem::path& output_path() const;

  /// After a failed write (a full disk): stops writing for good, without closing the file
  /// (whose close would try to flush, fail again and leave it inconsistent). The .partial
  /// stays as it was at the last flush (every snapshot and every checkpoint_marks()), so
  /// resume() can continue it from a checkpoint. The destructor then does nothing.
  void abandon() noexcept;

 private:
  struct State;
  explicit ResultsWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace dermasim::io
