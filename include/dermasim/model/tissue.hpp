// The tissue model assembled for one patient on one grid: layers from the skin spec, the
// resting state with its scar, the reaction kernel with its per-row and per-voxel constants,
// the transport specs, and the homeostasis check. The driver (sim/) owns one TissueModel and
// builds its operators from it; nothing here integrates in time.
//
// Transport (docs/model.md equations 2-6): I, G and P diffuse; F and M diffuse with D_F and climb
// the gradient of G with chi_F. Motility is zero in the epidermis and the hypodermis (whose
// resting fibroblast densities differ from the dermis), and MMP does not diffuse into the
// epidermis (which has no fibroblasts and rests at P = 0), so the resting state carries no
// flux across layer boundaries: homeostasis holds for transport too, not just per voxel.
#pragma once
#include <cstdint>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/skin.hpp"
#include "dermasim/model/specs.hpp"
#include "dermasim/model/tissue_kernel.hpp"
#include "dermasim/numerics/transport.hpp"

namespace dermasim::model {

class TissueModel {
 public:
  /// `grid` gives the geometry; its layers are set from the skin. `seed` places acne foci.
  /// Throws InputError for an inconsistent skin, scar or parameter set.
  TissueModel(Grid grid, const SkinSpec& skin, const ScarSpec& scar, const ParameterSet& params,
              std::uint64_t seed);

  const Grid& grid() const { return grid_; }
  const SkinSpec& skin() const { return skin_; }
  const ScarSpec& scar() const { return scar_; }
  const ParameterSet& parameters() const { return params_; }
  const TissueBaseline& baseline() const { return baseline_; }
  /// Resting collagen Cbar of each z row (0 outside collagen-bearing layers), mg/mm3.
  const std::vector<double>& row_collagen() const { return row_collagen_; }

  /// The state at t = 0: every layer at rest, the scar imprinted.
  FieldSet initial_state() const;
  /// The reaction kernel (a copy; ReactionOperator owns its own).
  TissueKernel kernel() const;
  std::vector<DiffusionSpec> diffusion_specs() const;
  std::vector<ChemotaxisSpec> chemotaxis_specs() const;

  /// Verifies that the untreated resting state (without scar and acne) is steady under the
  /// kernel and carries no transport flux, and that the autocrine growth factor loop is below
  /// its threshold at rest. Throws InputError naming the parameters otherwise. With aging on,
  /// the intended k_age drift of mature collagen is exempt.
  void check_homeostasis() const;

 private:
  SkinSpec skin_;
  ScarSpec scar_;
  ParameterSet params_;
  TissueBaseline baseline_;
  Grid grid_;  // after baseline_: its layers come from the baseline's depths
  std::vector<double> row_collagen_;
  std::vector<RowRates> rows_;
  KernelConstants constants_;
  CellMaps maps_;
  FieldSet initial_;
};

}  // namespace dermasim::model
