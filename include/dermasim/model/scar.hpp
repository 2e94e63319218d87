// Acne scars as an initial collagen deficit (atrophic) or excess (hypertrophic) below a
// footprint centred in the domain (MODEL.md "Scars", Jacob, Dover & Kaminer 2001).
//
// The surface profile is volume-equivalent: elevation(x) = sum over dermal rows of
// (C - Cbar(z)) / Cbar(z) * h. A scar prescribes a lateral depth profile d(r) (r = distance
// from the centre: |x - xc| in 2D, the radius in 3D, footprint half-width w/2):
//   icepick       d = depth (1 - r / (w/2))          V-shaped
//   boxcar        d = depth                          flat base, steep walls
//   rolling       d = depth cos^2(pi r / w)          smooth
//   hypertrophic  d = depth cos^2(pi r / w)          raised dome (elevation)
// and removes (adds) a fraction phi of the baseline collagen row by row from the top of the
// papillary dermis until the rows' contributions sum to exactly d, the last row partially.
// So the discrete elevation at the centre column is exactly -depth (+depth), the definition
// the metrics use. Hypertrophic scars also start with myofibroblasts, lower myofibroblast
// apoptosis, and a collagen capacity raised by the same factor as their matrix.
#pragma once
#include "dermasim/core/field.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/skin.hpp"
#include "dermasim/model/specs.hpp"
#include "dermasim/model/tissue_kernel.hpp"

namespace dermasim::model {

/// Where the scar is: centre of the domain's surface and the footprint half-width.
struct ScarFootprint {
  double cx = 0.0, cy = 0.0;  ///< mm
  double half_width = 0.0;    ///< mm
  bool volumetric = false;    ///< 3D: radial distance; 2D: |x - cx|
  double distance(const Grid& g, int i, int j) const;
  bool inside(const Grid& g, int i, int j) const { return distance(g, i, j) <= half_width; }
  /// Reference region: outside twice the footprint.
  bool reference(const Grid& g, int i, int j) const { return distance(g, i, j) > 2.0 * half_width; }
};
ScarFootprint scar_footprint(const Grid& grid, const ScarSpec& scar);

/// Depth (elevation for hypertrophic) of the surface profile at lateral distance r (mm).
double scar_profile(const ScarSpec& scar, double r);

/// Imprints `scar` on a resting state and on the kernel's per-voxel maps. Throws InputError if
/// the domain has no reference region or the dermis is too thin to hold the deficit.
void imprint_scar(const ScarSpec& scar, const TissueBaseline& baseline, const ParameterSet& params,
                  FieldSet& state, CellMaps& maps);

}  // namespace dermasim::model
