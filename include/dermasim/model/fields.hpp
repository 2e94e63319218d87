// The model's state fields (docs/model.md "The tissue"), declared once: the enum gives each field
// its index (the reaction kernel's compile-time layout), and field_table() gives everything else
// about it in one row (name, unit, description, tolerance scale, resting value per layer,
// transport, what a needle track does to it, and the parameters of its resting balance). The
// field infos, the initial and resting states, the transport specs, the injury's losses, the
// homeostasis messages and the results file's datasets all follow from that table, so adding a
// field means its enum entry, its table row and its kinetics in the kernel.
//
// The reaction kernel acts on fields 0 .. kModelFieldCount-1. The record fields after them (RF
// peak temperature and thermal damage, a rolling scar's tether) change only at sessions; no
// operator other than the session touches them.
#pragma once
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/skin.hpp"

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
  kElastin,            ///< E, mg/mm3
  kModelFieldCount,
  kPeakTemperature = kModelFieldCount,  ///< highest RF temperature so far, deg C
  kThermalDamage,                       ///< 1 - exp(-Omega), Omega summed over RF pulses
  kScarTether,  ///< mm the intact fibrous bands below a rolling scar hold the surface down
  kStateFieldCount
};

/// Body temperature, the resting value of the peak-temperature field (deg C).
inline constexpr double kBodyTemperatureC = 37.0;

/// What a field rests at in a layer of untreated skin (from the layer's TissueBaseline).
enum class Rest {
  kZero,
  kLayerF0,                ///< F0 of the layer
  kOneWhereFibroblasts,    ///< 1 where the layer has fibroblasts (MMP at homeostasis), else 0
  kLayerImmatureCollagen,  ///< Cim_bar of the layer
  kLayerMatureCollagen,    ///< Cm_bar of the layer
  kLayerElastin,           ///< Ebar of the layer
  kBodyTemperature,        ///< kBodyTemperatureC
};

/// Where a field moves (docs/model.md, transport): resting skin carries no flux, so fields that
/// rest at different values in neighbouring layers move only where those layers agree.
enum class Motion {
  kNone,
  kEverywhere,             ///< I, G: diffusible signals, at rest 0 everywhere
  kWhereFibroblastsRest,   ///< MMP: made by fibroblasts, kept out of the epidermis (P = 0 there)
  kWithDermalFibroblasts,  ///< cells and their states: only where F0 equals the dermal F0
};

/// The tolerance scale of a field: `scale` times this quantity.
enum class ScaleUnit { kOne, kDermalFibroblasts, kReticularCollagen, kReticularElastin };

struct FieldSpec {
  FieldIndex index;
  std::string_view name;  ///< HDF5 dataset name
  std::string_view unit;
  std::string_view description;
  double scale;  ///< typical magnitude (step controller's absolute tolerance), in scale_unit
  ScaleUnit scale_unit;
  Rest rest;
  Motion motion;
  std::optional<ParamId> diffusivity;  ///< mm2/day, for motion != kNone
  /// Share of the field a needle track removes from the volume it covers: a parameter, or
  /// `track_loss_all` (the track cuts all of it); neither: the track leaves it as it is.
  std::optional<ParamId> track_loss;
  bool track_loss_all;
  std::string_view balance;  ///< parameters of its resting balance (the homeostasis message)
};

/// One row per state field, in FieldIndex order.
const std::array<FieldSpec, kStateFieldCount>& field_table();

/// Metadata of every state field (kStateFieldCount), in FieldIndex order; scales use the
/// parameters (F0, Cbar).
std::vector<FieldInfo> model_field_infos(const ParameterSet& params);

/// The resting value of a field in a layer of untreated skin.
double resting_value(const FieldSpec& field, const LayerBaseline& layer);

/// Type III share of collagen: (0.35 Cim + 0.12 Cm) / (Cim + Cm) [A, docs/model.md from I:III 4-6:1
/// in normal skin and 30-40 % type III in early wounds, Gurtner 2008]; 0 for no collagen.
inline constexpr double kType3ShareImmature = 0.35;
inline constexpr double kType3ShareMature = 0.12;
inline double type3_fraction(double immature, double mature) {
  const double total = immature + mature;
  return total > 0.0 ? (kType3ShareImmature * immature + kType3ShareMature * mature) / total : 0.0;
}

}  // namespace dermasim::model
