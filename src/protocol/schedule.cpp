// Turns a treatment plan into time-sorted, fully resolved needle-session events and checks that
// the schedule is possible (see schedule.hpp for the rules).
#include "dermasim/protocol/schedule.hpp"

#include <algorithm>

#include "dermasim/core/units.hpp"
#include "dermasim/protocol/devices.hpp"

namespace dermasim::protocol {
namespace {

using units::format_number;

std::string days(double t) {
  return format_number(t) + (t == 1 ? " day" : " days");
}

[[noreturn]] void fail(ScheduleField field, int session, std::string message) {
  throw ScheduleError(ScheduleIssue{field, session, std::move(message)});
}

template <class T>
T pick(const std::optional<T>& own, const std::optional<T>& course, T fallback) {
  return own ? *own : course ? *course : fallback;
}

std::string spacing_risk(double gap) {
  return "sessions " + days(gap) +
         " apart (under 2 weeks) risk incomplete remodeling, prolonged inflammation and "
         "post-inflammatory hyperpigmentation (PIH)";
}

std::string after_end(double time, double duration) {
  return "a session at day " + format_number(time) + " is not before the end of the simulation (" +
         "simulation.duration " + days(duration) +
         "); end the treatment earlier or simulate longer";
}

void append_course(const TreatmentPlan& plan, const Course& course, double duration,
                   Schedule& out) {
  if (course.count == 0) return;
  if (course.count > 1 && course.spacing < kMinimumSpacingDays) {
    fail(ScheduleField::kSpacing, -1,
         days(course.spacing) + " between sessions would make them overlap; use at least " +
             days(kMinimumSpacingDays));
  }
  const double last = course.start + (course.count - 1) * course.spacing;
  if (last >= duration) {
    fail(ScheduleField::kCount, -1,
         std::to_string(course.count) + " sessions from day " + format_number(course.start) +
             " every " + days(course.spacing) + " end at day " + format_number(last) +
             ", not before the end of the simulation (simulation.duration " + days(duration) +
             "); use fewer sessions or simulate longer");
  }
  if (course.count > 1 && course.spacing < kMinimumAdvisedSpacingDays) {
    out.warnings.push_back({ScheduleField::kSpacing, -1, spacing_risk(course.spacing)});
  }
  const model::NeedleSession session = resolve_session(plan.settings, {}, -1);
  for (int i = 0; i < course.count; ++i) {
    out.events.push_back({course.start + i * course.spacing, EventKind::kSession, session});
  }
}

void append_list(const TreatmentPlan& plan, const std::vector<ListedSession>& list, double duration,
                 Schedule& out) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const int index = static_cast<int>(i);
    const double t = list[i].time;
    if (i > 0) {
      const double gap = t - list[i - 1].time;
      if (gap < 0) {
        fail(ScheduleField::kSessionTime, index,
             "day " + format_number(t) + " is before the previous session (day " +
                 format_number(list[i - 1].time) + "); list sessions in time order");
      }
      if (gap < kMinimumSpacingDays) {
        fail(ScheduleField::kSessionTime, index,
             "day " + format_number(t) + " overlaps the previous session (day " +
                 format_number(list[i - 1].time) + "); sessions must be at least " +
                 days(kMinimumSpacingDays) + " apart");
      }
      if (gap < kMinimumAdvisedSpacingDays) {
        out.warnings.push_back({ScheduleField::kSessionTime, index, spacing_risk(gap)});
      }
    }
    if (t >= duration) fail(ScheduleField::kSessionTime, index, after_end(t, duration));
    out.events.push_back(
        {t, EventKind::kSession, resolve_session(plan.settings, list[i].settings, index)});
  }
}

void append_maintenance(const TreatmentPlan& plan, const Maintenance& m, double duration,
                        Schedule& out) {
  if (m.every < kMinimumSpacingDays) {
    fail(ScheduleField::kEvery, -1,
         days(m.every) + " would make sessions overlap; use at least " + days(kMinimumSpacingDays));
  }
  if (m.until > duration) {
    out.warnings.push_back(
        {ScheduleField::kUntil, -1,
         days(m.until) + " is after the end of the simulation (simulation.duration " +
             days(duration) + "); maintenance sessions after that are not simulated"});
  }
  const double last_course = out.events.empty() ? 0.0 : out.events.back().time_days;
  const double first = last_course + m.every;
  if (first > m.until) {
    fail(ScheduleField::kUntil, -1,
         days(m.until) + " ends before the first maintenance session (day " + format_number(first) +
             " = last session + every); extend until or shorten every");
  }
  if (m.every < kMinimumAdvisedSpacingDays) {
    out.warnings.push_back({ScheduleField::kEvery, -1, spacing_risk(m.every)});
  }
  const model::NeedleSession session = resolve_session(plan.settings, {}, -1);
  // Multiply rather than accumulate so that session times are exact multiples of `every`.
  for (int n = 1;; ++n) {
    const double t = last_course + n * m.every;
    if (t > m.until || t >= duration) break;
    out.events.push_back({t, EventKind::kMaintenance, session});
  }
}

}  // namespace

std::string_view event_kind_name(EventKind kind) {
  switch (kind) {
    case EventKind::kSession:
      return "session";
    case EventKind::kMaintenance:
      return "maintenance";
  }
  DERMASIM_UNREACHABLE();
}

model::NeedleSession resolve_session(const SessionSettings& course, const SessionSettings& own,
                                     int session_index) {
  model::NeedleSession s;
  s.device = pick(own.device, course.device, model::Device::kPen);
  const DeviceDefaults& d = device_defaults(s.device);
  s.needle_length = pick(own.needle_length, course.needle_length, d.needle_length_mm);
  if (s.needle_length < d.min_needle_length_mm || s.needle_length > d.max_needle_length_mm) {
    fail(ScheduleField::kNeedleLength, session_index,
         units::format_quantity(s.needle_length, "mm") + " is outside " +
             units::format_quantity(d.min_needle_length_mm, "mm") + " .. " +
             units::format_quantity(d.max_needle_length_mm, "mm") + " for device " +
             std::string(d.name));
  }
  s.penetration_fraction =
      pick(own.penetration_fraction, course.penetration_fraction, d.penetration_fraction);
  s.needle_radius = pick(own.needle_diameter, course.needle_diameter, d.needle_diameter_mm) / 2;
  s.density = pick(own.density, course.density, d.density_per_cm2 / 100.0);
  s.passes = pick(own.passes, course.passes, d.passes);
  s.pattern = pick(own.pattern, course.pattern, model::TrackPattern::kJitteredLattice);
  s.prp = pick(own.prp, course.prp, false);
  const std::optional<double> rf = own.rf_energy ? own.rf_energy : course.rf_energy;
  if (rf && *rf > 0 && s.device != model::Device::kRfPen) {
    fail(ScheduleField::kRfEnergy, own.rf_energy ? session_index : -1,
         units::format_quantity(*rf, "mJ") + " of RF energy needs device rf-pen, not " +
             std::string(d.name));
  }
  s.rf_energy = rf.value_or(d.rf_energy_mj);
  return s;
}

Schedule build_schedule(const TreatmentPlan& plan, double duration_days) {
  Schedule out;
  if (const auto* course = std::get_if<Course>(&plan.sessions)) {
    append_course(plan, *course, duration_days, out);
  } else {
    append_list(plan, std::get<std::vector<ListedSession>>(plan.sessions), duration_days, out);
  }
  if (plan.maintenance) append_maintenance(plan, *plan.maintenance, duration_days, out);
  DERMASIM_ASSERT(
      std::is_sorted(out.events.begin(), out.events.end(),
                     [](const Event& a, const Event& b) { return a.time_days < b.time_days; }));
  return out;
}

}  // namespace dermasim::protocol
