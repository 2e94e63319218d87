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

}  // namespace dermasim::io::h5
