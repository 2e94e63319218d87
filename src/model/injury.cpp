// Needling sessions: track placement, RF coagulation and the per-voxel injury update
// (equations in injury.hpp).
#include "dermasim/model/injury.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/core/parallel.hpp"
#include "dermasim/core/rng.hpp"
#include "dermasim/model/fields.hpp"
#include "dermasim/model/rf.hpp"
#include "dermasim/model/tracks.hpp"

namespace dermasim::model {
namespace {

void require(bool ok, const char* key, double value, const char* allowed) {
  if (ok) return;
  std::ostringstream os;
  os << key << ": " << value << " is outside " << allowed;
  throw InputError(os.str());
}

}  // namespace

void validate_session(const NeedleSession& s) {
  require(s.needle_length > 0.0 && s.needle_length <= 5.0, "treatment.needle_length",
          s.needle_length, "0 .. 5 mm");
  require(s.penetration_fraction > 0.0 && s.penetration_fraction <= 1.0,
          "treatment.penetration_fraction", s.penetration_fraction, "0 .. 1");
  require(s.needle_radius > 0.0 && s.needle_radius <= 1.0, "treatment.needle_radius",
          s.needle_radius, "0 .. 1 mm");
  require(s.density > 0.0 && s.density <= 100.0, "treatment.density", s.density,
          "0 .. 100 /mm2 (10000 /cm2)");
  require(s.passes >= 1 && s.passes <= 20, "treatment.passes", s.passes, "1 .. 20");
  require(s.rf_energy >= 0.0 && s.rf_energy <= 100.0, "treatment.rf_energy", s.rf_energy,
          "0 .. 100 mJ");
}

SessionOutcome apply_needle_session(FieldSet& state, const NeedleSession& session,
                                    const ParameterSet& params, std::uint64_t seed,
                                    std::uint64_t stream) {
  validate_session(session);
  const Grid& g = state.grid();
  SessionOutcome out;
  out.penetration = std::min(session.penetration_fraction * session.needle_length, g.depth());
  const double areal_density = session.density * session.passes;
  const bool rf = session.device == Device::kRfPen && session.rf_energy > 0.0;
  if (rf) out.coagulation_radius = rf_coagulation_radius(session.rf_energy, params);

  std::vector<double> fraction(g.cells(), 0.0);
  if (g.dimensions() == 3) {
    Rng rng(seed, stream);
    const std::vector<Column> tracks = place_columns(g, areal_density, out.penetration,
                                                     session.needle_radius, session.pattern, rng);
    out.punctures = static_cast<long>(tracks.size());
    add_columns(g, tracks, fraction);
    if (out.coagulation_radius > 0.0) {
      for (const Column& t : tracks)
        add_ball(g, t.x, t.y, t.depth, out.coagulation_radius, fraction);
    }
  } else {
    // The section stands for the skin around it (tracks.hpp): the expected pattern, no seed.
    out.punctures = std::lround(areal_density * g.width());
    add_expected_columns(g, areal_density, out.penetration, session.needle_radius, session.pattern,
                         fraction);
    if (out.coagulation_radius > 0.0) {
      add_expected_balls(g, areal_density, out.penetration, out.coagulation_radius, session.pattern,
                         fraction);
    }
  }

  const double collagen_loss = params[ParamId::injury_collagen_loss];
  const double cell_loss = params[ParamId::injury_cell_loss];
  const double i_bolus = params[ParamId::inflammation_injury_bolus];
  const double g_bolus = params[ParamId::growth_factor_platelet_bolus] *
                         (session.prp ? params[ParamId::prp_platelet_factor] : 1.0);
  const std::size_t per_row = g.cells_per_row();
#pragma omp parallel for schedule(static)
  for (int k = 0; k < g.nz(); ++k) {
    const double vascular = g.layer(k) == Layer::kEpidermis ? 0.0 : 1.0;
    for (std::size_t p = 0; p < per_row; ++p) {
      const std::size_t c = k * per_row + p;
      const double f = fraction[c];
      if (f <= 0.0) continue;
      state[kDamage][c] += f * (1.0 - state[kDamage][c]);
      state[kCollagenImmature][c] *= 1.0 - f * collagen_loss;
      state[kCollagenMature][c] *= 1.0 - f * collagen_loss;
      state[kFibroblasts][c] *= 1.0 - f * cell_loss;
      state[kMyofibroblasts][c] *= 1.0 - f * cell_loss;
      state[kInflammation][c] += f * i_bolus;
      state[kGrowthFactor][c] += f * g_bolus * vascular;
    }
  }
  out.injured_volume =
      deterministic_sum(fraction.size(), [&](std::size_t c) { return fraction[c]; }) *
      g.cell_volume();
  return out;
}

}  // namespace dermasim::model
