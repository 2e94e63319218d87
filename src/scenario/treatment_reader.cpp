// treatment: section -> TreatmentPlan -> events (treatment_reader.hpp). Course-wide keys left
// out are echoed with the value the device default gives them, so the echo is complete.
#include "treatment_reader.hpp"

#include <algorithm>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/protocol/devices.hpp"

namespace dermasim::scenario::detail {
namespace {

using protocol::ScheduleField;
using protocol::SessionSettings;
using units::format_number;
using units::format_quantity;

constexpr double kPerCm2InPerMm2 = 0.01;

std::string setting_path(std::string_view key) {
  return key == "prp" ? "treatment.adjuncts.prp" : "treatment." + std::string(key);
}

void apply(SessionSettings& s, std::string_view key, const Value& v) {
  if (key == "device") {
    s.device = protocol::find_device(v.canonical)->device;
  } else if (key == "needle_length") {
    s.needle_length = v.number;
  } else if (key == "needle_diameter") {
    s.needle_diameter = v.number;
  } else if (key == "penetration_fraction") {
    s.penetration_fraction = v.number;
  } else if (key == "density") {
    s.density = v.number * kPerCm2InPerMm2;
  } else if (key == "passes") {
    s.passes = static_cast<int>(v.integer);
  } else if (key == "pattern") {
    s.pattern = v.canonical == "random" ? model::TrackPattern::kRandom
                                        : model::TrackPattern::kJitteredLattice;
  } else if (key == "prp") {
    s.prp = v.boolean;
  } else if (key == "rf_energy") {
    s.rf_energy = v.number;
  } else {
    DERMASIM_UNREACHABLE();
  }
}

/// The canonical text of one resolved setting, as the echo writes it.
std::string resolved_text(const model::NeedleSession& s, std::string_view key) {
  if (key == "device") return std::string(protocol::device_defaults(s.device).name);
  if (key == "needle_length") return format_quantity(s.needle_length, "mm");
  if (key == "needle_diameter") return format_quantity(2 * s.needle_radius, "mm");
  if (key == "penetration_fraction") return format_number(s.penetration_fraction);
  if (key == "density") return format_quantity(s.density / kPerCm2InPerMm2, "/cm2");
  if (key == "passes") return std::to_string(s.passes);
  if (key == "pattern") return std::string(protocol::pattern_name(s.pattern));
  if (key == "prp") return s.prp ? "true" : "false";
  if (key == "rf_energy") return format_quantity(s.rf_energy, "mJ");
  DERMASIM_UNREACHABLE();
}

std::string list_path(int index) {
  return "treatment.sessions[" + std::to_string(index + 1) + "]";
}

protocol::ListedSession read_listed(const Node& item, int index, std::string& echo) {
  const std::string path = list_path(index);
  if (item.kind != Node::Kind::kMap) {
    fail(item.where, path,
         "expected a mapping such as {at: 5 weeks, needle_length: 2 mm}, got " +
             std::string(item.kind_name()));
  }
  std::vector<std::string_view> allowed{"at"};
  for (auto k : session_override_keys()) allowed.push_back(k);
  protocol::ListedSession out;
  std::string fields;
  for (const auto& e : item.entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end()) {
      std::string hint = did_you_mean(e.key, allowed);
      if (hint.empty()) {
        hint =
            "; a session may set at, device, needle_length, needle_diameter, "
            "penetration_fraction, density, passes, pattern, prp, rf_energy";
      }
      fail(e.key_where, path + "." + e.key, "unknown key" + hint);
    }
    const std::string key_path = path + "." + e.key;
    if (e.value.kind != Node::Kind::kScalar) {
      fail(e.value.where, key_path,
           "expected a single value, got " + std::string(e.value.kind_name()));
    }
    const KeySpec* spec = find_key(e.key == "at" ? "treatment.sessions[].at" : setting_path(e.key));
    const Value v = parse_value(*spec, key_path, e.value);
    if (e.key == "at") {
      out.time = v.number;
    } else {
      apply(out.settings, e.key, v);
    }
    fields += (fields.empty() ? "" : ", ") + e.key + ": " + v.canonical;
  }
  if (!item.find("at")) {
    fail(item.where, path + ".at", "missing; each listed session needs a time, e.g. 'at: 5 weeks'");
  }
  echo += "\n    - {" + fields + "}";
  return out;
}

/// The key a schedule problem is about, with the session index when it is in a list.
std::string issue_path(const protocol::ScheduleIssue& issue) {
  const std::string base = issue.session >= 0 ? list_path(issue.session) + "." : "treatment.";
  switch (issue.field) {
    case ScheduleField::kCount:
      return "treatment.sessions.count";
    case ScheduleField::kSpacing:
      return "treatment.sessions.spacing";
    case ScheduleField::kSessionTime:
      return list_path(issue.session) + ".at";
    case ScheduleField::kEvery:
      return "treatment.maintenance.every";
    case ScheduleField::kUntil:
      return "treatment.maintenance.until";
    case ScheduleField::kNeedleLength:
      return base + "needle_length";
    case ScheduleField::kRfEnergy:
      return base + "rf_energy";
  }
  DERMASIM_UNREACHABLE();
}

/// Points at the key if given, else at the session (or section) that made the value.
ScenarioError located(const Reader& reader, const protocol::ScheduleIssue& issue) {
  std::string path = issue_path(issue);
  if (!reader.given(path) && issue.field == ScheduleField::kNeedleLength) {
    if (issue.session >= 0 && reader.given(list_path(issue.session) + ".device")) {
      path = list_path(issue.session) + ".device";
    } else if (reader.given("treatment.device")) {
      path = "treatment.device";
    }
    return ScenarioError(reader.where(path), issue_path(issue), issue.message);
  }
  return ScenarioError(reader.where(path), path, issue.message);
}

void read_course_settings(Reader& reader, SessionSettings& settings) {
  if (reader.given("treatment.device")) apply(settings, "device", reader.get("treatment.device"));
  for (auto key : session_override_keys()) {
    if (key != "device" && reader.given(setting_path(key))) {
      apply(settings, key, reader.get(setting_path(key)));
    }
  }
}

void echo_course_defaults(Reader& reader, const model::NeedleSession& resolved) {
  const std::string note =
      "default for " + std::string(protocol::device_defaults(resolved.device).name);
  for (auto key : session_override_keys()) {
    if (!reader.given(setting_path(key))) {
      reader.add_echo({setting_path(key), resolved_text(resolved, key),
                       key == "device" || key == "pattern" || key == "prp" ? "default" : note});
    }
  }
}

void read_sessions(Reader& reader, protocol::TreatmentPlan& plan) {
  const Node* sessions = reader.node("treatment.sessions");
  if (sessions && sessions->kind == Node::Kind::kSequence) {
    std::vector<protocol::ListedSession> list;
    std::string echo;
    for (std::size_t i = 0; i < sessions->items.size(); ++i) {
      list.push_back(read_listed(sessions->items[i], static_cast<int>(i), echo));
    }
    reader.add_echo({"treatment.sessions", echo.empty() ? "[]" : echo, ""});
    plan.sessions = std::move(list);
    return;
  }
  if (sessions && sessions->kind == Node::Kind::kScalar) {
    fail(sessions->where, "treatment.sessions",
         "expected {count, start, spacing} or a list of sessions, got '" + sessions->scalar + "'");
  }
  if (sessions && sessions->kind == Node::Kind::kMap) {
    for (const auto& e : sessions->entries) {
      if (!find_key("treatment.sessions." + e.key)) {
        std::vector<std::string_view> known{"count", "start", "spacing"};
        std::string hint = did_you_mean(e.key, known);
        fail(e.key_where, "treatment.sessions." + e.key,
             "unknown key" + (hint.empty() ? "; sessions take count, start and spacing" : hint));
      }
    }
  }
  protocol::Course course;
  course.count = static_cast<int>(reader.get("treatment.sessions.count").integer);
  course.start = reader.get("treatment.sessions.start").number;
  course.spacing = reader.get("treatment.sessions.spacing").number;
  plan.sessions = course;
}

void read_maintenance(Reader& reader, protocol::TreatmentPlan& plan, const std::string& end) {
  const Node* m = reader.node("treatment.maintenance");
  if (!m || m->kind != Node::Kind::kMap) {
    reader.add_echo({"treatment.maintenance", "none", "default"});
    return;
  }
  const Value every = reader.get("treatment.maintenance.every");
  if (!every.present) {
    fail(reader.where("treatment.maintenance"), "treatment.maintenance.every",
         "missing; maintenance needs an interval, e.g. 'every: 6 months'");
  }
  const Value until = reader.get("treatment.maintenance.until", end, "default: end of simulation");
  plan.maintenance = protocol::Maintenance{every.number, until.number};
}

}  // namespace

TreatmentResult read_treatment(Reader& reader, double duration_days,
                               const std::string& duration_text) {
  TreatmentResult out;
  read_course_settings(reader, out.plan.settings);
  read_sessions(reader, out.plan);
  read_maintenance(reader, out.plan, duration_text);
  try {
    echo_course_defaults(reader, protocol::resolve_session(out.plan.settings, {}, -1));
    out.schedule = protocol::build_schedule(out.plan, duration_days);
  } catch (const protocol::ScheduleError& e) {
    throw located(reader, e.issue());
  }
  for (const auto& w : out.schedule.warnings) out.warnings.push_back(located(reader, w).what());
  return out;
}

}  // namespace dermasim::scenario::detail
