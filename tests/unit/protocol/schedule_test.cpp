// Treatment schedules and device defaults (protocol/schedule.hpp, protocol/devices.hpp).
#include <gtest/gtest.h>

#include "dermasim/protocol/devices.hpp"
#include "dermasim/protocol/schedule.hpp"

namespace dermasim::protocol {
namespace {

TreatmentPlan course(int count, double start, double spacing) {
  TreatmentPlan plan;
  plan.sessions = Course{count, start, spacing};
  return plan;
}

ScheduleIssue error_of(const TreatmentPlan& plan, double duration) {
  try {
    build_schedule(plan, duration);
  } catch (const ScheduleError& e) {
    return e.issue();
  }
  return {ScheduleField::kCount, -99, "no error"};
}

TEST(Devices, DefaultsFollowModelTable) {
  EXPECT_DOUBLE_EQ(device_defaults(model::Device::kRoller).penetration_fraction, 0.5);
  EXPECT_DOUBLE_EQ(device_defaults(model::Device::kPen).penetration_fraction, 0.7);
  EXPECT_DOUBLE_EQ(device_defaults(model::Device::kHomeRoller).penetration_fraction, 0.2);
  const auto& roller = device_defaults(model::Device::kRoller);
  EXPECT_DOUBLE_EQ(roller.density_per_cm2 * roller.passes, 250.0);  // Fernandes: ~250 /cm2
  const auto& pen = device_defaults(model::Device::kPen);
  const double pen_total = pen.density_per_cm2 * pen.passes;
  EXPECT_GE(pen_total, 100.0);
  EXPECT_LE(pen_total, 1000.0);
  const auto& home = device_defaults(model::Device::kHomeRoller);
  EXPECT_DOUBLE_EQ(home.min_needle_length_mm, 0.2);
  EXPECT_DOUBLE_EQ(home.max_needle_length_mm, 0.5);
  for (const auto& d : devices()) {
    EXPECT_EQ(&device_defaults(d.device), &d);
    EXPECT_EQ(find_device(d.name), &d);
    EXPECT_GE(d.needle_length_mm, d.min_needle_length_mm);
    EXPECT_LE(d.needle_length_mm, d.max_needle_length_mm);
    EXPECT_GE(d.needle_diameter_mm / 2, 0.05);  // docs/model.md r_n 0.05-0.125 mm
    EXPECT_LE(d.needle_diameter_mm / 2, 0.125);
    EXPECT_FALSE(d.penetration_source.empty());
  }
  EXPECT_EQ(find_device("laser"), nullptr);
}

TEST(Schedule, CourseProducesEvenlySpacedResolvedSessions) {
  const Schedule s = build_schedule(course(4, 7, 28), 365.25);
  ASSERT_EQ(s.events.size(), 4u);
  EXPECT_TRUE(s.warnings.empty());
  for (int i = 0; i < 4; ++i) {
    EXPECT_DOUBLE_EQ(s.events[i].time_days, 7 + 28 * i);
    EXPECT_EQ(s.events[i].kind, EventKind::kSession);
    EXPECT_EQ(s.events[i].session.device, model::Device::kPen);
    EXPECT_DOUBLE_EQ(s.events[i].session.needle_length, 1.5);
    EXPECT_DOUBLE_EQ(s.events[i].session.penetration_fraction, 0.7);
    EXPECT_DOUBLE_EQ(s.events[i].session.needle_radius, 0.125);
    EXPECT_DOUBLE_EQ(s.events[i].session.density, 1.0);  // 100 /cm2 = 1 /mm2
    EXPECT_EQ(s.events[i].session.passes, 3);
  }
}

TEST(Schedule, ZeroSessionsIsUntreated) {
  EXPECT_TRUE(build_schedule(course(0, 7, 0), 30).events.empty());
}

TEST(Schedule, ListedSessionsOverrideCourseSettings) {
  TreatmentPlan plan;
  plan.settings.device = model::Device::kRoller;
  plan.settings.needle_length = 1.0;
  ListedSession first{7, {}};
  ListedSession second{35, {}};
  second.settings.device = model::Device::kPen;
  second.settings.needle_length = 2.0;
  second.settings.prp = true;
  plan.sessions = std::vector<ListedSession>{first, second};
  const Schedule s = build_schedule(plan, 100);
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].session.device, model::Device::kRoller);
  EXPECT_DOUBLE_EQ(s.events[0].session.needle_length, 1.0);
  EXPECT_DOUBLE_EQ(s.events[0].session.penetration_fraction, 0.5);
  EXPECT_FALSE(s.events[0].session.prp);
  EXPECT_EQ(s.events[1].session.device, model::Device::kPen);
  EXPECT_DOUBLE_EQ(s.events[1].session.needle_length, 2.0);
  EXPECT_DOUBLE_EQ(s.events[1].session.penetration_fraction, 0.7);  // the session's device
  EXPECT_TRUE(s.events[1].session.prp);
}

TEST(Schedule, MaintenanceFollowsTheLastSessionAtExactMultiples) {
  TreatmentPlan plan = course(4, 7, 28);
  plan.maintenance = Maintenance{182.625, 730.5};
  const Schedule s = build_schedule(plan, 730.5);
  ASSERT_EQ(s.events.size(), 7u);
  EXPECT_EQ(s.events[4].kind, EventKind::kMaintenance);
  EXPECT_DOUBLE_EQ(s.events[4].time_days, 91 + 182.625);
  EXPECT_DOUBLE_EQ(s.events[6].time_days, 91 + 3 * 182.625);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(Schedule, MaintenancePastTheEndIsCutWithAWarning) {
  TreatmentPlan plan = course(4, 7, 28);
  plan.maintenance = Maintenance{182.625, 730.5};
  const Schedule s = build_schedule(plan, 365.25);
  EXPECT_EQ(s.events.size(), 5u);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0].field, ScheduleField::kUntil);
  EXPECT_EQ(s.warnings[0].message,
            "730.5 days is after the end of the simulation (simulation.duration 365.25 days); "
            "maintenance sessions after that are not simulated");
}

TEST(Schedule, CloseSpacingWarnsNamingTheRisk) {
  const Schedule s = build_schedule(course(4, 7, 7), 100);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0].field, ScheduleField::kSpacing);
  EXPECT_EQ(s.warnings[0].message,
            "sessions 7 days apart (under 2 weeks) risk incomplete remodeling, prolonged "
            "inflammation and post-inflammatory hyperpigmentation (PIH)");
  EXPECT_TRUE(build_schedule(course(4, 7, 14), 100).warnings.empty());
}

TEST(Schedule, ImpossibleSchedulesAreErrors) {
  auto zero = error_of(course(3, 7, 0), 100);
  EXPECT_EQ(zero.field, ScheduleField::kSpacing);
  EXPECT_EQ(zero.message, "0 days between sessions would make them overlap; use at least 1 day");

  auto late = error_of(course(4, 7, 28), 60);
  EXPECT_EQ(late.field, ScheduleField::kCount);
  EXPECT_EQ(late.message,
            "4 sessions from day 7 every 28 days end at day 91, not before the end of the "
            "simulation (simulation.duration 60 days); use fewer sessions or simulate longer");

  TreatmentPlan list;
  list.sessions = std::vector<ListedSession>{{7, {}}, {7.5, {}}};
  auto overlap = error_of(list, 100);
  EXPECT_EQ(overlap.field, ScheduleField::kSessionTime);
  EXPECT_EQ(overlap.session, 1);
  EXPECT_EQ(overlap.message,
            "day 7.5 overlaps the previous session (day 7); sessions must be at least 1 day "
            "apart");

  list.sessions = std::vector<ListedSession>{{35, {}}, {7, {}}};
  EXPECT_EQ(error_of(list, 100).message,
            "day 7 is before the previous session (day 35); list sessions in time order");

  TreatmentPlan m = course(1, 7, 28);
  m.maintenance = Maintenance{200, 100};
  EXPECT_EQ(error_of(m, 365).message,
            "100 days ends before the first maintenance session (day 207 = last session + "
            "every); extend until or shorten every");
}

TEST(Schedule, NeedleLengthIsCheckedAgainstTheDevice) {
  TreatmentPlan plan = course(1, 7, 28);
  plan.settings.device = model::Device::kHomeRoller;
  plan.settings.needle_length = 1.5;
  const auto issue = error_of(plan, 100);
  EXPECT_EQ(issue.field, ScheduleField::kNeedleLength);
  EXPECT_EQ(issue.message, "1.5 mm is outside 0.2 mm .. 0.5 mm for device home-roller");
}

TEST(Schedule, RfEnergyNeedsAnRfDevice) {
  TreatmentPlan plan = course(1, 7, 28);
  plan.settings.rf_energy = 5;
  EXPECT_EQ(error_of(plan, 100).message, "5 mJ of RF energy needs device rf-pen, not pen");
  plan.settings.device = model::Device::kRfPen;
  EXPECT_DOUBLE_EQ(build_schedule(plan, 100).events[0].session.rf_energy, 5.0);
}

}  // namespace
}  // namespace dermasim::protocol
