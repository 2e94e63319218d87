// The field table of the tissue model (see fields.hpp).
#include "dermasim/model/fields.hpp"

#include "dermasim/core/error.hpp"

namespace dermasim::model {
namespace {

using enum Rest;
using enum Motion;
using enum ScaleUnit;
constexpr std::nullopt_t kNoParameter = std::nullopt;

// Immature collagen rests at ~1 % of the total (k_m / k_mat) but wound deposition raises it by a
// few percent of Cbar, so its tolerance scale is a tenth of Cbar.
constexpr std::array<FieldSpec, kStateFieldCount> kTable = {{
    {kDamage, "damage", "1", "tissue disruption (0 intact, 1 destroyed)", 1.0, kOne, kZero, kNone,
     kNoParameter, kNoParameter, false, "damage.repair_rate_*"},
    {kInflammation, "inflammation", "1",
     "lumped neutrophil/macrophage/cytokine activity (1 = acute peak)", 1.0, kOne, kZero,
     kEverywhere, ParamId::inflammation_diffusivity, kNoParameter, false,
     "inflammation.damage_secretion, inflammation.decay_rate"},
    {kGrowthFactor, "growth_factor", "ng/mL", "active TGF-beta1/PDGF, lumped", 10.0, kOne, kZero,
     kEverywhere, ParamId::growth_factor_diffusivity, kNoParameter, false,
     "growth_factor.inflammatory_secretion, growth_factor.autocrine_secretion, "
     "growth_factor.decay_rate"},
    {kFibroblasts, "fibroblasts", "cells/mm3", "fibroblasts, resident and activated", 1.0,
     kDermalFibroblasts, kLayerF0, kWithDermalFibroblasts, ParamId::fibroblast_motility,
     ParamId::injury_cell_loss, false,
     "fibroblast.proliferation_rate, fibroblast.return_rate, myofibroblast.differentiation_rate, "
     "myofibroblast.reversion_rate"},
    {kMyofibroblasts, "myofibroblasts", "cells/mm3", "alpha-SMA+ myofibroblasts", 1.0,
     kDermalFibroblasts, kZero, kWithDermalFibroblasts, ParamId::fibroblast_motility,
     ParamId::injury_cell_loss, false,
     "myofibroblast.differentiation_rate, myofibroblast.apoptosis_rate"},
    {kMmp, "mmp", "1", "collagenase activity (1 = homeostasis)", 1.0, kOne, kOneWhereFibroblasts,
     kWhereFibroblastsRest, ParamId::mmp_diffusivity, kNoParameter, false,
     "mmp.decay_rate, mmp.inflammation_gain, mmp.growth_factor_gain"},
    {kCollagenImmature, "collagen_immature", "mg/mm3", "new, type III-rich, uncrosslinked collagen",
     0.1, kReticularCollagen, kLayerImmatureCollagen, kNone, kNoParameter,
     ParamId::injury_collagen_loss, false,
     "collagen.maturation_rate, collagen.immature_degradation, collagen.capacity_factor, "
     "fibroblast.baseline_density"},
    {kCollagenMature, "collagen_mature", "mg/mm3", "crosslinked, type I-rich collagen", 1.0,
     kReticularCollagen, kLayerMatureCollagen, kNone, kNoParameter, ParamId::injury_collagen_loss,
     false, "collagen.maturation_rate, collagen.mature_turnover, collagen.aging_loss"},
    {kPihDose, "pih_dose", "day",
     "epidermal inflammation dose above threshold (PIH risk accumulator)", 1.0, kOne, kZero, kNone,
     kNoParameter, kNoParameter, false, "pih.inflammation_threshold"},
    // The activated state belongs to cells, so it moves with them (random motility D_F).
    {kActivation, "fibroblast_activation", "1",
     "share of fibroblasts in the activated synthetic state", 1.0, kOne, kZero,
     kWithDermalFibroblasts, ParamId::fibroblast_motility, kNoParameter, false,
     "fibroblast.activation_rate, fibroblast.deactivation_rate"},
    {kPrpDepot, "prp_depot", "ng/mL", "growth factor held in PRP fibrin gel, released over days",
     10.0, kOne, kZero, kNone, kNoParameter, kNoParameter, false, "prp.release_rate"},
    {kMelanocytePriming, "melanocyte_priming", "1",
     "share of epidermal melanocytes still stimulated by earlier inflammation", 1.0, kOne, kZero,
     kNone, kNoParameter, kNoParameter, false, "pih.priming_rate, pih.priming_recovery_rate"},
    {kElastin, "elastin", "mg/mm3",
     "elastic fibre protein, cut in needle tracks and slowly resynthesised", 1.0, kReticularElastin,
     kLayerElastin, kNone, kNoParameter, ParamId::injury_elastin_loss, false,
     "elastin.turnover_rate, elastin.baseline_papillary, elastin.baseline_reticular"},
    {kPeakTemperature, "rf_peak_temperature", "C",
     "highest tissue temperature reached during any RF pulse", kBodyTemperatureC, kOne,
     kBodyTemperature, kNone, kNoParameter, kNoParameter, false, ""},
    {kThermalDamage, "thermal_damage", "1",
     "Arrhenius damaged fraction 1 - exp(-Omega), Omega summed over RF pulses (coagulated from "
     "0.63)",
     1.0, kOne, kZero, kNone, kNoParameter, kNoParameter, false, ""},
    {kScarTether, "scar_tether", "mm",
     "depth by which the intact fibrous bands below a rolling scar hold the skin surface down "
     "(set along each band, cut where a needle track crosses it)",
     0.1, kOne, kZero, kNone, kNoParameter, kNoParameter, true, ""},
}};

constexpr bool in_index_order() {
  for (int f = 0; f < kStateFieldCount; ++f)
    if (kTable[f].index != f) return false;
  return true;
}
static_assert(in_index_order(), "field_table rows must follow FieldIndex");

}  // namespace

const std::array<FieldSpec, kStateFieldCount>& field_table() {
  return kTable;
}

std::vector<FieldInfo> model_field_infos(const ParameterSet& params) {
  const double f0 = params[ParamId::fibroblast_baseline];
  const double cbar = params[ParamId::collagen_baseline_reticular];
  const double ebar = params[ParamId::elastin_baseline_reticular];
  std::vector<FieldInfo> infos;
  for (const FieldSpec& f : kTable) {
    const double unit = f.scale_unit == kDermalFibroblasts   ? f0
                        : f.scale_unit == kReticularCollagen ? cbar
                        : f.scale_unit == kReticularElastin  ? ebar
                                                             : 1.0;
    infos.push_back(
        {std::string(f.name), std::string(f.unit), std::string(f.description), f.scale * unit});
  }
  return infos;
}

double resting_value(const FieldSpec& field, const LayerBaseline& layer) {
  switch (field.rest) {
    case kZero:
      return 0.0;
    case kLayerF0:
      return layer.fibroblasts;
    case kOneWhereFibroblasts:
      return layer.fibroblasts > 0.0 ? 1.0 : 0.0;
    case kLayerImmatureCollagen:
      return layer.immature;
    case kLayerMatureCollagen:
      return layer.mature;
    case kLayerElastin:
      return layer.elastin;
    case kBodyTemperature:
      return kBodyTemperatureC;
  }
  DERMASIM_UNREACHABLE();
}

}  // namespace dermasim::model
