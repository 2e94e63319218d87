// From a checked scenario to what the driver runs: the RunConfig (engine units), and the
// output path the results go to. The one place where the scenario's vocabulary meets the
// driver's.
#pragma once
#include <filesystem>

#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/run_config.hpp"

namespace dermasim::sim {

/// The run a scenario describes.
RunConfig run_config_from(const scenario::Scenario& scenario);

/// Where the results go: simulation.output (which -o overrides), else "<name>.h5".
std::filesystem::path output_path_for(const scenario::Scenario& scenario);

}  // namespace dermasim::sim
