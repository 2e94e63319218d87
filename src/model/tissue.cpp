// Assembly of the tissue model: rows, maps, resting state, transport specs, homeostasis check
// (see tissue.hpp).
#include "dermasim/model/tissue.hpp"

#include <cmath>
#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/core/rng.hpp"
#include "dermasim/model/scar.hpp"
#include "dermasim/model/tracks.hpp"

namespace dermasim::model {
namespace {

// Random stream of the acne foci (needle sessions use streams from 1000 up).
constexpr std::uint64_t kAcneStream = 1;

// The parameters that enter each field's resting balance, for the homeostasis message.
const char* balance_parameters(int field) {
  switch (field) {
    case kDamage:
      return "damage.repair_rate_*";
    case kInflammation:
      return "inflammation.damage_secretion, inflammation.decay_rate";
    case kGrowthFactor:
      return "growth_factor.inflammatory_secretion, growth_factor.autocrine_secretion, "
             "growth_factor.decay_rate";
    case kFibroblasts:
      return "fibroblast.proliferation_rate, fibroblast.return_rate, "
             "myofibroblast.differentiation_rate, myofibroblast.reversion_rate";
    case kMyofibroblasts:
      return "myofibroblast.differentiation_rate, myofibroblast.apoptosis_rate";
    case kMmp:
      return "mmp.decay_rate, mmp.inflammation_gain, mmp.growth_factor_gain";
    case kCollagenImmature:
      return "collagen.maturation_rate, collagen.immature_degradation, "
             "collagen.capacity_factor, fibroblast.baseline_density";
    case kCollagenMature:
      return "collagen.maturation_rate, collagen.mature_turnover, collagen.aging_loss";
    case kPihDose:
      return "pih.inflammation_threshold";
    case kActivation:
      return "fibroblast.activation_rate, fibroblast.deactivation_rate";
    case kPrpDepot:
      return "prp.release_rate";
    case kMelanocytePriming:
      return "pih.priming_rate, pih.priming_recovery_rate";
    default:
      DERMASIM_UNREACHABLE();
  }
}

Grid with_layers(Grid grid, const LayerDepths& d) {
  set_layers(grid, d.epidermis, d.papillary, d.reticular);
  return grid;
}

}  // namespace

TissueModel::TissueModel(Grid grid, const SkinSpec& skin, const ScarSpec& scar,
                         const ParameterSet& params, std::uint64_t seed)
    : skin_(skin),
      scar_(scar),
      params_(params),
      baseline_(tissue_baseline(skin, params)),
      grid_(with_layers(std::move(grid), baseline_.depths)),
      initial_(grid_) {
  fitzpatrick_weight(skin.fitzpatrick, params);  // validates the phototype

  const ParameterSet& p = params_;
  constants_ = KernelConstants{
      p[ParamId::inflammation_damage_secretion],
      p[ParamId::inflammation_decay_rate],
      p[ParamId::growth_factor_inflammatory_secretion],
      p[ParamId::growth_factor_autocrine_secretion],
      p[ParamId::growth_factor_autocrine_half_saturation],
      p[ParamId::growth_factor_myofibroblast_weight],
      p[ParamId::growth_factor_decay_rate],
      p[ParamId::fibroblast_proliferation_rate],
      p[ParamId::fibroblast_half_saturation],
      1.0 / (p[ParamId::fibroblast_capacity_factor] * baseline_.fibroblasts_dermis),
      p[ParamId::fibroblast_return_rate],
      p[ParamId::myofibroblast_differentiation_rate],
      p[ParamId::myofibroblast_half_saturation],
      p[ParamId::myofibroblast_reversion_rate],
      p[ParamId::mmp_decay_rate],
      p[ParamId::mmp_inflammation_gain],
      p[ParamId::mmp_growth_factor_gain],
      p[ParamId::collagen_growth_factor_boost],
      p[ParamId::collagen_half_saturation],
      p[ParamId::collagen_myofibroblast_weight],
      p[ParamId::collagen_maturation_rate],
      p[ParamId::collagen_immature_degradation],
      skin.aging ? p[ParamId::collagen_aging_loss] : 0.0,
      p[ParamId::pih_threshold],
      1.0 - p[ParamId::collagen_maintenance_coupling],
      // Remodeling phase and PRP depot (the clinical-course kinetics).
      p[ParamId::activation_rate],
      p[ParamId::deactivation_rate],
      p[ParamId::activation_synthesis_boost],
      p[ParamId::prp_release_rate],
      p[ParamId::pih_priming_rate],
      p[ParamId::pih_priming_recovery_rate],
      p[ParamId::pih_priming_gain],
  };

  const int nz = grid_.nz();
  rows_.resize(nz);
  row_collagen_.resize(nz);
  for (int k = 0; k < nz; ++k) {
    const Layer layer = layer_of(grid_, k);
    const LayerBaseline& lb = baseline_[layer];
    RowRates& r = rows_[k];
    r.damage_repair = layer == Layer::kEpidermis ? p[ParamId::damage_repair_epidermis]
                                                 : p[ParamId::damage_repair_dermis];
    r.f0 = lb.fibroblasts;
    r.inv_f0 = lb.fibroblasts > 0.0 ? 1.0 / lb.fibroblasts : 0.0;
    r.synthesis = lb.synthesis;
    r.maintenance = lb.collagen > 0.0 ? p[ParamId::collagen_maintenance_coupling] *
                                            (1.0 - lb.collagen / lb.capacity) / lb.collagen
                                      : 0.0;
    r.mature_loss = lb.mature_turnover;
    r.epidermal = layer == Layer::kEpidermis ? 1.0 : 0.0;
    row_collagen_[k] = lb.collagen;
  }

  const std::size_t cells = grid_.cells(), per_row = grid_.cells_per_row();
  maps_.inv_capacity.assign(cells, 0.0);
  maps_.myofibroblast_apoptosis.assign(cells, p[ParamId::myofibroblast_apoptosis_rate]);
  maps_.inflammation_source.assign(cells, 0.0);
  int field = 0;
  for (auto& info : model_field_infos(p)) {
    initial_.add(std::move(info), field++ == kPeakTemperature ? kBodyTemperatureC : 0.0);
  }
  for (int k = 0; k < nz; ++k) {
    const LayerBaseline& lb = baseline_[layer_of(grid_, k)];
    for (std::size_t q = 0; q < per_row; ++q) {
      const std::size_t c = k * per_row + q;
      maps_.inv_capacity[c] = lb.collagen > 0.0 ? 1.0 / lb.capacity : 0.0;
      initial_[kFibroblasts][c] = lb.fibroblasts;
      initial_[kMmp][c] = lb.fibroblasts > 0.0 ? 1.0 : 0.0;
      initial_[kCollagenImmature][c] = lb.immature;
      initial_[kCollagenMature][c] = lb.mature;
    }
  }
  imprint_scar(scar_, baseline_, p, initial_, maps_);

  if (skin.active_acne) {
    Rng rng(seed, kAcneStream);
    const auto foci =
        place_columns(grid_, p[ParamId::acne_focus_density], p[ParamId::acne_focus_depth],
                      p[ParamId::acne_focus_radius], TrackPattern::kRandom, rng);
    std::vector<double> fraction(cells, 0.0);
    add_columns(grid_, foci, fraction);
    const double source = p[ParamId::acne_inflammation_source];
    for (std::size_t c = 0; c < cells; ++c) maps_.inflammation_source[c] = source * fraction[c];
  }
}

FieldSet TissueModel::initial_state() const {
  FieldSet copy(grid_);
  for (int f = 0; f < initial_.size(); ++f) copy.add(initial_[f].info(), 0.0);
  copy.assign_values(initial_);
  return copy;
}

TissueKernel TissueModel::kernel() const {
  return TissueKernel(constants_, rows_, maps_);
}

std::vector<DiffusionSpec> TissueModel::diffusion_specs() const {
  const int nz = grid_.nz();
  std::vector<double> d_i(nz, params_[ParamId::inflammation_diffusivity]);
  std::vector<double> d_g(nz, params_[ParamId::growth_factor_diffusivity]);
  std::vector<double> d_p(nz, 0.0), d_f(nz, 0.0);
  for (int k = 0; k < nz; ++k) {
    const double f0 = rows_[k].f0;
    if (f0 > 0.0) d_p[k] = params_[ParamId::mmp_diffusivity];
    if (f0 > 0.0 && f0 == baseline_.fibroblasts_dermis) {
      d_f[k] = params_[ParamId::fibroblast_motility];
    }
  }
  return {{kInflammation, d_i},
          {kGrowthFactor, d_g},
          {kMmp, d_p},
          {kFibroblasts, d_f},
          {kMyofibroblasts, d_f}};
}

std::vector<ChemotaxisSpec> TissueModel::chemotaxis_specs() const {
  std::vector<double> chi(grid_.nz(), 0.0);
  for (int k = 0; k < grid_.nz(); ++k) {
    if (rows_[k].f0 > 0.0 && rows_[k].f0 == baseline_.fibroblasts_dermis) {
      chi[k] = params_[ParamId::fibroblast_chemotaxis];
    }
  }
  return {{{kFibroblasts, kMyofibroblasts}, kGrowthFactor, chi}};
}

void TissueModel::check_homeostasis() const {
  const int nz = grid_.nz();
  // A probe kernel with one clean voxel per row (no scar, no acne).
  CellMaps clean;
  clean.inv_capacity.resize(nz);
  clean.myofibroblast_apoptosis.assign(nz, params_[ParamId::myofibroblast_apoptosis_rate]);
  clean.inflammation_source.assign(nz, 0.0);
  for (int k = 0; k < nz; ++k) {
    const LayerBaseline& lb = baseline_[layer_of(grid_, k)];
    clean.inv_capacity[k] = lb.collagen > 0.0 ? 1.0 / lb.capacity : 0.0;
  }
  const TissueKernel probe(constants_, rows_, clean);
  std::vector<std::vector<double>> rest(nz, std::vector<double>(kModelFieldCount, 0.0));
  for (int k = 0; k < nz; ++k) {
    const LayerBaseline& lb = baseline_[layer_of(grid_, k)];
    auto& u = rest[k];
    u[kFibroblasts] = lb.fibroblasts;
    u[kMmp] = lb.fibroblasts > 0.0 ? 1.0 : 0.0;
    u[kCollagenImmature] = lb.immature;
    u[kCollagenMature] = lb.mature;
    double prod[kModelFieldCount], loss[kModelFieldCount];
    probe.rates(ReactionCell{static_cast<std::size_t>(k), 0, 0, k, 0.0}, u.data(), prod, loss);
    for (int f = 0; f < kModelFieldCount; ++f) {
      double residual = prod[f] - loss[f] * u[f];
      if (f == kCollagenMature) residual += constants_.k_age * u[f];  // aging drift is intended
      const double size = prod[f] + loss[f] * u[f];
      if (std::abs(residual) > 1e-9 * size + 1e-300) {
        std::ostringstream os;
        os << "homeostasis: untreated " << initial_[f].name() << " is not steady in row " << k
           << " (rate " << residual << " " << initial_[f].info().unit << "/day); check "
           << balance_parameters(f);
        throw InputError(os.str());
      }
    }
    const double gain = constants_.s_GF * lb.fibroblasts / (constants_.K_auto * constants_.k_G);
    if (gain >= 1.0) {
      std::ostringstream os;
      os << "homeostasis: the autocrine growth factor loop gain s_GF*F0/(K_auto*k_G) = " << gain
         << " >= 1 makes untreated skin fibrotic; lower growth_factor.autocrine_secretion or "
            "raise growth_factor.autocrine_half_saturation / growth_factor.decay_rate";
      throw InputError(os.str());
    }
  }
  // No resting flux: wherever two neighbouring rows both conduct a field, they rest at equal
  // values.
  for (const DiffusionSpec& spec : diffusion_specs()) {
    for (int k = 0; k + 1 < nz; ++k) {
      if (spec.diffusivity[k] > 0.0 && spec.diffusivity[k + 1] > 0.0 &&
          rest[k][spec.field] != rest[k + 1][spec.field]) {
        throw InputError("homeostasis: resting " + initial_[spec.field].name() +
                         " differs between rows " + std::to_string(k) + " and " +
                         std::to_string(k + 1) +
                         " where it diffuses; check fibroblast.hypodermis_factor and the "
                         "fibroblast.* densities");
      }
    }
  }
}

}  // namespace dermasim::model
