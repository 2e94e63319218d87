// HDF5 attributes (see hdf5_attribute.hpp).
#include "dermasim/io/hdf5_attribute.hpp"

#include <hdf5.h>

#include "dermasim/core/error.hpp"
#include "dermasim/io/hdf5_types.hpp"

namespace dermasim::io::h5 {
namespace {

std::string attribute_where(const Handle& object, std::string_view name) {
  return object.where() + "@" + std::string(name);
}

Handle scalar_space(const std::string& where) {
  return Handle(check_id(H5Screate(H5S_SCALAR), "create a dataspace for", where), H5Sclose, where);
}

Handle vector_space(hsize_t n, const std::string& where) {
  return Handle(check_id(H5Screate_simple(1, &n, nullptr), "create a dataspace for", where),
                H5Sclose, where);
}

// Replaces any attribute of the same name, then creates and writes it.
void write_raw(const Handle& object, std::string_view name, hid_t file_type, hid_t memory_type,
               const Handle& space, const void* data) {
  const std::string where = attribute_where(object, name);
  const std::string key(name);
  if (has_attribute(object, name)) {
    check(H5Adelete(object.id(), key.c_str()), "replace attribute", where);
  }
  Handle attr(check_id(H5Acreate2(object.id(), key.c_str(), file_type, space.id(), H5P_DEFAULT,
                                  H5P_DEFAULT),
                       "create attribute", where),
              H5Aclose, where);
  check(H5Awrite(attr.id(), memory_type, data), "write attribute", where);
  attr.close();
}

Handle open_attribute(const Handle& object, std::string_view name) {
  const std::string where = attribute_where(object, name);
  const hid_t id = H5Aopen(object.id(), std::string(name).c_str(), H5P_DEFAULT);
  return Handle(check_id(id, "open attribute", where), H5Aclose, where);
}

hssize_t element_count(const Handle& attr) {
  Handle space(check_id(H5Aget_space(attr.id()), "get the dataspace of", attr.where()), H5Sclose,
               attr.where());
  const hssize_t n = H5Sget_simple_extent_npoints(space.id());
  if (n < 0) fail("size", attr.where());
  return n;
}

template <class T>
std::vector<T> read_numbers(const Handle& object, std::string_view name) {
  const Handle attr = open_attribute(object, name);
  Handle type(check_id(H5Aget_type(attr.id()), "get the type of", attr.where()), H5Tclose,
              attr.where());
  const H5T_class_t cls = H5Tget_class(type.id());
  if (cls != H5T_INTEGER && cls != H5T_FLOAT) {
    throw IoError("HDF5: attribute " + attr.where() + " is not numeric");
  }
  std::vector<T> values(static_cast<std::size_t>(element_count(attr)));
  check(H5Aread(attr.id(), TypeOf<T>::memory(), values.data()), "read attribute", attr.where());
  return values;
}

template <class T>
T read_scalar(const Handle& object, std::string_view name) {
  const std::vector<T> values = read_numbers<T>(object, name);
  if (values.size() != 1) {
    throw IoError("HDF5: attribute " + attribute_where(object, name) + " is not a scalar");
  }
  return values[0];
}

}  // namespace

void write_attribute(const Handle& object, std::string_view name, double value) {
  const std::string where = attribute_where(object, name);
  write_raw(object, name, TypeOf<double>::file(), TypeOf<double>::memory(), scalar_space(where),
            &value);
}

void write_attribute(const Handle& object, std::string_view name, std::int64_t value) {
  const std::string where = attribute_where(object, name);
  write_raw(object, name, TypeOf<std::int64_t>::file(), TypeOf<std::int64_t>::memory(),
            scalar_space(where), &value);
}

void write_attribute(const Handle& object, std::string_view name, std::string_view value) {
  const std::string where = attribute_where(object, name);
  const Handle type = utf8_string_type();
  const std::string text(value);
  const char* pointer = text.c_str();
  write_raw(object, name, type.id(), type.id(), scalar_space(where), &pointer);
}

void write_attribute(const Handle& object, std::string_view name, std::span<const double> values) {
  const std::string where = attribute_where(object, name);
  write_raw(object, name, TypeOf<double>::file(), TypeOf<double>::memory(),
            vector_space(values.size(), where), values.data());
}

void write_attribute(const Handle& object, std::string_view name,
                     std::span<const std::int64_t> values) {
  const std::string where = attribute_where(object, name);
  write_raw(object, name, TypeOf<std::int64_t>::file(), TypeOf<std::int64_t>::memory(),
            vector_space(values.size(), where), values.data());
}

bool has_attribute(const Handle& object, std::string_view name) {
  const htri_t result = H5Aexists(object.id(), std::string(name).c_str());
  if (result < 0) fail("look up attribute", attribute_where(object, name));
  return result > 0;
}

std::vector<std::string> attribute_names(const Handle& object) {
  H5O_info_t info;
  check(H5Oget_info2(object.id(), &info, H5O_INFO_NUM_ATTRS), "inspect", object.where());
  std::vector<std::string> names;
  for (hsize_t a = 0; a < info.num_attrs; ++a) {
    const ssize_t length = H5Aget_name_by_idx(object.id(), ".", H5_INDEX_NAME, H5_ITER_INC, a,
                                              nullptr, 0, H5P_DEFAULT);
    if (length < 0) fail("list the attributes of", object.where());
    std::string name(static_cast<std::size_t>(length) + 1, '\0');
    H5Aget_name_by_idx(object.id(), ".", H5_INDEX_NAME, H5_ITER_INC, a, name.data(), name.size(),
                       H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(length));
    names.push_back(std::move(name));
  }
  return names;
}

double read_double_attribute(const Handle& object, std::string_view name) {
  return read_scalar<double>(object, name);
}

std::int64_t read_int_attribute(const Handle& object, std::string_view name) {
  return read_scalar<std::int64_t>(object, name);
}

std::vector<double> read_double_array_attribute(const Handle& object, std::string_view name) {
  return read_numbers<double>(object, name);
}

std::vector<std::int64_t> read_int_array_attribute(const Handle& object, std::string_view name) {
  return read_numbers<std::int64_t>(object, name);
}

std::string read_string_attribute(const Handle& object, std::string_view name) {
  const Handle attr = open_attribute(object, name);
  Handle type(check_id(H5Aget_type(attr.id()), "get the type of", attr.where()), H5Tclose,
              attr.where());
  if (H5Tget_class(type.id()) != H5T_STRING || element_count(attr) != 1) {
    throw IoError("HDF5: attribute " + attr.where() + " is not a string");
  }
  return read_one_string(type, [&](hid_t memory, void* buffer) {
    check(H5Aread(attr.id(), memory, buffer), "read attribute", attr.where());
  });
}

}  // namespace dermasim::io::h5
