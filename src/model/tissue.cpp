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
      .s_I = p[ParamId::inflammation_damage_secretion],
      .k_I = p[ParamId::inflammation_decay_rate],
      .s_GI = p[ParamId::growth_factor_inflammatory_secretion],
      .s_GF = p[ParamId::growth_factor_autocrine_secretion],
      .K_auto = p[ParamId::growth_factor_autocrine_half_saturation],
      .eta_M = p[ParamId::growth_factor_myofibroblast_weight],
      .k_G = p[ParamId::growth_factor_decay_rate],
      .r_F = p[ParamId::fibroblast_proliferation_rate],
      .K_G = p[ParamId::fibroblast_half_saturation],
      .inv_F_cap = 1.0 / (p[ParamId::fibroblast_capacity_factor] * baseline_.fibroblasts_dermis),
      .delta_F = p[ParamId::fibroblast_return_rate],
      .k_FM = p[ParamId::myofibroblast_differentiation_rate],
      .K_M = p[ParamId::myofibroblast_half_saturation],
      .k_MF = p[ParamId::myofibroblast_reversion_rate],
      .k_P = p[ParamId::mmp_decay_rate],
      .a_PI = p[ParamId::mmp_inflammation_gain],
      .a_PG = p[ParamId::mmp_growth_factor_gain],
      .a_C = p[ParamId::collagen_growth_factor_boost],
      .K_C = p[ParamId::collagen_half_saturation],
      .eta_C = p[ParamId::collagen_myofibroblast_weight],
      .k_mat = p[ParamId::collagen_maturation_rate],
      .k_im = p[ParamId::collagen_immature_degradation],
      .k_age = skin.aging ? p[ParamId::collagen_aging_loss] : 0.0,
      .I_th = p[ParamId::pih_threshold],
      .room_share = 1.0 - p[ParamId::collagen_maintenance_coupling],
      .k_A = p[ParamId::activation_rate],
      .k_A_off = p[ParamId::deactivation_rate],
      .a_A = p[ParamId::activation_synthesis_boost],
      .k_rel = p[ParamId::prp_release_rate],
      .k_Q = p[ParamId::pih_priming_rate],
      .k_Q_off = p[ParamId::pih_priming_recovery_rate],
      .a_Q = p[ParamId::pih_priming_gain],
      .k_E = p[ParamId::elastin_turnover_rate],
      .a_E = p[ParamId::elastin_activation_boost],
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
    r.elastin_synthesis = lb.elastin_synthesis;
    row_collagen_[k] = lb.collagen;
  }

  const std::size_t cells = grid_.cells(), per_row = grid_.cells_per_row();
  maps_.inv_capacity.assign(cells, 0.0);
  maps_.myofibroblast_apoptosis.assign(cells, p[ParamId::myofibroblast_apoptosis_rate]);
  maps_.inflammation_source.assign(cells, 0.0);
  for (auto& info : model_field_infos(p)) initial_.add(std::move(info), 0.0);
  for (int k = 0; k < nz; ++k) {
    const LayerBaseline& lb = baseline_[layer_of(grid_, k)];
    for (std::size_t q = k * per_row; q < (k + 1) * per_row; ++q)
      maps_.inv_capacity[q] = lb.collagen > 0.0 ? 1.0 / lb.capacity : 0.0;
    for (const FieldSpec& f : field_table()) {
      const double rest = resting_value(f, lb);
      for (std::size_t q = k * per_row; q < (k + 1) * per_row; ++q) initial_[f.index][q] = rest;
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
  std::vector<DiffusionSpec> specs;
  for (const FieldSpec& f : field_table()) {
    if (f.motion == Motion::kNone) continue;
    std::vector<double> d(grid_.nz(), 0.0);
    for (int k = 0; k < grid_.nz(); ++k) {
      const double f0 = rows_[k].f0;
      const bool moves = f.motion == Motion::kEverywhere ||
                         (f.motion == Motion::kWhereFibroblastsRest && f0 > 0.0) ||
                         (f.motion == Motion::kWithDermalFibroblasts && f0 > 0.0 &&
                          f0 == baseline_.fibroblasts_dermis);
      if (moves) d[k] = params_[*f.diffusivity];
    }
    specs.push_back({f.index, std::move(d)});
  }
  return specs;
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
    for (int f = 0; f < kModelFieldCount; ++f) u[f] = resting_value(field_table()[f], lb);
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
           << field_table()[f].balance;
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
