// The results file writer (see results_writer.hpp for the crash-safety strategy, and
// docs/file-format.md for the layout it produces). Snapshots and metrics are delegated to
// SnapshotSeries and MetricSeries; this file owns the file's life cycle.
#include "dermasim/io/results_writer.hpp"

#include <chrono>

#include "dermasim/core/error.hpp"
#include "dermasim/core/version.hpp"
#include "dermasim/io/atomic_file.hpp"
#include "dermasim/io/event_table.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/kept_rows.hpp"
#include "dermasim/io/metric_series.hpp"
#include "dermasim/io/results_layout.hpp"
#include "dermasim/io/snapshot_series.hpp"
#include "dermasim/io/surface_series.hpp"
#include "dermasim/io/timestamp.hpp"
#include "dermasim/io/xdmf.hpp"

namespace dermasim::io {
namespace fs = std::filesystem;
namespace {

// Static content is replaced when written again (a resumed run repeats the fresh run's calls).
void remove_if_present(const h5::Handle& parent, std::string_view name) {
  if (!h5::has_link(parent, name)) return;
  h5::check(H5Ldelete(parent.id(), std::string(name).c_str(), H5P_DEFAULT), "replace",
            h5::child_where(parent, name));
}

}  // namespace

struct ResultsWriter::State {
  fs::path out;
  fs::path partial;
  WriterOptions options;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  bool close_attempted = false;

  h5::Handle file;
  h5::Handle summary;
  h5::Handle events;
  std::size_t event_rows = 0;
  SnapshotSeries snapshots;
  SurfaceSeries surface;
  MetricSeries metrics;

  // Closes every object, then the file, so that the file is complete when this returns.
  void close_file() {
    snapshots = {};
    surface = {};
    metrics = {};
    events = {};
    summary = {};
    file.close();
  }
};

ResultsWriter::ResultsWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
ResultsWriter::ResultsWriter(ResultsWriter&&) noexcept = default;
ResultsWriter& ResultsWriter::operator=(ResultsWriter&&) noexcept = default;

ResultsWriter::ResultsWriter(fs::path out, const RunInfo& run, const WriterOptions& options)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  preflight_output(out, options.overwrite, options.expected_bytes);
  s.out = std::move(out);
  s.partial = partial_path(s.out);
  s.options = options;
  try {
    s.file = h5::create_file(s.partial.string());
  } catch (const FileError& e) {
    // The user named the output, not its .partial: a busy one is "out.h5 is being written".
    if (e.fault() != FileError::Fault::busy) throw;
    throw FileError(s.out.string(), e.reason(), e.fault());
  }
  // An overwritten output goes now, not at the end: after a crash the output path must not
  // hold a complete file from another run.
  // A failure to remove it breaks that promise, so it stops the run here.
  std::error_code ec;
  fs::remove(s.out, ec);
  if (ec) throw_os_error(s.out, "remove the output being overwritten", ec.value());
  fs::remove(xdmf_path(s.out), ec);
  if (ec) throw_os_error(xdmf_path(s.out), "remove the sidecar being overwritten", ec.value());
  h5::write_attribute(s.file, kFileKindAttribute, kResultsFileKind);
  h5::write_attribute(s.file, "format_version", kResultsFormatVersion);
  h5::write_attribute(s.file, "dermasim_version", version());
  h5::write_attribute(s.file, "git_commit", git_commit());
  h5::write_attribute(s.file, "created", std::string_view(iso8601_now()));
  h5::write_attribute(s.file, "scenario_name", std::string_view(run.scenario_name));
  h5::write_attribute(s.file, "seed", static_cast<std::int64_t>(run.seed));
  h5::write_attribute(s.file, "threads", std::int64_t{options.threads.count()});
  h5::write_attribute(s.file, "wall_seconds", 0.0);
  h5::write_attribute(s.file, "status", std::string_view("running"));
  s.surface = SurfaceSeries::create(h5::create_group(s.file, SurfaceSeries::kGroup));
  s.snapshots = SnapshotSeries::create(h5::create_group(s.file, "fields"), options.gzip_level,
                                       options.threads);
  s.metrics = MetricSeries::create(h5::create_group(s.file, "metrics"));
  s.events = create_event_table(s.file, "events");
  s.summary = h5::create_group(s.file, "summary");
  h5::flush(s.file);
}

ResultsWriter ResultsWriter::resume(fs::path out, const SeriesCounts& keep,
                                    const WriterOptions& options) {
  auto state = std::make_unique<State>();
  State& s = *state;
  s.out = std::move(out);
  s.partial = partial_path(s.out);
  s.options = options;
  std::error_code ec;
  const bool from_partial = fs::exists(s.partial, ec);
  const fs::path source = from_partial ? s.partial : s.out;
  if (!fs::exists(source, ec)) {
    throw FileError(s.out.string(), "cannot resume: neither it nor " +
                                        s.partial.filename().string() +
                                        " (the results so far) exists; run the scenario again");
  }
  s.file = h5::open_file(source.string(), true);
  h5::adopt_unrecorded_tail(s.file);
  if (!h5::has_attribute(s.file, kFileKindAttribute) ||
      h5::read_string_attribute(s.file, kFileKindAttribute) != kResultsFileKind) {
    throw FileError(source.string(), "cannot resume: not a dermasim results file");
  }
  // Checked before anything is cut, so a refused resume leaves the rows as they were. Any
  // failure inside the file from here on is damage to the results so far.
  try {
    restore_kept_rows(s.file, keep, source.string());
  } catch (const FileError& e) {
    if (e.fault() != FileError::Fault::other) throw;
    throw FileError(e.file(), e.reason(), FileError::Fault::damaged);
  }
  if (!from_partial) {
    fs::rename(s.out, s.partial, ec);
    if (ec) throw_os_error(s.out, "rename it to " + s.partial.filename().string(), ec.value());
  }
  h5::write_attribute(s.file, "status", std::string_view("running"));
  const h5::Handle grid =
      h5::has_link(s.file, "grid") ? h5::open_group(s.file, "grid") : h5::Handle();
  const double spacing = grid ? h5::read_double_attribute(grid, "spacing_mm") : 0.0;
  s.surface = SurfaceSeries::reopen(s.file, keep.snapshots);
  s.snapshots = SnapshotSeries::reopen(h5::open_group(s.file, "fields"), keep.snapshots, spacing,
                                       options.gzip_level, options.threads);
  s.metrics = MetricSeries::reopen(h5::open_group(s.file, "metrics"), keep.metric_samples);
  s.events = h5::open_dataset(s.file, "events");
  h5::resize_rows(s.events, keep.events);
  s.event_rows = keep.events;
  s.summary = h5::open_group(s.file, "summary");
  h5::flush(s.file);
  return ResultsWriter(std::move(state));
}

void ResultsWriter::abandon() noexcept {
  State& s = *state_;
  s.close_attempted = true;
  s.snapshots.abandon();
  s.surface.abandon();
  s.metrics.abandon();
  s.events.release();
  s.summary.release();
  s.file.release();
}

ResultsWriter::~ResultsWriter() {
  if (!state_ || state_->close_attempted) return;
  try {
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - state_->started).count();
    close("failed: results not closed (run aborted)", wall);
  } catch (const std::exception&) {
    // A destructor must not throw; the .partial stays for diagnosis.
  }
}

void ResultsWriter::write_scenario(std::string_view text, std::string_view resolved_yaml) {
  const State& s = *state_;
  remove_if_present(s.file, "scenario");
  remove_if_present(s.file, "scenario_resolved");
  describe(h5::write_string_dataset(s.file, "scenario", text), "text",
           "the scenario file as given");
  describe(h5::write_string_dataset(s.file, "scenario_resolved", resolved_yaml), "text",
           "the scenario as canonical YAML with every default filled, with units");
}

void ResultsWriter::write_parameters(std::span<const ParameterValue> parameters) {
  remove_if_present(state_->file, "parameters");
  write_parameters_group(state_->file, parameters);
}

void ResultsWriter::write_grid(const Grid& grid, const RowLabels& rows) {
  remove_if_present(state_->file, "grid");
  write_grid_group(state_->file, grid, rows);
}

void ResultsWriter::declare_metrics(std::vector<MetricDeclaration> metrics) {
  state_->metrics.declare(std::move(metrics));
}

void ResultsWriter::append_metrics(double time_days, std::span<const double> values) {
  state_->metrics.append(time_days, values);
}

void ResultsWriter::add_event(const EventRow& event) {
  append_event(state_->events, event);
  ++state_->event_rows;
}

void ResultsWriter::append_snapshot(double time_days, const FieldSet& fields,
                                    std::span<const double> surface_mm) {
  State& s = *state_;
  if (!surface_mm.empty()) s.surface.append(fields.grid(), s.snapshots.size(), surface_mm);
  s.snapshots.append(time_days, fields);
  flush();
}

void ResultsWriter::add_summary(std::string_view name, double value, std::string_view unit) {
  h5::write_attribute(state_->summary, name, value);
  h5::write_attribute(state_->summary, std::string(name) + ".units", unit);
}

void ResultsWriter::write_replicates(const ReplicatesRecord& record) {
  write_replicates_group(state_->file, record);
}

void ResultsWriter::flush() {
  state_->metrics.write_pending();
  h5::flush(state_->file);
}

SeriesCounts ResultsWriter::checkpoint_marks() {
  flush();
  SeriesCounts marks{snapshot_count(), metric_sample_count(), event_count(), {}};
  marks.digests = digest_in_place_series(state_->file, marks);
  return marks;
}

std::size_t ResultsWriter::snapshot_count() const {
  return state_->snapshots.size();
}
std::size_t ResultsWriter::metric_sample_count() const {
  return state_->metrics.size();
}
std::size_t ResultsWriter::event_count() const {
  return state_->event_rows;
}
const fs::path& ResultsWriter::output_path() const {
  return state_->out;
}

void ResultsWriter::close(std::string_view status, double wall_seconds) {
  State& s = *state_;
  if (s.close_attempted) throw Error("ResultsWriter::close called twice");
  s.close_attempted = true;
  s.metrics.write_pending();
  s.metrics.summarise(s.summary);
  h5::write_attribute(s.file, "wall_seconds", wall_seconds);
  h5::write_attribute(s.file, "status", status);
  const XdmfSeries sidecar = s.snapshots.xdmf(s.out.filename().string());
  s.close_file();
  if (!sidecar.times_days.empty()) write_xdmf(xdmf_path(s.out), sidecar);
  replace_file(s.partial, s.out);
}

}  // namespace dermasim::io
