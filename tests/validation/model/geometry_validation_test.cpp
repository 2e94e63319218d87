// Validation targets 9 and 10 (geometry and metrics; docs/validation.md):
//  9. the same protocol in 2D and in a 3D block gives the same improvement (within 2 points of
//     the block's seed mean), and a 2D run does not depend on the needle-placement seed (SD over
//     10 seeds <= 1 point); the domain width does not move the answer (< 2 points, 6 vs 10 mm).
// 10. scar depth and improvement move together (a scar that fills gets shallower); the
//     reference skin's surface shows no needle-pattern ripple above normal skin roughness
//     (0.02 mm peak to peak; facial skin roughness is of that order); needled healthy skin
//     thickens by at most 10 % of its dermis (Wu 2022 Dermatol Ther: dermal thickness change not
//     significant 6 months after RF needling; Kenkel 2021 Aesthet Surg J: the dermis gains
//     density, +102 % by ultrasound at 3 months; its collagen density is target 7).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "dermasim/model/metrics.hpp"
#include "validation/model/ci_config.hpp"

namespace dermasim::validation {
namespace {

constexpr double kStart = 7.0;
constexpr double kMonth = 30.4375;
constexpr double kLast = kStart + 3 * 28.0;  // last of 4 sessions 4 weeks apart

// The CI block of the 2D/3D comparison (scenarios/ci/block-3d-ci.yaml): 3.6 x 3.6 x 2 mm at
// 50 um, a 1.6 mm wide 0.3 mm deep boxcar, the standard course, 4 months.
sim::RunConfig block_config(int dimensions, std::uint64_t seed) {
  sim::RunConfig c = ci_config(4 * kMonth);
  c.grid.dimensions = dimensions;
  c.grid.nx = 72;                        // 3.6 mm at 50 um
  c.grid.ny = dimensions == 3 ? 72 : 1;  // 3.6 mm
  c.grid.nz = 40;                        // 2 mm
  c.scar = {model::ScarType::kBoxcar, 1.6, 0.3};
  c.events = course(4, kStart, 28.0);
  c.seed = seed;
  return c;
}

double final_improvement(const sim::RunConfig& config) {
  sim::Simulation sim(config);
  sim::Observer quiet;
  sim.run(quiet);
  return sim.current_metrics()[model::kImprovement];
}

double mean(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double sd(const std::vector<double>& v) {
  const double m = mean(v);
  double s = 0.0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

TEST(ValidationGeometry, TwoDimensionalSectionDoesNotDependOnTheSeed) {
  std::vector<double> improvements;
  for (std::uint64_t seed = 1; seed <= 10; ++seed)
    improvements.push_back(final_improvement(block_config(2, seed)));
  RecordProperty("section_improvement_pct", std::to_string(mean(improvements)));
  RecordProperty("section_seed_sd_points", std::to_string(sd(improvements)));
  EXPECT_LE(sd(improvements), 1.0);
}

TEST(ValidationGeometry, DomainWidthDoesNotMoveTheAnswer) {
  std::vector<double> at_three_months;
  for (double width : {6.0, 10.0}) {
    sim::RunConfig c = ci_config(kLast + 3 * kMonth);
    c.grid.nx = static_cast<int>(std::lround(width / c.grid.spacing));
    c.scar = {model::ScarType::kBoxcar, 2.5, 0.4};
    c.events = course(4, kStart, 28.0);
    at_three_months.push_back(final_improvement(c));
  }
  RecordProperty("improvement_pct_width_6mm", std::to_string(at_three_months[0]));
  RecordProperty("improvement_pct_width_10mm", std::to_string(at_three_months[1]));
  EXPECT_LT(std::abs(at_three_months[0] - at_three_months[1]), 2.0);
}

// Largest peak-to-peak surface variation over the reference region.
double reference_ripple(const sim::Simulation& s) {
  const Grid& g = s.state().grid();
  const model::ScarFootprint fp = model::scar_footprint(g, s.model().scar());
  const std::vector<double> e = s.metrics().elevation(s.state());
  double lo = INFINITY, hi = -INFINITY;
  for (int j = 0; j < g.ny(); ++j) {
    for (int i = 0; i < g.nx(); ++i) {
      if (!fp.reference(g, i, j)) continue;
      lo = std::min(lo, e[static_cast<std::size_t>(j) * g.nx() + i]);
      hi = std::max(hi, e[static_cast<std::size_t>(j) * g.nx() + i]);
    }
  }
  return hi - lo;
}

// One 3D run serves three checks: the 2D/3D agreement (with two more seeds), the depth that
// follows the deficit, and the reference skin's ripple.
TEST(ValidationGeometry, BlockAgreesWithItsSectionAndItsMetricsAgree) {
  std::vector<double> block;
  double worst_ripple = 0.0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    sim::Simulation sim(block_config(3, seed));
    // Weekly samples, and the healed surface: the day before each later session and the end.
    // (For a few days after a session the torn matrix of the tracks still shows; real channels
    // close in 12-18 h, Kalluri 2011, under a provisional matrix the model does not count.)
    const std::vector<double> healed = {kStart + 27.0, kStart + 55.0, kStart + 83.0, 4 * kMonth};
    std::vector<double> times = healed;
    for (double t = kStart + 7.0; t <= 4 * kMonth; t += 7.0) times.push_back(t);
    std::sort(times.begin(), times.end());
    double depth = sim.current_metrics()[model::kScarDepth];
    double deficit = sim.current_metrics()[model::kScarDeficit];
    const double initial_depth = depth;
    const sim::RunConfig config = block_config(3, seed);
    double previous = 0.0;
    run_through(sim, times, [&](const sim::Simulation& s) {
      const model::MetricValues m = s.current_metrics();
      // While the scar fills, the deficit and the depth change in the same direction. An
      // interval that holds a session also holds the fresh dips of its tracks in the torn
      // matrix (see above): that is injury, not filling, so it is not compared.
      const bool session_between = std::any_of(
          config.events.begin(), config.events.end(),
          [&](const sim::Event& e) { return e.time_days > previous && e.time_days <= s.time(); });
      previous = s.time();
      if (!session_between && m[model::kScarDeficit] < deficit - 1e-9) {
        EXPECT_LE(m[model::kScarDepth], depth + 1e-9) << "day " << s.time() << " seed " << seed;
      }
      depth = m[model::kScarDepth];
      deficit = m[model::kScarDeficit];
      if (std::find(healed.begin(), healed.end(), s.time()) != healed.end())
        worst_ripple = std::max(worst_ripple, reference_ripple(s));
    });
    EXPECT_LT(depth, initial_depth) << "seed " << seed;
    block.push_back(sim.current_metrics()[model::kImprovement]);
  }
  const double section = final_improvement(block_config(2, 1));
  RecordProperty("block_improvement_pct_mean", std::to_string(mean(block)));
  RecordProperty("block_improvement_pct_sd", std::to_string(sd(block)));
  RecordProperty("section_improvement_pct", std::to_string(section));
  RecordProperty("reference_ripple_mm", std::to_string(worst_ripple));
  EXPECT_LT(std::abs(section - mean(block)), 2.0);
  EXPECT_LE(worst_ripple, 0.02);
}

TEST(ValidationGeometry, NeedledHealthySkinDensifiesMoreThanItThickens) {
  sim::RunConfig c = ci_config(kLast + 6 * kMonth);
  c.events = course(4, kStart, 28.0);
  sim::Simulation sim(c);
  const Grid& g = sim.state().grid();
  int dermal_rows = 0;
  for (int k = 0; k < g.nz(); ++k)
    dermal_rows += model::layer_of(g, k) == model::Layer::kPapillary ||
                   model::layer_of(g, k) == model::Layer::kReticular;
  const double dermis = dermal_rows * g.spacing();
  std::vector<double> thickening, papillary;
  run_through(
      sim, {kLast + 2 * kMonth, kLast + 3 * kMonth, kLast + 6 * kMonth},
      [&](const sim::Simulation& s) {
        const std::vector<double> e = s.metrics().elevation(s.state());
        thickening.push_back(100.0 * mean(e) / dermis);
        papillary.push_back(100.0 * (s.current_metrics()[model::kCollagenPapillaryRel] - 1));
      });
  RecordProperty("healthy_thickening_pct_3_months", std::to_string(thickening[1]));
  RecordProperty("healthy_thickening_pct_6_months", std::to_string(thickening[2]));
  RecordProperty("healthy_papillary_gain_pct_2_months", std::to_string(papillary[0]));
  RecordProperty("healthy_papillary_gain_pct_3_months", std::to_string(papillary[1]));
  for (double t : thickening) {
    EXPECT_GE(t, 0.0);
    EXPECT_LE(t, 10.0);
  }
  // The papillary collagen density of needled skin is target 7 (Lotfi's five monthly
  // sessions, ValidationCourse); after this four-session course it is recorded only.
}

}  // namespace
}  // namespace dermasim::validation
