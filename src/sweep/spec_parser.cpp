// Sweep file parser: YAML to a validated SweepSpec. Every rejection names FILE:LINE:COL, the key,
// what is wrong and what is allowed, like the scenario loader, so a user fixes a sweep file the
// same way as a scenario. Units are not interpreted here (see quantity.hpp).
#include <yaml-cpp/yaml.h>

#include <array>
#include <cmath>
#include <fstream>
#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"
#include "dermasim/sweep/quantity.hpp"
#include "dermasim/sweep/spec.hpp"
#include "yaml_diagnostics.hpp"

namespace dermasim::sweep {

namespace {

constexpr std::array<std::string_view, 10> kTopKeys = {
    "name",   "description", "base",    "start_from",  "vary",
    "design", "seed",        "outputs", "sensitivity", "replicates"};
constexpr std::size_t kMaxRuns = 1'000'000;
constexpr std::size_t kMaxSobolKeys = 20;  // 2k Sobol dimensions must fit the direction table

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

class Parser {
 public:
  Parser(const std::filesystem::path& file, const SpecCheck& check)
      : diag_(file), file_(file), check_(check) {}

  SweepSpec parse(const std::string& text) {
    SweepSpec spec;
    spec.file = file_;
    spec.text = text;
    const YAML::Node root = diag_.load(text);
    if (!root.IsMap())
      diag_.fail(root, "sweep", "the file is not a mapping; expected keys base, vary, design, ...");
    for (const auto& item : root) {
      const std::string key = item.first.Scalar();
      if (std::find(kTopKeys.begin(), kTopKeys.end(), key) == kTopKeys.end())
        diag_.fail(item.first, key,
                   "unknown key" + did_you_mean(key, kTopKeys) +
                       "; allowed: name, description, base, start_from, vary, "
                       "design, seed, outputs, sensitivity, replicates");
    }
    spec.name = root["name"] ? diag_.scalar(root["name"], "name") : file_.stem().string();
    parse_base(root, spec);
    if (root["start_from"]) {
      const std::filesystem::path p = diag_.scalar(root["start_from"], "start_from");
      spec.start_from = p.is_absolute() ? p : file_.parent_path() / p;
    }
    parse_vary(root, spec);
    parse_design(root, spec);
    if (root["seed"]) spec.seed = diag_.unsigned_integer(root["seed"], "seed");
    if (root["replicates"]) parse_replicates(root["replicates"], spec);
    parse_outputs(root, spec);
    parse_sensitivity(root, spec);
    check_design(root, spec);
    return spec;
  }

 private:
  void parse_base(const YAML::Node& root, SweepSpec& spec) {
    const YAML::Node base = root["base"];
    if (!base)
      diag_.fail(root, "base", "missing; give the base scenario path or an inline mapping");
    if (base.IsMap()) {
      YAML::Emitter out;
      out << base;
      spec.base_text = std::string(out.c_str()) + "\n";
      return;
    }
    const std::filesystem::path p = diag_.scalar(base, "base");
    spec.base_path = p.is_absolute() ? p : file_.parent_path() / p;
    std::ifstream in(spec.base_path, std::ios::binary);
    if (!in)
      diag_.fail(base, "base",
                 "cannot read '" + spec.base_path.string() +
                     "'; give a scenario path relative to the sweep file");
    std::ostringstream ss;
    ss << in.rdbuf();
    spec.base_text = ss.str();
  }

  // Replicates count seeds up from the scenario's own: a varied seed would overlap them.
  void parse_replicates(const YAML::Node& node, SweepSpec& spec) {
    spec.replicates = diag_.unsigned_integer(node, "replicates");
    if (spec.replicates < 1 || spec.replicates > kMaxReplicates)
      diag_.fail(node, "replicates", std::to_string(spec.replicates) + " is outside 1 .. 1000");
    for (const auto& v : spec.vary)
      if (v.key == "simulation.seed" && spec.replicates > 1)
        diag_.fail(node, "replicates", "cannot be combined with varying simulation.seed");
  }

  void parse_vary(const YAML::Node& root, SweepSpec& spec) {
    const YAML::Node vary = root["vary"];
    if (!vary || !vary.IsMap() || vary.size() == 0)
      diag_.fail(vary ? vary : root, "vary",
                 "missing or empty; map each varied scenario key to a list, a range or a "
                 "distribution");
    for (const auto& item : vary) {
      VariedKey v;
      v.key = item.first.Scalar();
      v.line = item.first.Mark().line + 1;
      v.column = item.first.Mark().column + 1;
      if (!valid_key_path(v.key))
        diag_.fail(item.first, "vary." + v.key,
                   "not a dotted scenario key; write it as in --set, e.g. treatment.needle_length");
      for (const auto& other : spec.vary)
        if (other.key == v.key) diag_.fail(item.first, "vary." + v.key, "varied twice");
      parse_variation(item.second, v);
      spec.vary.push_back(std::move(v));
    }
  }

  void parse_variation(const YAML::Node& node, VariedKey& v) {
    const std::string where = "vary." + v.key;
    unit_set_ = false;
    if (node.IsSequence()) {
      if (node.size() == 0) diag_.fail(node, where, "empty list; give at least one value");
      v.kind = VaryKind::list;
      for (const auto& value : node) v.values.push_back(diag_.scalar(value, where));
      return;
    }
    if (!node.IsMap())
      diag_.fail(node, where,
                 "a single value does not vary; give a list [a, b], a range {from, to, steps} or "
                 "a distribution {distribution: uniform, min, max}");
    if (node["from"] || node["to"] || node["steps"]) {
      parse_range(node, v);
    } else if (node["distribution"]) {
      parse_distribution(node, v);
    } else {
      diag_.fail(node, where,
                 "expected a range {from, to, steps} or a distribution {distribution: uniform | "
                 "log-uniform | normal, ...}");
    }
  }

  void parse_range(const YAML::Node& node, VariedKey& v) {
    const std::string where = "vary." + v.key;
    diag_.allow_keys(node, where, {"from", "to", "steps", "integer"});
    v.kind = VaryKind::range;
    v.min = quantity(node, "from", v);
    v.max = quantity(node, "to", v);
    v.integer = node["integer"] && diag_.boolean(node["integer"], where + ".integer");
    if (!node["steps"])
      diag_.fail(node, where + ".steps", "missing; give the number of values (at least 2)");
    const std::uint64_t steps = diag_.unsigned_integer(node["steps"], where + ".steps");
    if (steps < 2 || steps > kMaxRuns)
      diag_.fail(node["steps"], where + ".steps", "must be 2 .. 1000000");
    for (std::uint64_t i = 0; i < steps; ++i) {
      const double t = static_cast<double>(i) / static_cast<double>(steps - 1);
      double x = i + 1 == steps ? v.max : tidy(v.min + (v.max - v.min) * t);
      if (v.integer) x = std::round(x);
      v.values.push_back(format_quantity(x, v.unit));
    }
  }

  void parse_distribution(const YAML::Node& node, VariedKey& v) {
    const std::string where = "vary." + v.key;
    const std::string kind = diag_.scalar(node["distribution"], where + ".distribution");
    if (kind == "uniform" || kind == "log-uniform") {
      diag_.allow_keys(node, where, {"distribution", "min", "max", "integer"});
      v.kind = kind == "uniform" ? VaryKind::uniform : VaryKind::log_uniform;
    } else if (kind == "normal") {
      diag_.allow_keys(node, where, {"distribution", "mean", "sd", "min", "max", "integer"});
      v.kind = VaryKind::normal;
      v.mean = quantity(node, "mean", v);
      v.sd = quantity(node, "sd", v);
      if (!(v.sd > 0.0)) diag_.fail(node["sd"], where + ".sd", "must be positive");
    } else {
      constexpr std::array<std::string_view, 3> kinds = {"uniform", "log-uniform", "normal"};
      diag_.fail(node["distribution"], where + ".distribution",
                 "'" + kind + "' is unknown" + did_you_mean(kind, kinds) +
                     "; allowed: uniform, log-uniform, normal (with min and max bounds)");
    }
    v.integer = node["integer"] && diag_.boolean(node["integer"], where + ".integer");
    v.min = quantity(node, "min", v);
    v.max = quantity(node, "max", v);
    if (!(v.min < v.max)) diag_.fail(node["max"], where + ".max", "must be greater than min");
    if (v.kind == VaryKind::log_uniform && !(v.min > 0.0))
      diag_.fail(node["min"], where + ".min", "must be positive for a log-uniform distribution");
  }

  // Reads node[field] as "number unit"; the first numeric field fixes the key's unit and every
  // other must repeat it, because the sweep layer cannot convert between units.
  double quantity(const YAML::Node& node, const char* field, VariedKey& v) {
    const std::string where = "vary." + v.key + "." + field;
    if (!node[field]) diag_.fail(node, where, "missing");
    const std::string text = diag_.scalar(node[field], where);
    const auto q = parse_quantity(text);
    if (!q)
      diag_.fail(node[field], where, "'" + text + "' is not a number with a unit, e.g. 1.5 mm");
    if (!unit_set_) {
      v.unit = q->unit;
      unit_set_ = true;
    } else if (q->unit != v.unit) {
      diag_.fail(node[field], where,
                 "unit '" + q->unit + "' differs from '" + v.unit +
                     "' used above; write every bound of one key in the same unit");
    }
    return q->value;
  }

  void parse_design(const YAML::Node& root, SweepSpec& spec) {
    const YAML::Node node = root["design"];
    if (!node)
      diag_.fail(root, "design", "missing; allowed: grid, zip, latin-hypercube, sobol, morris");
    const YAML::Node type = node.IsMap() ? node["type"] : node;
    if (!type)
      diag_.fail(node, "design.type",
                 "missing; allowed: grid, zip, latin-hypercube, sobol, morris");
    const std::string kind = diag_.scalar(type, "design");
    constexpr std::array<std::string_view, 5> kinds = {"grid", "zip", "latin-hypercube", "sobol",
                                                       "morris"};
    Design& d = spec.design;
    if (kind == "grid")
      d.kind = DesignKind::grid;
    else if (kind == "zip")
      d.kind = DesignKind::zip;
    else if (kind == "latin-hypercube")
      d.kind = DesignKind::latin_hypercube;
    else if (kind == "sobol")
      d.kind = DesignKind::sobol;
    else if (kind == "morris")
      d.kind = DesignKind::morris;
    else
      diag_.fail(type, "design",
                 "'" + kind + "' is unknown" + did_you_mean(kind, kinds) +
                     "; allowed: grid, zip, latin-hypercube, sobol, morris");
    if (node.IsMap())
      diag_.allow_keys(node, "design", {"type", "samples", "trajectories", "levels"});
    auto count = [&](const char* field, std::uint64_t fallback, std::uint64_t lo) {
      const bool given = node.IsMap() && node[field];
      if (!given) {
        if (fallback == 0)
          diag_.fail(node, std::string("design.") + field,
                     "missing; write design: {type: " + kind + ", " + field + ": N}");
        return static_cast<std::size_t>(fallback);
      }
      const YAML::Node n = node[field];
      const std::uint64_t x = diag_.unsigned_integer(n, std::string("design.") + field);
      if (x < lo || x > kMaxRuns)
        diag_.fail(n, std::string("design.") + field,
                   "must be " + std::to_string(lo) + " .. " + std::to_string(kMaxRuns));
      return static_cast<std::size_t>(x);
    };
    if (d.kind == DesignKind::latin_hypercube) d.samples = count("samples", 0, 1);
    if (d.kind == DesignKind::sobol) d.samples = count("samples", 0, 4);
    if (d.kind == DesignKind::morris) {
      d.trajectories = count("trajectories", 10, 2);
      d.levels = count("levels", 4, 2);
      if (d.levels % 2 != 0)
        diag_.fail(node["levels"], "design.levels", "must be even (the Morris step is p/(2(p-1)))");
    }
  }

  void parse_outputs(const YAML::Node& root, SweepSpec& spec) {
    const YAML::Node node = root["outputs"];
    if (!node) diag_.fail(root, "outputs", "missing; write outputs: {metrics: [improvement_pct]}");
    if (!node.IsMap()) diag_.fail(node, "outputs", "expected a mapping {metrics, at, keep_fields}");
    diag_.allow_keys(node, "outputs", {"metrics", "at", "keep_fields"});
    const YAML::Node metrics = node["metrics"];
    if (!metrics) diag_.fail(node, "outputs.metrics", "missing; give a list of metric names");
    const auto& known = check_.known_metrics;
    for (const auto& m : diag_.scalars(metrics, "outputs.metrics")) {
      const auto found = std::find(known.begin(), known.end(), m);
      if (!known.empty() && found == known.end())
        diag_.fail(metrics, "outputs.metrics",
                   "'" + m + "' is not a metric" + did_you_mean(m, known));
      const auto i = static_cast<std::size_t>(found - known.begin());
      spec.outputs.metrics.push_back(m);
      spec.outputs.units.emplace_back(i < check_.metric_units.size() ? check_.metric_units[i]
                                                                     : std::string_view());
    }
    if (spec.outputs.metrics.empty())
      diag_.fail(metrics, "outputs.metrics", "empty; give at least one metric name");
    if (node["at"]) {
      for (const auto& t : diag_.scalars(node["at"], "outputs.at")) {
        const auto q = parse_quantity(t);
        if (t != "end" && (!q || q->unit.empty()))
          diag_.fail(
              node["at"], "outputs.at",
              "'" + t + "' is not a time; give 'end' or a time with its unit, e.g. 3 months");
        spec.outputs.at.push_back(t);
      }
    }
    if (spec.outputs.at.empty()) spec.outputs.at.push_back("end");
    if (node["keep_fields"])
      spec.outputs.keep_fields = diag_.boolean(node["keep_fields"], "outputs.keep_fields");
  }

  void parse_sensitivity(const YAML::Node& root, SweepSpec& spec) {
    const YAML::Node node = root["sensitivity"];
    if (!node) return;
    if (!node.IsMap())
      diag_.fail(node, "sensitivity", "expected a mapping {bootstrap, confidence}");
    diag_.allow_keys(node, "sensitivity", {"bootstrap", "confidence"});
    if (node["bootstrap"]) {
      const auto b = diag_.unsigned_integer(node["bootstrap"], "sensitivity.bootstrap");
      if (b > 100000) diag_.fail(node["bootstrap"], "sensitivity.bootstrap", "must be 0 .. 100000");
      spec.sensitivity.bootstrap = static_cast<std::size_t>(b);
    }
    if (node["confidence"]) {
      const std::string text = diag_.scalar(node["confidence"], "sensitivity.confidence");
      const auto q = parse_quantity(text);
      if (!q || !q->unit.empty() || !(q->value > 0.0 && q->value < 1.0))
        diag_.fail(node["confidence"], "sensitivity.confidence",
                   "'" + text + "' is not a level in (0, 1), e.g. 0.95");
      spec.sensitivity.confidence = q->value;
    }
  }

  // Which variations fit which design, and the size of the run table.
  void check_design(const YAML::Node& root, const SweepSpec& spec) {
    const DesignKind kind = spec.design.kind;
    const bool discrete = kind == DesignKind::grid || kind == DesignKind::zip;
    std::size_t runs = 1;
    for (const auto& v : spec.vary) {
      const YAML::Node node = root["vary"][v.key];
      const std::string where = "vary." + v.key;
      const bool is_dist = v.kind == VaryKind::uniform || v.kind == VaryKind::log_uniform ||
                           v.kind == VaryKind::normal;
      if (discrete && is_dist)
        diag_.fail(node, where,
                   "a distribution needs a sampling design (latin-hypercube, sobol, morris); for " +
                       std::string(to_string(kind)) + " give a list or a range");
      if (!discrete && v.kind == VaryKind::range)
        diag_.fail(node, where,
                   "a range {from, to, steps} is for grid and zip designs; for " +
                       std::string(to_string(kind)) +
                       " write {distribution: uniform, min: .., max: ..}");
      if (kind == DesignKind::zip && v.values.size() != spec.vary.front().values.size())
        diag_.fail(node, where,
                   "has " + std::to_string(v.values.size()) + " values but " +
                       spec.vary.front().key + " has " +
                       std::to_string(spec.vary.front().values.size()) +
                       "; zip needs lists of equal length");
      if (kind == DesignKind::grid) {
        runs *= v.values.size();
        if (runs > kMaxRuns)
          diag_.fail(node, where, "the grid exceeds 1000000 runs; use a sampling design");
      }
    }
    if (kind == DesignKind::sobol && spec.vary.size() > kMaxSobolKeys)
      diag_.fail(root["vary"], "vary", "sobol supports at most 20 varied keys");
  }

  YamlDiagnostics diag_;
  std::filesystem::path file_;
  const SpecCheck& check_;
  bool unit_set_ = false;  // whether the key being parsed has fixed its unit yet
};

}  // namespace

std::string_view to_string(VaryKind kind) {
  switch (kind) {
    case VaryKind::list:
      return "list";
    case VaryKind::range:
      return "range";
    case VaryKind::uniform:
      return "uniform";
    case VaryKind::log_uniform:
      return "log-uniform";
    case VaryKind::normal:
      return "normal";
    default:
      DERMASIM_UNREACHABLE();
  }
}

std::string_view to_string(DesignKind kind) {
  switch (kind) {
    case DesignKind::grid:
      return "grid";
    case DesignKind::zip:
      return "zip";
    case DesignKind::latin_hypercube:
      return "latin-hypercube";
    case DesignKind::sobol:
      return "sobol";
    case DesignKind::morris:
      return "morris";
    default:
      DERMASIM_UNREACHABLE();
  }
}

std::vector<MetricColumn> Outputs::columns() const {
  std::vector<MetricColumn> cols;
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    for (const auto& t : at) {
      std::string compact;
      for (char c : t)
        if (c != ' ') compact += c;
      cols.push_back({metrics[i], t, metrics[i] + "@" + compact, i < units.size() ? units[i] : ""});
    }
  }
  return cols;
}

SweepSpec parse_sweep(const std::string& text, const std::filesystem::path& file,
                      const SpecCheck& check) {
  return Parser(file, check).parse(text);
}

SweepSpec load_sweep(const std::filesystem::path& file, const SpecCheck& check) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError(file.string() + ": cannot read the sweep file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_sweep(ss.str(), file, check);
}

}  // namespace dermasim::sweep
