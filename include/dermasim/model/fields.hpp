// The model's state fields (docs/model.md "The tissue"), in a fixed order: the reaction kernel acts
// on fields 0 .. kModelFieldCount-1 of the FieldSet, so the order here is the kernel's layout. The
// record fields after them (RF peak temperature and thermal damage, a rolling scar's tether)
// change only at sessions; no operator other than the session touches them. Names are the HDF5
// dataset names; scales are the typical magnitudes the step controller uses for absolute
// tolerances.
#pragma once
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/model/parameters.hpp"

namespace dermasim::model {

enum FieldIndex : int {
  kDamage = 0,         ///< D, tissue disruption 0..1
  kInflammation,       ///< I, 1 = acute peak
  kGrowthFactor,       ///< G, ng/mL
  kFibroblasts,        ///< F, cells/mm3
  kMyofibroblasts,     ///< M, cells/mm3
  kMmp,                ///< P, 1 = homeostasis
  kCollagenImmature,   ///< Cim, mg/mm3
  kCollagenMature,     ///< Cm, mg/mm3
  kPihDose,            ///< H, day
  kActivation,         ///< A, synthetic (activated) share of the fibroblasts, 0..1
  kPrpDepot,           ///< R, growth factor held in PRP fibrin gel, ng/mL
  kMelanocytePriming,  ///< Q, share of epidermal melanocytes still stimulated, 0..1
  kModelFieldCount,
  kPeakTemperature = kModelFieldCount,  ///< highest RF temperature so far, deg C
  kThermalDamage,                       ///< 1 - exp(-Omega), Omega summed over RF pulses
  kScarTether,  ///< mm the intact fibrous bands below a rolling scar hold the surface down
  kStateFieldCount
};

/// Body temperature, the resting value of the peak-temperature field (deg C).
inline constexpr double kBodyTemperatureC = 37.0;

/// Metadata of every state field (kStateFieldCount), in FieldIndex order; scales use the parameters
/// (F0, Cbar).
std::vector<FieldInfo> model_field_infos(const ParameterSet& params);

/// A FieldSet on `grid` holding every model field (zero-filled), in FieldIndex order.
FieldSet make_model_state(const Grid& grid, const ParameterSet& params);

/// Type III share of collagen: (0.35 Cim + 0.12 Cm) / (Cim + Cm) [A, docs/model.md from I:III 4-6:1
/// in normal skin and 30-40 % type III in early wounds, Gurtner 2008]; 0 for no collagen.
inline constexpr double kType3ShareImmature = 0.35;
inline constexpr double kType3ShareMature = 0.12;
inline double type3_fraction(double immature, double mature) {
  const double total = immature + mature;
  return total > 0.0 ? (kType3ShareImmature * immature + kType3ShareMature * mature) / total : 0.0;
}

}  // namespace dermasim::model
