// HDF5 datasets (see hdf5_dataset.hpp).
#include "dermasim/io/hdf5_dataset.hpp"

#include <hdf5.h>

#include "dermasim/core/error.hpp"

namespace dermasim::io::h5 {
namespace {

Handle dataspace_of(const Handle& dataset) {
  return Handle(check_id(H5Dget_space(dataset.id()), "get the dataspace of", dataset.where()),
                H5Sclose, dataset.where());
}

Handle simple_space(std::span<const hsize_t> dims, const hsize_t* maxdims,
                    const std::string& where) {
  const hid_t id = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), maxdims);
  return Handle(check_id(id, "create a dataspace for", where), H5Sclose, where);
}

Handle creation_list(std::span<const hsize_t> dims, const Storage& storage,
                     const std::string& where) {
  Handle dcpl(check_id(H5Pcreate(H5P_DATASET_CREATE), "create a property list for", where),
              H5Pclose, where);
  if (storage.chunk.empty()) {
    if (storage.extendible) throw Error("extendible dataset " + where + " needs a chunk shape");
    return dcpl;
  }
  if (storage.chunk.size() != dims.size()) {
    throw Error("chunk rank differs from the rank of " + where);
  }
  check(H5Pset_chunk(dcpl.id(), static_cast<int>(dims.size()), storage.chunk.data()),
        "set the chunk shape of", where);
  if (storage.shuffle) check(H5Pset_shuffle(dcpl.id()), "set the shuffle filter of", where);
  if (storage.gzip_level > 0) {
    check(H5Pset_deflate(dcpl.id(), static_cast<unsigned>(storage.gzip_level)),
          "set gzip compression of", where);
  }
  if (storage.fletcher32) check(H5Pset_fletcher32(dcpl.id()), "set the checksum filter of", where);
  return dcpl;
}

// Selects rows [first, first + count) of the first axis in `space`; returns the row shape.
std::vector<hsize_t> select_rows(const Handle& space, hsize_t first, hsize_t count,
                                 const std::string& where) {
  const int rank = H5Sget_simple_extent_ndims(space.id());
  if (rank < 1) fail("select rows of", where);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
  std::vector<hsize_t> start(dims.size(), 0);
  start[0] = first;
  dims[0] = count;
  check(
      H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, start.data(), nullptr, dims.data(), nullptr),
      "select rows of", where);
  return dims;
}

Handle file_type_of(const Handle& dataset) {
  return Handle(check_id(H5Dget_type(dataset.id()), "get the type of", dataset.where()), H5Tclose,
                dataset.where());
}

}  // namespace

Handle create_dataset(const Handle& parent, std::string_view name, hid_t file_type,
                      std::span<const hsize_t> dims, const Storage& storage) {
  silence_hdf5_errors();
  const std::string where = child_where(parent, name);
  std::vector<hsize_t> maxdims(dims.begin(), dims.end());
  if (storage.extendible && !maxdims.empty()) maxdims[0] = H5S_UNLIMITED;
  const Handle space = simple_space(dims, maxdims.data(), where);
  const Handle dcpl = creation_list(dims, storage, where);
  const hid_t id = H5Dcreate2(parent.id(), std::string(name).c_str(), file_type, space.id(),
                              H5P_DEFAULT, dcpl.id(), H5P_DEFAULT);
  return Handle(check_id(id, "create dataset", where), H5Dclose, where);
}

Handle open_dataset(const Handle& parent, std::string_view name) {
  silence_hdf5_errors();
  const std::string where = child_where(parent, name);
  const hid_t id = H5Dopen2(parent.id(), std::string(name).c_str(), H5P_DEFAULT);
  return Handle(check_id(id, "open dataset", where), H5Dclose, where);
}

std::vector<hsize_t> shape(const Handle& dataset) {
  const Handle space = dataspace_of(dataset);
  const int rank = H5Sget_simple_extent_ndims(space.id());
  if (rank < 0) fail("get the shape of", dataset.where());
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0) H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
  return dims;
}

std::size_t row_size(const Handle& dataset) {
  const std::vector<hsize_t> dims = shape(dataset);
  std::size_t n = 1;
  for (std::size_t d = 1; d < dims.size(); ++d) n *= dims[d];
  return n;
}

void write_all(const Handle& dataset, hid_t memory_type, const void* data) {
  check(H5Dwrite(dataset.id(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "write",
        dataset.where());
}

void resize_rows(const Handle& dataset, hsize_t rows) {
  std::vector<hsize_t> dims = shape(dataset);
  if (dims.empty()) throw Error("cannot resize the scalar dataset " + dataset.where());
  dims[0] = rows;
  check(H5Dset_extent(dataset.id(), dims.data()), "resize", dataset.where());
}

void append_rows(const Handle& dataset, hid_t memory_type, const void* data, hsize_t rows) {
  if (rows == 0) return;
  const hsize_t first = shape(dataset).at(0);
  resize_rows(dataset, first + rows);
  const Handle file_space = dataspace_of(dataset);
  const std::vector<hsize_t> block = select_rows(file_space, first, rows, dataset.where());
  const Handle memory_space = simple_space(block, nullptr, dataset.where());
  check(H5Dwrite(dataset.id(), memory_type, memory_space.id(), file_space.id(), H5P_DEFAULT, data),
        "append to", dataset.where());
}

namespace {

// read_rows with a transfer property list (H5P_DEFAULT, or one with checksums off).
void read_rows_with(const Handle& dataset, hid_t memory_type, void* data, hsize_t first,
                    hsize_t count, hid_t transfer) {
  const Handle file_space = dataspace_of(dataset);
  if (H5Sget_simple_extent_ndims(file_space.id()) == 0) {
    check(H5Dread(dataset.id(), memory_type, H5S_ALL, H5S_ALL, transfer, data), "read",
          dataset.where());
    return;
  }
  if (first + count > shape(dataset)[0]) {
    throw IoError("HDF5: rows " + std::to_string(first) + ".." + std::to_string(first + count) +
                  " are beyond the end of " + dataset.where());
  }
  const std::vector<hsize_t> block = select_rows(file_space, first, count, dataset.where());
  const Handle memory_space = simple_space(block, nullptr, dataset.where());
  check(H5Dread(dataset.id(), memory_type, memory_space.id(), file_space.id(), transfer, data),
        "read", dataset.where());
}

}  // namespace

void read_rows(const Handle& dataset, hid_t memory_type, void* data, hsize_t first, hsize_t count) {
  read_rows_with(dataset, memory_type, data, first, count, H5P_DEFAULT);
}

void write_filtered_chunk(const Handle& dataset, std::span<const hsize_t> offset,
                          std::span<const unsigned char> bytes) {
  check(H5Dwrite_chunk(dataset.id(), H5P_DEFAULT, 0, offset.data(), bytes.size(), bytes.data()),
        "write a chunk of", dataset.where());
}

bool has_filter(const Handle& dataset, H5Z_filter_t filter) {
  const Handle dcpl(
      check_id(H5Dget_create_plist(dataset.id()), "get the creation list of", dataset.where()),
      H5Pclose, dataset.where());
  unsigned flags = 0;
  std::size_t values = 0;
  unsigned config = 0;
  // Fails (negative) when the filter is absent, which is not an error here.
  const herr_t found =
      H5Pget_filter_by_id2(dcpl.id(), filter, &flags, &values, nullptr, 0, nullptr, &config);
  H5Eclear2(H5E_DEFAULT);
  return found >= 0;
}

void verify_rows(const Handle& dataset, hsize_t rows) {
  const Handle type = file_type_of(dataset);
  std::vector<unsigned char> row(row_size(dataset) * H5Tget_size(type.id()));
  for (hsize_t r = 0; r < rows; ++r) read_rows(dataset, type.id(), row.data(), r, 1);
}

std::vector<unsigned char> read_rows_unverified(const Handle& dataset, hsize_t rows) {
  const Handle type = file_type_of(dataset);
  std::vector<unsigned char> bytes(rows * row_size(dataset) * H5Tget_size(type.id()));
  if (rows == 0) return bytes;
  const Handle transfer(
      check_id(H5Pcreate(H5P_DATASET_XFER), "create a transfer list for", dataset.where()),
      H5Pclose, dataset.where());
  check(H5Pset_edc_check(transfer.id(), H5Z_DISABLE_EDC), "turn off checksums for",
        dataset.where());
  read_rows_with(dataset, type.id(), bytes.data(), 0, rows, transfer.id());
  return bytes;
}

void rewrite_rows(const Handle& dataset, std::span<const unsigned char> bytes, hsize_t rows) {
  resize_rows(dataset, 0);
  const Handle type = file_type_of(dataset);
  append_rows(dataset, type.id(), bytes.data(), rows);
}

hsize_t first_unallocated_row(const Handle& dataset, hsize_t rows) {
  const Handle dcpl(
      check_id(H5Dget_create_plist(dataset.id()), "get the creation list of", dataset.where()),
      H5Pclose, dataset.where());
  if (H5Pget_layout(dcpl.id()) != H5D_CHUNKED) return rows;
  const std::vector<hsize_t> dims = shape(dataset);
  std::vector<hsize_t> chunk(dims.size());
  if (H5Pget_chunk(dcpl.id(), static_cast<int>(chunk.size()), chunk.data()) < 1) {
    fail("get the chunk shape of", dataset.where());
  }
  // Every chunk origin of rows [0, rows), the last axis fastest.
  std::vector<hsize_t> origin(dims.size(), 0);
  while (origin[0] < rows) {
    unsigned filter_mask = 0;
    haddr_t address = HADDR_UNDEF;
    hsize_t bytes = 0;
    check(H5Dget_chunk_info_by_coord(dataset.id(), origin.data(), &filter_mask, &address, &bytes),
          "look up a chunk of", dataset.where());
    if (address == HADDR_UNDEF) return origin[0];
    std::size_t axis = dims.size();
    while (axis-- > 0) {
      origin[axis] += chunk[axis];
      if (axis == 0 || origin[axis] < dims[axis]) break;
      origin[axis] = 0;
    }
  }
  return rows;
}

hsize_t chunk_rows(const Handle& dataset) {
  const Handle dcpl(
      check_id(H5Dget_create_plist(dataset.id()), "get the creation list of", dataset.where()),
      H5Pclose, dataset.where());
  if (H5Pget_layout(dcpl.id()) != H5D_CHUNKED) return 0;
  std::vector<hsize_t> chunk(shape(dataset).size() + 1);
  if (H5Pget_chunk(dcpl.id(), static_cast<int>(chunk.size()), chunk.data()) < 1) {
    fail("get the chunk shape of", dataset.where());
  }
  return chunk[0];
}

Handle write_string_dataset(const Handle& parent, std::string_view name, std::string_view text) {
  const std::string where = child_where(parent, name);
  const Handle type = utf8_string_type();
  const Handle space(check_id(H5Screate(H5S_SCALAR), "create a dataspace for", where), H5Sclose,
                     where);
  const hid_t id = H5Dcreate2(parent.id(), std::string(name).c_str(), type.id(), space.id(),
                              H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  Handle dataset(check_id(id, "create dataset", where), H5Dclose, where);
  const std::string copy(text);
  const char* pointer = copy.c_str();
  write_all(dataset, type.id(), &pointer);
  return dataset;
}

Handle write_string_array_dataset(const Handle& parent, std::string_view name,
                                  std::span<const std::string> values) {
  const hsize_t n = values.size();
  const Handle type = utf8_string_type();
  Handle dataset = create_dataset(parent, name, type.id(), std::span<const hsize_t>(&n, 1));
  // HDF5 takes variable-length strings as an array of C string pointers.
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& value : values) pointers.push_back(value.c_str());
  // An empty array has nothing to write, and its pointer buffer may be null, which H5Dwrite
  // refuses.
  if (n > 0) write_all(dataset, type.id(), pointers.data());
  return dataset;
}

std::string read_string_dataset(const Handle& dataset) {
  const Handle type = file_type_of(dataset);
  if (H5Tget_class(type.id()) != H5T_STRING || !shape(dataset).empty()) {
    throw IoError("HDF5: " + dataset.where() + " is not a scalar string");
  }
  return read_one_string(type, [&](hid_t memory, void* buffer) {
    check(H5Dread(dataset.id(), memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer), "read",
          dataset.where());
  });
}

}  // namespace dermasim::io::h5
