// Owned HDF5 string datatypes (see hdf5_types.hpp).
#include "dermasim/io/hdf5_types.hpp"

namespace dermasim::io::h5 {
namespace {

Handle utf8_string(std::size_t size) {
  Handle type(check_id(H5Tcopy(H5T_C_S1), "copy", "the string type"), H5Tclose, "string type");
  check(H5Tset_size(type.id(), size), "size", type.where());
  check(H5Tset_cset(type.id(), H5T_CSET_UTF8), "set UTF-8 on", type.where());
  check(H5Tset_strpad(type.id(), H5T_STR_NULLTERM), "set padding on", type.where());
  return type;
}

}  // namespace

Handle utf8_string_type() {
  return utf8_string(H5T_VARIABLE);
}
Handle utf8_fixed_string_type(std::size_t bytes) {
  return utf8_string(bytes);
}

std::string read_one_string(const Handle& type,
                            const std::function<void(hid_t memory_type, void* buffer)>& read) {
  if (H5Tis_variable_str(type.id()) > 0) {
    const Handle memory = utf8_string_type();
    char* pointer = nullptr;
    read(memory.id(), &pointer);
    std::string text = pointer != nullptr ? pointer : "";
    H5free_memory(pointer);
    return text;
  }
  // One byte more than stored, so that a string filling its fixed size is still terminated.
  const std::size_t size = H5Tget_size(type.id());
  const Handle memory = utf8_fixed_string_type(size + 1);
  std::string buffer(size + 1, '\0');
  read(memory.id(), buffer.data());
  return std::string(buffer.c_str());
}

}  // namespace dermasim::io::h5
