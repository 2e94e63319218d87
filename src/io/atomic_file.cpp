// Atomic file replacement (see atomic_file.hpp).
#include "dermasim/io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "dermasim/io/file_error.hpp"

namespace dermasim::io {
namespace fs = std::filesystem;

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)), temporary_(target_) {
  temporary_ += ".partial";
}

AtomicFile::~AtomicFile() {
  if (done_) return;
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

void sync_path(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw_os_error(path, "open for syncing", errno);
  const int status = ::fsync(fd);
  const int error_number = errno;
  ::close(fd);
  // A directory on some file systems refuses fsync (EINVAL); its rename is then as durable as
  // that file system makes it, which is nothing this program can improve.
  if (status != 0 && !(error_number == EINVAL && fs::is_directory(path))) {
    throw_os_error(path, "sync", error_number);
  }
}

void AtomicFile::write(std::string_view text) {
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw_os_error(target_, "create " + temporary_.filename().string(), errno);
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error_number = errno;
      ::close(fd);
      throw_os_error(target_, "write", error_number);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw_os_error(target_, "write", errno);
}

void replace_file(const fs::path& temporary, const fs::path& target) {
  sync_path(temporary);
  if (std::rename(temporary.c_str(), target.c_str()) != 0) {
    throw_os_error(target, "replace it with " + temporary.filename().string(), errno);
  }
  sync_path(target.has_parent_path() ? target.parent_path() : fs::path("."));
}

void AtomicFile::commit() {
  replace_file(temporary_, target_);
  done_ = true;
}

}  // namespace dermasim::io
