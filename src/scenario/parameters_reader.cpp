// parameters: section (parameters_reader.hpp).
#include "parameters_reader.hpp"

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"
#include "dermasim/core/units.hpp"
#include "reader.hpp"

namespace dermasim::scenario::detail {
namespace {

void read_into(const Node& map, const std::string& prefix, ParameterOverrides& out) {
  for (const auto& e : map.entries) {
    const std::string name = prefix + e.key;
    const std::string path = "parameters." + name;
    const model::ParameterSpec* spec = model::find_parameter(name);
    if (!spec && e.value.kind == Node::Kind::kMap) {
      read_into(e.value, name + ".", out);
      continue;
    }
    if (!spec) {
      std::vector<std::string_view> names;
      for (const auto& p : model::parameter_registry()) names.push_back(p.name);
      const std::string hint = did_you_mean(name, names);
      fail(e.key_where, path,
           "unknown model parameter" +
               (hint.empty() ? "; see the list in docs/scenario-reference.md" : hint));
    }
    for (const auto& g : out.given) {
      if (g.first == name) fail(e.key_where, path, "given twice");
    }
    if (e.value.kind != Node::Kind::kScalar) {
      fail(e.value.where, path,
           "expected a value such as '" + units::format_quantity(spec->default_value, spec->unit) +
               "', got " + std::string(e.value.kind_name()));
    }
    double value = 0;
    try {
      value = units::convert(e.value.scalar, spec->unit);
    } catch (const InputError& error) {
      fail(e.value.where, path, error.what());
    }
    if (!(value >= spec->min && value <= spec->max)) {
      fail(e.value.where, path,
           e.value.scalar + " is outside " + units::format_quantity(spec->min, spec->unit) +
               " .. " + units::format_quantity(spec->max, spec->unit));
    }
    out.values.set(name, value);
    out.given.emplace_back(name, e.value.scalar);
  }
}

}  // namespace

ParameterOverrides read_parameters(const Node& root) {
  ParameterOverrides out;
  const Node* section = root.find("parameters");
  if (!section || section->kind == Node::Kind::kNull) return out;
  if (section->kind != Node::Kind::kMap) {
    fail(section->where, "parameters",
         "expected a mapping of model parameter names to values, e.g. "
         "'fibroblast.proliferation_rate: 0.6 /day'");
  }
  read_into(*section, "", out);
  return out;
}

}  // namespace dermasim::scenario::detail
