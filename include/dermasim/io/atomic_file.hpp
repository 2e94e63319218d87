// Atomic replacement of a file, shared by every writer (checkpoint, results, XDMF sidecar,
// sweep summaries): write "<target>.partial", then commit() syncs it to disk, renames it over
// the target and syncs the directory, so that after a crash or a full disk the target holds
// either the old complete file or the new complete one, never a mixture. A temporary that is
// not committed (the write failed) is removed, freeing the space it took.
#pragma once
#include <filesystem>
#include <string_view>

namespace dermasim::io {

class AtomicFile {
 public:
  /// Nothing is created yet: the caller writes temporary() by whatever means it has.
  explicit AtomicFile(std::filesystem::path target);
  /// Removes the temporary unless commit() or keep() was called; never throws.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temporary() const { return temporary_; }

  /// Writes `text` as the whole temporary (write(2), every failure checked). Throws FileError
  /// naming the target.
  void write(std::string_view text);
  /// fsync(temporary), rename(temporary, target), fsync(directory). Throws FileError naming
  /// the target; the temporary is then removed by the destructor.
  void commit();
  /// Leaves the temporary in place on destruction (a results file kept for --resume).
  void keep() { done_ = true; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  bool done_ = false;
};

/// fsync of a file or directory by path; throws FileError (action "sync").
void sync_path(const std::filesystem::path& path);

/// What commit() does, for a temporary that must survive a failure (a results file's
/// .partial, which --resume continues): sync, rename over `target`, sync the directory.
void replace_file(const std::filesystem::path& temporary, const std::filesystem::path& target);

}  // namespace dermasim::io
