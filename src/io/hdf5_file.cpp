// HDF5 files and groups (see hdf5_file.hpp).
#include "dermasim/io/hdf5_file.hpp"

#include <filesystem>

#include "dermasim/io/file_lock.hpp"

namespace dermasim::io::h5 {
namespace {

Handle strong_close_access_list(const std::string& path) {
  Handle fapl(check_id(H5Pcreate(H5P_FILE_ACCESS), "create a file access list for", path), H5Pclose,
              path);
  check(H5Pset_fclose_degree(fapl.id(), H5F_CLOSE_STRONG), "set the close degree of", path);
  return fapl;
}

// A file being written keeps its metadata in memory between flushes (no evictions), so that
// the metadata on disk is always that of the last flush: a writer killed in between leaves a
// chunk index that matches the last checkpoint, not one caught half way (a B-tree node
// written, the node it points to not yet). The cost is memory for the file's metadata, a few
// hundred bytes per chunk, held until the file closes.
Handle writer_access_list(const std::string& path) {
  Handle fapl = strong_close_access_list(path);
  H5AC_cache_config_t config;
  config.version = H5AC__CURR_CACHE_CONFIG_VERSION;
  check(H5Pget_mdc_config(fapl.id(), &config), "get the metadata cache settings of", path);
  config.evictions_enabled = false;
  config.incr_mode = H5C_incr__off;
  config.flash_incr_mode = H5C_flash_incr__off;
  config.decr_mode = H5C_decr__off;
  check(H5Pset_mdc_config(fapl.id(), &config), "set the metadata cache settings of", path);
  return fapl;
}

}  // namespace

Handle create_file(const std::string& path) {
  silence_hdf5_errors();
  // H5Fcreate truncates before it locks: a file another process is writing would be emptied
  // under it, and only then would the lock be refused.
  refuse_if_locked(path);
  const Handle fapl = writer_access_list(path);
  const hid_t id = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.id());
  return Handle(check_id(id, "create file", path), H5Fclose, path + ":/");
}

Handle open_file(const std::string& path, bool writable) {
  silence_hdf5_errors();
  const Handle fapl = writable ? writer_access_list(path) : strong_close_access_list(path);
  const hid_t id = H5Fopen(path.c_str(), writable ? H5F_ACC_RDWR : H5F_ACC_RDONLY, fapl.id());
  return Handle(check_id(id, "open file", path), H5Fclose, path + ":/");
}

bool is_hdf5_file(const std::string& path) {
  silence_hdf5_errors();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  const htri_t result = H5Fis_hdf5(path.c_str());
  H5Eclear2(H5E_DEFAULT);
  return result > 0;
}

void adopt_unrecorded_tail(const Handle& file) {
  check(H5Fincrement_filesize(file.id(), 0), "extend the allocated space of", file.where());
}

void flush(const Handle& object) {
  check(H5Fflush(object.id(), H5F_SCOPE_GLOBAL), "flush", object.where());
}

Handle create_group(const Handle& parent, std::string_view name) {
  silence_hdf5_errors();
  std::string where = child_where(parent, name);
  const hid_t id =
      H5Gcreate2(parent.id(), std::string(name).c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  return Handle(check_id(id, "create group", where), H5Gclose, where);
}

Handle open_group(const Handle& parent, std::string_view name) {
  silence_hdf5_errors();
  std::string where = child_where(parent, name);
  const hid_t id = H5Gopen2(parent.id(), std::string(name).c_str(), H5P_DEFAULT);
  return Handle(check_id(id, "open group", where), H5Gclose, where);
}

bool has_link(const Handle& parent, std::string_view name) {
  const htri_t result = H5Lexists(parent.id(), std::string(name).c_str(), H5P_DEFAULT);
  if (result < 0) fail("look up", child_where(parent, name));
  return result > 0;
}

std::vector<std::string> link_names(const Handle& group) {
  H5G_info_t info;
  check(H5Gget_info(group.id(), &info), "inspect", group.where());
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t length =
        H5Lget_name_by_idx(group.id(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (length < 0) fail("list", group.where());
    std::string name(static_cast<std::size_t>(length) + 1, '\0');
    H5Lget_name_by_idx(group.id(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                       H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(length));
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace dermasim::io::h5
