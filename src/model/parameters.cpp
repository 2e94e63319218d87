#include "dermasim/model/parameters.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"

namespace dermasim::model {
namespace {

#define DERMASIM_PARAM_SPEC(id, name, symbol, def, unit, lo, hi, tag, source, meaning) \
  ParameterSpec{name, symbol, def, unit, lo, hi, SourceTag::tag, source, meaning},
constexpr ParameterSpec kRegistry[] = {DERMASIM_PARAMETERS(DERMASIM_PARAM_SPEC)};
#undef DERMASIM_PARAM_SPEC

std::string format_value(double v, std::string_view unit) {
  std::ostringstream os;
  os << v;
  if (unit != "1") os << ' ' << unit;
  return os.str();
}

}  // namespace

std::span<const ParameterSpec> parameter_registry() {
  return kRegistry;
}

const ParameterSpec* find_parameter(std::string_view name) {
  for (const auto& spec : kRegistry) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::string_view tag_label(SourceTag tag) {
  switch (tag) {
    case SourceTag::M:
      return "[M]";
    case SourceTag::P:
      return "[P]";
    case SourceTag::A:
      return "[A]";
  }
  DERMASIM_UNREACHABLE();
}

ParameterSet::ParameterSet() {
  for (int i = 0; i < kParameterCount; ++i) values_[i] = kRegistry[i].default_value;
}

void ParameterSet::set(ParamId id, double value) {
  const ParameterSpec& spec = kRegistry[static_cast<int>(id)];
  if (!(value >= spec.min && value <= spec.max)) {
    throw InputError(std::string(spec.name) + ": " + format_value(value, spec.unit) +
                     " is outside " + format_value(spec.min, spec.unit) + " .. " +
                     format_value(spec.max, spec.unit));
  }
  values_[static_cast<int>(id)] = value;
}

void ParameterSet::set(std::string_view name, double value) {
  const ParameterSpec* spec = find_parameter(name);
  if (!spec) {
    std::vector<std::string_view> names;
    for (const auto& s : kRegistry) names.push_back(s.name);
    throw InputError("unknown parameter '" + std::string(name) + "'" + did_you_mean(name, names));
  }
  set(static_cast<ParamId>(spec - kRegistry), value);
}

double ParameterSet::get(std::string_view name) const {
  const ParameterSpec* spec = find_parameter(name);
  if (!spec) throw InputError("unknown parameter '" + std::string(name) + "'");
  return values_[spec - kRegistry];
}

}  // namespace dermasim::model
