// The resolved echo (echo.hpp).
#include "echo.hpp"

#include <algorithm>

#include "dermasim/core/units.hpp"
#include "dermasim/protocol/devices.hpp"

namespace dermasim::scenario::detail {
namespace {

constexpr std::size_t kCommentColumn = 44;

/// Position of a path in the key table (a section sorts with its first key).
std::size_t order_of(const std::string& path) {
  const auto keys = scenario_keys();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string_view k = keys[i].path;
    if (k == path || (k.size() > path.size() && k.substr(0, path.size()) == path &&
                      (k[path.size()] == '.' || k[path.size()] == '['))) {
      return i;
    }
  }
  return keys.size();
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1) {
    parts.push_back(path.substr(start, dot - start));
  }
  parts.push_back(path.substr(start));
  return parts;
}

void line(std::string& out, int indent, const std::string& text, const std::string& comment) {
  std::string l(static_cast<std::size_t>(indent) * 2, ' ');
  l += text;
  if (!comment.empty()) {
    l.append(l.size() + 2 <= kCommentColumn ? kCommentColumn - l.size() : 2, ' ');
    l += "# " + comment;
  }
  out += l + "\n";
}

std::string event_line(const protocol::Event& e) {
  const auto& s = e.session;
  using units::format_number;
  std::string text = "day " + format_number(e.time_days) + ": " +
                     std::string(protocol::event_kind_name(e.kind)) + ", " +
                     std::string(protocol::device_defaults(s.device).name) + " " +
                     format_number(s.needle_length) + " mm (reaches " +
                     format_number(s.needle_length * s.penetration_fraction) + " mm), " +
                     format_number(s.density * 100 * s.passes) + " punctures/cm2";
  if (s.prp) text += ", PRP";
  if (s.device == model::Device::kRfPen) text += ", " + format_number(s.rf_energy) + " mJ RF";
  return text;
}

}  // namespace

std::string render_echo(const std::vector<EchoLine>& lines,
                        const std::vector<std::pair<std::string, std::string>>& parameters_given,
                        const Scenario& scenario) {
  std::vector<EchoLine> sorted = lines;
  std::stable_sort(sorted.begin(), sorted.end(), [](const EchoLine& a, const EchoLine& b) {
    return order_of(a.path) < order_of(b.path);
  });
  std::string out =
      "# dermasim resolved scenario: every key with its value; '# default' marks values not\n"
      "# given. Lengths in mm (spacing in um), times in days, densities per cm2 per pass.\n";
  const Domain& d = scenario.domain;
  out += "# grid: " + std::to_string(d.nx) +
         (d.dimensions == 3 ? " x " + std::to_string(d.ny) : "") + " x " + std::to_string(d.nz) +
         " cells\n";
  std::vector<std::string> open;  // the sections the previous line was in
  for (const auto& l : sorted) {
    // A 2D cross-section has no breadth: its default (= width) would only mislead.
    if (d.dimensions != 3 && l.path == "domain.breadth" && l.comment.starts_with("default")) {
      continue;
    }
    std::vector<std::string> parts = split(l.path);
    const std::string key = parts.back();
    parts.pop_back();
    std::size_t common = 0;
    while (common < open.size() && common < parts.size() && open[common] == parts[common]) {
      ++common;
    }
    for (std::size_t i = common; i < parts.size(); ++i) {
      line(out, static_cast<int>(i), parts[i] + ":", "");
    }
    open = parts;
    const bool block = !l.value.empty() && l.value.front() == '\n';
    line(out, static_cast<int>(parts.size()), key + ":" + (block ? "" : " " + l.value), l.comment);
    if (block) out += l.value.substr(1) + "\n";
  }
  out += "parameters:\n";
  for (const auto& p : model::parameter_registry()) {
    const double value = scenario.parameters.get(p.name);
    std::string comment = "default";
    for (const auto& [name, given] : parameters_given) {
      if (name == p.name) {
        const std::string canonical = units::format_quantity(value, p.unit);
        comment = given == canonical ? "" : "given: " + given;
      }
    }
    line(out, 1, std::string(p.name) + ": " + units::format_quantity(value, p.unit), comment);
  }
  out += "# events (" + std::to_string(scenario.events.size()) + "):\n";
  for (const auto& e : scenario.events) out += "#   " + event_line(e) + "\n";
  return out;
}

}  // namespace dermasim::scenario::detail
