// The assembled tissue model: resting state, kernel rates, transport specs and the
// homeostasis check.
#include <gtest/gtest.h>

#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/core/rng.hpp"
#include "dermasim/model/tissue.hpp"

namespace dermasim::model {
namespace {

Grid small_grid() {
  return Grid(2, 40, 1, 40, 0.05);
}

TEST(TissueModel, RestingStateFollowsTheLayers) {
  const TissueModel m(small_grid(), SkinSpec{}, ScarSpec{}, ParameterSet{}, 1);
  const FieldSet s = m.initial_state();
  const Grid& g = m.grid();
  EXPECT_EQ(layer_of(g, 0), Layer::kEpidermis);
  EXPECT_EQ(layer_of(g, 2), Layer::kPapillary);    // z = 0.125 mm
  EXPECT_EQ(layer_of(g, 10), Layer::kReticular);   // z = 0.525 mm
  EXPECT_EQ(layer_of(g, 35), Layer::kHypodermis);  // z = 1.775 mm
  EXPECT_EQ(s[kFibroblasts][g.index(3, 0, 0)], 0.0);
  EXPECT_EQ(s[kMmp][g.index(3, 0, 0)], 0.0);
  // Age 30 is 5/60 of the way from 25 to 85 years: F0 (1 - 0.35 / 12).
  EXPECT_DOUBLE_EQ(s[kFibroblasts][g.index(3, 0, 10)], 5.0e3 * (1.0 - 0.35 / 12.0));
  EXPECT_DOUBLE_EQ(s[kMmp][g.index(3, 0, 10)], 1.0);
  EXPECT_NEAR(s[kCollagenImmature][g.index(3, 0, 10)] + s[kCollagenMature][g.index(3, 0, 10)], 0.25,
              1e-15);
  EXPECT_NO_THROW(m.check_homeostasis());
}

// Every rate is non-negative for arbitrary non-negative states (the integrator relies on it).
TEST(TissueKernel, ProductionAndLossAreNonNegative) {
  SkinSpec skin;
  skin.active_acne = true;
  skin.aging = true;
  const TissueModel m(small_grid(), skin, ScarSpec{ScarType::kHypertrophic, 0.6, 0.2},
                      ParameterSet{}, 3);
  const TissueKernel kernel = m.kernel();
  Rng rng(7);
  double u[kModelFieldCount], prod[kModelFieldCount], loss[kModelFieldCount];
  const double scale[kModelFieldCount] = {1.5, 3, 30, 3e4, 3e4, 5, 0.5, 0.5, 10, 1, 300, 1};
  for (int n = 0; n < 2000; ++n) {
    for (int f = 0; f < kModelFieldCount; ++f) u[f] = scale[f] * rng.uniform();
    const int i = static_cast<int>(rng.uniform() * 40), k = static_cast<int>(rng.uniform() * 40);
    kernel.rates(ReactionCell{m.grid().index(i, 0, k), i, 0, k, 0.0}, u, prod, loss);
    for (int f = 0; f < kModelFieldCount; ++f) {
      ASSERT_GE(prod[f], 0.0) << f;
      ASSERT_GE(loss[f], 0.0) << f;
    }
  }
}

// The loss rates the kernel declares row-constant (ReactionOperator then skips checking them)
// are the same for every state and every cell of a row, also in a scar with acne foci.
TEST(TissueKernel, DeclaredRowConstantLossesDependOnlyOnTheRow) {
  SkinSpec skin;
  skin.active_acne = true;
  const TissueModel m(small_grid(), skin, ScarSpec{ScarType::kBoxcar, 0.6, 0.2}, ParameterSet{}, 3);
  const TissueKernel kernel = m.kernel();
  Rng rng(5);
  double u[kModelFieldCount], prod[kModelFieldCount], loss[kModelFieldCount];
  double first[kModelFieldCount];
  int declared = 0;
  for (int f = 0; f < kModelFieldCount; ++f) declared += TissueKernel::kRowConstantLoss[f];
  EXPECT_EQ(declared, 6);
  for (int k = 0; k < 40; ++k) {
    for (int n = 0; n < 100; ++n) {
      for (int f = 0; f < kModelFieldCount; ++f) u[f] = 1e4 * rng.uniform();
      const int i = static_cast<int>(rng.uniform() * 40);
      kernel.rates(ReactionCell{m.grid().index(i, 0, k), i, 0, k, 0.0}, u, prod, loss);
      for (int f = 0; f < kModelFieldCount; ++f) {
        if (!TissueKernel::kRowConstantLoss[f]) continue;
        if (n == 0) first[f] = loss[f];
        ASSERT_EQ(loss[f], first[f]) << "field " << f << ", row " << k;
      }
    }
  }
}

// Growth factor drives proliferation; without it fibroblasts above F0 only return to F0, and
// the PIH dose grows only in the epidermis above the inflammation threshold.
TEST(TissueKernel, TermsActWhereTheEquationsSay) {
  const TissueModel m(small_grid(), SkinSpec{}, ScarSpec{}, ParameterSet{}, 1);
  const TissueKernel kernel = m.kernel();
  const FieldSet rest = m.initial_state();
  const Grid& g = m.grid();
  auto rates_at = [&](int k, auto modify, double* prod, double* loss) {
    double u[kModelFieldCount];
    for (int f = 0; f < kModelFieldCount; ++f) u[f] = rest[f][g.index(5, 0, k)];
    modify(u);
    kernel.rates(ReactionCell{g.index(5, 0, k), 5, 0, k, 0.0}, u, prod, loss);
    double net[kModelFieldCount];
    for (int f = 0; f < kModelFieldCount; ++f) net[f] = prod[f] - loss[f] * u[f];
    return std::vector<double>(net, net + kModelFieldCount);
  };
  double p[kModelFieldCount], l[kModelFieldCount];
  const auto excess = rates_at(
      10, [](double* u) { u[kFibroblasts] *= 2.0; }, p, l);
  const double f0 = m.baseline().fibroblasts_dermis;
  EXPECT_NEAR(excess[kFibroblasts], -0.08 * f0, 1e-9);  // -delta_F (F - F0)
  const auto wound = rates_at(
      10, [](double* u) { u[kGrowthFactor] = 2.0; }, p, l);
  EXPECT_GT(wound[kFibroblasts], 0.0);
  EXPECT_GT(wound[kMyofibroblasts], 0.0);
  EXPECT_GT(wound[kCollagenImmature], 0.0);
  EXPECT_GT(wound[kMmp], 0.0);
  const auto epi = rates_at(
      0, [](double* u) { u[kInflammation] = 0.8; }, p, l);
  const double threshold = ParameterSet{}[ParamId::pih_threshold];
  EXPECT_NEAR(epi[kPihDose], 0.8 - threshold, 1e-12);  // unprimed melanocytes (Q = 0)
  EXPECT_GT(epi[kMelanocytePriming], 0.0);
  const auto derm = rates_at(
      10, [](double* u) { u[kInflammation] = 0.8; }, p, l);
  EXPECT_EQ(derm[kPihDose], 0.0);
}

TEST(TissueModel, TransportKeepsFibroblastsAndMmpOutOfTheEpidermis) {
  const TissueModel m(small_grid(), SkinSpec{}, ScarSpec{}, ParameterSet{}, 1);
  for (const DiffusionSpec& spec : m.diffusion_specs()) {
    if (spec.field == kFibroblasts || spec.field == kMmp || spec.field == kMyofibroblasts ||
        spec.field == kActivation) {
      EXPECT_EQ(spec.diffusivity[0], 0.0);
      EXPECT_GT(spec.diffusivity[10], 0.0);
    } else {
      EXPECT_GT(spec.diffusivity[0], 0.0);
    }
  }
  const auto chemo = m.chemotaxis_specs();
  ASSERT_EQ(chemo.size(), 1u);
  EXPECT_EQ(chemo[0].attractant, kGrowthFactor);
  EXPECT_EQ(chemo[0].sensitivity[0], 0.0);
  EXPECT_DOUBLE_EQ(chemo[0].sensitivity[10], 2.4e-3);
}

TEST(TissueModel, HomeostasisCheckNamesTheParametersThatBreakIt) {
  ParameterSet p;
  p.set("growth_factor.autocrine_secretion", 0.02);  // loop gain 2 at rest
  const TissueModel m(small_grid(), SkinSpec{}, ScarSpec{}, p, 1);
  try {
    m.check_homeostasis();
    FAIL() << "accepted a fibrotic resting state";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("growth_factor.autocrine_secretion"), std::string::npos);
  }
  ParameterSet q;
  q.set("fibroblast.hypodermis_factor", 0.5);  // sealed off, but steady: allowed
  EXPECT_NO_THROW(TissueModel(small_grid(), SkinSpec{}, ScarSpec{}, q, 1).check_homeostasis());
  SkinSpec aging;
  aging.aging = true;
  EXPECT_NO_THROW(
      TissueModel(small_grid(), aging, ScarSpec{}, ParameterSet{}, 1).check_homeostasis());
}

TEST(TissueModel, ActiveAcneAddsSeededFoci) {
  SkinSpec acne;
  acne.active_acne = true;
  const TissueModel a(Grid(2, 200, 1, 20, 0.05), acne, ScarSpec{}, ParameterSet{}, 5);
  const TissueModel b(Grid(2, 200, 1, 20, 0.05), acne, ScarSpec{}, ParameterSet{}, 5);
  const TissueKernel ka = a.kernel();
  const auto& src = ka.maps().inflammation_source;
  double total = 0.0;
  for (double v : src) total += v;
  EXPECT_GT(total, 0.0);
  EXPECT_EQ(src, b.kernel().maps().inflammation_source);  // compared while the copy lives
  const TissueModel none(Grid(2, 200, 1, 20, 0.05), SkinSpec{}, ScarSpec{}, ParameterSet{}, 5);
  const TissueKernel kn = none.kernel();
  for (double v : kn.maps().inflammation_source) ASSERT_EQ(v, 0.0);
}

}  // namespace
}  // namespace dermasim::model
