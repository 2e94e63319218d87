// Checkpoint files (see checkpoint.hpp for the layout).
#include "dermasim/io/checkpoint.hpp"

#include "dermasim/core/error.hpp"
#include "dermasim/core/version.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace fs = std::filesystem;
namespace {

std::vector<std::int64_t> shape_of(const Grid& grid) {
  std::vector<std::int64_t> shape = {grid.nz()};
  if (grid.dimensions() == 3) shape.push_back(grid.ny());
  shape.push_back(grid.nx());
  return shape;
}

// Opens a checkpoint, rejecting other files with an InputError naming the path.
h5::Handle open_checkpoint(const fs::path& path) {
  if (!fs::exists(path)) throw IoError("checkpoint '" + path.string() + "' does not exist");
  if (!h5::is_hdf5_file(path.string())) {
    throw InputError(path.string() + ": not a dermasim checkpoint (not an HDF5 file)");
  }
  h5::Handle file = h5::open_file(path.string(), false);
  if (!h5::has_attribute(file, kFileKindAttribute) ||
      h5::read_string_attribute(file, kFileKindAttribute) != kCheckpointFileKind) {
    throw InputError(path.string() + ": not a dermasim checkpoint");
  }
  return file;
}

}  // namespace

void write_checkpoint(const fs::path& path, const CheckpointState& state, const FieldSet& fields) {
  const fs::path partial = partial_path(path);
  {
    h5::Handle file = h5::create_file(partial.string());
    h5::write_attribute(file, kFileKindAttribute, kCheckpointFileKind);
    h5::write_attribute(file, "format_version", kResultsFormatVersion);
    h5::write_attribute(file, "dermasim_version", version());
    h5::write_attribute(file, "time_days", state.time_days);
    h5::write_attribute(file, "next_event_index", state.next_event_index);
    h5::write_string_dataset(file, "scenario", state.scenario_text);

    const Grid& grid = fields.grid();
    const h5::Handle grid_group = h5::create_group(file, "grid");
    h5::write_attribute(grid_group, "dimensions", std::int64_t{grid.dimensions()});
    const std::vector<std::int64_t> shape = shape_of(grid);
    h5::write_attribute(grid_group, "shape", std::span<const std::int64_t>(shape));
    h5::write_attribute(grid_group, "spacing_mm", grid.spacing());

    const h5::Handle fields_group = h5::create_group(file, "fields");
    const std::vector<hsize_t> dims(shape.begin(), shape.end());
    for (int f = 0; f < fields.size(); ++f) {
      describe(h5::write_dataset<double>(fields_group, fields[f].name(), fields[f].values(), dims),
               fields[f].info().unit, fields[f].info().description);
    }

    const h5::Handle state_group = h5::create_group(file, "state");
    const h5::Handle scalars = h5::create_group(state_group, "scalars");
    for (const NamedValue& v : state.scalars) h5::write_attribute(scalars, v.name, v.value);
    const h5::Handle integers = h5::create_group(state_group, "integers");
    for (const NamedInteger& v : state.integers) h5::write_attribute(integers, v.name, v.value);
    const h5::Handle arrays = h5::create_group(state_group, "arrays");
    for (const NamedArray& a : state.arrays) h5::write_dataset<double>(arrays, a.name, a.values);
    file.close();
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) {
    throw IoError("cannot rename " + partial.string() + " to " + path.string() + ": " +
                  ec.message());
  }
}

CheckpointState read_checkpoint_state(const fs::path& path) {
  const h5::Handle file = open_checkpoint(path);
  CheckpointState state;
  state.time_days = h5::read_double_attribute(file, "time_days");
  state.next_event_index = h5::read_int_attribute(file, "next_event_index");
  state.scenario_text = h5::read_string_dataset(h5::open_dataset(file, "scenario"));
  const h5::Handle state_group = h5::open_group(file, "state");
  const h5::Handle scalars = h5::open_group(state_group, "scalars");
  for (const std::string& name : h5::attribute_names(scalars)) {
    state.scalars.push_back({name, h5::read_double_attribute(scalars, name)});
  }
  const h5::Handle integers = h5::open_group(state_group, "integers");
  for (const std::string& name : h5::attribute_names(integers)) {
    state.integers.push_back({name, h5::read_int_attribute(integers, name)});
  }
  const h5::Handle arrays = h5::open_group(state_group, "arrays");
  for (const std::string& name : h5::link_names(arrays)) {
    state.arrays.push_back({name, h5::read_all<double>(h5::open_dataset(arrays, name))});
  }
  return state;
}

void read_checkpoint_fields(const fs::path& path, FieldSet& fields) {
  const h5::Handle file = open_checkpoint(path);
  const h5::Handle grid_group = h5::open_group(file, "grid");
  const Grid& grid = fields.grid();
  if (h5::read_int_array_attribute(grid_group, "shape") != shape_of(grid) ||
      h5::read_double_attribute(grid_group, "spacing_mm") != grid.spacing()) {
    throw InputError(path.string() + ": the checkpoint's grid differs from the scenario's");
  }
  const h5::Handle fields_group = h5::open_group(file, "fields");
  const std::size_t stored = h5::link_names(fields_group).size();
  if (stored != static_cast<std::size_t>(fields.size())) {
    throw InputError(path.string() + ": the checkpoint holds " + std::to_string(stored) +
                     " fields, the scenario " + std::to_string(fields.size()));
  }
  for (int f = 0; f < fields.size(); ++f) {
    if (!h5::has_link(fields_group, fields[f].name())) {
      throw InputError(path.string() + ": the checkpoint has no field '" + fields[f].name() + "'");
    }
    const h5::Handle dataset = h5::open_dataset(fields_group, fields[f].name());
    h5::read_rows(dataset, H5T_NATIVE_DOUBLE, fields[f].data(), 0, h5::shape(dataset).at(0));
  }
}

}  // namespace dermasim::io
