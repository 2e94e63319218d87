// Acne scars as an initial collagen deficit (atrophic) or excess (hypertrophic) below a
// footprint centred in the domain (docs/model.md "Scars", Jacob, Dover & Kaminer 2001).
//
// The surface above the collagen state is model/surface.hpp's: the column volume change,
// spread by the skin sheet. A scar prescribes a lateral depth profile d(r) (r = distance
// from the centre: |x - xc| in 2D, the radius in 3D, footprint half-width w/2):
//   icepick       d = depth (1 - r / (w/2))          V-shaped
//   boxcar        d = depth                          flat base, steep walls
//   rolling       d = depth cos^2(pi r / w)          smooth
//   hypertrophic  d = depth cos^2(pi r / w)          raised dome (elevation)
// and removes (adds) a fraction phi of the baseline collagen row by row from the top of the
// papillary dermis until the rows' contributions sum to exactly a d(r), the last row partially.
// The skin spreads that column deficit, so the visible scar is shallower than its tissue
// deficit (much shallower for a narrow icepick scar); the amplitude a is the factor that makes
// the visible depth measured by measure_scar equal scar.depth. Hypertrophic scars also start
// with myofibroblasts, lower myofibroblast apoptosis, and a collagen capacity raised by the
// same factor as their matrix.
// A rolling scar is skin of near-normal thickness tethered to the subcutis by fibrous bands
// (Jacob 2001): a share tau = scar.rolling_tether_share of its profile is not missing collagen
// but the bands' pull. The field scar_tether holds that pull (mm) in every voxel of a band,
// from the deficit's base to the bottom of the dermis; a needle track that crosses a band cuts
// it (model/injury.hpp), and the surface sinks only by the pull of the bands still intact
// (model/surface.hpp). Needling and subcision release rolling scars this way (Fernandes 2005;
// Orentreich 1995), which is why they respond at least as well as boxcars.
// An icepick scar is an epithelial tract reaching into the deep dermis (Jacob 2001): below the
// papillary dermis its deficit has no room for new collagen (capacity = the collagen it
// holds), so only its shallow papillary funnel can fill.
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

/// A scar as seen on a surface elevation (nx * ny values, x fastest, mm): `depth` is the
/// largest depth below the reference level (the mean over the reference region) inside the
/// footprint (the largest height above it for hypertrophic scars), `deficit` the volume between
/// the reference level and the surface over the footprint (mm2 in 2D, mm3 in 3D; 0 without a
/// scar).
struct ScarShape {
  double depth = 0.0, deficit = 0.0;
};
ScarShape measure_scar(const Grid& grid, const ScarSpec& scar, const ScarFootprint& footprint,
                       const std::vector<double>& elevation);

/// Imprints `scar` on a resting state and on the kernel's per-voxel maps. Throws InputError if
/// the domain has no reference region or the dermis is too thin to hold the deficit.
void imprint_scar(const ScarSpec& scar, const TissueBaseline& baseline, const ParameterSet& params,
                  FieldSet& state, CellMaps& maps);

}  // namespace dermasim::model
