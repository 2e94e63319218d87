// RAII ownership of HDF5 identifiers and the conversion of HDF5 failures into IoError.
//
// Every HDF5 object (file, group, dataset, dataspace, attribute, datatype, property list) is
// held by a move-only Handle that closes it with the matching H5?close. Each Handle also carries
// `where`, the file and object path ("out.h5:/fields/collagen_mature"), so that a failing call
// throws an io::FileError "out.h5: cannot write /fields/collagen_mature: <reason>", the reason
// read from HDF5's whole error stack (an errno becomes "no space left on device", a refused
// lock "another dermasim process is writing it (pid N: ...)", a failed checksum "damaged: ...").
// DERMASIM_HDF5_ERRORS=1 prints HDF5's own stack to stderr as well, for bug reports. HDF5's own
// printing of its error stack is switched off (H5Eset_auto2, a per-thread setting in thread-safe
// HDF5) by every function that opens or creates a file, group or dataset: errors surface once, as
// exceptions, never as a wall of text on stderr.
#pragma once
#include <hdf5.h>

#include <string>
#include <string_view>

namespace dermasim::io::h5 {

/// Owns one HDF5 identifier; closes it on destruction. Move-only.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  Handle() = default;
  /// Takes ownership of `id` (must be valid), closed with `closer`; `where` names the object.
  Handle(hid_t id, Closer closer, std::string where)
      : id_(id), closer_(closer), where_(std::move(where)) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept { swap(other); }
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      swap(other);
    }
    return *this;
  }
  ~Handle() { reset(); }

  hid_t id() const { return id_; }
  /// "file:/path" of the object, for error messages.
  const std::string& where() const { return where_; }
  explicit operator bool() const { return id_ >= 0; }
  /// Closes now and throws IoError if HDF5 reports a failure (the destructor cannot throw).
  void close();
  /// Forgets the identifier without closing it, so that HDF5 writes nothing more for it: a
  /// file whose write failed (a full disk) stays as it was at its last flush, which resume
  /// can continue, instead of being half-flushed by a close that fails too.
  void release() noexcept { id_ = H5I_INVALID_HID; }

 private:
  void reset() noexcept;
  void swap(Handle& other) noexcept;

  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
  std::string where_;
};

/// Turns off HDF5's automatic printing of its error stack for the calling thread.
void silence_hdf5_errors();

/// Throws io::FileError "<file>: cannot <action> <object>: <reason>" (see above).
[[noreturn]] void fail(std::string_view action, std::string_view where);

/// Returns `id` when valid, else fail(action, where).
hid_t check_id(hid_t id, std::string_view action, std::string_view where);
/// Returns normally when `status` >= 0, else fail(action, where).
void check(herr_t status, std::string_view action, std::string_view where);

/// "<parent where>/<name>", the `where` of a child object.
std::string child_where(const Handle& parent, std::string_view name);

}  // namespace dermasim::io::h5
