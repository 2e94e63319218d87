// RAII HDF5 writing for the sweep summary (see h5_writer.hpp).
#include "h5_writer.hpp"

#include "dermasim/core/error.hpp"

namespace dermasim::sweep {

namespace {

H5Id string_type() {
  H5Id t(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(t.get(), H5T_VARIABLE);
  H5Tset_cset(t.get(), H5T_CSET_UTF8);
  return t;
}

}  // namespace

H5Id& H5Id::operator=(H5Id&& o) noexcept {
  if (this != &o) {
    if (id_ >= 0 && closer_) closer_(id_);
    id_ = o.id_;
    closer_ = o.closer_;
    o.id_ = -1;
  }
  return *this;
}

H5Id::~H5Id() {
  if (id_ >= 0 && closer_) closer_(id_);
}

H5Writer::H5Writer(const std::filesystem::path& file) : path_(file) {
  // HDF5 prints its own error stack by default; our IoError says what failed instead.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  file_ = H5Id(check(H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create"),
               H5Fclose);
}

void H5Writer::close() {
  if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) check(-1, "flush");
  file_ = H5Id();
}

hid_t H5Writer::check(hid_t id, const std::string& what) const {
  if (id < 0) throw IoError(path_.string() + ": HDF5 cannot " + what);
  return id;
}

H5Id H5Writer::group(hid_t parent, const std::string& name) {
  return H5Id(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                    "create group " + name),
              H5Gclose);
}

void H5Writer::strings(hid_t parent, const std::string& name,
                       const std::vector<std::string>& values) {
  const hsize_t n = values.size();
  H5Id space(check(H5Screate_simple(1, &n, nullptr), "create space"), H5Sclose);
  const H5Id type = string_type();
  H5Id ds(check(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT,
                           H5P_DEFAULT),
                "create dataset " + name),
          H5Dclose);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  if (n > 0)
    check(H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()),
          "write " + name);
}

void H5Writer::text(hid_t parent, const std::string& name, const std::string& value) {
  H5Id space(check(H5Screate(H5S_SCALAR), "create space"), H5Sclose);
  const H5Id type = string_type();
  H5Id ds(check(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT,
                           H5P_DEFAULT),
                "create dataset " + name),
          H5Dclose);
  const char* ptr = value.c_str();
  check(H5Dwrite(ds.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &ptr), "write " + name);
}

void H5Writer::doubles(hid_t parent, const std::string& name, const std::vector<double>& values,
                       const std::vector<hsize_t>& dims, const std::string& units,
                       const std::string& description) {
  H5Id space(
      check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "create space"),
      H5Sclose);
  H5Id ds(check(H5Dcreate2(parent, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT,
                           H5P_DEFAULT, H5P_DEFAULT),
                "create dataset " + name),
          H5Dclose);
  if (!values.empty())
    check(H5Dwrite(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "write " + name);
  attribute(ds.get(), "units", units);
  attribute(ds.get(), "description", description);
}

void H5Writer::integers(hid_t parent, const std::string& name,
                        const std::vector<std::int64_t>& values) {
  const hsize_t n = values.size();
  H5Id space(check(H5Screate_simple(1, &n, nullptr), "create space"), H5Sclose);
  H5Id ds(check(H5Dcreate2(parent, name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT,
                           H5P_DEFAULT, H5P_DEFAULT),
                "create dataset " + name),
          H5Dclose);
  if (n > 0)
    check(H5Dwrite(ds.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "write " + name);
}

void H5Writer::attribute(hid_t object, const std::string& name, const std::string& value) {
  H5Id space(check(H5Screate(H5S_SCALAR), "create space"), H5Sclose);
  const H5Id type = string_type();
  H5Id attr(
      check(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
            "create attribute " + name),
      H5Aclose);
  const char* ptr = value.c_str();
  check(H5Awrite(attr.get(), type.get(), &ptr), "write attribute " + name);
}

void H5Writer::attribute(hid_t object, const std::string& name, double value) {
  H5Id space(check(H5Screate(H5S_SCALAR), "create space"), H5Sclose);
  H5Id attr(
      check(H5Acreate2(object, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
            "create attribute " + name),
      H5Aclose);
  check(H5Awrite(attr.get(), H5T_NATIVE_DOUBLE, &value), "write attribute " + name);
}

void H5Writer::attribute(hid_t object, const std::string& name, std::int64_t value) {
  H5Id space(check(H5Screate(H5S_SCALAR), "create space"), H5Sclose);
  H5Id attr(
      check(H5Acreate2(object, name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
            "create attribute " + name),
      H5Aclose);
  check(H5Awrite(attr.get(), H5T_NATIVE_INT64, &value), "write attribute " + name);
}

}  // namespace dermasim::sweep
