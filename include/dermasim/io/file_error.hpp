// I/O failures as the user sees them: one line "FILE: what happened", built from the parts a
// caller may want to reword (the driver says "while writing snapshot 12 (day 84)" and what to
// do next). Raw bytes from a damaged file are never printed: names are escaped first.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "dermasim/core/error.hpp"

namespace dermasim::io {

/// An IoError that knows the file it concerns and the bare reason ("no space left on device").
class FileError : public IoError {
 public:
  /// The faults callers treat differently (a full disk stops a sweep; damage is reported).
  enum class Fault { other, no_space, busy, damaged };

  /// what() is "<file>: <reason>" (the file escaped).
  FileError(std::string file, std::string reason, Fault fault = Fault::other);
  const std::string& file() const { return file_; }
  const std::string& reason() const { return reason_; }
  Fault fault() const { return fault_; }

 private:
  std::string file_;
  std::string reason_;
  Fault fault_;
};

/// `text` with control bytes, bytes that are not valid UTF-8, and the backslash written as
/// \xNN: names read from a damaged file reach the terminal as text, never as raw bytes.
std::string escape_name(std::string_view text);

/// The operating system's reason for `error_number`, lower case ("no space left on device"),
/// with a hint for the faults a run meets in practice (a full disk, a read-only directory).
std::string os_reason(int error_number);

/// Throws FileError(file, "cannot <action>: " + os_reason(error_number)).
[[noreturn]] void throw_os_error(const std::filesystem::path& file, std::string_view action,
                                 int error_number);

}  // namespace dermasim::io
