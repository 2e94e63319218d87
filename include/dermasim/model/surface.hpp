// The skin surface above a collagen state: how a local volume change below a column shows at
// the surface.
//
// 1. Column volume change v (mm), ColumnVolume. Collagen below the resting density C̄(z) is
//    missing tissue volume in full, and so is the tissue present at the start (a hypertrophic
//    scar's excess matrix is raised tissue). Collagen deposited above both packs the intact
//    matrix denser and adds only a share eps_V of its volume: needled intact dermis densifies
//    rather than thickens (ultrasound dermal density +102 % at 3 months, Kenkel 2021; dermal
//    thickness change not significant at 6 months, Wu 2022). Per voxel, with r = (C - C̄) / C̄
//    and r0 = max(0, (C(t=0) - C̄) / C̄):
//      v = sum over dermal rows of q(r) h,   q(r) = r (r <= r0),  r0 + eps_V (r - r0) (r > r0),
//    less the pull of a rolling scar's fibrous bands still intact (model/scar.hpp): the
//    smallest scar_tether value along the column's bands, since a band cut anywhere is free.
// 2. Spreading, SurfaceSpreading. Epidermis and dermis are continuous sheets bonded to a
//    compliant foundation (the hypodermis): a sheet under tension T on a Winkler foundation of
//    stiffness K (Hetényi 1946; skin as a stiff layer on a soft substrate, Cerda & Mahadevan
//    2003 Phys Rev Lett 90:074302) takes the shape
//      w - l^2 lap(w) = v,   l = sqrt(T / K) = surface.smoothing_length,
//    with no slope at the domain's sides (or periodic sides). The response to a point change
//    decays as exp(-|x| / l) (2D) or K0(r / l) (3D), so a needle pattern of spacing s is
//    flattened by 1 / (1 + (2 pi l / s)^2) while a scar wider than l keeps its shape, and the
//    operator conserves volume (the sum of w equals the sum of v). In 3D it is applied as
//    (1 - l^2 d_xx)^-1 (1 - l^2 d_yy)^-1, which differs from the isotropic operator at order
//    l^4 only and keeps the solve to one tridiagonal sweep per axis.
#pragma once
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/numerics/tridiagonal.hpp"

namespace dermasim::model {

class SurfaceSpreading {
 public:
  SurfaceSpreading(const Grid& grid, double smoothing_length);
  /// Replaces a column volume change (nx * ny values, x fastest) by the surface it lifts.
  void apply(std::vector<double>& columns) const;

 private:
  int nx_, ny_;
  bool volumetric_;
  TridiagonalFactor along_x_, along_y_;
};

class ColumnVolume {
 public:
  /// `row_collagen`: resting collagen C̄ per z row (0 outside the dermis, which then adds no
  /// volume); `initial`: the state at t = 0 (its tissue keeps its full volume).
  ColumnVolume(const FieldSet& initial, const std::vector<double>& row_collagen,
               double excess_volume_share);
  /// v per column (nx * ny values, x fastest), mm; 0 for the resting state.
  std::vector<double> operator()(const FieldSet& state) const;

 private:
  const Grid& grid_;
  std::vector<double> inv_row_collagen_;  // 1/C̄ per dermal row, 0 elsewhere
  std::vector<double> full_share_;        // r0 per cell
  double excess_share_;
  std::vector<char> band_;  // cells on a rolling scar's fibrous bands at t = 0
  bool tethered_ = false;
};

}  // namespace dermasim::model
