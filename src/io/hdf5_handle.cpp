// HDF5 handle ownership and error translation (see hdf5_handle.hpp).
#include "dermasim/io/hdf5_handle.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "dermasim/io/file_error.hpp"
#include "dermasim/io/file_lock.hpp"

namespace dermasim::io::h5 {
namespace {

// What HDF5's error stack says about a failure, gathered from every entry: the innermost
// description, and the facts that decide what the user is told.
struct StackFacts {
  std::string innermost;
  int error_number = 0;  // the errno an I/O entry reports ("errno = 28")
  bool lock = false;
  bool checksum = false;
  bool truncated = false;
  bool signature = false;
};

herr_t gather(unsigned n, const H5E_error2_t* err, void* out) {
  auto* facts = static_cast<StackFacts*>(out);
  if (err->desc == nullptr) return 0;
  const std::string_view desc = err->desc;
  if (n == 0) facts->innermost = desc;
  if (const auto at = desc.find("errno = "); at != std::string_view::npos && !facts->error_number) {
    facts->error_number = std::atoi(desc.data() + at + 8);
  }
  facts->lock |= desc.find("unable to lock file") != std::string_view::npos;
  facts->checksum |= desc.find("Fletcher32") != std::string_view::npos ||
                     desc.find("checksum") != std::string_view::npos;
  facts->truncated |= desc.find("truncated file") != std::string_view::npos;
  facts->signature |= desc.find("file signature not found") != std::string_view::npos;
  return 0;
}

// DERMASIM_HDF5_ERRORS=1 prints HDF5's own error stack (for a bug report) before the one line.
bool verbose() {
  const char* value = std::getenv("DERMASIM_HDF5_ERRORS");
  return value != nullptr && *value != '\0' && std::string_view(value) != "0";
}

StackFacts take_stack() {
  StackFacts facts;
  if (verbose()) H5Eprint2(H5E_DEFAULT, stderr);
  // Upward: entry 0 is the innermost one, which says what actually went wrong.
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, gather, &facts);
  H5Eclear2(H5E_DEFAULT);
  return facts;
}

std::pair<std::string, FileError::Fault> reason_for(const StackFacts& facts,
                                                    const std::string& file,
                                                    std::string_view object) {
  using Fault = FileError::Fault;
  if (facts.lock) {
    return {"another dermasim process is writing it" + lock_holder(file) +
                "; wait for it to finish, or write elsewhere",
            Fault::busy};
  }
  if (facts.checksum) {
    return {"damaged: the checksum of " + (object.empty() ? "its data" : escape_name(object)) +
                " does not match its data; use an intact copy, or run again",
            Fault::damaged};
  }
  if (facts.truncated) {
    return {
        "damaged: truncated (shorter than its own header says); use an intact copy, or run again",
        Fault::damaged};
  }
  if (facts.error_number != 0) {
    const Fault fault =
        facts.error_number == ENOSPC || facts.error_number == EDQUOT || facts.error_number == EFBIG
            ? Fault::no_space
            : Fault::other;
    return {os_reason(facts.error_number), fault};
  }
  if (facts.signature) return {"not an HDF5 file", Fault::other};
  return {escape_name(facts.innermost.empty() ? "HDF5 gave no reason" : facts.innermost),
          Fault::other};
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

// HDF5's exit handler closes every file still open. A file whose close failed (a full disk)
// stays in HDF5's tables half torn down, and closing it again at exit crashes (SIGSEGV after
// the error message). Every file dermasim completes is closed explicitly, so the handler has
// nothing to do that is worth the crash; it is switched off before HDF5 is first used.
[[maybe_unused]] const bool kNoExitHandler = H5dont_atexit() >= 0;

void silence_hdf5_errors() {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

void fail(std::string_view action, std::string_view where) {
  const StackFacts facts = take_stack();
  // `where` is "file:/object" for objects inside a file, the bare path for a file itself.
  const std::size_t colon = where.find(":/");
  const std::string file(where.substr(0, colon));
  const std::string_view object = colon == std::string_view::npos ? "" : where.substr(colon + 1);
  auto [reason, fault] = reason_for(facts, file, object);
  std::string what = "cannot " + std::string(action);
  if (!object.empty() && object != "/") what += " " + escape_name(object);
  throw FileError(file, what + ": " + reason, fault);
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
