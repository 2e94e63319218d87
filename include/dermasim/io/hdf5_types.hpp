// Mapping from C++ element types to HDF5 memory and file datatypes, and owned string types.
// File types are fixed little-endian IEEE / two's complement so files are portable; memory
// types are the native ones, and HDF5 converts between them (e.g. double -> float32 fields).
#pragma once
#include <hdf5.h>

#include <cstdint>
#include <functional>
#include <string>

#include "dermasim/io/hdf5_handle.hpp"

namespace dermasim::io::h5 {

template <class T>
struct TypeOf;
template <>
struct TypeOf<double> {
  static hid_t memory() { return H5T_NATIVE_DOUBLE; }
  static hid_t file() { return H5T_IEEE_F64LE; }
};
template <>
struct TypeOf<float> {
  static hid_t memory() { return H5T_NATIVE_FLOAT; }
  static hid_t file() { return H5T_IEEE_F32LE; }
};
template <>
struct TypeOf<std::int32_t> {
  static hid_t memory() { return H5T_NATIVE_INT32; }
  static hid_t file() { return H5T_STD_I32LE; }
};
template <>
struct TypeOf<std::int64_t> {
  static hid_t memory() { return H5T_NATIVE_INT64; }
  static hid_t file() { return H5T_STD_I64LE; }
};

/// Variable-length, UTF-8, null-terminated C string type (h5py reads it as str).
Handle utf8_string_type();
/// Fixed-size (`bytes` including the terminating null), UTF-8, null-terminated string type.
Handle utf8_fixed_string_type(std::size_t bytes);

/// Decodes one stored string of file type `type` (variable-length or fixed-size), reading it
/// through `read(memory_type, buffer)`, i.e. H5Aread for an attribute or H5Dread for a scalar
/// dataset; `read` checks its own status. Attributes and datasets share this so that both
/// kinds of string are decoded alike.
std::string read_one_string(const Handle& type,
                            const std::function<void(hid_t memory_type, void* buffer)>& read);

}  // namespace dermasim::io::h5
