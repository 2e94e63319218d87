// The /events compound table (see event_table.hpp).
#include "dermasim/io/event_table.hpp"

#include <cstring>

#include "dermasim/core/error.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_types.hpp"

namespace dermasim::io {
namespace {

constexpr std::size_t kTextColumn = kEventTextBytes + 1;

// One row as laid out in memory for H5Dwrite / H5Dread.
struct PackedEventRow {
  double time_days;
  char kind[kTextColumn];
  char device[kTextColumn];
  double needle_length_mm;
  double penetration_mm;
  std::int64_t punctures;
};

h5::Handle row_type() {
  h5::Handle type(h5::check_id(H5Tcreate(H5T_COMPOUND, sizeof(PackedEventRow)), "create",
                               "the events row type"),
                  H5Tclose, "events row type");
  const h5::Handle text = h5::utf8_fixed_string_type(kTextColumn);
  const hid_t id = type.id();
  const std::string& where = type.where();
  h5::check(H5Tinsert(id, "time_days", HOFFSET(PackedEventRow, time_days), H5T_NATIVE_DOUBLE),
            "build", where);
  h5::check(H5Tinsert(id, "kind", HOFFSET(PackedEventRow, kind), text.id()), "build", where);
  h5::check(H5Tinsert(id, "device", HOFFSET(PackedEventRow, device), text.id()), "build", where);
  h5::check(H5Tinsert(id, "needle_length_mm", HOFFSET(PackedEventRow, needle_length_mm),
                      H5T_NATIVE_DOUBLE),
            "build", where);
  h5::check(
      H5Tinsert(id, "penetration_mm", HOFFSET(PackedEventRow, penetration_mm), H5T_NATIVE_DOUBLE),
      "build", where);
  h5::check(H5Tinsert(id, "punctures", HOFFSET(PackedEventRow, punctures), H5T_NATIVE_INT64),
            "build", where);
  return type;
}

void copy_text(char (&column)[kTextColumn], const std::string& text, const char* what) {
  if (text.size() > kEventTextBytes) {
    throw Error(std::string("event ") + what + " '" + text + "' is longer than " +
                std::to_string(kEventTextBytes) + " bytes");
  }
  std::memset(column, 0, kTextColumn);
  std::memcpy(column, text.data(), text.size());
}

}  // namespace

h5::Handle create_event_table(const h5::Handle& parent, std::string_view name) {
  const h5::Handle type = row_type();
  const hsize_t dims[] = {0};
  h5::Storage storage;
  storage.extendible = true;
  storage.chunk = {64};
  storage.fletcher32 = true;
  h5::Handle table = h5::create_dataset(parent, name, type.id(), dims, storage);
  h5::write_attribute(table, "units",
                      std::string_view("time_days: day; needle_length_mm: mm; "
                                       "penetration_mm: mm; punctures: 1"));
  h5::write_attribute(table, "description",
                      std::string_view("treatment events applied: session or maintenance, "
                                       "device, nominal needle length, effective penetration "
                                       "depth and number of punctures"));
  return table;
}

void append_event(const h5::Handle& table, const EventRow& event) {
  PackedEventRow row{};
  row.time_days = event.time_days;
  copy_text(row.kind, event.kind, "kind");
  copy_text(row.device, event.device, "device");
  row.needle_length_mm = event.needle_length_mm;
  row.penetration_mm = event.penetration_mm;
  row.punctures = event.punctures;
  const h5::Handle type = row_type();
  h5::append_rows(table, type.id(), &row, 1);
}

std::vector<EventRow> read_events(const h5::Handle& parent, std::string_view name) {
  const h5::Handle table = h5::open_dataset(parent, name);
  const std::vector<hsize_t> dims = h5::shape(table);
  if (dims.size() != 1) throw IoError("HDF5: " + table.where() + " is not a table");
  std::vector<PackedEventRow> rows(dims[0]);
  const h5::Handle type = row_type();
  if (!rows.empty()) h5::read_rows(table, type.id(), rows.data(), 0, rows.size());
  std::vector<EventRow> events;
  for (const PackedEventRow& row : rows) {
    events.push_back({row.time_days, std::string(row.kind, strnlen(row.kind, kTextColumn)),
                      std::string(row.device, strnlen(row.device, kTextColumn)),
                      row.needle_length_mm, row.penetration_mm, row.punctures});
  }
  return events;
}

}  // namespace dermasim::io
