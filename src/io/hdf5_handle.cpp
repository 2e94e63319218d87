// HDF5 handle ownership and error translation (see hdf5_handle.hpp).
#include "dermasim/io/hdf5_handle.hpp"

#include <utility>

#include "dermasim/core/error.hpp"

namespace dermasim::io::h5 {
namespace {

// H5Ewalk2 visits the stack from the innermost error upward when asked to; the innermost
// entry is the one that says what actually went wrong ("file signature not found").
herr_t take_innermost(unsigned n, const H5E_error2_t* err, void* out) {
  auto* text = static_cast<std::string*>(out);
  if (n == 0 && err->desc != nullptr) *text = err->desc;
  return 0;
}

std::string innermost_reason() {
  std::string reason;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, take_innermost, &reason);
  H5Eclear2(H5E_DEFAULT);
  return reason;
}

}  // namespace

void Handle::reset() noexcept {
  if (id_ >= 0 && closer_ != nullptr) closer_(id_);
  id_ = H5I_INVALID_HID;
}

void Handle::swap(Handle& other) noexcept {
  std::swap(id_, other.id_);
  std::swap(closer_, other.closer_);
  std::swap(where_, other.where_);
}

void Handle::close() {
  if (id_ < 0) return;
  const hid_t id = std::exchange(id_, H5I_INVALID_HID);
  check(closer_(id), "close", where_);
}

void silence_hdf5_errors() {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

void fail(std::string_view action, std::string_view where) {
  std::string message = "HDF5: cannot " + std::string(action) + " " + std::string(where);
  const std::string reason = innermost_reason();
  if (!reason.empty()) message += ": " + reason;
  throw IoError(message);
}

hid_t check_id(hid_t id, std::string_view action, std::string_view where) {
  if (id < 0) fail(action, where);
  return id;
}

void check(herr_t status, std::string_view action, std::string_view where) {
  if (status < 0) fail(action, where);
}

std::string child_where(const Handle& parent, std::string_view name) {
  const std::string& base = parent.where();
  if (!base.empty() && base.back() == '/') return base + std::string(name);
  return base + "/" + std::string(name);
}

}  // namespace dermasim::io::h5
