// docs/scenario-reference.md, generated from the key table, the device defaults and the model
// parameter registry (schema.hpp: reference_markdown). A unit test fails when the checked-in
// file differs, and says how to regenerate it.
#include <string>

#include "dermasim/core/error.hpp"

#include "dermasim/core/units.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/protocol/devices.hpp"
#include "dermasim/scenario/schema.hpp"

namespace dermasim::scenario {
namespace {

using units::format_number;
using units::format_quantity;

std::string type_of(const KeySpec& k) {
  switch (k.kind) {
    case KeyKind::kText:
      return "text";
    case KeyKind::kInteger:
      return "integer";
    case KeyKind::kNumber:
      return "number";
    case KeyKind::kBoolean:
      return "true / false";
    case KeyKind::kChoice:
      return "choice";
    case KeyKind::kQuantity:
      return units::dimension_name(units::parse_unit(k.unit).dimension) + " (" +
             std::string(k.unit) + ")";
  }
  DERMASIM_UNREACHABLE();
}

std::string allowed(const KeySpec& k) {
  switch (k.kind) {
    case KeyKind::kText:
    case KeyKind::kBoolean:
      return "";
    case KeyKind::kChoice: {
      std::string out;
      for (auto c : k.choices) out += (out.empty() ? "`" : " \\| `") + std::string(c) + "`";
      return out;
    }
    case KeyKind::kInteger:
    case KeyKind::kNumber:
    case KeyKind::kQuantity:
      return format_limit(k, k.min) + " .. " + format_limit(k, k.max);
  }
  DERMASIM_UNREACHABLE();
}

std::string default_of(const KeySpec& k) {
  if (k.default_text.empty()) return "none";
  if (k.derived_default()) return std::string(k.default_text.substr(1, k.default_text.size() - 2));
  std::string quoted = "`";
  quoted += k.default_text;
  return quoted + "`";
}

}  // namespace

std::string reference_markdown() {
  std::string out =
      "# Scenario reference\n\n"
      "<!-- Generated from src/scenario/schema.cpp, src/protocol/devices.cpp and the model "
      "parameter registry; do not edit. The unit test ScenarioReference.IsUpToDate fails when "
      "this file is stale and writes the fresh one into the build directory. -->\n\n"
      "Every key of a scenario file, with its type, default, allowed values and meaning. "
      "Dimensional values need a unit (any unit of the right dimension: `1.5 mm`, `1500 um`; "
      "`2 weeks`, `14 days`); the unit column is the one `dermasim validate` prints. "
      "See [scenarios.md](scenarios.md) for a tutorial.\n\n"
      "| key | type | default | allowed | description |\n|---|---|---|---|---|\n";
  for (const auto& k : scenario_keys()) {
    out += "| `" + std::string(k.path) + "` | " + type_of(k) + " | " + default_of(k) + " | " +
           allowed(k) + " | " + std::string(k.description) + " |\n";
  }
  out +=
      "\nA session in an explicit list (`treatment.sessions: [{at: 1 week}, ...]`) may also set "
      "`device`, `needle_length`, `needle_diameter`, `penetration_fraction`, `density`, "
      "`passes`, `pattern`, `prp` and `rf_energy`, with the ranges of the course-wide keys "
      "(`prp` is `treatment.adjuncts.prp`); what it does not set comes from the course.\n\n"
      "## Device defaults\n\n"
      "| device | what | needle length (range) | f_pen | needle diameter | density per pass | "
      "passes "
      "| RF energy | sources |\n|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& d : protocol::devices()) {
    out += "| `" + std::string(d.name) + "` | " + std::string(d.what) + " | " +
           format_quantity(d.needle_length_mm, "mm") + " (" +
           format_number(d.min_needle_length_mm) + " .. " +
           format_quantity(d.max_needle_length_mm, "mm") + ") | " +
           format_number(d.penetration_fraction) + " | " +
           format_quantity(d.needle_diameter_mm, "mm") + " | " +
           format_quantity(d.density_per_cm2, "/cm2") + " | " + std::to_string(d.passes) + " | " +
           format_quantity(d.rf_energy_mj, "mJ") + " | length: " + std::string(d.length_source) +
           "; f_pen: " + std::string(d.penetration_source) +
           "; diameter: " + std::string(d.diameter_source) +
           "; density: " + std::string(d.density_source) + "; RF: " + std::string(d.rf_source) +
           " |\n";
  }
  out +=
      "\n## Model parameters\n\n"
      "Overridable under `parameters:` by name, with a unit of the same dimension as the engine "
      "unit shown (tags: [M] measured, [P] published model, [A] assumed).\n\n"
      "| name | symbol | default | range | source | meaning |\n|---|---|---|---|---|---|\n";
  for (const auto& p : model::parameter_registry()) {
    out += "| `" + std::string(p.name) + "` | " + std::string(p.symbol) + " | " +
           format_quantity(p.default_value, p.unit) + " | " + format_quantity(p.min, p.unit) +
           " .. " + format_quantity(p.max, p.unit) + " | " + std::string(model::tag_label(p.tag)) +
           " " + std::string(p.source) + " | " + std::string(p.meaning) + " |\n";
  }
  return out;
}

}  // namespace dermasim::scenario
