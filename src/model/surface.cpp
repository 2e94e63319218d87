// Skin surface from the collagen state (model in surface.hpp).
#include "dermasim/model/surface.hpp"

#include <algorithm>

#include "dermasim/model/fields.hpp"

namespace dermasim::model {
namespace {

// (1 - a d_xx) on n cells with a = (l/h)^2: no-slope ends, or periodic.
TridiagonalFactor spreading_factor(int n, double a, bool periodic) {
  std::vector<double> lower(n, -a), diag(n, 1.0 + 2.0 * a), upper(n, -a);
  const bool cyclic = periodic && n > 2;
  if (!cyclic) {
    diag.front() -= a;
    diag.back() -= a;
  }
  TridiagonalFactor f;
  f.factor(lower, diag, upper, cyclic);
  return f;
}

}  // namespace

SurfaceSpreading::SurfaceSpreading(const Grid& grid, double smoothing_length)
    : nx_(grid.nx()), ny_(grid.ny()), volumetric_(grid.dimensions() == 3) {
  const double a = smoothing_length * smoothing_length / (grid.spacing() * grid.spacing());
  const bool periodic = grid.lateral_boundary() == LateralBoundary::kPeriodic;
  along_x_ = spreading_factor(nx_, a, periodic);
  if (volumetric_) along_y_ = spreading_factor(ny_, a, periodic);
}

void SurfaceSpreading::apply(std::vector<double>& v) const {
  along_x_.solve(v.data(), 1, static_cast<std::size_t>(ny_), nx_);
  if (volumetric_) along_y_.solve(v.data(), nx_, static_cast<std::size_t>(nx_), 1);
}

ColumnVolume::ColumnVolume(const FieldSet& initial, const std::vector<double>& row_collagen,
                           double excess_volume_share)
    : grid_(initial.grid()), excess_share_(excess_volume_share) {
  const std::size_t per_row = grid_.cells_per_row();
  inv_row_collagen_.assign(grid_.nz(), 0.0);
  full_share_.assign(grid_.cells(), 0.0);
  const double* ci = initial[kCollagenImmature].data();
  const double* cm = initial[kCollagenMature].data();
  for (int k = 0; k < grid_.nz(); ++k) {
    if (!(row_collagen[k] > 0.0)) continue;
    inv_row_collagen_[k] = 1.0 / row_collagen[k];
    for (std::size_t c = k * per_row; c < (k + 1) * per_row; ++c)
      full_share_[c] = std::max(0.0, (ci[c] + cm[c]) * inv_row_collagen_[k] - 1.0);
  }
}

std::vector<double> ColumnVolume::operator()(const FieldSet& state) const {
  const std::size_t per_row = grid_.cells_per_row();
  const double h = grid_.spacing();
  const double* ci = state[kCollagenImmature].data();
  const double* cm = state[kCollagenMature].data();
  std::vector<double> v(per_row, 0.0);
  for (int k = 0; k < grid_.nz(); ++k) {
    const double inv = inv_row_collagen_[k];
    if (inv == 0.0) continue;
    const std::size_t base = k * per_row;
    for (std::size_t p = 0; p < per_row; ++p) {
      const double rel = (ci[base + p] + cm[base + p]) * inv - 1.0;
      const double full = full_share_[base + p];
      v[p] += (rel <= full ? rel : full + excess_share_ * (rel - full)) * h;
    }
  }
  return v;
}

}  // namespace dermasim::model
