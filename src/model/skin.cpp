// Site presets, age scaling and the homeostatic baseline (equations in skin.hpp).
#include "dermasim/model/skin.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dermasim/core/error.hpp"

namespace dermasim::model {
namespace {

// Varani 2006 compares 18-29 y with 80+ y donors; the age effect is interpolated linearly
// between the middle of the young group and a representative old age.
constexpr double kYoungAge = 25.0;
constexpr double kOldAge = 85.0;

}  // namespace

LayerDepths site_layer_depths(Site site) {
  switch (site) {
    case Site::kCheek:
      return {0.06, 0.30, 1.70};
    case Site::kForehead:
      return {0.05, 0.25, 1.10};
    case Site::kTemple:
      return {0.05, 0.23, 1.00};
    case Site::kBack:
      return {0.08, 0.40, 2.60};
  }
  DERMASIM_UNREACHABLE();
}

AgeFactors age_factors(double age_years, const ParameterSet& params) {
  const double a = std::clamp((age_years - kYoungAge) / (kOldAge - kYoungAge), 0.0, 1.0);
  return {1.0 - params[ParamId::age_fibroblast_loss] * a,
          1.0 - params[ParamId::age_synthesis_loss] * a,
          1.0 - params[ParamId::age_dermis_thinning] * a};
}

double fitzpatrick_weight(int fitzpatrick, const ParameterSet& params) {
  if (fitzpatrick < 1 || fitzpatrick > 6) {
    throw InputError("skin.fitzpatrick: " + std::to_string(fitzpatrick) + " is outside I .. VI");
  }
  return std::exp(params[ParamId::pih_phototype_factor] * (fitzpatrick - 3));
}

TissueBaseline tissue_baseline(const SkinSpec& skin, const ParameterSet& params) {
  TissueBaseline b;
  b.age = age_factors(skin.age_years, params);
  const LayerDepths young = site_layer_depths(skin.site);
  const double papillary = (young.papillary - young.epidermis) * b.age.thickness;
  const double reticular = (young.reticular - young.papillary) * b.age.thickness;
  b.depths = {young.epidermis, young.epidermis + papillary,
              young.epidermis + papillary + reticular};

  const double f0 = params[ParamId::fibroblast_baseline] * b.age.fibroblasts;
  b.fibroblasts_dermis = f0;
  const double fibroblasts[kLayerCount] = {0.0, f0, f0,
                                           f0 * params[ParamId::fibroblast_hypodermis_factor]};
  const double collagen[kLayerCount] = {0.0, params[ParamId::collagen_baseline_papillary],
                                        params[ParamId::collagen_baseline_reticular],
                                        params[ParamId::collagen_baseline_hypodermis]};
  const double k_mat = params[ParamId::collagen_maturation_rate];
  const double k_im = params[ParamId::collagen_immature_degradation];
  const double k_m = params[ParamId::collagen_mature_turnover] * b.age.synthesis;
  const double cap = params[ParamId::collagen_capacity_factor];
  const double capacity[kLayerCount] = {0.0, cap * collagen[2], cap * collagen[2],
                                        cap * collagen[3]};
  const double elastin[kLayerCount] = {0.0, params[ParamId::elastin_baseline_papillary],
                                       params[ParamId::elastin_baseline_reticular], 0.0};
  const double k_e = params[ParamId::elastin_turnover_rate];
  for (int l = 0; l < kLayerCount; ++l) {
    LayerBaseline& layer = b.layers[l];
    layer.fibroblasts = fibroblasts[l];
    // Elastin is made by the dermal fibroblasts and turns over at k_E (MMP-driven, P = 1 at rest).
    layer.elastin = elastin[l];
    layer.elastin_synthesis = elastin[l] > 0.0 ? k_e * elastin[l] / fibroblasts[l] : 0.0;
    layer.collagen = collagen[l];
    layer.mature_turnover = k_m;
    layer.immature = collagen[l] * k_m / (k_mat + k_m);
    layer.mature = collagen[l] - layer.immature;
    layer.capacity = collagen[l] > 0.0 ? capacity[l] : 0.0;
    if (collagen[l] > 0.0) {
      if (!(fibroblasts[l] > 0.0)) {
        throw InputError(
            "homeostasis: the hypodermis holds collagen (collagen.baseline_hypodermis > 0) "
            "but no fibroblasts to maintain it (fibroblast.hypodermis_factor = 0); set one "
            "of them consistently");
      }
      if (!(collagen[l] < capacity[l])) {
        throw InputError(
            "homeostasis: the papillary collagen baseline (collagen.baseline_papillary) is at or "
            "above the dermal capacity collagen.capacity_factor x collagen.baseline_reticular");
      }
      const double room = 1.0 - collagen[l] / capacity[l];
      layer.synthesis = (k_mat + k_im) * layer.immature / (fibroblasts[l] * room);
    }
  }
  return b;
}

}  // namespace dermasim::model
