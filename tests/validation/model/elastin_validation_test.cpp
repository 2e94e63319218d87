// Validation target 15 (docs/model.md, elastin): a field that turns over in decades, is cut in
// the needle tracks and is slowly resynthesised by activated fibroblasts. The histology after
// needling is mixed: El-Domyati 2015 (J Clin Aesthet Dermatol 8(7):36; six sessions two weeks
// apart, biopsies 3 months from the start) found total elastin significantly lower, Kenkel 2021
// (Aesthet Surg J) found it unchanged, and the seed articles claim a rise without a measurement.
// The model follows El-Domyati, the only one that measured it in acne-scar skin after a course
// of the kind simulated here: elastin falls, by less than a fifth (a larger loss would have been
// visible as a change in Kenkel's biopsies; the 20 % bound is assumed).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "dermasim/model/metrics.hpp"
#include "validation/model/ci_config.hpp"

namespace dermasim::validation {
namespace {

constexpr double kStart = 7.0;
constexpr double kMonth = 30.4375;

TEST(ValidationElastin, ElDomyatisCourseLowersElastinByLessThanAFifth) {
  sim::RunConfig config = ci_config(kStart + 3 * kMonth);
  config.scar = {model::ScarType::kBoxcar, 2.5, 0.4};
  config.events = course(6, kStart, 14.0);
  sim::Simulation sim(config);
  sim::Observer quiet;
  sim.run(quiet);
  const double rel = sim.current_metrics()[model::kElastinRel];
  RecordProperty("elastin_rel_3_months", std::to_string(rel));
  EXPECT_LT(rel, 1.0);
  EXPECT_GT(rel, 0.8);
}

TEST(ValidationElastin, TurnsOverInDecadesAndRecoversSlowly) {
  // Untreated skin keeps its elastin (its half-life is decades); after one session the activated
  // fibroblasts make some of the lost elastin again, but a year is not enough to restore it.
  sim::RunConfig untreated = ci_config(365.0);
  sim::Simulation rest(untreated);
  sim::Observer quiet;
  rest.run(quiet);
  EXPECT_NEAR(rest.current_metrics()[model::kElastinRel], 1.0, 1e-6);

  sim::RunConfig one = ci_config(365.0);
  one.events = course(1, kStart, 28.0);
  sim::Simulation sim(one);
  double after_session = 0.0;
  run_through(sim, {kStart + 7.0, 365.0}, [&](const sim::Simulation& s) {
    if (after_session == 0.0) after_session = s.current_metrics()[model::kElastinRel];
  });
  const double at_year = sim.current_metrics()[model::kElastinRel];
  RecordProperty("elastin_rel_week_1", std::to_string(after_session));
  RecordProperty("elastin_rel_1_year", std::to_string(at_year));
  EXPECT_LT(after_session, 1.0);
  EXPECT_GT(at_year, after_session);
  EXPECT_LT(at_year, 1.0);
}

}  // namespace
}  // namespace dermasim::validation
