// Output paths and the pre-flight check of a results file (see results_writer.hpp).
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/io/results_writer.hpp"

namespace dermasim::io {
namespace fs = std::filesystem;
namespace {

std::string megabytes(std::uintmax_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}

// Creating and removing a probe file is the only reliable test that a directory accepts new
// files: access(2) ignores read-only mounts' subtleties, ACLs and root's privileges. The name
// is unique within the process too: a sweep's runs probe one directory from several threads,
// and a shared name made one of them fail with "file exists".
void probe_writable(const fs::path& directory) {
  static std::atomic<unsigned long> probes{0};
  const fs::path probe = directory / (".dermasim-probe-" + std::to_string(getpid()) + "-" +
                                      std::to_string(probes.fetch_add(1)));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    throw FileError(directory.string(), "output directory is not writable: " + os_reason(errno) +
                                            "; choose another -o, or fix it");
  }
  ::close(fd);
  ::unlink(probe.c_str());
}

}  // namespace

fs::path partial_path(const fs::path& out) {
  fs::path partial = out;
  partial += ".partial";
  return partial;
}

fs::path xdmf_path(const fs::path& out) {
  fs::path sidecar = out;
  sidecar.replace_extension(".xdmf");
  return sidecar;
}

void preflight_output(const fs::path& out, bool overwrite, std::uintmax_t expected_bytes) {
  if (out.empty() || out.filename().empty()) {
    throw IoError("output path '" + out.string() + "' does not name a file");
  }
  const fs::path directory = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    throw IoError("output directory '" + directory.string() + "' does not exist");
  }
  const fs::file_status status = fs::status(out, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status)) {
      throw IoError("output path '" + out.string() + "' is a directory");
    }
    if (!overwrite) {
      throw IoError("output file '" + out.string() +
                    "' already exists; use --force to overwrite it");
    }
  }
  probe_writable(directory);
  if (expected_bytes > 0) {
    const fs::space_info space = fs::space(directory, ec);
    if (!ec && space.available < expected_bytes) {
      throw IoError("not enough disk space in '" + directory.string() + "': the results need " +
                    megabytes(expected_bytes) + ", " + megabytes(space.available) + " free");
    }
  }
}

}  // namespace dermasim::io
