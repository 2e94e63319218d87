// The scalar metrics of docs/model.md, computed from a state. All sums are deterministic_sum, so
// values are bitwise identical for any thread count.
//   elevation(x)            = the skin surface above the collagen state (model/surface.hpp:
//                             volume change per column, spread by the skin sheet)         mm
//   ref                     = mean elevation over the reference region (outside 2x footprint)
//   scar_depth_mm           = ref - min elevation in the footprint (atrophic);
//                             max elevation in the footprint - ref (hypertrophic). The surface
//                             is smooth on the scale of the needle pattern, so the extreme is
//                             the scar's, never one column's track dip.
//   scar_deficit_mm2        = sum over footprint columns of (ref - elevation) * column area
//                             (sign flipped for hypertrophic), mm2 in 2D, mm3 in 3D. Only the
//                             footprint: the scar's initial deficit lies there, and the treated
//                             skin around it would add only the track pattern's ripple.
//   improvement_pct         = 100 (1 - deficit / deficit at t = 0)
//   collagen_*_rel          = layer collagen total / layer baseline total
//   collagen_type3_fraction = (0.35 Cim + 0.12 Cm) / C over the treated zone
//   fibroblasts_rel, myofibroblasts_rel, inflammation_mean: treated-zone means (cells / F0)
//   growth_factor_peak      = max G;  pih_risk_index = Fitzpatrick weight x mean epidermal H
//   fibrosis_flag           = 1 if the autocrine loop gain s_GF (F + eta_M M)/(K_auto k_G)
//                             reaches 1 anywhere (G = 0 is then unstable), else 0
//   elastin_rel             = treated-zone elastin / the same at t = 0
// The treated zone is the dermis (papillary and reticular) above the deepest planned
// penetration, across the whole width.
#pragma once
#include <array>
#include <string_view>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/model/scar.hpp"
#include "dermasim/model/surface.hpp"
#include "dermasim/model/tissue.hpp"

namespace dermasim::model {

enum MetricIndex : int {
  kScarDepth = 0,
  kScarDeficit,
  kImprovement,
  kCollagenPapillaryRel,
  kCollagenReticularRel,
  kCollagenType3Fraction,
  kFibroblastsRel,
  kMyofibroblastsRel,
  kGrowthFactorPeak,
  kInflammationMean,
  kPihRiskIndex,
  kFibrosisFlag,
  kElastinRel,
  kMetricCount
};

struct MetricInfo {
  std::string_view name;  ///< HDF5 /metrics dataset name
  std::string_view unit;
  std::string_view description;
};

/// Name, unit and description of every metric, in MetricIndex order. The deficit's unit is
/// mm2 (2D); in 3D it is mm3, see MetricsCalculator::deficit_unit().
const std::array<MetricInfo, kMetricCount>& metric_infos();

using MetricValues = std::array<double, kMetricCount>;

class MetricsCalculator {
 public:
  /// `treated_depth` (mm): deepest planned injury, or <= 0 for the whole dermis.
  /// `initial` is the state at t = 0 (for the deficit reference of improvement_pct). The sums
  /// and maxima over cells run on `threads` threads.
  MetricsCalculator(const TissueModel& model, double treated_depth, const FieldSet& initial,
                    Threads threads);

  MetricValues compute(const FieldSet& state) const;
  /// Surface elevation per column (nx * ny values, x fastest), mm.
  std::vector<double> elevation(const FieldSet& state) const;
  std::string_view deficit_unit() const { return grid_.dimensions() == 3 ? "mm3" : "mm2"; }
  double initial_deficit() const { return deficit0_; }

 private:
  /// The sums over zones (sets of z rows) that compute() takes.
  enum ZoneSum : std::size_t {
    kPapillaryImmature,
    kPapillaryMature,
    kReticularImmature,
    kReticularMature,
    kTreatedImmature,
    kTreatedMature,
    kTreatedFibroblasts,
    kTreatedMyofibroblasts,
    kTreatedInflammation,
    kTreatedElastin,
    kEpidermalDose,
    kZoneSums
  };
  using ZoneSums = std::array<double, kZoneSums>;
  /// Every zone sum of `state`, deterministic, in one pass over the cells.
  ZoneSums zone_sums(const FieldSet& state) const;

  const Grid& grid_;
  Threads threads_;
  ScarSpec scar_;
  ScarFootprint footprint_;
  ColumnVolume volume_;
  SurfaceSpreading spreading_;
  std::vector<unsigned char> treated_row_, papillary_row_, reticular_row_, epidermal_row_;
  double papillary_baseline_ = 0.0, reticular_baseline_ = 0.0;  // mg (x cell volume units)
  double inv_f0_, treated_cells_, epidermal_cells_;
  double pih_weight_;
  double gain_per_cell_;  // s_GF / (K_auto k_G)
  double eta_m_;
  double deficit0_ = 0.0;
  double elastin0_ = 0.0;  // treated-zone elastin at t = 0
};

}  // namespace dermasim::model
