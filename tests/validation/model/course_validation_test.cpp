// Validation targets 6, 7 and 8 (docs/model.md): treatment courses of standard 1.5 mm pen sessions.
//  6. boxcar scar (2.5 mm wide, 0.4 mm deep), 4 sessions 4 weeks apart: improvement 30-60 %
//     at 3 and at 6 months after the last session (clinical ~45 %: Dogra 2014, Asif 2016);
//  7. boxcar scar, 5 monthly sessions: papillary collagen under the scar +30-70 % at 8 weeks
//     after the last session (+53.2 % in the treated scars' biopsies: Lotfi 2013);
//  8. hypertrophic scar (2.5 mm wide, 0.4 mm high) under the course of 6: elevation reduced by
//     at most 10 % at 3 and 6 months after the last session.
#include <gtest/gtest.h>

#include "dermasim/model/metrics.hpp"
#include "validation/model/ci_config.hpp"

namespace dermasim::validation {
namespace {

constexpr double kStart = 7.0;
constexpr double kMonth = 30.4375;

TEST(ValidationCourse, BoxcarScarImprovesThirtyToSixtyPercent) {
  const double last = kStart + 3 * 28.0;
  sim::RunConfig config = ci_config(last + 6 * kMonth);
  config.scar = {model::ScarType::kBoxcar, 2.5, 0.4};
  config.events = course(4, kStart, 28.0);
  sim::Simulation sim(config);
  model::MetricValues three{}, six{};
  run_through(sim, {last + 3 * kMonth, last + 6 * kMonth}, [&](const sim::Simulation& s) {
    (s.time() < last + 4 * kMonth ? three : six) = s.current_metrics();
  });
  RecordProperty("improvement_pct_3_months", std::to_string(three[model::kImprovement]));
  RecordProperty("improvement_pct_6_months", std::to_string(six[model::kImprovement]));
  for (const auto& m : {three, six}) {
    EXPECT_GE(m[model::kImprovement], 30.0);
    EXPECT_LE(m[model::kImprovement], 60.0);
  }
}

/// Papillary collagen (Cim + Cm) inside the scar footprint, mg per mm of section.
double papillary_collagen_in_footprint(const sim::Simulation& s, const model::ScarSpec& scar) {
  const FieldSet& state = s.state();
  const Grid& g = state.grid();
  const model::ScarFootprint fp = model::scar_footprint(g, scar);
  double total = 0.0;
  for (int k = 0; k < g.nz(); ++k) {
    if (model::layer_of(g, k) != model::Layer::kPapillary) continue;
    for (int i = 0; i < g.nx(); ++i) {
      if (!fp.inside(g, i, 0)) continue;
      const std::size_t c = g.index(i, 0, k);
      total += state[model::kCollagenImmature][c] + state[model::kCollagenMature][c];
    }
  }
  return total;
}

// Lotfi's biopsies are of the treated atrophic scars (30 patients with rolling, boxcar and
// icepick scars; Masson trichrome, collagen fibre content of the papillary dermis before and
// 8 weeks after the course), so the gain is measured where they measured it: the papillary
// dermis under the boxcar scar, against the same region before treatment.
TEST(ValidationCourse, FiveMonthlySessionsRaisePapillaryCollagen) {
  const double last = kStart + 4 * kMonth;
  sim::RunConfig config = ci_config(last + 56.0);
  config.scar = {model::ScarType::kBoxcar, 2.5, 0.4};
  config.events = course(5, kStart, kMonth);
  sim::Simulation sim(config);
  const double before = papillary_collagen_in_footprint(sim, config.scar);
  sim::Observer quiet;
  sim.run(quiet);
  const double gain_pct =
      100.0 * (papillary_collagen_in_footprint(sim, config.scar) / before - 1.0);
  RecordProperty("papillary_collagen_gain_pct_8_weeks", std::to_string(gain_pct));
  EXPECT_GE(gain_pct, 30.0);
  EXPECT_LE(gain_pct, 70.0);
}

TEST(ValidationCourse, HypertrophicScarIsNotFlattened) {
  const double last = kStart + 3 * 28.0;
  sim::RunConfig config = ci_config(last + 6 * kMonth);
  config.scar = {model::ScarType::kHypertrophic, 2.5, 0.4};
  config.events = course(4, kStart, 28.0);
  sim::Simulation sim(config);
  const double initial = sim.current_metrics()[model::kScarDepth];
  ASSERT_NEAR(initial, 0.4, 0.02);
  std::vector<double> heights;
  run_through(sim, {last + 3 * kMonth, last + 6 * kMonth}, [&](const sim::Simulation& s) {
    heights.push_back(s.current_metrics()[model::kScarDepth]);
  });
  RecordProperty("elevation_rel_3_months", std::to_string(heights[0] / initial));
  RecordProperty("elevation_rel_6_months", std::to_string(heights[1] / initial));
  for (double h : heights) EXPECT_GE(h, 0.9 * initial);
}

}  // namespace
}  // namespace dermasim::validation
