// Needling sessions: track placement, RF coagulation and the per-voxel injury update
// (equations in injury.hpp).
#include "dermasim/model/injury.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <sstream>
#include <utility>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/core/parallel.hpp"
#include "dermasim/core/rng.hpp"
#include "dermasim/model/fields.hpp"
#include "dermasim/model/layers.hpp"
#include "dermasim/model/rf.hpp"
#include "dermasim/model/tracks.hpp"

namespace dermasim::model {
namespace {

// The session holds engine units (radius, /mm2); converting back to the limits' units may round
// a value at a limit by an ulp, which must not make it invalid.
void require(SettingRange range, double value, const char* key, const char* unit) {
  constexpr double kSlack = 1e-12;
  if (value >= range.min - kSlack * range.min && value <= range.max + kSlack * range.max) return;
  std::ostringstream os;
  const char* space = *unit ? " " : "";
  os << key << ": " << value << space << unit << " is outside " << range.min << space << unit
     << " .. " << range.max << space << unit;
  throw InputError(os.str());
}

// Records the RF pulse of every tip in the state: the peak temperature as a running maximum,
// the damaged fraction 1 - exp(-Omega) with the pulses' integrals added (tips of one session are
// further apart than their hot zones, so within a session the nearest tip's value stands for the
// voxel).
void record_rf(FieldSet& state, std::span<const Column> tips, const RfTipProfile& profile) {
  const Grid& g = state.grid();
  const double reach = profile.extent(), h = g.spacing();
  std::vector<double> session_damage(g.cells(), 0.0);
  const bool volumetric = g.dimensions() == 3;
  const auto lo = [&](double v) { return std::max(0, static_cast<int>((v - reach) / h)); };
  const auto hi = [&](double v, int n) {
    return std::min(n - 1, static_cast<int>((v + reach) / h));
  };
  for (const Column& t : tips) {
    const int j0 = volumetric ? lo(t.y) : 0, j1 = volumetric ? hi(t.y, g.ny()) : 0;
    for (int k = lo(t.depth); k <= hi(t.depth, g.nz()); ++k) {
      for (int j = j0; j <= j1; ++j) {
        for (int i = lo(t.x); i <= hi(t.x, g.nx()); ++i) {
          const double dx = g.x(i) - t.x, dz = g.z(k) - t.depth;
          const double dy = volumetric ? g.y(j) - t.y : 0.0;
          const double r = std::sqrt(dx * dx + dy * dy + dz * dz);
          if (r >= reach) continue;
          const std::size_t c = g.index(i, j, k);
          state[kPeakTemperature][c] =
              std::max(state[kPeakTemperature][c],
                       profile.at(profile.peak_temperature, r, kBodyTemperatureC));
          session_damage[c] = std::max(session_damage[c], profile.at(profile.damage, r, 0.0));
        }
      }
    }
  }
  for (std::size_t c = 0; c < g.cells(); ++c) {
    // Damaged fraction 1 - exp(-Omega); pulses add their Omega: 1 - (1 - d) exp(-Omega_new).
    state[kThermalDamage][c] =
        1.0 - (1.0 - state[kThermalDamage][c]) * std::exp(-session_damage[c]);
  }
}

// Tips for the recorded RF fields of a 2D section: one row of a regular lattice of spacing
// 1/sqrt(n) (half a spacing in from the left edge) at the reached depth.
std::vector<Column> section_tips(const Grid& g, double areal_density, double depth) {
  const double spacing = 1.0 / std::sqrt(areal_density);
  std::vector<Column> tips;
  for (double x = 0.5 * spacing; x < g.width(); x += spacing) tips.push_back({x, 0.0, depth, 0.0});
  return tips;
}

}  // namespace

void validate_session(const NeedleSession& s) {
  namespace limits = session_limits;
  require(limits::kNeedleLength, s.needle_length, "treatment.needle_length", "mm");
  require(limits::kPenetrationFraction, s.penetration_fraction, "treatment.penetration_fraction",
          "");
  require(limits::kNeedleDiameter, 2.0 * s.needle_radius, "treatment.needle_diameter", "mm");
  require(limits::kDensity, 100.0 * s.density, "treatment.density", "/cm2");
  require(limits::kPasses, s.passes, "treatment.passes", "");
  require(limits::kRfEnergy, s.rf_energy, "treatment.rf_energy", "mJ");
}

SessionOutcome apply_needle_session(FieldSet& state, const NeedleSession& session,
                                    const ParameterSet& params, std::uint64_t seed,
                                    std::uint64_t stream, Threads threads) {
  validate_session(session);
  const Grid& g = state.grid();
  SessionOutcome out;
  out.penetration = std::min(session.penetration_fraction * session.needle_length, g.depth());
  const double areal_density = session.density * session.passes;
  const bool rf = session.device == Device::kRfPen && session.rf_energy > 0.0;

  std::vector<double> fraction(g.cells(), 0.0);
  // RF: the tip profile, and the share of each voxel heated above T_hs (heat-shocked).
  RfTipProfile profile;
  std::vector<double> heated;
  double shock_radius = 0.0;
  if (rf) {
    profile = rf_tip_profile(session.rf_energy, params);
    out.coagulation_radius = profile.coagulation_radius;
    shock_radius = profile.radius_above(profile.peak_temperature,
                                        kBodyTemperatureC + params[ParamId::rf_heat_shock_rise]);
    heated.assign(g.cells(), 0.0);
  }
  // PRP fills the open channels, not the coagulated tissue around RF tips.
  std::vector<double> channels;
  if (g.dimensions() == 3) {
    Rng rng(seed, stream);
    const std::vector<Column> tracks = place_columns(g, areal_density, out.penetration,
                                                     session.needle_radius, session.pattern, rng);
    out.punctures = static_cast<long>(tracks.size());
    add_columns(g, tracks, fraction);
    if (session.prp) channels = fraction;
    if (rf) {
      record_rf(state, tracks, profile);
      for (const Column& t : tracks) {
        if (out.coagulation_radius > 0.0)
          add_ball(g, t.x, t.y, t.depth, out.coagulation_radius, fraction);
        if (shock_radius > 0.0) add_ball(g, t.x, t.y, t.depth, shock_radius, heated);
      }
    }
  } else {
    // The section stands for the skin around it (tracks.hpp): the expected pattern, no seed.
    out.punctures = std::lround(areal_density * g.width());
    add_expected_columns(g, areal_density, out.penetration, session.needle_radius, session.pattern,
                         fraction);
    if (session.prp) channels = fraction;
    if (rf) {
      // The recorded fields show the plane through one row of a regular tip lattice; injury and
      // heat shock act as the areal expectation, like the tracks.
      record_rf(state, section_tips(g, areal_density, out.penetration), profile);
      if (out.coagulation_radius > 0.0) {
        add_expected_balls(g, areal_density, out.penetration, out.coagulation_radius,
                           session.pattern, fraction);
      }
      if (shock_radius > 0.0) {
        add_expected_balls(g, areal_density, out.penetration, shock_radius, session.pattern,
                           heated);
      }
    }
  }
  if (rf) {
    // Surviving heat-shocked fibroblasts enter the activated synthetic state.
    const double a_hs = params[ParamId::rf_heat_shock_activation];
    for (std::size_t c = 0; c < g.cells(); ++c) {
      state[kActivation][c] += a_hs * heated[c] * (1.0 - state[kActivation][c]);
    }
  }
  if (session.prp) {
    // The PRP fibrin gel in the channels holds its growth factor and releases it over days.
    const double depot = params[ParamId::prp_depot_growth_factor];
    for (std::size_t c = 0; c < g.cells(); ++c) state[kPrpDepot][c] += channels[c] * depot;
  }

  // The share of each field a track removes from the volume it covers (fields.hpp).
  std::vector<std::pair<int, double>> losses;
  for (const FieldSpec& spec : field_table()) {
    if (spec.track_loss_all) losses.emplace_back(spec.index, 1.0);
    if (spec.track_loss) losses.emplace_back(spec.index, params[*spec.track_loss]);
  }
  const double i_bolus = params[ParamId::inflammation_injury_bolus];
  const double g_bolus = params[ParamId::growth_factor_platelet_bolus] *
                         (session.prp ? params[ParamId::prp_platelet_factor] : 1.0);
  const std::size_t per_row = g.cells_per_row();
#pragma omp parallel for schedule(static) num_threads(threads.count())
  for (int k = 0; k < g.nz(); ++k) {
    const double vascular = layer_of(g, k) == Layer::kEpidermis ? 0.0 : 1.0;
    for (std::size_t p = 0; p < per_row; ++p) {
      const std::size_t c = k * per_row + p;
      const double f = fraction[c];
      if (f <= 0.0) continue;
      state[kDamage][c] += f * (1.0 - state[kDamage][c]);
      for (const auto& [field, loss] : losses) state[field][c] *= 1.0 - f * loss;
      state[kInflammation][c] += f * i_bolus;
      state[kGrowthFactor][c] += f * g_bolus * vascular;
    }
  }
  out.injured_volume =
      deterministic_sum(threads, fraction.size(), [&](std::size_t c) { return fraction[c]; }) *
      g.cell_volume();
  return out;
}

}  // namespace dermasim::model
