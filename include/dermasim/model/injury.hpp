// One needling session applied to the state (docs/model.md "Injury, devices, adjuncts").
// Tracks reach d_eff = f_pen * L (capped at the domain depth) with radius r_n, at the session's
// total puncture density (per pass x passes), placed by the session's pattern (model/tracks.hpp);
// a 2D section receives the pattern's areal expectation instead (no seed enters).
// An rf-pen adds a coagulated ball (Omega >= 1, model/rf.hpp) around every needle tip.
// With f the injured volume fraction of a voxel (tracks and coagulation united):
//   D <- D + f (1 - D)                         (D = 1 where the whole voxel is a track)
//   Cim, Cm <- (1 - f f_C) Cim, Cm             (matrix torn)
//   F, M <- (1 - f f_F) F, M                   (cells killed)
//   I <- I + f I_bolus
//   G <- G + f G_bolus (kappa_PRP with PRP)    below the epidermis only (vascular dermis)
//   R <- R + f_track R_PRP                     with PRP: the fibrin-gel depot in the channels
// An rf-pen session also records its pulses: rf_peak_temperature <- max(itself, T_peak(r)) and
// thermal_damage <- 1 - (1 - thermal_damage) exp(-Omega(r)) (the Arrhenius damaged fraction,
// 1 - exp(-sum Omega); 0.63 at Omega = 1), r the distance to the nearest tip (model/rf.hpp);
// (2D: the tips of one row of a regular lattice, for display). With h the share of a voxel
// heated above T_hs (balls of the heat-shock radius around the tips; 2D: their areal
// expectation, like the coagulation):
//   A <- A + a_hs h (1 - A)                   (heat-shocked fibroblasts turn synthetic)
#pragma once
#include <cstdint>

#include "dermasim/core/field.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/specs.hpp"

namespace dermasim::model {

/// What a session did, for the event log and the results file.
struct SessionOutcome {
  long punctures = 0;        ///< tracks placed in the domain (2D: expected per mm of breadth)
  double penetration = 0.0;  ///< d_eff, mm
  double coagulation_radius = 0.0;  ///< mm, rf-pen only
  double injured_volume = 0.0;  ///< sum of injured fractions x cell volume (mm^2 in 2D, mm^3 in 3D)
};

/// Applies `session` to `state` on `threads` threads; `seed` and `stream` select the track
/// pattern's random stream (one stream per session keeps patterns independent of everything
/// else).
SessionOutcome apply_needle_session(FieldSet& state, const NeedleSession& session,
                                    const ParameterSet& params, std::uint64_t seed,
                                    std::uint64_t stream, Threads threads);

/// Validates a session's numbers; throws InputError naming the offending field.
void validate_session(const NeedleSession& session);

}  // namespace dermasim::model
