// The vary: section of a sweep file: each varied scenario key as a list, a range {from, to,
// steps} or a distribution, with its unit (spec_parts.hpp). Units are not interpreted here
// (see quantity.hpp): every bound of one key must be written in the same unit.
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "dermasim/core/strings.hpp"
#include "dermasim/sweep/quantity.hpp"
#include "spec_parts.hpp"

namespace dermasim::sweep::detail {
namespace {

// Values generated from a range are rounded to 12 significant digits so that 0.1 + 2 * 0.1 is
// written "0.3", as a user would write it, not "0.30000000000000004".
double tidy(double v) {
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "%.12g", v);
  return std::strtod(buf.data(), nullptr);
}

bool valid_key_path(std::string_view key) {
  if (key.empty() || key.front() == '.' || key.back() == '.') return false;
  char prev = '.';
  for (char c : key) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!ok || (c == '.' && prev == '.')) return false;
    prev = c;
  }
  return true;
}

// One varied key; the first numeric field read fixes the key's unit.
class VariationReader {
 public:
  explicit VariationReader(VariedKey& v) : v_(v), where_("vary." + v.key) {}

  void read(const Node& node) {
    if (node.kind == Node::Kind::kSequence) {
      if (node.items.empty()) fail(node, where_, "empty list; give at least one value");
      v_.kind = VaryKind::list;
      for (const Node& value : node.items) v_.values.push_back(scalar(value, where_));
      return;
    }
    if (node.kind != Node::Kind::kMap) {
      fail(node, where_,
           "a single value does not vary; give a list [a, b], a range {from, to, steps} or "
           "a distribution {distribution: uniform, min, max}");
    }
    if (node.find("from") || node.find("to") || node.find("steps")) {
      read_range(node);
    } else if (node.find("distribution")) {
      read_distribution(node);
    } else {
      fail(node, where_,
           "expected a range {from, to, steps} or a distribution {distribution: uniform | "
           "log-uniform | normal, ...}");
    }
  }

 private:
  void read_range(const Node& node) {
    allow_keys(node, where_, {"from", "to", "steps", "integer"});
    v_.kind = VaryKind::range;
    v_.min = quantity(node, "from");
    v_.max = quantity(node, "to");
    v_.integer = read_integer_flag(node);
    const Node* steps_node = node.find("steps");
    if (!steps_node)
      fail(node, where_ + ".steps", "missing; give the number of values (at least 2)");
    const std::uint64_t steps = unsigned_integer(*steps_node, where_ + ".steps");
    if (steps < 2 || steps > kMaxRuns) fail(*steps_node, where_ + ".steps", "must be 2 .. 1000000");
    for (std::uint64_t i = 0; i < steps; ++i) {
      const double t = static_cast<double>(i) / static_cast<double>(steps - 1);
      double x = i + 1 == steps ? v_.max : tidy(v_.min + (v_.max - v_.min) * t);
      if (v_.integer) x = std::round(x);
      v_.values.push_back(format_quantity(x, v_.unit));
    }
  }

  void read_distribution(const Node& node) {
    const Node& kind_node = *node.find("distribution");
    const std::string kind = scalar(kind_node, where_ + ".distribution");
    if (kind == "uniform" || kind == "log-uniform") {
      allow_keys(node, where_, {"distribution", "min", "max", "integer"});
      v_.kind = kind == "uniform" ? VaryKind::uniform : VaryKind::log_uniform;
    } else if (kind == "normal") {
      allow_keys(node, where_, {"distribution", "mean", "sd", "min", "max", "integer"});
      v_.kind = VaryKind::normal;
      v_.mean = quantity(node, "mean");
      v_.sd = quantity(node, "sd");
      if (!(v_.sd > 0.0)) fail(*node.find("sd"), where_ + ".sd", "must be positive");
    } else {
      constexpr std::array<std::string_view, 3> kinds = {"uniform", "log-uniform", "normal"};
      fail(kind_node, where_ + ".distribution",
           "'" + kind + "' is unknown" + did_you_mean(kind, kinds) +
               "; allowed: uniform, log-uniform, normal (with min and max bounds)");
    }
    v_.integer = read_integer_flag(node);
    v_.min = quantity(node, "min");
    v_.max = quantity(node, "max");
    if (!(v_.min < v_.max)) fail(*node.find("max"), where_ + ".max", "must be greater than min");
    if (v_.kind == VaryKind::log_uniform && !(v_.min > 0.0)) {
      fail(*node.find("min"), where_ + ".min", "must be positive for a log-uniform distribution");
    }
  }

  bool read_integer_flag(const Node& node) {
    const Node* flag = node.find("integer");
    return flag && boolean(*flag, where_ + ".integer");
  }

  // Reads node[field] as "number unit"; the first numeric field fixes the key's unit and every
  // other must repeat it, because the sweep layer cannot convert between units.
  double quantity(const Node& node, const char* field) {
    const std::string where = where_ + "." + field;
    const Node* value = node.find(field);
    if (!value) fail(node, where, "missing");
    const std::string text = scalar(*value, where);
    const auto q = parse_quantity(text);
    if (!q) fail(*value, where, "'" + text + "' is not a number with a unit, e.g. 1.5 mm");
    if (!unit_set_) {
      v_.unit = q->unit;
      unit_set_ = true;
    } else if (q->unit != v_.unit) {
      fail(*value, where,
           "unit '" + q->unit + "' differs from '" + v_.unit +
               "' used above; write every bound of one key in the same unit");
    }
    return q->value;
  }

  VariedKey& v_;
  std::string where_;
  bool unit_set_ = false;  // whether the key has fixed its unit yet
};

}  // namespace

std::vector<VariedKey> read_vary(const Node& root) {
  const Node* vary = root.find("vary");
  if (!vary || vary->kind != Node::Kind::kMap || vary->entries.empty()) {
    fail(vary ? *vary : root, "vary",
         "missing or empty; map each varied scenario key to a list, a range or a "
         "distribution");
  }
  std::vector<VariedKey> out;
  for (const Node::Entry& item : vary->entries) {
    VariedKey v;
    v.key = item.key;
    v.line = item.key_where.line;
    v.column = item.key_where.column;
    if (!valid_key_path(v.key)) {
      fail(item.key_where, "vary." + v.key,
           "not a dotted scenario key; write it as in --set, e.g. treatment.needle_length");
    }
    VariationReader(v).read(item.value);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace dermasim::sweep::detail
