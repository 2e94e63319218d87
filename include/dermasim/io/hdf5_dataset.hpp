// HDF5 datasets: fixed and extendible (append along the first axis), chunked and compressed,
// numeric or string. Element types map to HDF5 through TypeOf (hdf5_types.hpp); a dataset
// stored as float32 can be written from and read into doubles, HDF5 converting.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/io/hdf5_handle.hpp"
#include "dermasim/io/hdf5_types.hpp"

namespace dermasim::io::h5 {

/// How a new dataset is stored.
struct Storage {
  bool extendible = false;     ///< first axis unlimited (requires chunk)
  std::vector<hsize_t> chunk;  ///< chunk shape; empty = contiguous
  bool shuffle = false;        ///< byte-shuffle filter before compression
  int gzip_level = 0;          ///< 0 = no compression, 1..9 deflate level
  bool fletcher32 = false;     ///< checksum every chunk (last filter); verified on read
};

/// Creates a dataset of `file_type` and initial shape `dims` (first axis may be 0 when
/// extendible).
Handle create_dataset(const Handle& parent, std::string_view name, hid_t file_type,
                      std::span<const hsize_t> dims, const Storage& storage = {});
Handle open_dataset(const Handle& parent, std::string_view name);
/// Current shape.
std::vector<hsize_t> shape(const Handle& dataset);

/// Writes the whole dataset from `data` (memory type `memory_type`).
void write_all(const Handle& dataset, hid_t memory_type, const void* data);
/// Grows the first axis by `rows` and writes them at the end from `data`.
void append_rows(const Handle& dataset, hid_t memory_type, const void* data, hsize_t rows);
/// Shrinks (or grows) the first axis to `rows`.
void resize_rows(const Handle& dataset, hsize_t rows);
/// Reads rows [first, first + count) of the first axis into `data` (all other axes whole).
void read_rows(const Handle& dataset, hid_t memory_type, void* data, hsize_t first, hsize_t count);

/// Writes one already-filtered chunk (e.g. shuffled and deflated, see chunk_codec.hpp) at
/// element offset `offset`, bypassing HDF5's filter pipeline (H5Dwrite_chunk). The dataset
/// must already extend over the chunk.
void write_filtered_chunk(const Handle& dataset, std::span<const hsize_t> offset,
                          std::span<const unsigned char> bytes);

/// True when `filter` (H5Z_FILTER_DEFLATE, H5Z_FILTER_FLETCHER32, ...) is in the
/// dataset's filter pipeline.
bool has_filter(const Handle& dataset, H5Z_filter_t filter);
/// Reads rows [0, rows) of a dataset one at a time (in its file type) so that HDF5 checks
/// their Fletcher32 checksums; a mismatch throws FileError (fault damaged) naming it.
void verify_rows(const Handle& dataset, hsize_t rows);

/// Rows [0, rows) in the dataset's file type, as raw bytes, read with Fletcher32 checks off
/// (to judge rows whose chunk checksum a torn rewrite broke; see kept_rows.hpp).
std::vector<unsigned char> read_rows_unverified(const Handle& dataset, hsize_t rows);
/// Replaces the dataset's content by `rows` rows of raw bytes in its file type (as
/// read_rows_unverified gives them): the old chunks are dropped, so none is read back.
void rewrite_rows(const Handle& dataset, std::span<const unsigned char> bytes, hsize_t rows);
/// The first of rows [0, rows) with a chunk missing from the dataset's chunk index (which
/// reads back as the fill value, without error), or `rows` when every one is stored.
hsize_t first_unallocated_row(const Handle& dataset, hsize_t rows);
/// Rows per chunk along the first axis (0 for a contiguous dataset).
hsize_t chunk_rows(const Handle& dataset);

/// Elements per row (product of all axes but the first; 1 for a 1D dataset).
std::size_t row_size(const Handle& dataset);

template <class T>
Handle write_dataset(const Handle& parent, std::string_view name, std::span<const T> data,
                     std::span<const hsize_t> dims) {
  Handle dataset = create_dataset(parent, name, TypeOf<T>::file(), dims);
  // An empty dataset has nothing to write, and an empty span's data() may be null, which
  // H5Dwrite refuses.
  if (!data.empty()) write_all(dataset, TypeOf<T>::memory(), data.data());
  return dataset;
}

/// A 1D dataset of `data.size()` elements.
template <class T>
Handle write_dataset(const Handle& parent, std::string_view name, std::span<const T> data) {
  const hsize_t n = data.size();
  return write_dataset<T>(parent, name, data, std::span<const hsize_t>(&n, 1));
}

template <class T>
void append(const Handle& dataset, std::span<const T> data) {
  append_rows(dataset, TypeOf<T>::memory(), data.data(), data.size() / row_size(dataset));
}

/// Every element, converted to T.
template <class T>
std::vector<T> read_all(const Handle& dataset) {
  const std::vector<hsize_t> dims = shape(dataset);
  const hsize_t rows = dims.empty() ? 1 : dims[0];
  std::vector<T> values(rows * row_size(dataset));
  if (!values.empty()) read_rows(dataset, TypeOf<T>::memory(), values.data(), 0, rows);
  return values;
}

/// A scalar variable-length UTF-8 string dataset (h5py: f[name][()].decode()).
Handle write_string_dataset(const Handle& parent, std::string_view name, std::string_view text);
std::string read_string_dataset(const Handle& dataset);
/// A 1D variable-length UTF-8 string dataset of `values.size()` elements (h5py reads each as
/// bytes; .asstr() gives str).
Handle write_string_array_dataset(const Handle& parent, std::string_view name,
                                  std::span<const std::string> values);

}  // namespace dermasim::io::h5
