// Treatment protocols as timed events: a course of sessions ({count, start, spacing} or an
// explicit list, each session optionally overriding the course's device settings), optional
// maintenance sessions ({every, until}) after the course, and adjuncts (PRP). The result is a
// time-sorted list of fully resolved needle sessions the driver lands on exactly.
// Times in days, lengths in mm, densities per mm2 per pass (engine units).
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/model/specs.hpp"

namespace dermasim::protocol {

enum class EventKind { kSession, kMaintenance };
/// "session" | "maintenance" (as in the results file's /events table).
std::string_view event_kind_name(EventKind kind);

struct Event {
  double time_days = 0.0;
  EventKind kind = EventKind::kSession;
  model::NeedleSession session;  ///< fully resolved, engine units
};

/// Device settings a course or a single session may set; unset values fall back to the course's
/// value, then to the device's default (devices.hpp).
struct SessionSettings {
  std::optional<model::Device> device;
  std::optional<double> needle_length;         ///< mm
  std::optional<double> needle_diameter;       ///< mm
  std::optional<double> penetration_fraction;  ///< f_pen
  std::optional<double> density;               ///< punctures per mm2 per pass
  std::optional<int> passes;
  std::optional<model::TrackPattern> pattern;
  std::optional<bool> prp;
  std::optional<double> rf_energy;  ///< mJ per needle and pulse, rf-pen only
};

/// Evenly spaced sessions: start, start + spacing, ... (count of them; 0 = untreated).
struct Course {
  int count = 0;
  double start = 7.0;     ///< days
  double spacing = 28.0;  ///< days
};
struct ListedSession {
  double time = 0.0;  ///< days
  SessionSettings settings;
};
/// Sessions every `every` days after the last course session, up to and including `until`
/// (days from the start of the simulation).
struct Maintenance {
  double every = 0.0;
  double until = 0.0;
};

struct TreatmentPlan {
  SessionSettings settings;  ///< course-wide settings
  std::variant<Course, std::vector<ListedSession>> sessions = Course{};
  std::optional<Maintenance> maintenance;
};

/// What a schedule problem refers to, so that the scenario layer can point at the right key.
enum class ScheduleField {
  kCount,
  kSpacing,
  kSessionTime,
  kEvery,
  kUntil,
  kNeedleLength,
  kRfEnergy
};

/// A schedule problem: `session` is the index in an explicit list (or -1 for the course-wide
/// setting); the message names the value and what is allowed, but not the key.
struct ScheduleIssue {
  ScheduleField field;
  int session = -1;
  std::string message;
};

/// Thrown by build_schedule for an impossible schedule.
class ScheduleError : public InputError {
 public:
  explicit ScheduleError(ScheduleIssue issue)
      : InputError(issue.message), issue_(std::move(issue)) {}
  const ScheduleIssue& issue() const { return issue_; }

 private:
  ScheduleIssue issue_;
};

/// Sessions closer than this are allowed but warned about.
inline constexpr double kMinimumAdvisedSpacingDays = 14.0;
/// Sessions closer than this overlap (needle channels take about a day to close).
inline constexpr double kMinimumSpacingDays = 1.0;

struct Schedule {
  std::vector<Event> events;            ///< sorted by time
  std::vector<ScheduleIssue> warnings;  ///< e.g. spacing under 2 weeks
};

/// Resolves the plan into events over [0, duration_days). Throws ScheduleError when a course or
/// listed session falls at or after the end of the simulation, sessions overlap or are out of
/// order, the maintenance window holds no session, a needle length is outside its device's
/// range, or RF energy is set for a device without RF. Maintenance planned past the end of the
/// simulation is cut there with a warning (the plan is real; the simulation is shorter).
Schedule build_schedule(const TreatmentPlan& plan, double duration_days);

/// One session's settings resolved against the course settings and device defaults.
/// Throws ScheduleError (kNeedleLength, kRfEnergy) with `session_index` in the issue.
model::NeedleSession resolve_session(const SessionSettings& course, const SessionSettings& own,
                                     int session_index);

}  // namespace dermasim::protocol
