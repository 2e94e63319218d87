// The scenario key table (schema.hpp). Ranges are the limits of what the model is meant for,
// not of what is common: a demanding user may go to their edges, never beyond.
#include "dermasim/scenario/schema.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "dermasim/core/units.hpp"
#include "dermasim/model/specs.hpp"
#include "dermasim/protocol/devices.hpp"

namespace dermasim::scenario {
namespace {

using K = KeyKind;
constexpr std::string_view kBoundaries[] = {"no-flux", "periodic"};
constexpr std::string_view kSites[] = {"cheek", "forehead", "temple", "back"};
constexpr std::string_view kFitzpatrick[] = {"I", "II", "III", "IV", "V", "VI"};
constexpr std::string_view kScarTypes[] = {"none", "icepick", "boxcar", "rolling", "hypertrophic"};
namespace Limit = model::session_limits;
constexpr std::span<const std::string_view> kDevices = protocol::kDeviceNames;
constexpr std::span<const std::string_view> kPatterns = protocol::kPatternNames;
constexpr std::span<const std::string_view> kNoChoices{};
constexpr double kThirtyYears = 30 * 365.25;

// clang-format off
constexpr KeySpec kKeys[] = {
  {"name", K::kText, "", 0, 0, kNoChoices, "(file name without .yaml)",
   "short name of the run; names the default results file"},
  {"description", K::kText, "", 0, 0, kNoChoices, "\"\"", "one line saying what the run is for"},
  {"domain.dimensions", K::kInteger, "", 2, 3, kNoChoices, "2",
   "2: lateral x depth cross-section; 3: x, y, depth block"},
  {"domain.width", K::kQuantity, "mm", 0.2, 100, kNoChoices, "6 mm", "lateral extent (x)"},
  {"domain.breadth", K::kQuantity, "mm", 0.2, 100, kNoChoices, "(= domain.width)",
   "second lateral extent (y), 3D only"},
  {"domain.depth", K::kQuantity, "mm", 0.5, 10, kNoChoices, "3 mm",
   "extent below the skin surface (z); must reach below the deepest needle track"},
  {"domain.spacing", K::kQuantity, "um", 1, 250, kNoChoices, "(20 um in 2D, 40 um in 3D)",
   "grid cell size; must divide width, breadth and depth"},
  {"domain.lateral_boundary", K::kChoice, "", 0, 0, kBoundaries, "no-flux",
   "lateral sides: no-flux walls or periodic (an infinite repeat of the domain)"},
  {"skin.site", K::kChoice, "", 0, 0, kSites, "cheek",
   "body site; sets epidermis and dermis thickness"},
  {"skin.age", K::kQuantity, "years", 12, 100, kNoChoices, "30 years",
   "patient age; scales fibroblast density and collagen synthesis"},
  {"skin.fitzpatrick", K::kChoice, "", 0, 0, kFitzpatrick, "III",
   "Fitzpatrick skin type (I..VI, or 1..6); weights the PIH risk index"},
  {"skin.active_acne", K::kBoolean, "", 0, 0, kNoChoices, "false",
   "inflammatory acne foci before and during treatment"},
  {"skin.aging", K::kBoolean, "", 0, 0, kNoChoices, "false",
   "intrinsic aging: slow collagen loss (about 1 %/year); off = strict homeostasis"},
  {"scar.type", K::kChoice, "", 0, 0, kScarTypes, "none", "scar morphology"},
  {"scar.width", K::kQuantity, "mm", 0, 20, kNoChoices, "(per scar type)",
   "footprint width (2D) or diameter (3D); the domain must be at least twice as wide"},
  {"scar.depth", K::kQuantity, "mm", 0, 3, kNoChoices, "(per scar type)",
   "volume-equivalent depth (elevation for hypertrophic scars)"},
  {"treatment.device", K::kChoice, "", 0, 0, kDevices, "pen",
   "needling device; sets the defaults of the keys below"},
  {"treatment.needle_length", K::kQuantity, "mm", Limit::kNeedleLength.min,
   Limit::kNeedleLength.max, kNoChoices, "(per device)",
   "nominal needle length (home-roller 0.2-0.5 mm, rf-pen 0.5-3.5 mm)"},
  {"treatment.needle_diameter", K::kQuantity, "mm", Limit::kNeedleDiameter.min,
   Limit::kNeedleDiameter.max, kNoChoices, "(per device)",
   "needle diameter; the track radius is half of it"},
  {"treatment.penetration_fraction", K::kNumber, "", Limit::kPenetrationFraction.min,
   Limit::kPenetrationFraction.max, kNoChoices, "(per device)",
   "f_pen: reached depth / nominal needle length (skin tents under the needle)"},
  {"treatment.density", K::kQuantity, "/cm2", Limit::kDensity.min, Limit::kDensity.max,
   kNoChoices, "(per device)",
   "punctures per area per pass"},
  {"treatment.passes", K::kInteger, "", Limit::kPasses.min, Limit::kPasses.max, kNoChoices,
   "(per device)",
   "passes per session"},
  {"treatment.pattern", K::kChoice, "", 0, 0, kPatterns, "lattice",
   "puncture placement: jittered lattice or uniform random (seeded)"},
  {"treatment.rf_energy", K::kQuantity, "mJ", Limit::kRfEnergy.min, Limit::kRfEnergy.max,
   kNoChoices, "(per device)",
   "RF energy per needle and pulse (rf-pen only)"},
  {"treatment.sessions.count", K::kInteger, "", 0, 100, kNoChoices, "0",
   "number of evenly spaced sessions; 0 = untreated"},
  {"treatment.sessions.start", K::kQuantity, "days", 0, kThirtyYears, kNoChoices, "1 week",
   "time of the first session"},
  {"treatment.sessions.spacing", K::kQuantity, "days", 0, kThirtyYears, kNoChoices, "4 weeks",
   "time between sessions (under 2 weeks: warning)"},
  {"treatment.sessions[].at", K::kQuantity, "days", 0, kThirtyYears, kNoChoices, "(required)",
   "time of this session, in an explicit list of sessions"},
  {"treatment.maintenance.every", K::kQuantity, "days", 0, kThirtyYears, kNoChoices, "",
   "maintenance sessions at this interval after the last session; none = no maintenance"},
  {"treatment.maintenance.until", K::kQuantity, "days", 0, kThirtyYears, kNoChoices,
   "(end of simulation)", "last possible time of a maintenance session"},
  {"treatment.adjuncts.prp", K::kBoolean, "", 0, 0, kNoChoices, "false",
   "platelet-rich plasma after needling (multiplies the platelet growth-factor bolus)"},
  {"simulation.duration", K::kQuantity, "days", 1, kThirtyYears, kNoChoices, "12 months",
   "simulated time"},
  {"simulation.seed", K::kInteger, "", 0, 9007199254740992.0, kNoChoices, "42",
   "seed of the puncture pattern; same seed, same result"},
  {"simulation.snapshots.every", K::kQuantity, "days", 1.0 / 24, kThirtyYears, kNoChoices,
   "1 week", "interval between field snapshots in the results file"},
  {"simulation.snapshots.around_sessions", K::kBoolean, "", 0, 0, kNoChoices, "true",
   "also snapshot just before and 2 days after each session"},
  {"simulation.output", K::kText, "", 0, 0, kNoChoices, "(<name>.h5)",
   "results file (dermasim run -o overrides it; with neither, dermasim run FILE.yaml writes "
   "FILE.h5 beside FILE.yaml)"},
  {"simulation.step_tolerance", K::kNumber, "", 1e-6, 0.1, kNoChoices, "3e-3",
   "relative error tolerance of the adaptive time step"},
  {"simulation.max_step", K::kQuantity, "days", 1.0 / 1440, 30, kNoChoices, "30 days",
   "largest time step the step control may take"},
};
// clang-format on

constexpr std::string_view kSessionOverrides[] = {
    "device",  "needle_length", "needle_diameter", "penetration_fraction", "density", "passes",
    "pattern", "prp",           "rf_energy"};

}  // namespace

std::span<const KeySpec> scenario_keys() {
  return kKeys;
}

const KeySpec* find_key(std::string_view path) {
  for (const auto& k : kKeys) {
    if (k.path == path) return &k;
  }
  return nullptr;
}

bool is_section(std::string_view path) {
  if (path == "parameters") return true;
  for (const auto& k : kKeys) {
    if (k.path.size() > path.size() && k.path.substr(0, path.size()) == path &&
        k.path[path.size()] == '.') {
      return true;
    }
  }
  return false;
}

std::vector<std::string> keys_in(std::string_view section) {
  std::vector<std::string> out;
  const std::string prefix = section.empty() ? "" : std::string(section) + ".";
  for (const auto& k : kKeys) {
    if (k.path.substr(0, prefix.size()) != prefix || k.path.find("[]") != std::string_view::npos) {
      continue;
    }
    const std::string_view rest = k.path.substr(prefix.size());
    const std::string child = prefix + std::string(rest.substr(0, rest.find('.')));
    if (std::find(out.begin(), out.end(), child) == out.end()) out.push_back(child);
  }
  if (section.empty()) out.push_back("parameters");
  return out;
}

std::string format_limit(const KeySpec& spec, double value) {
  if (spec.kind == KeyKind::kInteger) return std::to_string(std::llround(value));
  if (spec.unit == "days") {
    const double years = value / 365.25;
    if (years >= 1 && years == std::round(years)) return units::format_quantity(years, "years");
    if (value > 0 && value * 24 < 1) return units::format_quantity(value * 1440, "min");
    if (value > 0 && value < 1) return units::format_quantity(value * 24, "h");
  }
  return units::format_quantity(value, spec.unit);
}

std::span<const std::string_view> session_override_keys() {
  return kSessionOverrides;
}

}  // namespace dermasim::scenario
