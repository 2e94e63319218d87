// The results file writer (see results_writer.hpp for the crash-safety strategy, and
// docs/file-format.md for the layout it produces).
#include "dermasim/io/results_writer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <exception>
#include <limits>

#include <omp.h>

#include "dermasim/core/error.hpp"
#include "dermasim/core/version.hpp"
#include "dermasim/io/chunk_codec.hpp"
#include "dermasim/io/event_table.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"
#include "dermasim/io/xdmf.hpp"

namespace dermasim::io {
namespace fs = std::filesystem;
namespace {

std::string iso8601_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

h5::Handle extendible_series(const h5::Handle& parent, std::string_view name, std::string_view unit,
                             std::string_view description) {
  const hsize_t dims[] = {0};
  h5::Storage storage;
  storage.extendible = true;
  storage.chunk = {1024};
  h5::Handle series = h5::create_dataset(parent, name, h5::TypeOf<double>::file(), dims, storage);
  describe(series, unit, description);
  return series;
}

// The shape of one snapshot, slowest axis first: (nz, nx) or (nz, ny, nx).
std::vector<hsize_t> snapshot_shape(const Grid& grid) {
  if (grid.dimensions() == 3) {
    return {hsize_t(grid.nz()), hsize_t(grid.ny()), hsize_t(grid.nx())};
  }
  return {hsize_t(grid.nz()), hsize_t(grid.nx())};
}

}  // namespace

struct ResultsWriter::State {
  fs::path out;
  fs::path partial;
  WriterOptions options;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  bool close_attempted = false;

  h5::Handle file;
  h5::Handle fields_group;
  h5::Handle metrics_group;
  h5::Handle summary_group;
  h5::Handle snapshot_times;
  h5::Handle metric_times;
  h5::Handle events;

  std::vector<std::string> field_names;
  std::vector<h5::Handle> field_sets;
  std::vector<hsize_t> shape;  // of one snapshot
  XdmfSeries xdmf;

  std::vector<MetricInfo> metrics;
  std::vector<h5::Handle> metric_sets;
  std::vector<double> pending_times;
  std::vector<std::vector<double>> pending_values;  // [metric][row]
  std::size_t metric_rows_written = 0;
  std::size_t event_rows = 0;

  void write_pending_metrics() {
    if (pending_times.empty()) return;
    h5::append<double>(metric_times, pending_times);
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      h5::append<double>(metric_sets[m], pending_values[m]);
      pending_values[m].clear();
    }
    metric_rows_written += pending_times.size();
    pending_times.clear();
  }

  void create_field_datasets(const FieldSet& fields) {
    const Grid& grid = fields.grid();
    shape = snapshot_shape(grid);
    std::vector<hsize_t> dims = shape;
    dims.insert(dims.begin(), 0);
    h5::Storage storage;
    storage.extendible = true;
    storage.chunk = dims;
    storage.chunk[0] = 1;
    storage.shuffle = options.gzip_level > 0;
    storage.gzip_level = options.gzip_level;
    for (int f = 0; f < fields.size(); ++f) {
      const FieldInfo& info = fields[f].info();
      field_names.push_back(info.name);
      field_sets.push_back(
          h5::create_dataset(fields_group, info.name, h5::TypeOf<float>::file(), dims, storage));
      describe(field_sets.back(), info.unit, info.description);
    }
    xdmf.dimensions = grid.dimensions();
    xdmf.nx = grid.nx();
    xdmf.ny = grid.ny();
    xdmf.nz = grid.nz();
    xdmf.spacing_mm = grid.spacing();
    xdmf.fields = field_names;
    xdmf.h5_file_name = out.filename().string();
  }

  // Appends one snapshot row to every field dataset. With compression, chunks are encoded
  // in parallel (a group of as many fields as threads at a time, bounding the extra memory
  // to threads x (one float32 snapshot + its encoding)) and written serially in field order,
  // so the file's bytes never depend on the thread count.
  void write_fields(const FieldSet& fields) {
    const int count = fields.size();
    const hsize_t row = xdmf.times_days.size();
    if (options.gzip_level > 0) {
      for (const h5::Handle& dataset : field_sets) h5::resize_rows(dataset, row + 1);
    }
    std::vector<hsize_t> offset(shape.size() + 1, 0);
    offset[0] = row;
    const int group = std::max(1, omp_get_max_threads());
    std::vector<std::vector<float>> buffers(static_cast<std::size_t>(group));
    std::vector<std::vector<unsigned char>> encoded(static_cast<std::size_t>(group));
    for (int first = 0; first < count; first += group) {
      const int last = std::min(count, first + group);
      std::exception_ptr error;
#pragma omp parallel for schedule(dynamic) if (last - first > 1)
      for (int f = first; f < last; ++f) {
        try {
          std::vector<float>& floats = buffers[f - first];
          const std::span<const double> values = fields[f].values();
          floats.resize(values.size());
          std::transform(values.begin(), values.end(), floats.begin(),
                         [](double v) { return static_cast<float>(v); });
          if (options.gzip_level > 0) {
            encoded[f - first] = shuffle_deflate(floats, options.gzip_level);
          }
        } catch (...) {
#pragma omp critical(dermasim_io_encode_error)
          error = std::current_exception();
        }
      }
      if (error) std::rethrow_exception(error);
      for (int f = first; f < last; ++f) {
        if (options.gzip_level > 0) {
          h5::write_filtered_chunk(field_sets[f], offset, encoded[f - first]);
        } else {
          h5::append<float>(field_sets[f], buffers[f - first]);
        }
      }
    }
  }

  void check_layout(const FieldSet& fields) const {
    bool same = fields.size() == static_cast<int>(field_names.size()) &&
                snapshot_shape(fields.grid()) == shape;
    for (int f = 0; same && f < fields.size(); ++f) same = fields[f].name() == field_names[f];
    if (!same) throw Error("append_snapshot: the fields or grid differ from the first snapshot");
  }

  // /summary "<metric>.final", ".peak", ".peak_time_days" from the series on disk.
  void summarise_metrics() {
    const std::vector<double> times = h5::read_all<double>(metric_times);
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      const std::vector<double> values = h5::read_all<double>(metric_sets[m]);
      std::size_t peak = values.size();
      for (std::size_t r = 0; r < values.size(); ++r) {
        if (!std::isnan(values[r]) && (peak == values.size() || values[r] > values[peak])) {
          peak = r;
        }
      }
      if (peak == values.size()) continue;
      const std::string& name = metrics[m].name;
      h5::write_attribute(summary_group, name + ".final", values.back());
      h5::write_attribute(summary_group, name + ".peak", values[peak]);
      h5::write_attribute(summary_group, name + ".peak_time_days", times[peak]);
      h5::write_attribute(summary_group, name + ".units", std::string_view(metrics[m].unit));
    }
  }

  // Closes every object, then the file, so that the file is complete when this returns.
  void close_file() {
    field_sets.clear();
    metric_sets.clear();
    snapshot_times = {};
    metric_times = {};
    events = {};
    fields_group = {};
    metrics_group = {};
    summary_group = {};
    file.close();
  }
};

ResultsWriter::ResultsWriter(fs::path out, const RunInfo& run, const WriterOptions& options)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  preflight_output(out, options.overwrite, options.expected_bytes);
  s.out = std::move(out);
  s.partial = partial_path(s.out);
  s.options = options;
  s.file = h5::create_file(s.partial.string());
  h5::write_attribute(s.file, kFileKindAttribute, kResultsFileKind);
  h5::write_attribute(s.file, "format_version", std::int64_t{kResultsFormatVersion});
  h5::write_attribute(s.file, "dermasim_version", version());
  h5::write_attribute(s.file, "git_commit", git_commit());
  h5::write_attribute(s.file, "created", std::string_view(iso8601_now()));
  h5::write_attribute(s.file, "scenario_name", std::string_view(run.scenario_name));
  h5::write_attribute(s.file, "seed", static_cast<std::int64_t>(run.seed));
  h5::write_attribute(s.file, "threads", std::int64_t{run.threads});
  h5::write_attribute(s.file, "wall_seconds", 0.0);
  h5::write_attribute(s.file, "status", std::string_view("running"));

  s.fields_group = h5::create_group(s.file, "fields");
  s.snapshot_times =
      extendible_series(s.fields_group, "time_days", "day", "simulated time of each snapshot");
  s.metrics_group = h5::create_group(s.file, "metrics");
  s.metric_times = extendible_series(s.metrics_group, "time_days", "day",
                                     "simulated time of each metric sample");
  s.events = create_event_table(s.file, "events");
  s.summary_group = h5::create_group(s.file, "summary");
  h5::flush(s.file);
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
  describe(h5::write_string_dataset(s.file, "scenario", text), "text",
           "the scenario file as given");
  describe(h5::write_string_dataset(s.file, "scenario_resolved", resolved_yaml), "text",
           "the scenario as canonical YAML with every default filled, with units");
}

void ResultsWriter::write_parameters(const model::ParameterSet& parameters) {
  write_parameters_group(state_->file, parameters);
}

void ResultsWriter::write_grid(const Grid& grid) {
  write_grid_group(state_->file, grid);
}

void ResultsWriter::declare_metrics(std::vector<MetricInfo> metrics) {
  State& s = *state_;
  if (!s.metrics.empty()) throw Error("declare_metrics called twice");
  for (const MetricInfo& info : metrics) {
    s.metric_sets.push_back(
        extendible_series(s.metrics_group, info.name, info.unit, info.description));
  }
  s.metrics = std::move(metrics);
  s.pending_values.assign(s.metrics.size(), {});
}

void ResultsWriter::append_metrics(double time_days, std::span<const NamedValue> values) {
  State& s = *state_;
  const std::size_t row = s.pending_times.size();
  for (auto& column : s.pending_values) column.push_back(std::numeric_limits<double>::quiet_NaN());
  s.pending_times.push_back(time_days);
  for (const NamedValue& v : values) {
    const auto it = std::find_if(s.metrics.begin(), s.metrics.end(),
                                 [&](const MetricInfo& m) { return m.name == v.name; });
    if (it == s.metrics.end()) throw Error("append_metrics: undeclared metric '" + v.name + "'");
    s.pending_values[static_cast<std::size_t>(it - s.metrics.begin())][row] = v.value;
  }
}

void ResultsWriter::add_event(const EventRecord& event) {
  append_event(state_->events, event);
  ++state_->event_rows;
}

void ResultsWriter::append_snapshot(double time_days, const FieldSet& fields) {
  State& s = *state_;
  if (s.field_sets.empty()) {
    s.create_field_datasets(fields);
  } else {
    s.check_layout(fields);
    if (time_days < s.xdmf.times_days.back()) {
      throw Error("append_snapshot: time " + std::to_string(time_days) + " d is before the last");
    }
  }
  s.write_fields(fields);
  h5::append<double>(s.snapshot_times, std::span<const double>(&time_days, 1));
  s.xdmf.times_days.push_back(time_days);
  flush();
}

void ResultsWriter::add_summary(std::string_view name, double value, std::string_view unit) {
  h5::write_attribute(state_->summary_group, name, value);
  h5::write_attribute(state_->summary_group, std::string(name) + ".units", unit);
}

void ResultsWriter::flush() {
  state_->write_pending_metrics();
  h5::flush(state_->file);
}

std::size_t ResultsWriter::snapshot_count() const {
  return state_->xdmf.times_days.size();
}

std::size_t ResultsWriter::metric_sample_count() const {
  return state_->metric_rows_written + state_->pending_times.size();
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
  s.write_pending_metrics();
  s.summarise_metrics();
  h5::write_attribute(s.file, "wall_seconds", wall_seconds);
  h5::write_attribute(s.file, "status", status);
  s.close_file();
  if (!s.xdmf.times_days.empty()) write_xdmf(xdmf_path(s.out), s.xdmf);
  std::error_code ec;
  fs::rename(s.partial, s.out, ec);
  if (ec) {
    throw IoError("cannot rename " + s.partial.string() + " to " + s.out.string() + ": " +
                  ec.message());
  }
}

}  // namespace dermasim::io
