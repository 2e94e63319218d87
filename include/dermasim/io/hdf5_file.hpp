// HDF5 files and groups as Handles (see hdf5_handle.hpp for the error contract).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/io/hdf5_handle.hpp"

namespace dermasim::io::h5 {

/// Creates (truncating) an HDF5 file. Closing is "strong": when the handle closes, every
/// object still open in the file is closed too, so the file is complete on disk afterwards.
/// Metadata reaches the disk only at a flush or the close (also for open_file(path, true)),
/// so that a killed writer leaves the metadata of its last flush.
Handle create_file(const std::string& path);
/// Opens an existing HDF5 file read-only or read-write. Throws IoError when the file is
/// missing, unreadable or not HDF5 (see is_hdf5_file to tell those apart first).
Handle open_file(const std::string& path, bool writable);
/// True when `path` exists and carries the HDF5 signature (false for text and missing files).
bool is_hdf5_file(const std::string& path);
/// Makes the bytes written past the file's recorded end of allocation (EOA) part of it again
/// (H5Fincrement_filesize with 0: EOA becomes the physical size, as `h5clear --increment`).
/// A writer killed between flushes may leave chunk-index entries pointing at chunks it wrote
/// after the last recorded EOA; without this, HDF5 hands that space out again and fails with
/// "addr overflow" when it frees or rewrites those chunks.
void adopt_unrecorded_tail(const Handle& file);
/// Flushes every buffer of the file holding `object` to disk (H5Fflush, global scope).
void flush(const Handle& object);

Handle create_group(const Handle& parent, std::string_view name);
Handle open_group(const Handle& parent, std::string_view name);
/// True when `parent` has a link called `name` (a group, dataset or soft link).
bool has_link(const Handle& parent, std::string_view name);
/// Names of the links in `group`, sorted by name.
std::vector<std::string> link_names(const Handle& group);

}  // namespace dermasim::io::h5
