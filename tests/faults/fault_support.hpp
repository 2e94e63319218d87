// Helpers of the fault-injection tier: a directory that fills up (a size-limited tmpfs when
// the tests run as root, else RLIMIT_FSIZE on the child), bytes flipped inside a named
// dataset, and a bitwise comparison of the series of two results files.
#pragma once
#include <fcntl.h>
#include <hdf5.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_writer.hpp"
#include "regression/cli_support.hpp"

namespace dermasim::testing {

namespace fs = std::filesystem;

/// The CI preset every fault test runs (seconds on one thread).
inline std::string ci_preset() {
  return preset("ci/boxcar-standard-ci.yaml").string();
}

/// One line of stderr that starts with "error: " and nothing else of note.
inline bool one_error_line(const std::string& output) {
  const auto at = output.find("error: ");
  if (at == std::string::npos) return false;
  const std::string rest = output.substr(at);
  return rest.find('\n') == rest.size() - 1 && rest.find("HDF5-DIAG") == std::string::npos;
}

/// The error line of `output` (empty if none), for failure messages and finds.
inline std::string error_line(const std::string& output) {
  const auto at = output.find("error: ");
  return at == std::string::npos ? "" : output.substr(at);
}

/// A directory that holds `bytes` at most: a tmpfs of that size when mount(2) is allowed (root
/// in CI), otherwise a plain directory whose child gets RLIMIT_FSIZE of 1 MiB, with SIGXFSZ
/// ignored so that writes fail with EFBIG instead of killing it. The limit is per file, so it
/// is below the size of one results file of the CI preset (1.8 MB) and above one checkpoint
/// (0.7 MB). DERMASIM_FAULTS_NO_MOUNT=1 forces the second way (to test it as root).
class SmallDisk {
 public:
  SmallDisk(const std::string& name, std::size_t bytes) : dir_(scratch_directory(name)) {
    const std::string options = "size=" + std::to_string(bytes);
    const char* no_mount = std::getenv("DERMASIM_FAULTS_NO_MOUNT");
    if (no_mount == nullptr || std::string(no_mount) != "1") {
      tmpfs_ = ::mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
  }
  ~SmallDisk() {
    if (tmpfs_) ::umount2(dir_.c_str(), MNT_DETACH);
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  const fs::path& dir() const { return dir_; }
  bool tmpfs() const { return tmpfs_; }

  /// "Frees space": the tmpfs grows to 256 MiB, or the file size limit is lifted.
  void grow() {
    if (tmpfs_) {
      ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, "size=256m");
    } else {
      bytes_ = 0;
    }
  }

  /// Runs `dermasim args` with output captured, under the file size limit if not tmpfs.
  CommandResult run(const std::string& args) const {
    std::string command = dermasim(args);
    if (!tmpfs_ && bytes_ > 0) {
      // popen's shell applies the limit to its child only; trap '' XFSZ ignores the signal,
      // and dermasim inherits that, so a write past the limit fails with EFBIG.
      command = "trap '' XFSZ; ulimit -f " + std::to_string(bytes_ / 512) + "; " + command;
    }
    return run_command(command);
  }

 private:
  fs::path dir_;
  std::size_t bytes_ = 1 << 20;  // the per-file limit when there is no tmpfs
  bool tmpfs_ = false;
};

/// File offset of the raw bytes of `dataset` in `file`: the contiguous storage, or chunk
/// `chunk` of a chunked dataset.
inline haddr_t data_offset(const fs::path& file, const std::string& dataset, hsize_t chunk = 0) {
  const io::h5::Handle f = io::h5::open_file(file.string(), false);
  const io::h5::Handle d = io::h5::open_dataset(f, dataset);
  const haddr_t contiguous = H5Dget_offset(d.id());
  if (contiguous != HADDR_UNDEF) return contiguous;
  hsize_t offset[4] = {};
  unsigned mask = 0;
  haddr_t address = HADDR_UNDEF;
  hsize_t size = 0;
  const hid_t space = H5Dget_space(d.id());
  const herr_t found = H5Dget_chunk_info(d.id(), space, chunk, offset, &mask, &address, &size);
  H5Sclose(space);
  if (found < 0 || address == HADDR_UNDEF) throw std::runtime_error("no chunk in " + dataset);
  return address + size / 2;
}

/// Flips one bit of the byte at `offset`.
inline void flip_bit(const fs::path& file, std::uintmax_t offset) {
  std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
  io.seekg(static_cast<std::streamoff>(offset));
  char byte = 0;
  io.get(byte);
  io.seekp(static_cast<std::streamoff>(offset));
  io.put(static_cast<char>(byte ^ 0x10));
}

/// The raw bytes of a whole dataset, in its file type.
inline std::vector<unsigned char> dataset_bytes(const io::h5::Handle& file,
                                                const std::string& name) {
  const io::h5::Handle d = io::h5::open_dataset(file, name);
  const hid_t type = H5Dget_type(d.id());
  const hid_t space = H5Dget_space(d.id());
  std::vector<unsigned char> bytes(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)) *
                                   H5Tget_size(type));
  if (!bytes.empty()) H5Dread(d.id(), type, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
  H5Sclose(space);
  H5Tclose(type);
  return bytes;
}

/// "" when every field, metric and event of `a` and `b` is bitwise equal, else what differs.
inline std::string series_difference(const fs::path& a, const fs::path& b) {
  const io::h5::Handle fa = io::h5::open_file(a.string(), false);
  const io::h5::Handle fb = io::h5::open_file(b.string(), false);
  std::string differences;
  for (const char* group : {"fields", "metrics"}) {
    const io::h5::Handle ga = io::h5::open_group(fa, group);
    const auto names = io::h5::link_names(ga);
    if (names != io::h5::link_names(io::h5::open_group(fb, group))) differences += group;
    for (const std::string& name : names) {
      const std::string path = std::string(group) + "/" + name;
      if (dataset_bytes(fa, path) != dataset_bytes(fb, path)) differences += " " + path;
    }
  }
  if (dataset_bytes(fa, "events") != dataset_bytes(fb, "events")) differences += " events";
  return differences;
}

}  // namespace dermasim::testing
