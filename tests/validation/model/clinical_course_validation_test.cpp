// Validation targets 11-14 (the clinical course) on the CI configuration of ci_config.hpp:
// 11. the gain keeps growing after the last session: rising for 3 months, 6-month gain
//     1.2-1.6x the 3-month gain (Alam 2014 JAMA Dermatol 150:844: Goodman-Baron -2.4 at 3,
//     -3.4 at 6 months = 1.42x), 25-35 % of the gain at 2 months accrued after the last session
//     of weekly rolling for 3 months (Minh 2019 Open Access Maced J Med Sci 7(2): 30-34 %),
//     nothing lost by 12 months;
// 12. PRP multiplies the improvement of Asif's course (3 sessions monthly) by 1.2-1.5 (Asif
//     2016 J Cosmet Dermatol 15:434: 62.2 vs 45.8 % = 1.36; Sharma ~1.27);
// 13. scar types and dose: rolling >= boxcar, icepick below half of boxcar (Lotfi 2013 J Egypt
//     Women's Dermatol Soc 10:152; Majid 2009 J Cutan Aesthet Surg 2:26); a home roller whose
//     needles stop above the deficit does close to nothing for it; 2.5 mm beats 1.5 mm
//     (split-face 2.5 vs 1.5 mm Dermapen, p = .02);
// 14. RF needling: more energy per pin, more improvement (Eubanks 2022 Lasers Surg Med 54:74:
//     +1.06 at 124 mJ vs +0.85 at 62 mJ per pin); RF needling at least matches plain needling
//     of the same length; peak temperature and thermal damage are fields.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "dermasim/model/metrics.hpp"
#include "validation/model/ci_config.hpp"

namespace dermasim::validation {
namespace {

constexpr double kStart = 7.0;
constexpr double kMonth = 30.4375;

/// Improvement at `months` after the last event of `config` (one run through all of them).
std::vector<double> improvement_after_last(sim::RunConfig config,
                                           const std::vector<double>& months) {
  const double last = config.events.back().time_days;
  config.duration = last + months.back() * kMonth;
  sim::Simulation sim(config);
  std::vector<double> times, out;
  for (double m : months) times.push_back(last + m * kMonth);
  run_through(sim, times, [&](const sim::Simulation& s) {
    out.push_back(s.current_metrics()[model::kImprovement]);
  });
  return out;
}

sim::RunConfig boxcar_course(int count, double spacing) {
  sim::RunConfig c = ci_config(1.0);
  c.scar = {model::ScarType::kBoxcar, 2.5, 0.4};
  c.events = course(count, kStart, spacing);
  return c;
}

/// 12 weekly sessions of a roller (62.5 /cm2 in each of 4 directions, ~250 /cm2 a session).
sim::RunConfig weekly_rolling(model::Device device, double needle_length, double penetration) {
  sim::RunConfig c = boxcar_course(12, 7.0);
  for (auto& e : c.events) {
    e.session.device = device;
    e.session.needle_length = needle_length;
    e.session.penetration_fraction = penetration;
    e.session.density = 0.625;
    e.session.passes = 4;
  }
  return c;
}

TEST(ValidationClinicalCourse, GainKeepsGrowingForMonthsAfterTheLastSession) {
  // Alam's protocol: 3 sessions 2 weeks apart.
  const std::vector<double> months = {0, 1, 2, 3, 6, 12};
  const auto g = improvement_after_last(boxcar_course(3, 14.0), months);
  for (std::size_t i = 0; i < months.size(); ++i) {
    RecordProperty("improvement_pct_" + std::to_string(static_cast<int>(months[i])) + "_months",
                   std::to_string(g[i]));
  }
  RecordProperty("gain_6_over_3_months", std::to_string(g[4] / g[3]));
  EXPECT_GT(g[1], g[0]);
  EXPECT_GT(g[4], g[3]);  // still rising between 3 and 6 months
  EXPECT_GE(g[5], g[4]);  // nothing lost by 12 months (no maintenance, aging off)
}

TEST(ValidationClinicalCourse, GainRisesEveryMonthForThreeMonths) {
  const std::vector<double> months = {0, 1, 2, 3};
  const auto g = improvement_after_last(boxcar_course(3, 14.0), months);
  for (int i = 0; i <= 3; ++i) {
    RecordProperty("improvement_pct_" + std::to_string(i) + "_months", std::to_string(g[i]));
  }
  for (int i = 1; i <= 3; ++i) EXPECT_GT(g[i], g[i - 1]) << "month " << months[i];
}

TEST(ValidationClinicalCourse, SixMonthGainIsAlamsMultipleOfTheThreeMonthGain) {
  const auto g = improvement_after_last(boxcar_course(3, 14.0), {3, 6});
  RecordProperty("gain_6_over_3_months", std::to_string(g[1] / g[0]));
  EXPECT_GE(g[1] / g[0], 1.2);
  EXPECT_LE(g[1] / g[0], 1.6);
}

// Minh's protocol: a clinical 1.5 mm roller every week for 3 months (the abstract gives no
// needle length; the roller preset's). Lipper-Perez score 36.5 -> 23.2 at the last session ->
// 16.4 two months later: 34 % of the 2-month gain came after the course (Goodman-Baron grade:
// 30 %).
TEST(ValidationClinicalCourse, AThirdOfTheTwoMonthGainComesAfterTheCourse) {
  const sim::RunConfig weekly = weekly_rolling(model::Device::kRoller, 1.5, 0.5);
  const auto g = improvement_after_last(weekly, {0, 2});
  const double share = (g[1] - g[0]) / g[1];
  RecordProperty("share_of_2_month_gain_after_last_session", std::to_string(share));
  EXPECT_GE(share, 0.25);
  EXPECT_LE(share, 0.35);
}

TEST(ValidationClinicalCourse, PrpMultipliesTheImprovementAsInTheSplitFaceTrials) {
  sim::RunConfig plain = boxcar_course(3, kMonth);
  sim::RunConfig prp = plain;
  for (auto& e : prp.events) e.session.prp = true;
  const double without = improvement_after_last(plain, {3})[0];
  const double with = improvement_after_last(prp, {3})[0];
  RecordProperty("improvement_pct_needling", std::to_string(without));
  RecordProperty("improvement_pct_prp", std::to_string(with));
  RecordProperty("prp_ratio", std::to_string(with / without));
  EXPECT_GE(with / without, 1.2);
  EXPECT_LE(with / without, 1.5);
}

/// Improvement 3 months after the standard course (4 pen sessions 4 weeks apart) on `scar`,
/// in a 10 mm domain (a 4 mm rolling scar needs a domain wider than twice its width).
double standard_course_on(model::ScarSpec scar) {
  sim::RunConfig c = boxcar_course(4, 28.0);
  c.grid.nx = 200;  // 10 mm at 50 um
  c.scar = scar;
  return improvement_after_last(c, {3})[0];
}

TEST(ValidationClinicalCourse, IcepickRespondsWellBelowHalfOfBoxcar) {
  const double boxcar = standard_course_on({model::ScarType::kBoxcar, 2.5, 0.3});
  const double icepick = standard_course_on({model::ScarType::kIcepick, 1.0, 0.7});
  RecordProperty("improvement_pct_boxcar", std::to_string(boxcar));
  RecordProperty("improvement_pct_icepick", std::to_string(icepick));
  EXPECT_LT(icepick, 0.5 * boxcar);
}

// Rolling scars: half of the depression is the fibrous bands' pull (scar.rolling_tether_share),
// which the tracks release; the other half fills like a boxcar's deficit.
TEST(ValidationClinicalCourse, RollingRespondsAtLeastAsWellAsBoxcar) {
  const double boxcar = standard_course_on({model::ScarType::kBoxcar, 2.5, 0.3});
  const double rolling = standard_course_on({model::ScarType::kRolling, 4.5, 0.3});
  RecordProperty("improvement_pct_boxcar", std::to_string(boxcar));
  RecordProperty("improvement_pct_rolling", std::to_string(rolling));
  EXPECT_GE(rolling, boxcar);
}

TEST(ValidationClinicalCourse, NeedlesThatStopAboveTheDeficitDoCloseToNothing) {
  // The home-roller preset: 0.25 mm, f_pen 0.2, ~250 /cm2 per session, 12 weekly sessions.
  const sim::RunConfig home = weekly_rolling(model::Device::kHomeRoller, 0.25, 0.2);
  const double roller = improvement_after_last(home, {3})[0];
  const double pen = improvement_after_last(boxcar_course(4, 28.0), {3})[0];
  RecordProperty("improvement_pct_home_roller", std::to_string(roller));
  RecordProperty("improvement_pct_pen", std::to_string(pen));
  EXPECT_LT(roller, 0.25 * pen);
}

TEST(ValidationClinicalCourse, TwoAndAHalfMillimetresBeatOneAndAHalf) {
  // The split-face trial: 6 sessions 2 weeks apart.
  sim::RunConfig shorter = boxcar_course(6, 14.0);
  sim::RunConfig longer = shorter;
  for (auto& e : longer.events) e.session.needle_length = 2.5;
  const double g15 = improvement_after_last(shorter, {3})[0];
  const double g25 = improvement_after_last(longer, {3})[0];
  RecordProperty("improvement_pct_1_5_mm", std::to_string(g15));
  RecordProperty("improvement_pct_2_5_mm", std::to_string(g25));
  EXPECT_GT(g25, g15 + 2.0);
}

/// PIH risk index one month after the last session of `config`.
double pih_index(sim::RunConfig config) {
  config.duration = config.events.back().time_days + kMonth;
  sim::Simulation sim(config);
  sim::Observer quiet;
  sim.run(quiet);
  return sim.current_metrics()[model::kPihRiskIndex];
}

TEST(ValidationClinicalCourse, FrequentSessionsAndDarkerSkinRaiseThePihIndex) {
  // 4 sessions a week apart land inside each other's melanocyte recovery; 4 weeks apart do not.
  const double weekly = pih_index(boxcar_course(4, 7.0));
  const double monthly = pih_index(boxcar_course(4, 28.0));
  sim::RunConfig dark = boxcar_course(4, 28.0), light = dark;
  dark.skin.fitzpatrick = 5;
  light.skin.fitzpatrick = 2;
  const double type5 = pih_index(dark), type2 = pih_index(light);
  RecordProperty("pih_index_weekly", std::to_string(weekly));
  RecordProperty("pih_index_4_weekly", std::to_string(monthly));
  RecordProperty("pih_index_type_II", std::to_string(type2));
  RecordProperty("pih_index_type_V", std::to_string(type5));
  EXPECT_GE(weekly, 1.5 * monthly);
  EXPECT_LT(type2, monthly);
  EXPECT_GT(type5, monthly);
}

sim::RunConfig rf_course(double energy_mj) {
  sim::RunConfig c = boxcar_course(3, 28.0);
  for (auto& e : c.events) {
    e.session.device = model::Device::kRfPen;
    e.session.needle_length = 2.0;
    e.session.density = 0.49;
    e.session.passes = 2;
    e.session.rf_energy = energy_mj;
  }
  return c;
}

TEST(ValidationClinicalCourse, RfNeedlingGainsWithEnergyAndMatchesPlainNeedling) {
  const double plain = improvement_after_last(rf_course(0.0), {3})[0];
  const double low = improvement_after_last(rf_course(62.0), {3})[0];
  const double high = improvement_after_last(rf_course(124.0), {3})[0];
  RecordProperty("improvement_pct_no_rf", std::to_string(plain));
  RecordProperty("improvement_pct_62_mJ", std::to_string(low));
  RecordProperty("improvement_pct_124_mJ", std::to_string(high));
  EXPECT_GE(low, plain);
  EXPECT_GT(high, low);
}

TEST(ValidationClinicalCourse, RfPulsesAreRecordedAsFields) {
  sim::RunConfig c = rf_course(62.0);
  c.events.resize(1);
  c.duration = c.events[0].time_days + 1.0;
  sim::Simulation sim(c);
  sim::Observer quiet;
  sim.run(quiet);
  const FieldSet& s = sim.state();
  const auto& t = s[model::kPeakTemperature];
  const auto& omega = s[model::kThermalDamage];
  EXPECT_EQ(t.info().unit, "C");
  EXPECT_EQ(omega.info().unit, "1");
  const double t_max = *std::max_element(t.data(), t.data() + s.grid().cells());
  const double t_min = *std::min_element(t.data(), t.data() + s.grid().cells());
  const double o_max = *std::max_element(omega.data(), omega.data() + s.grid().cells());
  RecordProperty("peak_temperature_max_C", std::to_string(t_max));
  RecordProperty("thermal_damage_max", std::to_string(o_max));
  EXPECT_GT(t_max, 60.0);  // coagulation needs > 60 C for a fraction of a second
  EXPECT_LT(t_min, 40.0);  // between the tips the tissue stays near body temperature
  EXPECT_GE(o_max, 1.0 - std::exp(-1.0));  // Omega >= 1: coagulated
}

}  // namespace
}  // namespace dermasim::validation
