// The field snapshots of a results file: /fields/time_days and one extendible float32
// dataset (S, nz[, ny], nx) per field, one chunk per snapshot, shuffle + deflate. Chunks are
// encoded by shuffle_deflate (chunk_codec.hpp), in parallel across fields, and written in
// field order, so the file never depends on the thread count.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/io/hdf5_handle.hpp"
#include "dermasim/io/xdmf.hpp"

namespace dermasim::io {

class SnapshotSeries {
 public:
  /// An empty series in `fields_group` (taken over); the field datasets are created by the
  /// first append. `gzip_level` 0 stores plain chunks, 1..9 shuffles and deflates; `threads`
  /// fields are encoded at a time.
  static SnapshotSeries create(h5::Handle fields_group, int gzip_level, Threads threads);
  /// The series already in `fields_group`, cut back to its first `keep` snapshots, to be
  /// continued (resumed run). Existing datasets keep their storage: `gzip_level` applies
  /// when they are compressed (or when none exists yet).
  static SnapshotSeries reopen(h5::Handle fields_group, std::size_t keep, double spacing_mm,
                               int gzip_level, Threads threads);

  /// Appends one snapshot of every field. The first append fixes the field list and grid;
  /// later ones must match it (by name, any order on a reopened series) and not go back in
  /// time. Throws Error on mismatch, IoError on HDF5 failure.
  void append(double time_days, const FieldSet& fields);

  std::size_t size() const { return times_.size(); }

  /// Peak scratch memory of one append, in bytes, for the run's memory estimate: each of
  /// min(fields, threads) encoders holds a float32 copy, its shuffled bytes and the
  /// deflate output (about 12 bytes per cell) plus zlib's state (about 0.3 MB).
  static std::size_t scratch_bytes(std::size_t cells, int fields, int threads);
  /// The sidecar description of the series (`h5_file_name` as it should appear in it).
  XdmfSeries xdmf(const std::string& h5_file_name) const;
  /// Releases every handle without closing it (ResultsWriter::abandon).
  void abandon() noexcept;

 private:
  struct Dataset {
    std::string name;
    h5::Handle handle;
  };
  void create_datasets(const FieldSet& fields);
  void order_like(const FieldSet& fields);
  void write_fields(const FieldSet& fields);

  h5::Handle group_;  // /fields
  int gzip_level_ = 0;
  Threads threads_{1};       // encoders
  bool encoded_ = false;     // chunks go through shuffle_deflate + H5Dwrite_chunk
  bool checksummed_ = true;  // Fletcher32 after the other filters
  h5::Handle times_dataset_;
  std::vector<double> times_;
  std::vector<Dataset> datasets_;   // in the FieldSet's order once appended to
  std::vector<std::size_t> shape_;  // one snapshot: (nz, nx) or (nz, ny, nx)
  double spacing_mm_ = 0.0;
};

}  // namespace dermasim::io
