// Checkpoint files (see checkpoint.hpp for the layout).
#include "dermasim/io/checkpoint.hpp"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <numeric>

#include "dermasim/core/error.hpp"
#include "dermasim/core/version.hpp"
#include "dermasim/io/atomic_file.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kChecksumAttribute = "state_crc32";

// CRC-32 (zlib's) of everything a resumed run reads back, in a fixed order (docs/file-format.md
// "Checkpoints"): a flipped bit anywhere in the state, or a name changed, changes it.
class StateChecksum {
 public:
  void add(std::string_view text) {
    add_bytes(text.data(), text.size());
    add_bytes("", 1);  // a terminator, so that ("ab", "c") and ("a", "bc") differ
  }
  void add(double value) { add_bytes(&value, sizeof value); }
  void add(std::int64_t value) { add_bytes(&value, sizeof value); }
  void add(std::span<const double> values) { add_bytes(values.data(), values.size_bytes()); }
  std::int64_t value() const { return static_cast<std::int64_t>(crc_); }

 private:
  void add_bytes(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const Bytef*>(data);
    // zlib takes at most 4 GiB per call.
    for (std::size_t done = 0; done < size;) {
      const auto part = static_cast<uInt>(std::min<std::size_t>(size - done, 1u << 30));
      crc_ = crc32(crc_, bytes + done, part);
      done += part;
    }
  }
  uLong crc_ = crc32(0L, Z_NULL, 0);
};

// The items of a named list in name order, as they are read back from the file.
template <class Named>
std::vector<const Named*> by_name(const std::vector<Named>& list) {
  std::vector<const Named*> sorted;
  for (const Named& n : list) sorted.push_back(&n);
  std::sort(sorted.begin(), sorted.end(),
            [](const Named* a, const Named* b) { return a->name < b->name; });
  return sorted;
}

// Fields are added separately (as they are read: one at a time, in name order).
void add_state(StateChecksum& crc, const CheckpointState& state,
               std::span<const std::int64_t> shape, double spacing) {
  crc.add(state.time_days);
  crc.add(state.next_event_index);
  crc.add(state.scenario_text);
  for (const std::int64_t n : shape) crc.add(n);
  crc.add(spacing);
  for (const NamedValue* v : by_name(state.scalars)) {
    crc.add(v->name);
    crc.add(v->value);
  }
  for (const NamedInteger* v : by_name(state.integers)) {
    crc.add(v->name);
    crc.add(v->value);
  }
  for (const NamedArray* a : by_name(state.arrays)) {
    crc.add(a->name);
    crc.add(std::span<const double>(a->values));
  }
}

CheckpointState read_state(const h5::Handle& file);

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
  AtomicFile atomic(path);
  {
    h5::Handle file = h5::create_file(atomic.temporary().string());
    h5::write_attribute(file, kFileKindAttribute, kCheckpointFileKind);
    h5::write_attribute(file, "format_version", kResultsFormatVersion);
    h5::write_attribute(file, "dermasim_version", version());
    h5::write_attribute(file, "time_days", state.time_days);
    h5::write_attribute(file, "next_event_index", state.next_event_index);
    h5::write_string_dataset(file, "scenario", state.scenario_text);

    const Grid& grid = fields.grid();
    const std::vector<std::int64_t> shape = grid_shape(grid);
    StateChecksum crc;
    add_state(crc, state, shape, grid.spacing());
    {
      const h5::Handle grid_group = h5::create_group(file, "grid");
      h5::write_attribute(grid_group, "dimensions", std::int64_t{grid.dimensions()});
      h5::write_attribute(grid_group, "shape", std::span<const std::int64_t>(shape));
      h5::write_attribute(grid_group, "spacing_mm", grid.spacing());
    }
    {
      const h5::Handle fields_group = h5::create_group(file, "fields");
      const std::vector<hsize_t> dims(shape.begin(), shape.end());
      for (int f = 0; f < fields.size(); ++f) {
        describe(
            h5::write_dataset<double>(fields_group, fields[f].name(), fields[f].values(), dims),
            fields[f].info().unit, fields[f].info().description);
      }
      std::vector<int> order(static_cast<std::size_t>(fields.size()));
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(),
                [&](int a, int b) { return fields[a].name() < fields[b].name(); });
      for (const int f : order) {
        crc.add(fields[f].name());
        crc.add(fields[f].values());
      }
    }
    h5::write_attribute(file, kChecksumAttribute, crc.value());
    {
      const h5::Handle state_group = h5::create_group(file, "state");
      const h5::Handle scalars = h5::create_group(state_group, "scalars");
      for (const NamedValue& v : state.scalars) h5::write_attribute(scalars, v.name, v.value);
      const h5::Handle integers = h5::create_group(state_group, "integers");
      for (const NamedInteger& v : state.integers) h5::write_attribute(integers, v.name, v.value);
      const h5::Handle arrays = h5::create_group(state_group, "arrays");
      for (const NamedArray& a : state.arrays) h5::write_dataset<double>(arrays, a.name, a.values);
    }
    file.close();
  }
  atomic.commit();
}

bool is_checkpoint_file(const fs::path& path) {
  if (!h5::is_hdf5_file(path.string())) return false;
  try {
    const h5::Handle file = h5::open_file(path.string(), false);
    return h5::has_attribute(file, kFileKindAttribute) &&
           h5::read_string_attribute(file, kFileKindAttribute) == kCheckpointFileKind;
  } catch (const IoError&) {
    return false;  // unreadable: the results reader says why
  }
}

void verify_checkpoint(const fs::path& path) {
  const h5::Handle file = open_checkpoint(path);
  if (!h5::has_attribute(file, kChecksumAttribute)) {
    throw FileError(path.string(),
                    "has no state checksum (damaged, or written by an older dermasim); it cannot "
                    "be verified: start the run again",
                    FileError::Fault::damaged);
  }
  const CheckpointState state = read_state(file);
  const h5::Handle grid_group = h5::open_group(file, "grid");
  StateChecksum crc;
  add_state(crc, state, h5::read_int_array_attribute(grid_group, "shape"),
            h5::read_double_attribute(grid_group, "spacing_mm"));
  const h5::Handle fields_group = h5::open_group(file, "fields");
  for (const std::string& name : h5::link_names(fields_group)) {
    crc.add(name);
    crc.add(std::span<const double>(h5::read_all<double>(h5::open_dataset(fields_group, name))));
  }
  if (crc.value() != h5::read_int_attribute(file, kChecksumAttribute)) {
    throw FileError(path.string(),
                    "damaged: its state does not match the checksum stored with it; it cannot be "
                    "resumed: resume from an intact copy, or start the run again",
                    FileError::Fault::damaged);
  }
}

CheckpointState read_checkpoint_state(const fs::path& path) {
  return read_state(open_checkpoint(path));
}

namespace {

CheckpointState read_state(const h5::Handle& file) {
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

}  // namespace

void read_checkpoint_fields(const fs::path& path, FieldSet& fields) {
  const h5::Handle file = open_checkpoint(path);
  const h5::Handle grid_group = h5::open_group(file, "grid");
  const Grid& grid = fields.grid();
  if (h5::read_int_array_attribute(grid_group, "shape") != grid_shape(grid) ||
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
