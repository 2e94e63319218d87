// Lock holders (see file_lock.hpp).
#include "dermasim/io/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "dermasim/io/file_error.hpp"

namespace dermasim::io {
namespace {

std::string command_line(long pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && text.back() == '\0') text.pop_back();
  for (char& c : text) c = c == '\0' ? ' ' : c;
  return escape_name(text);
}

}  // namespace

std::string lock_holder(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  char device[64];
  std::snprintf(device, sizeof device, "%02x:%02x:%lu", major(st.st_dev), minor(st.st_dev),
                static_cast<unsigned long>(st.st_ino));
  // Lines read "1: FLOCK  ADVISORY  WRITE 1234 00:2e:56789 0 EOF"; waiters carry "->".
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    std::istringstream fields(line);
    std::string number, kind, mode, access, id;
    long pid = 0;
    fields >> number >> kind;
    if (kind == "->") continue;
    fields >> mode >> access >> pid >> id;
    if (kind != "FLOCK" || id != device || pid <= 0) continue;
    const std::string command = command_line(pid);
    return " (pid " + std::to_string(pid) + (command.empty() ? "" : ": " + command) + ")";
  }
  return "";
}

void refuse_if_locked(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;  // absent or unreadable: HDF5 reports it when it tries
  const bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);  // releases the probe's own lock, if it got one
  if (busy) {
    throw FileError(path.string(),
                    "another dermasim process is writing it" + lock_holder(path) +
                        "; wait for it to finish, or write elsewhere",
                    FileError::Fault::busy);
  }
}

}  // namespace dermasim::io
