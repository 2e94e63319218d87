// Scenario loading (scenario.hpp): text -> located tree -> --set overrides -> unknown-key check ->
// typed values in dependency order (dimensions before spacing, device before its defaults,
// duration before the schedule) -> cross-key checks -> Scenario with its resolved echo.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/scenario/document.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "echo.hpp"
#include "parameters_reader.hpp"
#include "reader.hpp"
#include "scar_reader.hpp"
#include "treatment_reader.hpp"

namespace dermasim::scenario {
namespace {

using detail::fail;
using detail::Reader;
using units::format_number;
using units::format_quantity;

bool plain_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

/// The file name without .yaml/.yml, with characters a name may not hold replaced by '-'.
std::string default_name(const std::string& source_name) {
  std::string stem = std::filesystem::path(source_name).filename().string();
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (stem.size() > ext.size() && stem.substr(stem.size() - ext.size()) == ext) {
      stem.resize(stem.size() - ext.size());
    }
  }
  for (auto& c : stem) c = plain_name_char(c) ? c : '-';
  if (stem.size() > 100) stem.resize(100);
  return stem.empty() || stem.front() == '.' ? "scenario" + stem : stem;
}

void check_name(const Reader& reader, const std::string& name) {
  const bool plain = !name.empty() && name.size() <= 100 && name.front() != '.' &&
                     std::all_of(name.begin(), name.end(), plain_name_char);
  if (!plain) {
    fail(reader.where("name"), "name",
         "'" + name + "' is not a plain name; use 1 to 100 letters, digits, '-', '_' and '.'");
  }
}

/// Cells along one extent; the extent must be a whole number (>= 8) of cells.
int cells_along(const Reader& reader, const std::string& path, double extent, double spacing) {
  const double n = extent / spacing;
  const double whole = std::round(n);
  if (std::abs(n - whole) > 1e-6 * std::max(1.0, whole)) {
    fail(reader.where(path), path,
         format_quantity(extent, "mm") + " is not a whole number of " +
             format_quantity(spacing * 1e3, "um") + " cells (" + format_number(n) +
             "); make it a multiple of domain.spacing");
  }
  if (whole < 8) {
    fail(reader.where(path), path,
         format_quantity(extent, "mm") + " is only " + format_number(whole) + " cells of " +
             format_quantity(spacing * 1e3, "um") + "; at least 8 are needed");
  }
  if (whole > 1e9) {
    fail(reader.where("domain.spacing"), "domain.spacing",
         format_quantity(spacing * 1e3, "um") + " gives " + format_number(whole) + " cells along " +
             path + "; use a coarser spacing");
  }
  return static_cast<int>(whole);
}

Domain read_domain(Reader& reader) {
  Domain d;
  d.dimensions = static_cast<int>(reader.get("domain.dimensions").integer);
  const auto width = reader.get("domain.width");
  d.width = width.number;
  d.breadth = reader.get("domain.breadth", width.canonical, "default: = domain.width").number;
  d.depth = reader.get("domain.depth").number;
  const std::string spacing = d.dimensions == 2 ? "20 um" : "40 um";
  d.spacing =
      reader.get("domain.spacing", spacing, "default in " + std::to_string(d.dimensions) + "D")
          .number *
      1e-3;
  d.lateral_boundary = reader.get("domain.lateral_boundary").canonical == "periodic"
                           ? LateralBoundary::kPeriodic
                           : LateralBoundary::kNoFlux;
  d.nx = cells_along(reader, "domain.width", d.width, d.spacing);
  d.ny = d.dimensions == 3 ? cells_along(reader, "domain.breadth", d.breadth, d.spacing) : 1;
  d.nz = cells_along(reader, "domain.depth", d.depth, d.spacing);
  return d;
}

model::SkinSpec read_skin(Reader& reader) {
  model::SkinSpec s;
  s.site = static_cast<model::Site>(reader.get("skin.site").choice);
  s.age_years = reader.get("skin.age").number;
  s.fitzpatrick = static_cast<int>(reader.get("skin.fitzpatrick").choice) + 1;
  s.active_acne = reader.get("skin.active_acne").boolean;
  s.aging = reader.get("skin.aging").boolean;
  return s;
}

SimulationSettings read_simulation(Reader& reader, const std::string& name) {
  SimulationSettings s;
  s.duration = reader.get("simulation.duration").number;
  s.seed = static_cast<std::uint64_t>(reader.get("simulation.seed").integer);
  s.snapshot_interval = reader.get("simulation.snapshots.every").number;
  s.snapshots_around_sessions = reader.get("simulation.snapshots.around_sessions").boolean;
  s.output = reader.get("simulation.output", name + ".h5", "default: <name>.h5").text;
  if (s.output.empty()) fail(reader.where("simulation.output"), "simulation.output", "is empty");
  s.output_given = reader.given("simulation.output");
  s.step_tolerance = reader.get("simulation.step_tolerance").number;
  s.max_step = reader.get("simulation.max_step").number;
  return s;
}

/// Needle tracks must end inside the domain, with room below.
void check_depth(const Reader& reader, const Scenario& s) {
  for (const auto& e : s.events) {
    const double reach = e.session.needle_length * e.session.penetration_fraction;
    if (reach >= s.domain.depth) {
      fail(reader.where("domain.depth"), "domain.depth",
           format_quantity(s.domain.depth, "mm") +
               " does not reach below the deepest needle track (" + format_quantity(reach, "mm") +
               " at day " + format_number(e.time_days) + "); make the domain deeper");
    }
  }
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& source_name,
                        std::span<const std::string> set_overrides) {
  Node root = parse_document(text, source_name);
  for (const auto& assignment : set_overrides) apply_override(root, assignment);
  Reader reader(root);
  reader.check_keys();

  Scenario s;
  s.source_name = source_name;
  s.source_text = std::string(text);
  s.overrides.assign(set_overrides.begin(), set_overrides.end());
  s.name = reader.get("name", default_name(source_name), "default: file name").text;
  check_name(reader, s.name);
  s.description = reader.get("description").text;
  s.domain = read_domain(reader);
  s.skin = read_skin(reader);
  s.scar = detail::read_scar(reader, s.domain);
  s.simulation = read_simulation(reader, s.name);
  auto treatment = detail::read_treatment(reader, s.simulation.duration,
                                          format_quantity(s.simulation.duration, "days"));
  s.treatment = std::move(treatment.plan);
  s.events = std::move(treatment.schedule.events);
  s.warnings = std::move(treatment.warnings);
  check_depth(reader, s);
  const auto parameters = detail::read_parameters(root);
  s.parameters = parameters.values;
  s.resolved = detail::render_echo(reader.echo(), parameters.given, s);
  return s;
}

Scenario load_scenario(const std::filesystem::path& file,
                       std::span<const std::string> set_overrides) {
  const std::string name = file.string();
  return parse_scenario(read_document_text(name), name, set_overrides);
}

std::string resolved_yaml(const Scenario& scenario) {
  return scenario.resolved;
}

}  // namespace dermasim::scenario
