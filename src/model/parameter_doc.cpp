// Markdown rendering of the parameter registry (see parameter_doc.hpp).
#include "dermasim/model/parameter_doc.hpp"

#include <sstream>

#include "dermasim/model/parameters.hpp"

namespace dermasim::model {
namespace {

// Table cells must not contain '|'.
std::string cell(std::string_view text) {
  std::string out;
  for (char ch : text) out += ch == '|' ? '/' : ch;
  return out;
}

}  // namespace

std::string render_parameters_markdown() {
  std::ostringstream os;
  os << "# dermasim model parameters\n\n"
     << "Generated from `include/dermasim/model/parameter_list.hpp` (do not edit by hand; the\n"
     << "unit test `ParameterDoc.MatchesRegistry` fails when this file is stale and says how to\n"
     << "regenerate it). Every parameter can be overridden by name in a scenario's `parameters:`\n"
     << "section. Values are in engine units (mm, day, cells/mm3, mg/mm3, ng/mL; the RF thermal\n"
     << "constants in SI). Tags: [M] measured in the cited study, [P] used in a published model,\n"
     << "[A] assumed (the reason is given; calibrated values are described in "
        "docs/validation.md).\n\n"
     << "| name | symbol | default | unit | range | tag | meaning | source or reason |\n"
     << "|---|---|---|---|---|---|---|---|\n";
  for (const ParameterSpec& p : parameter_registry()) {
    os << "| `" << p.name << "` | " << cell(p.symbol) << " | " << p.default_value << " | "
       << cell(p.unit) << " | " << p.min << " .. " << p.max << " | " << tag_label(p.tag) << " | "
       << cell(p.meaning) << " | " << cell(p.source) << " |\n";
  }
  return os.str();
}

}  // namespace dermasim::model
