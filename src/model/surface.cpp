// Skin surface from the collagen state (model in surface.hpp).
#include "dermasim/model/surface.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "dermasim/model/fields.hpp"

namespace dermasim::model {

SurfaceSpreading::SurfaceSpreading(const Grid& grid, double smoothing_length)
    : nx_(grid.nx()), ny_(grid.ny()), volumetric_(grid.dimensions() == 3) {
  const double a = smoothing_length * smoothing_length / (grid.spacing() * grid.spacing());
  const bool periodic = grid.lateral_boundary() == LateralBoundary::kPeriodic;
  along_x_ = second_difference_factor(static_cast<std::size_t>(nx_), a, periodic);
  if (volumetric_) along_y_ = second_difference_factor(static_cast<std::size_t>(ny_), a, periodic);
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
  const double* tether = initial[kScarTether].data();
  band_.assign(grid_.cells(), 0);
  for (std::size_t c = 0; c < grid_.cells(); ++c) {
    band_[c] = tether[c] > 0.0 ? 1 : 0;
    tethered_ = tethered_ || band_[c];
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
  if (tethered_) {
    // A band is released where it is cut anywhere along its length: each column sinks by the
    // smallest pull left along its bands.
    const double* tether = state[kScarTether].data();
    std::vector<double> pull(per_row, std::numeric_limits<double>::infinity());
    for (std::size_t c = 0; c < grid_.cells(); ++c) {
      if (band_[c]) pull[c % per_row] = std::min(pull[c % per_row], tether[c]);
    }
    for (std::size_t p = 0; p < per_row; ++p) {
      if (std::isfinite(pull[p])) v[p] -= pull[p];
    }
  }
  return v;
}

}  // namespace dermasim::model
