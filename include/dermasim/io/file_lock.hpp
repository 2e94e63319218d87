// Who holds the lock of a file being written. HDF5 locks a file it writes with flock(2); a
// second writer is refused. These functions tell the user which process holds the lock
// (from /proc/locks, where Linux lists the holder's pid) and let a writer find out before
// HDF5 truncates a file that another process is still writing.
#pragma once
#include <filesystem>
#include <string>

namespace dermasim::io {

/// " (pid N: COMMAND LINE)" of the process holding a flock on `path`, or "" when unknown.
std::string lock_holder(const std::filesystem::path& path);

/// Throws FileError (fault busy) when `path` exists and another process holds its flock,
/// without modifying the file.
void refuse_if_locked(const std::filesystem::path& path);

}  // namespace dermasim::io
