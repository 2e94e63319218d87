// A needling session's effect on the resting state, and the RF coagulation zone.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "dermasim/core/error.hpp"
#include "dermasim/model/fields.hpp"
#include "dermasim/model/injury.hpp"
#include "dermasim/model/rf.hpp"
#include "dermasim/model/tissue.hpp"

namespace dermasim::model {
namespace {

// Collagen loss is 0 by default (needles remove no matrix); 0.1 here exercises the term.
ParameterSet ablating() {
  ParameterSet p;
  p.set(ParamId::injury_collagen_loss, 0.1);
  return p;
}

struct Injured {
  TissueModel model;
  FieldSet rest = model.initial_state();
  FieldSet state = model.initial_state();
  SessionOutcome outcome;
  explicit Injured(NeedleSession s, Grid grid = Grid(2, 120, 1, 40, 0.05), ScarSpec scar = {})
      : model(std::move(grid), SkinSpec{}, scar, ablating(), 1) {
    outcome = apply_needle_session(state, s, model.parameters(), 42, 1000, Threads(1));
  }
};

// The injury terms of a voxel with injured fraction f (injury.hpp).
void expect_injured(const Injured& inj, std::size_t c, double f) {
  EXPECT_NEAR(inj.state[kDamage][c], f, 1e-12);
  EXPECT_NEAR(inj.state[kFibroblasts][c], inj.rest[kFibroblasts][c] * (1.0 - 0.5 * f), 1e-9);
  EXPECT_NEAR(inj.state[kCollagenMature][c], inj.rest[kCollagenMature][c] * (1.0 - 0.1 * f), 1e-12);
  EXPECT_NEAR(inj.state[kInflammation][c], 0.5 * f, 1e-12);
  EXPECT_NEAR(inj.state[kScarTether][c], inj.rest[kScarTether][c] * (1.0 - f), 1e-12);
}

TEST(Injury, SectionReceivesTheArealExpectationOfThePattern) {
  NeedleSession s;  // 1.5 mm pen, f_pen 0.7, 3 x 1 /mm2, radius 0.125 mm
  const Injured inj(s);
  EXPECT_NEAR(inj.outcome.penetration, 1.05, 1e-12);
  EXPECT_EQ(inj.outcome.punctures, 18);  // 3 /mm2 over 6 mm, per mm of breadth
  const double share = 3.0 * std::numbers::pi * 0.125 * 0.125;
  const Grid& g = inj.model.grid();
  double epi_g = 0.0, derm_g = 0.0;
  for (int k = 0; k < g.nz(); ++k) {
    for (int i = 0; i < g.nx(); ++i) {
      const std::size_t c = g.index(i, 0, k);
      if (g.z(k) + 0.025 < 1.05) expect_injured(inj, c, share);  // rows fully above the tips
      if (g.z(k) > 1.05 + 0.05) {
        ASSERT_EQ(inj.state[kDamage][c], 0.0);
      }
      (layer_of(g, k) == Layer::kEpidermis ? epi_g : derm_g) += inj.state[kGrowthFactor][c];
    }
  }
  EXPECT_EQ(epi_g, 0.0);  // no platelets in the avascular epidermis
  EXPECT_GT(derm_g, 0.0);
  // No seed enters a section.
  const FieldSet a = inj.state;
  FieldSet b = inj.model.initial_state();
  apply_needle_session(b, s, inj.model.parameters(), 7, 1003, Threads(1));
  for (int f = 0; f < a.size(); ++f)
    for (std::size_t c = 0; c < a[f].size(); ++c) ASSERT_EQ(a[f][c], b[f][c]);
}

TEST(Injury, BlockTracksDamageTissueAndReleaseSignals) {
  NeedleSession s;
  const Injured inj(s, Grid(3, 40, 40, 30, 0.05));  // 2 x 2 x 1.5 mm
  const Grid& g = inj.model.grid();
  EXPECT_NEAR(static_cast<double>(inj.outcome.punctures), 3.0 * 2.0 * 2.0, 2.0);
  double max_d = 0.0, epi_g = 0.0, derm_g = 0.0;
  for (std::size_t c = 0; c < g.cells(); ++c) {
    const double d = inj.state[kDamage][c];
    max_d = std::max(max_d, d);
    ASSERT_LE(d, 1.0);
    if (d == 1.0) expect_injured(inj, c, 1.0);  // a voxel entirely inside a track
    const int k = static_cast<int>(c / g.cells_per_row());
    if (g.z(k) > 1.05 + 0.05) {
      ASSERT_EQ(d, 0.0) << "damage below the penetration depth";
    }
    (layer_of(g, k) == Layer::kEpidermis ? epi_g : derm_g) += inj.state[kGrowthFactor][c];
  }
  EXPECT_EQ(max_d, 1.0);
  EXPECT_EQ(epi_g, 0.0);
  EXPECT_GT(derm_g, 0.0);
}

TEST(Injury, TracksCutTheFibrousBandsOfARollingScar) {
  NeedleSession s;  // reaches 1.05 mm, below the bands' top
  const Injured inj(s, Grid(2, 200, 1, 40, 0.05), {ScarType::kRolling, 4.5, 0.3});
  const Grid& g = inj.model.grid();
  const std::size_t centre = g.index(g.nx() / 2, 0, 0);
  double before = 0.0, after = 0.0;
  for (int k = 0; k < g.nz(); ++k) {
    before += inj.rest[kScarTether][centre + k * g.cells_per_row()];
    after += inj.state[kScarTether][centre + k * g.cells_per_row()];
  }
  EXPECT_GT(before, 0.0);
  EXPECT_LT(after, before);
  NeedleSession shallow;  // a home roller's 0.05 mm stays above every band
  shallow.needle_length = 0.25;
  shallow.penetration_fraction = 0.2;
  const Injured roller(shallow, Grid(2, 200, 1, 40, 0.05), {ScarType::kRolling, 4.5, 0.3});
  for (std::size_t c = 0; c < g.cells(); ++c)
    ASSERT_EQ(roller.state[kScarTether][c], roller.rest[kScarTether][c]);
}

TEST(Injury, PrpMultipliesThePlateletBolus) {
  NeedleSession s;
  const Injured plain(s);
  s.prp = true;
  const Injured prp(s);
  double a = 0.0, b = 0.0;
  for (std::size_t c = 0; c < plain.state[kGrowthFactor].size(); ++c) {
    a += plain.state[kGrowthFactor][c];
    b += prp.state[kGrowthFactor][c];
  }
  EXPECT_NEAR(b / a, 4.0, 1e-9);
}

TEST(Injury, RfPenAddsACoagulationZone) {
  NeedleSession s;
  s.device = Device::kRfPen;
  s.rf_energy = 8.0;
  const Injured rf(s);
  s.device = Device::kPen;
  const Injured pen(s);
  EXPECT_GT(rf.outcome.coagulation_radius, 0.0);
  EXPECT_GT(rf.outcome.injured_volume, pen.outcome.injured_volume);
}

TEST(Injury, RejectsImpossibleSessions) {
  NeedleSession s;
  s.penetration_fraction = 1.5;
  EXPECT_THROW(validate_session(s), InputError);
  s = NeedleSession{};
  s.passes = 0;
  EXPECT_THROW(validate_session(s), InputError);
}

// Pennes + Arrhenius: no damage without energy, a zone that grows with energy and stays
// millimetric for the mJ pulses of fractional RF devices.
TEST(RfModule, CoagulationRadiusGrowsWithEnergy) {
  const ParameterSet p;
  EXPECT_EQ(rf_coagulation_radius(0.0, p), 0.0);
  EXPECT_EQ(rf_coagulation_radius(1.0, p), 0.0);  // too little to reach the damage threshold
  double previous = 0.0;
  for (double e : {4.0, 8.0, 16.0, 32.0}) {
    const double r = rf_coagulation_radius(e, p);
    EXPECT_GT(r, previous) << e << " mJ";
    EXPECT_LT(r, 1.0) << e << " mJ";
    previous = r;
  }
}

}  // namespace
}  // namespace dermasim::model
