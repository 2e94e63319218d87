// The patient's skin at rest: layer depths from the site preset and age, and per-layer baseline
// fibroblast density, collagen and the synthesis rate that makes that baseline a steady state.
//
// Homeostasis by construction (docs/model.md): with D = I = G = M = 0, P = 1, F = F0 and
// C = Cbar, equations 7-8 are steady when
//   Cim_bar = Cbar * k_m' / (k_mat + k_m'),   Cm_bar = Cbar - Cim_bar,
//   p_C     = (k_mat + k_im) * Cim_bar / (F0 * (1 - Cbar / C_max)),
// where k_m' is the (age-scaled) mature turnover. The capacity C_max is one value for the whole
// dermis, capacity_factor x the reticular Cbar: the loose papillary dermis can densify further
// than the packed reticular dermis (new collagen after needling thickens the papillary dermis
// first, Aust 2008 Plast Reconstr Surg 121:1421). The hypodermis's capacity is relative to its
// own Cbar. Age a = clamp((age - 25) / 60, 0, 1) scales
// F0 by (1 - a_F a) and the tissue synthesis rate by (1 - a_S a) [M: Varani 2006]; synthesis
// and mature turnover are lowered together (k_m' = k_m (1 - a_S a)), so aged untreated skin
// is still steady while its wound-activated synthesis per cell, p_C (1 + a_C ...), is weaker.
#pragma once
#include <array>

#include "dermasim/model/layers.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/specs.hpp"

namespace dermasim::model {

/// Depths (mm below the surface) of the bottom of the epidermis, papillary and reticular dermis.
struct LayerDepths {
  double epidermis;
  double papillary;
  double reticular;
};

/// Young-adult layer depths of a site preset (cheek: Chopra 2015; forehead and temple: Meng
/// 2022 BMC Med Imaging 22:113 ultrasound; back: [A] 2-3 mm dermis).
LayerDepths site_layer_depths(Site site);

/// Multipliers for age (1 at 25 years and younger, linear to 85 years and older).
struct AgeFactors {
  double fibroblasts = 1.0;  ///< resting fibroblast density
  double synthesis = 1.0;    ///< tissue collagen synthesis (and mature turnover)
  double thickness = 1.0;    ///< dermal thickness
};
AgeFactors age_factors(double age_years, const ParameterSet& params);

/// PIH risk weight of a Fitzpatrick type (1..6): exp(beta_PIH * (type - 3)).
double fitzpatrick_weight(int fitzpatrick, const ParameterSet& params);

/// Resting state and derived rates of one layer.
struct LayerBaseline {
  double fibroblasts = 0.0;        ///< F0, cells/mm3
  double collagen = 0.0;           ///< Cbar, mg/mm3
  double immature = 0.0;           ///< Cim_bar, mg/mm3
  double mature = 0.0;             ///< Cm_bar, mg/mm3
  double capacity = 0.0;           ///< C_max, mg/mm3 (0 where Cbar = 0)
  double synthesis = 0.0;          ///< p_C, (mg/mm3/day) per (cells/mm3); 0 where Cbar = 0
  double mature_turnover = 0.0;    ///< k_m', /day
  double elastin = 0.0;            ///< Ebar, mg/mm3
  double elastin_synthesis = 0.0;  ///< p_E = k_E Ebar / F0, (mg/mm3/day) per (cells/mm3)
};

struct TissueBaseline {
  LayerDepths depths;  ///< after age thinning
  AgeFactors age;
  double fibroblasts_dermis = 0.0;  ///< F0 of the dermis after age scaling (the metrics' unit)
  std::array<LayerBaseline, kLayerCount> layers;
  const LayerBaseline& operator[](Layer l) const { return layers[static_cast<int>(l)]; }
};

/// The baseline of `skin`. Throws InputError naming the parameters when a layer holds
/// collagen but no fibroblasts to maintain it.
TissueBaseline tissue_baseline(const SkinSpec& skin, const ParameterSet& params);

}  // namespace dermasim::model
