// I/O failure messages (see file_error.hpp).
#include "dermasim/io/file_error.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace dermasim::io {

FileError::FileError(std::string file, std::string reason, Fault fault)
    : IoError(escape_name(file) + ": " + reason),
      file_(std::move(file)),
      reason_(std::move(reason)),
      fault_(fault) {}

namespace {

// Length of the valid UTF-8 sequence starting at text[i] (1 for ASCII), 0 when invalid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead < 0x80                   ? 1
                             : lead >= 0xc2 && lead < 0xe0 ? 2
                             : lead >= 0xe0 && lead < 0xf0 ? 3
                             : lead >= 0xf0 && lead < 0xf5 ? 4
                                                           : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

std::string escape_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_length(text, i);
    if (length > 1 || (length == 1 && byte >= 0x20 && byte < 0x7f && byte != '\\')) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02x", byte);
    out += hex;
    ++i;
  }
  return out;
}

std::string os_reason(int error_number) {
  switch (error_number) {
    case ENOSPC:
      return "no space left on device";
    case EDQUOT:
      return "disk quota exceeded";
    case EFBIG:
      return "file too large (a size limit of the file system or of the process)";
    case EROFS:
      return "read-only file system";
    case EACCES:
    case EPERM:
      return "permission denied";
    default: {
      std::string text = std::strerror(error_number);
      if (!text.empty()) text[0] = static_cast<char>(std::tolower(text[0]));
      return text;
    }
  }
}

void throw_os_error(const std::filesystem::path& file, std::string_view action, int error_number) {
  const bool full = error_number == ENOSPC || error_number == EDQUOT || error_number == EFBIG;
  throw FileError(file.string(), "cannot " + std::string(action) + ": " + os_reason(error_number),
                  full ? FileError::Fault::no_space : FileError::Fault::other);
}

}  // namespace dermasim::io
