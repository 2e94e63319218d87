// Typed, located reading of scenario values (reader.hpp).
#include "reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/scenario/document.hpp"

namespace dermasim::scenario::detail {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::string range_text(const KeySpec& spec) {
  return format_limit(spec, spec.min) + " .. " + format_limit(spec, spec.max);
}

void check_range(const KeySpec& spec, const std::string& path, const Node& node, double value,
                 const std::string& given) {
  if (value < spec.min || value > spec.max) {
    fail(node.where, path, given + " is outside " + range_text(spec));
  }
}

/// A valid value of a quantity key, for messages: its literal default or "1 <unit>".
std::string example_of(const KeySpec& spec) {
  if (!spec.default_text.empty() && !spec.derived_default()) return std::string(spec.default_text);
  return "1 " + std::string(spec.unit);
}

std::string choices_text(const KeySpec& spec) {
  std::string out;
  for (const auto& c : spec.choices) out += (out.empty() ? "" : " | ") + std::string(c);
  return out;
}

/// "treatment.sessions[2].at" -> "treatment.sessions[].at"
std::string spec_path(std::string_view path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    out += path[i];
    if (path[i] == '[') {
      while (i + 1 < path.size() && path[i + 1] != ']') ++i;
    }
  }
  return out;
}

}  // namespace

void fail(const Location& where, const std::string& path, const std::string& what) {
  throw ScenarioError(where, path, what);
}

Value parse_value(const KeySpec& spec, const std::string& path, const Node& node) {
  Value v;
  const std::string text = trim(node.scalar);
  try {
    switch (spec.kind) {
      case KeyKind::kText:
        v.text = node.scalar;
        v.canonical = double_quoted(node.scalar);
        break;
      case KeyKind::kInteger: {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v.integer);
        if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
          fail(node.where, path,
               "'" + text + "' is not a whole number; allowed: " + range_text(spec));
        }
        v.number = static_cast<double>(v.integer);
        check_range(spec, path, node, v.number, text);
        v.canonical = std::to_string(v.integer);
        break;
      }
      case KeyKind::kNumber:
        v.number = units::convert(text, "1");
        check_range(spec, path, node, v.number, text);
        v.canonical = units::format_number(v.number);
        break;
      case KeyKind::kBoolean: {
        const std::string b = lower(text);
        if (b == "true" || b == "yes" || b == "on") {
          v.boolean = true;
        } else if (b == "false" || b == "no" || b == "off") {
          v.boolean = false;
        } else {
          fail(node.where, path, "'" + text + "' is not a boolean; use true or false");
        }
        v.canonical = v.boolean ? "true" : "false";
        break;
      }
      case KeyKind::kChoice: {
        // Case does not matter ("Pen", "BOXCAR", "iii"); the echo writes the canonical form.
        const auto it = std::find_if(spec.choices.begin(), spec.choices.end(),
                                     [&](std::string_view c) { return lower(c) == lower(text); });
        if (it != spec.choices.end()) {
          v.choice = static_cast<std::size_t>(it - spec.choices.begin());
        } else if (spec.path == "skin.fitzpatrick" && text.size() == 1 && text[0] >= '1' &&
                   text[0] <= '6') {
          v.choice = static_cast<std::size_t>(text[0] - '1');  // 1..6 for I..VI
        } else {
          fail(node.where, path,
               "'" + text + "' is not one of " + choices_text(spec) +
                   did_you_mean(text, spec.choices));
        }
        v.canonical = std::string(spec.choices[v.choice]);
        break;
      }
      case KeyKind::kQuantity:
        if (text.empty() || std::string_view("+-.0123456789").find(text[0]) == std::string::npos) {
          fail(node.where, path,
               "'" + text + "' is not a number with a unit; use e.g. '" + example_of(spec) + "'");
        }
        v.number = units::convert(text, spec.unit);
        check_range(spec, path, node, v.number, text);
        v.canonical = units::format_quantity(v.number, spec.unit);
        break;
    }
  } catch (const ScenarioError&) {
    throw;  // located already
  } catch (const InputError& e) {
    fail(node.where, path, e.what());  // a unit error: its location and key are added here
  }
  return v;
}

void Reader::check_keys() const {
  check_map(root_, "");
}

void Reader::check_map(const Node& map, const std::string& section) const {
  for (const auto& e : map.entries) {
    const std::string full = section.empty() ? e.key : section + "." + e.key;
    if (full == "parameters" || full == "treatment.sessions") continue;  // read by the loader
    if (find_key(full)) continue;
    if (is_section(full)) {
      if (e.value.kind == Node::Kind::kMap) {
        check_map(e.value, full);
      } else if (!(e.value.kind == Node::Kind::kNull ||
                   (e.value.scalar == "none" &&
                    (full == "treatment" || full == "scar" || full == "treatment.maintenance")))) {
        std::string inside;
        for (const auto& k : keys_in(full)) {
          inside += (inside.empty() ? "" : ", ") + k.substr(full.size() + 1);
        }
        const bool may_be_none =
            full == "treatment" || full == "scar" || full == "treatment.maintenance";
        fail(e.value.where, full,
             "expected a mapping of keys (" + inside + ")" + (may_be_none ? " or none" : "") +
                 ", got " +
                 (e.value.kind == Node::Kind::kScalar ? "'" + e.value.scalar + "'"
                                                      : std::string(e.value.kind_name())));
      }
      continue;
    }
    const std::vector<std::string> here = keys_in(section);
    const std::vector<std::string_view> candidates(here.begin(), here.end());
    std::string hint = did_you_mean(full, candidates);
    if (hint.empty()) {
      for (const auto& k : scenario_keys()) {
        const std::string_view p = k.path;
        if (p.size() > e.key.size() && p.substr(p.size() - e.key.size()) == e.key &&
            p[p.size() - e.key.size() - 1] == '.' && p.find("[]") == std::string_view::npos) {
          hint = "; did you mean '" + std::string(p) + "'?";
        }
      }
    }
    if (hint.empty()) {
      std::string known;
      for (const auto& k : here) known += (known.empty() ? "" : ", ") + k;
      hint = "; known keys here: " + known;
    }
    fail(e.key_where, full, "unknown key" + hint);
  }
}

const Node* Reader::node(std::string_view path) const {
  const Node* n = &root_;
  std::size_t start = 0;
  while (n && start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    std::string_view part = path.substr(start, dot - start);
    std::size_t index = 0;
    const auto bracket = part.find('[');
    if (bracket != std::string_view::npos) {
      const auto digits = part.substr(bracket + 1, part.size() - bracket - 2);
      std::from_chars(digits.data(), digits.data() + digits.size(), index);
      part = part.substr(0, bracket);
    }
    n = n->kind == Node::Kind::kMap ? n->find(part) : nullptr;
    if (n && bracket != std::string_view::npos) {
      n = (n->kind == Node::Kind::kSequence && index >= 1 && index <= n->items.size())
              ? &n->items[index - 1]
              : nullptr;
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return n;
}

Location Reader::where(std::string_view path) const {
  for (std::string p(path);;) {
    if (const Node* n = node(p)) return n->where;
    const auto dot = p.rfind('.');
    if (dot == std::string::npos) return Location{root_.where.source, 0, 0};
    p.resize(dot);
  }
}

bool Reader::given(std::string_view path) const {
  const Node* n = node(path);
  return n && n->kind != Node::Kind::kNull;
}

Value Reader::get(std::string_view path, std::optional<std::string> derived_default,
                  const std::string& default_note) {
  const KeySpec* spec = find_key(spec_path(path));
  DERMASIM_ASSERT(spec != nullptr);
  const std::string p(path);
  const Node* n = node(path);
  Value v;
  std::string comment;
  if (n && n->kind != Node::Kind::kNull &&
      !(spec->default_text.empty() && n->scalar == "none" && n->kind == Node::Kind::kScalar)) {
    if (n->kind != Node::Kind::kScalar) {
      fail(n->where, p,
           "expected a single value, got " + std::string(n->kind_name()) +
               (spec->kind == KeyKind::kQuantity ? " (write e.g. '" + example_of(*spec) + "')"
                                                 : ""));
    }
    v = parse_value(*spec, p, *n);
    if (n->where.line == 0) {
      comment = "--set " + n->scalar;
    } else if (trim(n->scalar) != v.canonical && spec->kind != KeyKind::kText) {
      comment = "given: " + trim(n->scalar);
    }
  } else {
    std::string text = derived_default ? *derived_default : std::string(spec->default_text);
    const bool empty_text = spec->kind == KeyKind::kText && text == "\"\"";
    if (empty_text) {
      v.canonical = text;
    } else if (text.empty()) {
      v.present = false;
      v.canonical = "none";
    } else {
      Node fallback;
      fallback.kind = Node::Kind::kScalar;
      fallback.scalar = text;
      fallback.where = where(path);
      v = parse_value(*spec, p, fallback);
    }
    comment = default_note;
  }
  echo_.push_back({p, v.canonical, comment});
  return v;
}

}  // namespace dermasim::scenario::detail
