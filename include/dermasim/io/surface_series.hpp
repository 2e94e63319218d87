// The skin surface of every field snapshot: /surface/elevation_mm, float64, one row per
// snapshot ((snapshots, nx) in 2D, (snapshots, ny, nx) in 3D), one checksummed chunk per row.
// The values are the engine's own surface (model::MetricsCalculator::elevation, the one the
// scar metrics measure), so plots show what the metrics saw instead of recomputing it.
#pragma once
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "dermasim/core/grid.hpp"
#include "dermasim/io/hdf5_handle.hpp"

namespace dermasim::io {

class SurfaceSeries {
 public:
  /// An empty series in `surface_group` (taken over); its dataset comes with the first row.
  static SurfaceSeries create(h5::Handle surface_group);
  /// The series of a resumed `file`, cut back to `keep` rows; a file written before surfaces
  /// were recorded has none and gets none (its rows would not match its snapshots).
  static SurfaceSeries reopen(const h5::Handle& file, std::size_t keep);
  /// The group's name in the file's root.
  static constexpr std::string_view kGroup = "surface";

  /// Appends the row of snapshot `snapshot` (0-based): elevation per column of `grid` (nx * ny
  /// values, x fastest), mm. Throws Error when earlier snapshots went without a row.
  void append(const Grid& grid, std::size_t snapshot, std::span<const double> elevation_mm);
  /// Releases the handles without closing them (ResultsWriter::abandon).
  void abandon() noexcept;

 private:
  h5::Handle group_;
  h5::Handle dataset_;
  bool recorded_ = true;
};

}  // namespace dermasim::io
