// Internal to the scenario layer: renders the resolved scenario as canonical YAML (the text of
// scenario::resolved_yaml): sections in key-table order, one key per line with a comment saying
// where its value came from, the resolved events, and every model parameter.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "dermasim/scenario/scenario.hpp"
#include "reader.hpp"

namespace dermasim::scenario::detail {

std::string render_echo(const std::vector<EchoLine>& lines,
                        const std::vector<std::pair<std::string, std::string>>& parameters_given,
                        const Scenario& scenario);

}  // namespace dermasim::scenario::detail
