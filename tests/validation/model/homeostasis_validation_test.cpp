// Validation targets 1 and 2 (docs/model.md): untreated skin is steady with aging off, and loses
// 0.7-1.3 % of its dermal collagen per year with aging on (Shuster 1975).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "validation/model/ci_config.hpp"

namespace dermasim::validation {
namespace {

constexpr double kYear = 365.25;

// Target 1: every field within 0.1 % of its initial value after one simulated year.
TEST(ValidationHomeostasis, UntreatedSkinIsSteadyForOneYear) {
  sim::RunConfig config = ci_config(kYear);
  sim::Simulation sim(config);
  const FieldSet initial = sim.model().initial_state();
  sim::Observer quiet;
  sim.run(quiet);
  for (int f = 0; f < initial.size(); ++f) {
    double worst = 0.0;
    for (std::size_t c = 0; c < initial[f].size(); ++c) {
      const double u0 = initial[f][c];
      const double drift = std::abs(sim.state()[f][c] - u0);
      // Fields resting at zero must stay at zero (to rounding of their scale).
      worst = std::max(worst, u0 != 0.0 ? drift / std::abs(u0) : drift / initial[f].info().scale);
    }
    EXPECT_LT(worst, 1e-3) << initial[f].name();
  }
}

// Target 2: with aging on, total dermal collagen falls 0.7-1.3 % per year.
TEST(ValidationHomeostasis, AgingLosesAboutOnePercentCollagenPerYear) {
  sim::RunConfig config = ci_config(kYear);
  config.skin.aging = true;
  sim::Simulation sim(config);
  auto total = [](const FieldSet& s) {
    return dermal_total(s, model::kCollagenImmature) + dermal_total(s, model::kCollagenMature);
  };
  const double before = total(sim.state());
  sim::Observer quiet;
  sim.run(quiet);
  const double loss_pct = 100.0 * (1.0 - total(sim.state()) / before);
  RecordProperty("collagen_loss_pct_per_year", std::to_string(loss_pct));
  EXPECT_GE(loss_pct, 0.7);
  EXPECT_LE(loss_pct, 1.3);
}

}  // namespace
}  // namespace dermasim::validation
