// Uniform cell-centred grid of a skin cross-section (2D: x, z) or block (3D: x, y, z).
// z is depth below the surface (z = 0 is the skin surface). Storage is C order with x fastest:
// index = (k * ny + j) * nx + i. A 2D grid is a 3D grid with ny = 1, so kernels serve both.
// Each z row carries a small label that the model assigns (its tissue layers); the grid does
// not know what the labels mean.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dermasim {

/// Lateral boundary condition; the surface and the bottom are always no-flux.
enum class LateralBoundary { kNoFlux, kPeriodic };

class Grid {
 public:
  /// nx, ny, nz cells of `spacing_mm` each; `dimensions` is 2 (ny must be 1) or 3.
  /// Throws InputError on non-positive sizes.
  Grid(int dimensions, int nx, int ny, int nz, double spacing_mm,
       LateralBoundary lateral = LateralBoundary::kNoFlux);

  int dimensions() const { return dimensions_; }
  int nx() const { return nx_; }
  int ny() const { return ny_; }
  int nz() const { return nz_; }
  double spacing() const { return spacing_; }  ///< mm
  LateralBoundary lateral_boundary() const { return lateral_; }
  std::size_t cells() const { return static_cast<std::size_t>(nx_) * ny_ * nz_; }
  std::size_t cells_per_row() const { return static_cast<std::size_t>(nx_) * ny_; }  ///< per z row

  std::size_t index(int i, int j, int k) const {
    return (static_cast<std::size_t>(k) * ny_ + j) * nx_ + i;
  }
  /// Strides between neighbours along x, y, z.
  std::size_t stride_x() const { return 1; }
  std::size_t stride_y() const { return static_cast<std::size_t>(nx_); }
  std::size_t stride_z() const { return cells_per_row(); }

  /// Cell-centre coordinates in mm, measured from the domain's corner / the surface.
  double x(int i) const { return (i + 0.5) * spacing_; }
  double y(int j) const { return (j + 0.5) * spacing_; }
  double z(int k) const { return (k + 0.5) * spacing_; }
  double width() const { return nx_ * spacing_; }    ///< mm
  double breadth() const { return ny_ * spacing_; }  ///< mm (3D), spacing in 2D
  double depth() const { return nz_ * spacing_; }    ///< mm
  double cell_volume() const;                        ///< mm^3 in 3D, mm^2 in 2D

  /// The label of each z row; all 0 until set_row_labels_from_depths() is called.
  const std::vector<std::uint8_t>& row_labels() const { return row_labels_; }
  std::uint8_t row_label(int k) const { return row_labels_[k]; }
  /// Labels rows by depth boundaries (mm, increasing): rows whose centre lies above
  /// `bottoms[l]` (and below the previous bottom) get label l, deeper rows bottoms.size().
  void set_row_labels_from_depths(const std::vector<double>& bottoms_mm);

 private:
  int dimensions_;
  int nx_, ny_, nz_;
  double spacing_;
  LateralBoundary lateral_;
  std::vector<std::uint8_t> row_labels_;
};

}  // namespace dermasim
