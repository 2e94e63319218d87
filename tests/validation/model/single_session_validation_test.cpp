// Validation targets 3, 4 and 5 (docs/model.md) on one standard pen session (1.5 mm, 100 /cm2 x 3
// passes) on healthy cheek skin, followed for a year. The run is shared by the tests (one
// fixture) and sampled finely in the first week, daily to day 60 and weekly after.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "dermasim/model/metrics.hpp"
#include "validation/model/ci_config.hpp"

namespace dermasim::validation {
namespace {

constexpr double kSession = 1.0;  // day of the session
constexpr double kYear = 365.25;

struct Sample {
  double t;                 // days after the session
  double epidermal_damage;  // epidermal mean D
  double immature, mature;  // treated-zone collagen totals
  model::MetricValues metrics;
};

class ValidationSingleSession : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim::RunConfig config = ci_config(kSession + kYear);
    config.events = {pen_session(kSession)};
    sim::Simulation sim(config);
    std::vector<double> times;
    for (double t = 0.0; t < 8.0 - 1e-9; t += 0.05) times.push_back(kSession + t);
    for (double t = 8.0; t < 60.0 - 1e-9; t += 1.0) times.push_back(kSession + t);
    for (double t = 60.0; t < kYear - 1e-9; t += 7.0) times.push_back(kSession + t);
    times.push_back(kSession + kYear);
    baseline_type3_ = sim.current_metrics()[model::kCollagenType3Fraction];
    samples_ = std::make_unique<std::vector<Sample>>();
    const double depth = sim.treated_depth();
    run_through(sim, times, [&](const sim::Simulation& s) {
      samples_->push_back({s.time() - kSession, epidermal_mean(s.state(), model::kDamage),
                           dermal_total(s.state(), model::kCollagenImmature, depth),
                           dermal_total(s.state(), model::kCollagenMature, depth),
                           s.current_metrics()});
    });
  }
  static void TearDownTestSuite() { samples_.reset(); }

  static const Sample& at(double t) {
    for (const Sample& s : *samples_) {
      if (s.t >= t - 1e-9) return s;
    }
    return samples_->back();
  }
  static const Sample& peak_of(int metric) {
    return *std::max_element(samples_->begin(), samples_->end(), [&](auto& a, auto& b) {
      return a.metrics[metric] < b.metrics[metric];
    });
  }

  static inline std::unique_ptr<std::vector<Sample>> samples_;
  static inline double baseline_type3_ = 0.0;
};

// Target 3a: epidermal damage below 10 % of its peak by 24 h.
TEST_F(ValidationSingleSession, EpidermisClosesWithinOneDay) {
  double peak = 0.0;
  for (const Sample& s : *samples_) peak = std::max(peak, s.epidermal_damage);
  ASSERT_GT(peak, 0.0);
  RecordProperty("epidermal_damage_24h_rel", std::to_string(at(1.0).epidermal_damage / peak));
  EXPECT_LT(at(1.0).epidermal_damage, 0.1 * peak);
}

// Target 3b: inflammation peaks within 0.5-2 days and is below 10 % of peak by day 7.
TEST_F(ValidationSingleSession, InflammationPeaksEarlyAndResolvesInAWeek) {
  const Sample& peak = peak_of(model::kInflammationMean);
  const double peak_value = peak.metrics[model::kInflammationMean];
  RecordProperty("inflammation_peak_day", std::to_string(peak.t));
  RecordProperty("inflammation_day7_rel",
                 std::to_string(at(7.0).metrics[model::kInflammationMean] / peak_value));
  EXPECT_GE(peak.t, 0.5);
  EXPECT_LE(peak.t, 2.0);
  EXPECT_LT(at(7.0).metrics[model::kInflammationMean], 0.1 * peak_value);
}

// Target 4: fibroblasts peak between day 5 and 14 at 1.5-5 F0, are within 20 % of F0 by week 6;
// myofibroblasts stay below 10 % of fibroblasts.
TEST_F(ValidationSingleSession, FibroblastsPeakInWeekTwoAndReturnBySixWeeks) {
  const Sample& peak = peak_of(model::kFibroblastsRel);
  const double peak_value = peak.metrics[model::kFibroblastsRel];
  RecordProperty("fibroblast_peak_day", std::to_string(peak.t));
  RecordProperty("fibroblast_peak_rel", std::to_string(peak_value));
  RecordProperty("fibroblast_week6_rel", std::to_string(at(42.0).metrics[model::kFibroblastsRel]));
  EXPECT_GE(peak.t, 5.0);
  EXPECT_LE(peak.t, 14.0);
  EXPECT_GE(peak_value, 1.5);
  EXPECT_LE(peak_value, 5.0);
  EXPECT_NEAR(at(42.0).metrics[model::kFibroblastsRel], 1.0, 0.2);
  double worst_ratio = 0.0;
  for (const Sample& s : *samples_) {
    worst_ratio = std::max(
        worst_ratio, s.metrics[model::kMyofibroblastsRel] / s.metrics[model::kFibroblastsRel]);
  }
  RecordProperty("myofibroblast_to_fibroblast_max", std::to_string(worst_ratio));
  EXPECT_LT(worst_ratio, 0.1);
}

// Target 5: the collagen deposited in weeks 1-2 is 30-40 % type III; the overall type III
// fraction is back within 2 percentage points of baseline by 12 months.
TEST_F(ValidationSingleSession, TypeThreeFractionOfNewCollagen) {
  const Sample& start = at(0.0);  // just after the session's injury
  const Sample& two_weeks = at(14.0);
  const double fraction =
      model::type3_fraction(two_weeks.immature - start.immature, two_weeks.mature - start.mature);
  RecordProperty("type3_deposited_weeks_1_2", std::to_string(fraction));
  EXPECT_GE(fraction, 0.30);
  EXPECT_LE(fraction, 0.40);
  const double final_type3 = samples_->back().metrics[model::kCollagenType3Fraction];
  RecordProperty("type3_12_months_minus_baseline", std::to_string(final_type3 - baseline_type3_));
  EXPECT_NEAR(final_type3, baseline_type3_, 0.02);
}

}  // namespace
}  // namespace dermasim::validation
