// The /events table of a results file: an extendible HDF5 compound dataset with columns
// time_days (f8), kind (32-byte UTF-8 string), device (32-byte UTF-8 string),
// needle_length_mm (f8), penetration_mm (f8), punctures (i8). h5py reads it as a structured
// array: f["events"]["time_days"], f["events"]["kind"].astype(str).
#pragma once
#include <string_view>
#include <vector>

#include "dermasim/io/hdf5_handle.hpp"
#include "dermasim/io/results_writer.hpp"

namespace dermasim::io {

/// Longest kind or device string, in bytes (the column width minus the terminating null).
inline constexpr std::size_t kEventTextBytes = 31;

/// Creates an empty events table called `name` under `parent`, with units and description.
h5::Handle create_event_table(const h5::Handle& parent, std::string_view name);
/// Appends one row. Throws Error when kind or device is longer than kEventTextBytes.
void append_event(const h5::Handle& table, const EventRow& event);
/// Every row of the table `name` under `parent`.
std::vector<EventRow> read_events(const h5::Handle& parent, std::string_view name);

}  // namespace dermasim::io
