// The local biology (docs/model.md equations 1-9 without their transport terms) as a reaction
// kernel in production-loss form, du/dt = P(u) - L(u) u with P, L >= 0, for ReactionOperator.
// Per voxel, with g_X = G / (K_X + G) and C = Cim + Cm:
//   D   : P = 0                                         L = k_D(layer)
//   I   : P = s_I D + s_acne(x)                         L = k_I
//   G   : P = s_GI I + s_GF (F + eta_M M) g_auto + k_rel R   L = k_G
//   F   : P = r_F g_G F + k_MF M + [F > F0] delta_F F0  L = r_F g_G (F + M) / F_cap + k_FM g_M
//                                                          + [F > F0] delta_F
//   M   : P = k_FM g_M F                                L = k_MF + delta_M(x)
//   P   : P = k_P (F + M) / F0 (1 + a_PI I + a_PG g_G)   L = k_P        (s_P = k_P)
//   Cim : P = p_C (F + eta_C M) [(1 - omega + a_C g_C + a_A A) room + omega r0 C / Cbar] (1 - D)+
//                                                   L = k_mat + k_im P
//         with room = (1 - C/C_max(x))+ and r0 = 1 - Cbar/C_max (the resting room). For
//         omega = 0 this is docs/model.md equation 7 as written; omega = 1 (default) makes resting
//         synthesis maintain the matrix that is there (so an untreated atrophic scar stays as
//         it is), while growth-factor-activated synthesis still fills the room below C_max.
//   Cm  : P = k_mat Cim                                 L = k_m' P + k_age [aging on]
//   H   : P = (I - I_th)+ (1 + a_Q Q) in epidermal rows L = 0
//   A   : P = k_A g_C                                   L = k_A g_C + k_A_off
//   R   : P = 0                                         L = k_rel
//   Q   : P = k_Q (I - I_th)+ in epidermal rows        L = k_Q (I - I_th)+ + k_Q_off
//   E   : P = p_E F (1 + a_E A)                         L = k_E P
// A is the share of fibroblasts in the activated synthetic state: growth factor switches them
// on within days, and they stay synthetic for weeks to months after the growth factor and the
// extra cells are gone (the remodeling phase), so activity and numbers follow different clocks.
// R is the PRP fibrin-gel depot set by a PRP session in the channels; it releases its growth
// factor over days. Q is the share of melanocytes still stimulated by earlier epidermal
// inflammation (melanogenesis and dendricity stay up for weeks): inflammation that reaches
// primed melanocytes adds more to the PIH dose, so sessions inside each other's recovery
// raise the risk. E is elastin: it turns over over decades (k_E, MMP-driven like mature
// collagen), needle tracks cut it (model/injury.hpp), and activated fibroblasts make more of it,
// slowly (a_E): adult dermis assembles few new elastic fibres.
// Splitting logistic growth and the (F - F0)+ return into production and loss keeps both
// non-negative, which the exponential integrator needs. Everything that depends only on depth
// is precomputed per z row; the few per-voxel quantities (scar capacity, scar myofibroblast
// apoptosis, acne source) are arrays, so rates() has no allocation and one data-dependent
// select. The kernel never logs.
#pragma once
#include <algorithm>
#include <array>
#include <vector>

#include "dermasim/core/aligned.hpp"
#include "dermasim/model/fields.hpp"
#include "dermasim/numerics/reaction.hpp"

namespace dermasim::model {

/// Constants of one z row (they depend only on the row's layer).
struct RowRates {
  double damage_repair = 0.0;      ///< k_D, /day
  double f0 = 0.0;                 ///< resting fibroblasts, cells/mm3
  double inv_f0 = 0.0;             ///< 1/F0 (0 where F0 = 0: no fibroblast MMP there)
  double synthesis = 0.0;          ///< p_C
  double maintenance = 0.0;        ///< omega r0 / Cbar (0 where Cbar = 0), per mg/mm3
  double mature_loss = 0.0;        ///< k_m'
  double epidermal = 0.0;          ///< 1 in the epidermis (PIH dose accumulates), else 0
  double elastin_synthesis = 0.0;  ///< p_E
};

/// Per-voxel modifiers, grid.cells() values each.
struct CellMaps {
  AlignedVector<double> inv_capacity;             ///< 1/C_max (0 where no collagen is kept)
  AlignedVector<double> myofibroblast_apoptosis;  ///< delta_M, /day
  AlignedVector<double> inflammation_source;      ///< s_acne, /day
};

/// Scalar rate constants, copied from the parameters once.
struct KernelConstants {
  double s_I, k_I;
  double s_GI, s_GF, K_auto, eta_M, k_G;
  double r_F, K_G, inv_F_cap, delta_F, k_FM, K_M, k_MF;
  double k_P, a_PI, a_PG;
  double a_C, K_C, eta_C, k_mat, k_im, k_age;
  double I_th;
  double room_share;         ///< 1 - omega
  double k_A, k_A_off, a_A;  ///< activated synthetic state
  double k_rel;              ///< PRP depot release
  double k_Q, k_Q_off, a_Q;  ///< melanocyte priming
  double k_E, a_E;           ///< elastin turnover and synthesis boost by the activated state
};

class TissueKernel {
 public:
  static constexpr int kFields = kModelFieldCount;
  /// The loss rates in rates() that are constants of the z row (k_D of the layer, k_I, k_G,
  /// k_P, k_rel and the PIH dose's 0): ReactionOperator skips checking them.
  static constexpr std::array<bool, kFields> kRowConstantLoss = [] {
    std::array<bool, kFields> constant{};
    for (const FieldIndex f : {kDamage, kInflammation, kGrowthFactor, kMmp, kPihDose, kPrpDepot}) {
      constant[f] = true;
    }
    return constant;
  }();

  TissueKernel(KernelConstants constants, std::vector<RowRates> rows, CellMaps maps)
      : c_(constants), rows_(std::move(rows)), maps_(std::move(maps)) {}

  const KernelConstants& constants() const { return c_; }
  const std::vector<RowRates>& rows() const { return rows_; }
  const CellMaps& maps() const { return maps_; }

  /// u, prod and loss are indexed by FieldIndex: pointers, arrays, or ReactionOperator's views
  /// into its per-block buffers (a template so that the block loop vectorises across cells).
  template <class In, class Out>
  void rates(const ReactionCell& cell, const In& u, Out&& prod, Out&& loss) const {
    const RowRates& row = rows_[cell.k];
    const double D = u[kDamage], I = u[kInflammation], G = u[kGrowthFactor];
    const double F = u[kFibroblasts], M = u[kMyofibroblasts], P = u[kMmp];
    const double Ci = u[kCollagenImmature], Cm = u[kCollagenMature];
    const double g_prolif = G / (c_.K_G + G);
    const double g_diff = G / (c_.K_M + G);
    const double g_synth = G / (c_.K_C + G);
    const double g_auto = G / (c_.K_auto + G);

    prod[kDamage] = 0.0;
    loss[kDamage] = row.damage_repair;

    prod[kInflammation] = c_.s_I * D + maps_.inflammation_source[cell.index];
    loss[kInflammation] = c_.k_I;

    const double depot_release = c_.k_rel * u[kPrpDepot];
    prod[kGrowthFactor] = c_.s_GI * I + c_.s_GF * (F + c_.eta_M * M) * g_auto + depot_release;
    loss[kGrowthFactor] = c_.k_G;

    const double growth = c_.r_F * g_prolif;
    // delta_F is read unconditionally: a load under the condition becomes a masked load that
    // keeps the block loop from vectorising.
    const double delta_F = c_.delta_F;
    const double excess = F > row.f0 ? delta_F : 0.0;
    prod[kFibroblasts] = growth * F + c_.k_MF * M + excess * row.f0;
    loss[kFibroblasts] = growth * (F + M) * c_.inv_F_cap + c_.k_FM * g_diff + excess;

    prod[kMyofibroblasts] = c_.k_FM * g_diff * F;
    loss[kMyofibroblasts] = c_.k_MF + maps_.myofibroblast_apoptosis[cell.index];

    prod[kMmp] = c_.k_P * (F + M) * row.inv_f0 * (1.0 + c_.a_PI * I + c_.a_PG * g_prolif);
    loss[kMmp] = c_.k_P;

    const double A = u[kActivation];
    const double room = std::max(0.0, 1.0 - (Ci + Cm) * maps_.inv_capacity[cell.index]);
    prod[kCollagenImmature] =
        row.synthesis * (F + c_.eta_C * M) *
        ((c_.room_share + c_.a_C * g_synth + c_.a_A * A) * room + row.maintenance * (Ci + Cm)) *
        std::max(0.0, 1.0 - D);
    loss[kCollagenImmature] = c_.k_mat + c_.k_im * P;

    prod[kCollagenMature] = c_.k_mat * Ci;
    loss[kCollagenMature] = row.mature_loss * P + c_.k_age;

    const double epidermal_excess = row.epidermal * std::max(0.0, I - c_.I_th);
    const double Q = u[kMelanocytePriming];
    prod[kPihDose] = epidermal_excess * (1.0 + c_.a_Q * Q);
    loss[kPihDose] = 0.0;

    prod[kActivation] = c_.k_A * g_synth;
    loss[kActivation] = c_.k_A * g_synth + c_.k_A_off;

    prod[kPrpDepot] = 0.0;
    loss[kPrpDepot] = c_.k_rel;

    prod[kMelanocytePriming] = c_.k_Q * epidermal_excess;
    loss[kMelanocytePriming] = c_.k_Q * epidermal_excess + c_.k_Q_off;

    prod[kElastin] = row.elastin_synthesis * F * (1.0 + c_.a_E * A);
    loss[kElastin] = c_.k_E * P;
  }

 private:
  KernelConstants c_;
  std::vector<RowRates> rows_;
  CellMaps maps_;
};

}  // namespace dermasim::model
