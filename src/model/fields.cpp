// Field metadata of the tissue model (see fields.hpp).
#include "dermasim/model/fields.hpp"

namespace dermasim::model {

std::vector<FieldInfo> model_field_infos(const ParameterSet& params) {
  const double f0 = params[ParamId::fibroblast_baseline];
  const double cbar = params[ParamId::collagen_baseline_reticular];
  // Immature collagen rests at ~1 % of the total (k_m / k_mat) but wound deposition raises it
  // by a few percent of Cbar, so its tolerance scale is a tenth of Cbar.
  return {
      {"damage", "1", "tissue disruption (0 intact, 1 destroyed)", 1.0},
      {"inflammation", "1", "lumped neutrophil/macrophage/cytokine activity (1 = acute peak)", 1.0},
      {"growth_factor", "ng/mL", "active TGF-beta1/PDGF, lumped", 10.0},
      {"fibroblasts", "cells/mm3", "fibroblasts, resident and activated", f0},
      {"myofibroblasts", "cells/mm3", "alpha-SMA+ myofibroblasts", f0},
      {"mmp", "1", "collagenase activity (1 = homeostasis)", 1.0},
      {"collagen_immature", "mg/mm3", "new, type III-rich, uncrosslinked collagen", 0.1 * cbar},
      {"collagen_mature", "mg/mm3", "crosslinked, type I-rich collagen", cbar},
      {"pih_dose", "day", "epidermal inflammation dose above threshold (PIH risk accumulator)",
       1.0},
      {"fibroblast_activation", "1", "share of fibroblasts in the activated synthetic state", 1.0},
      {"prp_depot", "ng/mL", "growth factor held in PRP fibrin gel, released over days", 10.0},
      {"melanocyte_priming", "1",
       "share of epidermal melanocytes still stimulated by earlier inflammation", 1.0},
      {"rf_peak_temperature", "C", "highest tissue temperature reached during any RF pulse",
       kBodyTemperatureC},
      {"thermal_damage", "1",
       "Arrhenius damaged fraction 1 - exp(-Omega), Omega summed over RF pulses (coagulated from "
       "0.63)",
       1.0},
      {"scar_tether", "mm",
       "depth by which the intact fibrous bands below a rolling scar hold the skin surface down "
       "(set along each band, cut where a needle track crosses it)",
       0.1},
  };
}

FieldSet make_model_state(const Grid& grid, const ParameterSet& params) {
  FieldSet state(grid);
  int f = 0;
  for (auto& info : model_field_infos(params)) {
    state.add(std::move(info), f++ == kPeakTemperature ? kBodyTemperatureC : 0.0);
  }
  return state;
}

}  // namespace dermasim::model
