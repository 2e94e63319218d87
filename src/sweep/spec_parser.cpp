// Sweep file parser: YAML to a validated SweepSpec. The text goes through the front end that
// scenarios use (scenario/document.hpp: size limit, UTF-8, duplicate keys, nesting and alias
// limits, one document), and every rejection names FILE:LINE:COL, the key, what is wrong and
// what is allowed, like the scenario loader, so a user fixes a sweep file the same way as a
// scenario. The varied keys and the design are read by vary_parser.cpp and design_parser.cpp.
#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"
#include "dermasim/sweep/quantity.hpp"
#include "dermasim/sweep/spec.hpp"
#include "spec_parts.hpp"

namespace dermasim::sweep {
namespace {

using namespace detail;

constexpr std::array<std::string_view, 10> kTopKeys = {
    "name",   "description", "base",    "start_from",  "vary",
    "design", "seed",        "outputs", "sensitivity", "replicates"};

class Parser {
 public:
  Parser(const std::filesystem::path& file, const SpecCheck& check) : file_(file), check_(check) {}

  SweepSpec parse(const std::string& text) {
    SweepSpec spec;
    spec.file = file_;
    spec.text = text;
    const Node root = scenario::parse_document(text, file_.string(), scenario::kSweepDocument);
    for (const Node::Entry& item : root.entries) {
      if (std::find(kTopKeys.begin(), kTopKeys.end(), item.key) == kTopKeys.end()) {
        fail(item.key_where, item.key,
             "unknown key" + did_you_mean(item.key, kTopKeys) +
                 "; allowed: name, description, base, start_from, vary, "
                 "design, seed, outputs, sensitivity, replicates");
      }
    }
    const Node* name = root.find("name");
    spec.name = name ? scalar(*name, "name") : file_.stem().string();
    read_base(root, spec);
    if (const Node* start = root.find("start_from")) {
      const std::filesystem::path p = scalar(*start, "start_from");
      spec.start_from = p.is_absolute() ? p : file_.parent_path() / p;
    }
    spec.vary = read_vary(root);
    spec.design = read_design(root);
    if (const Node* seed = root.find("seed")) spec.seed = unsigned_integer(*seed, "seed");
    if (const Node* replicates = root.find("replicates")) read_replicates(*replicates, spec);
    read_outputs(root, spec);
    read_sensitivity(root, spec);
    check_design(root, spec);
    return spec;
  }

 private:
  void read_base(const Node& root, SweepSpec& spec) {
    const Node* base = root.find("base");
    if (!base) fail(root, "base", "missing; give the base scenario path or an inline mapping");
    if (base->kind == Node::Kind::kMap) {
      spec.base_text = scenario::to_yaml(*base);
      return;
    }
    const std::filesystem::path p = scalar(*base, "base");
    spec.base_path = p.is_absolute() ? p : file_.parent_path() / p;
    std::ifstream in(spec.base_path, std::ios::binary);
    if (!in) {
      fail(*base, "base",
           "cannot read '" + spec.base_path.string() +
               "'; give a scenario path relative to the sweep file");
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    spec.base_text = ss.str();
  }

  // Replicates count seeds up from the scenario's own: a varied seed would overlap them.
  void read_replicates(const Node& node, SweepSpec& spec) {
    spec.replicates = unsigned_integer(node, "replicates");
    if (spec.replicates < 1 || spec.replicates > kMaxReplicates) {
      fail(node, "replicates", std::to_string(spec.replicates) + " is outside 1 .. 1000");
    }
    for (const auto& v : spec.vary) {
      if (v.key == "simulation.seed" && spec.replicates > 1) {
        fail(node, "replicates", "cannot be combined with varying simulation.seed");
      }
    }
  }

  void read_outputs(const Node& root, SweepSpec& spec) {
    const Node* found = root.find("outputs");
    if (!found) fail(root, "outputs", "missing; write outputs: {metrics: [improvement_pct]}");
    const Node& node = *found;
    if (node.kind != Node::Kind::kMap) {
      fail(node, "outputs", "expected a mapping {metrics, at, keep_fields}");
    }
    allow_keys(node, "outputs", {"metrics", "at", "keep_fields"});
    const Node* metrics = node.find("metrics");
    if (!metrics) fail(node, "outputs.metrics", "missing; give a list of metric names");
    const auto& known = check_.known_metrics;
    for (const auto& m : scalars(*metrics, "outputs.metrics")) {
      const auto found_metric = std::find(known.begin(), known.end(), m);
      if (!known.empty() && found_metric == known.end()) {
        fail(*metrics, "outputs.metrics", "'" + m + "' is not a metric" + did_you_mean(m, known));
      }
      const auto i = static_cast<std::size_t>(found_metric - known.begin());
      spec.outputs.metrics.push_back(m);
      spec.outputs.units.emplace_back(i < check_.metric_units.size() ? check_.metric_units[i]
                                                                     : std::string_view());
    }
    if (spec.outputs.metrics.empty()) {
      fail(*metrics, "outputs.metrics", "empty; give at least one metric name");
    }
    if (const Node* at = node.find("at")) {
      for (const auto& t : scalars(*at, "outputs.at")) {
        const auto q = parse_quantity(t);
        if (t != "end" && (!q || q->unit.empty())) {
          fail(*at, "outputs.at",
               "'" + t + "' is not a time; give 'end' or a time with its unit, e.g. 3 months");
        }
        spec.outputs.at.push_back(t);
      }
    }
    if (spec.outputs.at.empty()) spec.outputs.at.push_back("end");
    if (const Node* keep = node.find("keep_fields")) {
      spec.outputs.keep_fields = boolean(*keep, "outputs.keep_fields");
    }
  }

  void read_sensitivity(const Node& root, SweepSpec& spec) {
    const Node* found = root.find("sensitivity");
    if (!found) return;
    const Node& node = *found;
    if (node.kind != Node::Kind::kMap) {
      fail(node, "sensitivity", "expected a mapping {bootstrap, confidence}");
    }
    allow_keys(node, "sensitivity", {"bootstrap", "confidence"});
    if (const Node* bootstrap = node.find("bootstrap")) {
      const auto b = unsigned_integer(*bootstrap, "sensitivity.bootstrap");
      if (b > 100000) fail(*bootstrap, "sensitivity.bootstrap", "must be 0 .. 100000");
      spec.sensitivity.bootstrap = static_cast<std::size_t>(b);
    }
    if (const Node* confidence = node.find("confidence")) {
      const std::string text = scalar(*confidence, "sensitivity.confidence");
      const auto q = parse_quantity(text);
      if (!q || !q->unit.empty() || !(q->value > 0.0 && q->value < 1.0)) {
        fail(*confidence, "sensitivity.confidence",
             "'" + text + "' is not a level in (0, 1), e.g. 0.95");
      }
      spec.sensitivity.confidence = q->value;
    }
  }

  std::filesystem::path file_;
  const SpecCheck& check_;
};

}  // namespace

SweepSpec parse_sweep(const std::string& text, const std::filesystem::path& file,
                      const SpecCheck& check) {
  return Parser(file, check).parse(text);
}

SweepSpec load_sweep(const std::filesystem::path& file, const SpecCheck& check) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError(file.string() + ": cannot read the sweep file");
  return parse_sweep(scenario::read_document_text(file.string(), scenario::kSweepDocument), file,
                     check);
}

}  // namespace dermasim::sweep
