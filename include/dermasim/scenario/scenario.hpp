// A scenario: everything one simulation needs, parsed from YAML (docs/cli.md and
// docs/file-format.md "Scenario file"), checked, with every default filled and every value
// converted to engine units (mm, days).
//
//   auto s = dermasim::scenario::load_scenario("boxcar.yaml", overrides);  // may throw
//   for (const auto& w : s.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
//   ... s.domain, s.skin, s.scar, s.events, s.simulation, s.parameters ...
//   writer.write_scenario(s.source_text, s.resolved);  // io::ResultsWriter: /scenario and
//                                                      // /scenario_resolved
//
// Everything is checked before a simulation starts: YAML syntax, unknown and duplicate keys,
// types, units, ranges, allowed values, the treatment schedule and grid divisibility. Whether
// this machine has the memory for the grid is not a property of the scenario: the run checks it
// before it starts (sim::check_memory). Errors are InputError with one line "FILE:LINE:COL:
// key.path: what is wrong; what is allowed" (the CLI prefixes "error: "); a problem with a key
// is a ScenarioError (scenario_error.hpp) carrying its location and key as data. To change a loaded
// scenario (a CLI option, a sweep point) pass `--set` style overrides to the loader rather than
// editing fields, so that the resolved echo stays the truth.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/core/grid.hpp"
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/specs.hpp"
#include "dermasim/protocol/schedule.hpp"
#include "dermasim/scenario/scenario_error.hpp"

namespace dermasim::scenario {

struct Domain {
  int dimensions = 2;     ///< 2: x-z cross-section; 3: x-y-z block
  double width = 6.0;     ///< mm, x
  double breadth = 6.0;   ///< mm, y (3D; in 2D the grid has one cell of `spacing` in y)
  double depth = 3.0;     ///< mm, z below the surface
  double spacing = 0.02;  ///< mm, uniform cell size
  LateralBoundary lateral_boundary = LateralBoundary::kNoFlux;
  /// Cells; width = nx * spacing exactly (checked). The run's grid is built from these.
  int nx = 300, ny = 1, nz = 150;

  std::size_t cells() const { return static_cast<std::size_t>(nx) * ny * nz; }
};

/// How long and how to run. For sim::RunConfig: step_tolerance is StepControlSettings::rtol,
/// max_step is dt_max, snapshots_around_sessions sets OutputSchedule::snapshot_before_session
/// and post_session_snapshot (2 days).
struct SimulationSettings {
  double duration = 365.25;               ///< days
  std::uint64_t seed = 42;                ///< puncture pattern seed
  double snapshot_interval = 7.0;         ///< days
  bool snapshots_around_sessions = true;  ///< plus one just before and 2 days after each session
  std::string output;                     ///< results file path (default "<name>.h5")
  bool output_given = false;              ///< simulation.output set in the file or by --set
  double step_tolerance = 3e-3;           ///< relative, adaptive time-step control
  double max_step = 30.0;                 ///< days, upper bound on the time step
};

struct Scenario {
  std::string name;         ///< never empty (defaults to the file name without extension)
  std::string description;  ///< may be empty
  std::string source_name;  ///< the file name as given (or the name passed to parse_scenario)
  std::string source_text;  ///< the scenario text exactly as given
  std::vector<std::string> overrides;  ///< the --set assignments applied, in order

  Domain domain;
  model::SkinSpec skin;
  model::ScarSpec scar;
  protocol::TreatmentPlan treatment;    ///< the plan as written (course-wide settings, sessions)
  std::vector<protocol::Event> events;  ///< sessions and maintenance, sorted by time, resolved
  SimulationSettings simulation;
  model::ParameterSet parameters;  ///< registry defaults with `parameters:` overrides applied

  /// Advisory messages ("FILE:LINE:COL: key: ..."), printed by the CLI as "warning: ...".
  std::vector<std::string> warnings;
  /// Canonical YAML of the resolved scenario (see resolved_yaml); built by the loader.
  std::string resolved;
};

/// Reads, parses and checks a scenario file, then applies `set_overrides` ("key.path=value",
/// as given to --set). Throws InputError (exit code 2) on any problem.
Scenario load_scenario(const std::filesystem::path& file,
                       std::span<const std::string> set_overrides = {});

/// The same for scenario text already in memory; `source_name` is used in messages and as the
/// default name (without a .yaml/.yml extension).
Scenario parse_scenario(std::string_view text, const std::string& source_name,
                        std::span<const std::string> set_overrides = {});

/// Canonical YAML of the resolved scenario: every key with its default filled, values in the
/// unit shown in docs/scenario-reference.md, comments marking defaults and the text as given,
/// the resolved events, and every model parameter. Loading it again gives the same scenario.
std::string resolved_yaml(const Scenario& scenario);

}  // namespace dermasim::scenario
