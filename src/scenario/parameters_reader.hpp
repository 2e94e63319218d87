// Internal to the scenario layer: reads `parameters:` (model parameter overrides by registry
// name, with units converted to the parameter's engine unit). Names may be written dotted
// (`fibroblast.proliferation_rate: 0.7 /day`) or nested (`fibroblast: {proliferation_rate: ...}`).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "dermasim/model/parameters.hpp"
#include "dermasim/scenario/document.hpp"

namespace dermasim::scenario::detail {

struct ParameterOverrides {
  model::ParameterSet values;
  /// (registry name, text as given) of each override, in file order.
  std::vector<std::pair<std::string, std::string>> given;
};

ParameterOverrides read_parameters(const Node& root);

}  // namespace dermasim::scenario::detail
