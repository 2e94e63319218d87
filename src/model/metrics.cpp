// Metrics of docs/model.md from a state (definitions in metrics.hpp).
#include "dermasim/model/metrics.hpp"

#include "dermasim/core/parallel.hpp"
#include "dermasim/model/fields.hpp"
#include "dermasim/model/layers.hpp"

namespace dermasim::model {
namespace {

const std::array<MetricInfo, kMetricCount> kInfos = {{
    {"scar_depth_mm", "mm",
     "depth of the scar below the reference surface (height above it for hypertrophic)"},
    {"scar_deficit_mm2", "mm2",
     "area between the reference surface and the scar profile (mm3 in 3D)"},
    {"improvement_pct", "%", "100 (1 - deficit / initial deficit); 0 without a scar"},
    {"collagen_papillary_rel", "1", "papillary dermis collagen relative to its baseline"},
    {"collagen_reticular_rel", "1", "reticular dermis collagen relative to its baseline"},
    {"collagen_type3_fraction", "1", "type III share of collagen in the treated zone"},
    {"fibroblasts_rel", "1", "treated-zone mean fibroblast density / F0"},
    {"myofibroblasts_rel", "1", "treated-zone mean myofibroblast density / F0"},
    {"growth_factor_peak", "ng/mL", "largest growth factor concentration in the domain"},
    {"inflammation_mean", "1", "treated-zone mean inflammation (1 = acute peak)"},
    {"pih_risk_index", "day",
     "Fitzpatrick-weighted mean epidermal inflammation dose above threshold"},
    {"fibrosis_flag", "1", "1 if the autocrine growth factor loop is above threshold anywhere"},
    {"elastin_rel", "1", "treated-zone elastin relative to its value at the start"},
}};

bool is_dermis(Layer l) {
  return l == Layer::kPapillary || l == Layer::kReticular;
}

// Resting collagen of the dermal rows (0 elsewhere): the surface counts dermal volume only.
std::vector<double> dermal_row_collagen(const TissueModel& model) {
  std::vector<double> c = model.row_collagen();
  for (int k = 0; k < model.grid().nz(); ++k)
    if (!is_dermis(layer_of(model.grid(), k))) c[k] = 0.0;
  return c;
}

}  // namespace

const std::array<MetricInfo, kMetricCount>& metric_infos() {
  return kInfos;
}

MetricsCalculator::MetricsCalculator(const TissueModel& model, double treated_depth,
                                     const FieldSet& initial, Threads threads)
    : grid_(model.grid()),
      threads_(threads),
      scar_(model.scar()),
      footprint_(scar_footprint(grid_, scar_)),
      volume_(initial, dermal_row_collagen(model),
              model.parameters()[ParamId::surface_excess_volume_share]),
      spreading_(grid_, model.parameters()[ParamId::surface_smoothing_length]) {
  const int nz = grid_.nz();
  const double per_row = static_cast<double>(grid_.cells_per_row());
  treated_row_.assign(nz, 0);
  papillary_row_.assign(nz, 0);
  reticular_row_.assign(nz, 0);
  epidermal_row_.assign(nz, 0);
  double treated_rows = 0.0, epidermal_rows = 0.0;
  for (int k = 0; k < nz; ++k) {
    const Layer l = layer_of(grid_, k);
    const double cbar = model.row_collagen()[k];
    papillary_row_[k] = l == Layer::kPapillary;
    reticular_row_[k] = l == Layer::kReticular;
    epidermal_row_[k] = l == Layer::kEpidermis;
    treated_row_[k] = is_dermis(l) && (treated_depth <= 0.0 || grid_.z(k) < treated_depth);
    if (papillary_row_[k]) papillary_baseline_ += cbar * per_row;
    if (reticular_row_[k]) reticular_baseline_ += cbar * per_row;
    treated_rows += treated_row_[k];
    epidermal_rows += epidermal_row_[k];
  }
  treated_cells_ = treated_rows * per_row;
  epidermal_cells_ = epidermal_rows * per_row;
  const ParameterSet& p = model.parameters();
  inv_f0_ = 1.0 / model.baseline().fibroblasts_dermis;
  pih_weight_ = fitzpatrick_weight(model.skin().fitzpatrick, p);
  gain_per_cell_ =
      p[ParamId::growth_factor_autocrine_secretion] /
      (p[ParamId::growth_factor_autocrine_half_saturation] * p[ParamId::growth_factor_decay_rate]);
  eta_m_ = p[ParamId::growth_factor_myofibroblast_weight];
  deficit0_ = measure_scar(grid_, scar_, footprint_, elevation(initial)).deficit;
  elastin0_ = zone_sums(initial)[kTreatedElastin];
}

MetricsCalculator::ZoneSums MetricsCalculator::zone_sums(const FieldSet& state) const {
  const std::size_t per_row = grid_.cells_per_row();
  const double* ci = state[kCollagenImmature].data();
  const double* cm = state[kCollagenMature].data();
  const double* fib = state[kFibroblasts].data();
  const double* myo = state[kMyofibroblasts].data();
  const double* infl = state[kInflammation].data();
  const double* elastin = state[kElastin].data();
  const double* dose = state[kPihDose].data();
  // Each zone is a set of z rows: a block is walked row piece by row piece, and a piece adds to
  // the sums of the zones its row belongs to.
  auto add_block = [&](std::size_t first, std::size_t last, std::array<double, kZoneSums>& s) {
    for (std::size_t begin = first; begin < last;) {
      const std::size_t row = begin / per_row;
      const std::size_t end = std::min(last, (row + 1) * per_row);
      if (papillary_row_[row]) {
        for (std::size_t c = begin; c < end; ++c) {
          s[kPapillaryImmature] += ci[c];
          s[kPapillaryMature] += cm[c];
        }
      }
      if (reticular_row_[row]) {
        for (std::size_t c = begin; c < end; ++c) {
          s[kReticularImmature] += ci[c];
          s[kReticularMature] += cm[c];
        }
      }
      if (treated_row_[row]) {
        for (std::size_t c = begin; c < end; ++c) {
          s[kTreatedImmature] += ci[c];
          s[kTreatedMature] += cm[c];
          s[kTreatedFibroblasts] += fib[c];
          s[kTreatedMyofibroblasts] += myo[c];
          s[kTreatedInflammation] += infl[c];
          s[kTreatedElastin] += elastin[c];
        }
      }
      if (epidermal_row_[row]) {
        for (std::size_t c = begin; c < end; ++c) s[kEpidermalDose] += dose[c];
      }
      begin = end;
    }
  };
  return deterministic_sums<kZoneSums>(threads_, grid_.cells(), add_block);
}

std::vector<double> MetricsCalculator::elevation(const FieldSet& state) const {
  std::vector<double> e = volume_(state);
  spreading_.apply(e);
  return e;
}

MetricValues MetricsCalculator::compute(const FieldSet& state) const {
  MetricValues m{};
  const ScarShape shape = measure_scar(grid_, scar_, footprint_, elevation(state));
  m[kScarDepth] = shape.depth;
  m[kScarDeficit] = shape.deficit;
  m[kImprovement] = deficit0_ != 0.0 ? 100.0 * (1.0 - shape.deficit / deficit0_) : 0.0;

  const std::size_t n = grid_.cells();
  const double* fib = state[kFibroblasts].data();
  const double* myo = state[kMyofibroblasts].data();
  const ZoneSums s = zone_sums(state);
  const double pap = s[kPapillaryImmature] + s[kPapillaryMature];
  const double ret = s[kReticularImmature] + s[kReticularMature];
  m[kCollagenPapillaryRel] = papillary_baseline_ > 0.0 ? pap / papillary_baseline_ : 0.0;
  m[kCollagenReticularRel] = reticular_baseline_ > 0.0 ? ret / reticular_baseline_ : 0.0;
  m[kCollagenType3Fraction] = type3_fraction(s[kTreatedImmature], s[kTreatedMature]);
  const double inv_treated = treated_cells_ > 0.0 ? 1.0 / treated_cells_ : 0.0;
  m[kFibroblastsRel] = s[kTreatedFibroblasts] * inv_treated * inv_f0_;
  m[kMyofibroblastsRel] = s[kTreatedMyofibroblasts] * inv_treated * inv_f0_;
  m[kGrowthFactorPeak] =
      parallel_max(threads_, n, [&](std::size_t c) { return state[kGrowthFactor][c]; });
  m[kInflammationMean] = s[kTreatedInflammation] * inv_treated;
  m[kPihRiskIndex] =
      epidermal_cells_ > 0.0 ? pih_weight_ * s[kEpidermalDose] / epidermal_cells_ : 0.0;
  const double gain = gain_per_cell_ * parallel_max(threads_, n, [&](std::size_t c) {
                        return fib[c] + eta_m_ * myo[c];
                      });
  m[kFibrosisFlag] = gain >= 1.0 ? 1.0 : 0.0;
  m[kElastinRel] = elastin0_ > 0.0 ? s[kTreatedElastin] / elastin0_ : 0.0;
  return m;
}

}  // namespace dermasim::model
