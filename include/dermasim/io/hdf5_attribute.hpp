// HDF5 attributes: scalars, small arrays and UTF-8 strings on files, groups and datasets.
// Writing an attribute that exists replaces it (so a status can be updated in place).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/io/hdf5_handle.hpp"

namespace dermasim::io::h5 {

void write_attribute(const Handle& object, std::string_view name, double value);
void write_attribute(const Handle& object, std::string_view name, std::int64_t value);
/// A variable-length UTF-8 string (h5py reads it as str).
void write_attribute(const Handle& object, std::string_view name, std::string_view value);
void write_attribute(const Handle& object, std::string_view name, std::span<const double> values);
void write_attribute(const Handle& object, std::string_view name,
                     std::span<const std::int64_t> values);

bool has_attribute(const Handle& object, std::string_view name);
/// Names of every attribute of `object`, in creation (or name) order.
std::vector<std::string> attribute_names(const Handle& object);

/// Readers convert numeric types as HDF5 does; they throw IoError when the attribute is
/// missing or of another class (e.g. reading a string as a number).
double read_double_attribute(const Handle& object, std::string_view name);
std::int64_t read_int_attribute(const Handle& object, std::string_view name);
/// Reads a variable-length or fixed-length string attribute.
std::string read_string_attribute(const Handle& object, std::string_view name);
std::vector<double> read_double_array_attribute(const Handle& object, std::string_view name);
std::vector<std::int64_t> read_int_array_attribute(const Handle& object, std::string_view name);

}  // namespace dermasim::io::h5
