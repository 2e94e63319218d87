// Overview of a results file (see results_reader.hpp).
#include "dermasim/io/results_reader.hpp"

#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/io/event_table.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/io/file_lock.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace fs = std::filesystem;
namespace {

std::string unit_of(const h5::Handle& dataset) {
  return h5::has_attribute(dataset, "units") ? h5::read_string_attribute(dataset, "units") : "";
}

// Summary attributes are numbers or strings (units); show either as text.
std::string attribute_text(const h5::Handle& group, const std::string& name) {
  try {
    std::ostringstream os;
    os << h5::read_double_attribute(group, name);
    return os.str();
  } catch (const IoError&) {
    return h5::read_string_attribute(group, name);
  }
}

h5::Handle open_results(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw IoError("'" + path.string() + "' does not exist");
  if (!fs::is_regular_file(path, ec)) throw IoError("'" + path.string() + "' is not a file");
  if (!h5::is_hdf5_file(path.string())) {
    throw InputError(path.string() + ": not a dermasim results file (not an HDF5 file)");
  }
  h5::Handle file;
  try {
    file = h5::open_file(path.string(), false);
  } catch (const FileError& e) {
    if (e.fault() == FileError::Fault::busy) {
      throw FileError(path.string(),
                      "another process is writing it" + lock_holder(path) +
                          "; read it when that run ends, or now with HDF5_USE_FILE_LOCKING=FALSE",
                      e.fault());
    }
    if (e.fault() == FileError::Fault::damaged) throw;
    throw FileError(path.string(), "damaged or unreadable HDF5 file (" + e.reason() + ")",
                    FileError::Fault::damaged);
  }
  if (!h5::has_attribute(file, kFileKindAttribute) ||
      h5::read_string_attribute(file, kFileKindAttribute) != kResultsFileKind) {
    throw InputError(path.string() + ": not a dermasim results file (an HDF5 file without " +
                     "file_kind = \"dermasim results\")");
  }
  return file;
}

}  // namespace

ResultsIntegrity verify_results(const fs::path& path) {
  const h5::Handle file = open_results(path);
  ResultsIntegrity integrity;
  auto check = [&](const h5::Handle& dataset) {
    ++integrity.datasets;
    if (!h5::has_filter(dataset, H5Z_FILTER_FLETCHER32)) return;
    ++integrity.checksummed;
    h5::verify_rows(dataset, h5::shape(dataset).at(0));
  };
  for (const std::string_view group_name : kSeriesGroups) {
    if (!h5::has_link(file, group_name)) continue;
    const h5::Handle group = h5::open_group(file, group_name);
    for (const std::string& name : h5::link_names(group)) check(h5::open_dataset(group, name));
  }
  if (h5::has_link(file, "events")) check(h5::open_dataset(file, "events"));
  return integrity;
}

ResultsOverview read_results_overview(const fs::path& path) {
  const h5::Handle file = open_results(path);
  ResultsOverview o;
  o.scenario_name = h5::read_string_attribute(file, "scenario_name");
  o.status = h5::read_string_attribute(file, "status");
  o.dermasim_version = h5::read_string_attribute(file, "dermasim_version");
  o.created = h5::read_string_attribute(file, "created");
  o.seed = h5::read_int_attribute(file, "seed");
  o.threads = h5::read_int_attribute(file, "threads");
  o.wall_seconds = h5::read_double_attribute(file, "wall_seconds");

  if (h5::has_link(file, "grid")) {
    const h5::Handle grid = h5::open_group(file, "grid");
    o.dimensions = static_cast<int>(h5::read_int_attribute(grid, "dimensions"));
    o.shape = h5::read_int_array_attribute(grid, "shape");
    o.spacing_mm = h5::read_double_attribute(grid, "spacing_mm");
  }

  const h5::Handle fields = h5::open_group(file, "fields");
  o.snapshot_times_days = h5::read_all<double>(h5::open_dataset(fields, "time_days"));
  for (const std::string& name : h5::link_names(fields)) {
    if (name == "time_days") continue;
    const h5::Handle dataset = h5::open_dataset(fields, name);
    o.fields.push_back({name, unit_of(dataset), h5::shape(dataset).at(0), std::nullopt});
  }

  o.events = read_events(file, "events");

  const h5::Handle metrics = h5::open_group(file, "metrics");
  o.metric_times_days = h5::read_all<double>(h5::open_dataset(metrics, "time_days"));
  for (const std::string& name : h5::link_names(metrics)) {
    if (name == "time_days") continue;
    const h5::Handle dataset = h5::open_dataset(metrics, name);
    SeriesSummary series{name, unit_of(dataset), h5::shape(dataset).at(0), std::nullopt};
    if (series.samples > 0) {
      double last = 0.0;
      h5::read_rows(dataset, H5T_NATIVE_DOUBLE, &last, series.samples - 1, 1);
      series.final_value = last;
    }
    o.metrics.push_back(std::move(series));
  }

  const h5::Handle summary = h5::open_group(file, "summary");
  for (const std::string& name : h5::attribute_names(summary)) {
    o.summary.emplace_back(name, attribute_text(summary, name));
  }
  o.replicates = read_replicates_overview(file);
  return o;
}

}  // namespace dermasim::io
