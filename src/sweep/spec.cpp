// The sweep spec's own functions (spec.hpp): names of its kinds, the summary's columns and
// the day of each output time in a run.
#include "dermasim/sweep/spec.hpp"

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"

namespace dermasim::sweep {

std::string_view to_string(VaryKind kind) {
  switch (kind) {
    case VaryKind::list:
      return "list";
    case VaryKind::range:
      return "range";
    case VaryKind::uniform:
      return "uniform";
    case VaryKind::log_uniform:
      return "log-uniform";
    case VaryKind::normal:
      return "normal";
    default:
      DERMASIM_UNREACHABLE();
  }
}

std::string_view to_string(DesignKind kind) {
  switch (kind) {
    case DesignKind::grid:
      return "grid";
    case DesignKind::zip:
      return "zip";
    case DesignKind::latin_hypercube:
      return "latin-hypercube";
    case DesignKind::sobol:
      return "sobol";
    case DesignKind::morris:
      return "morris";
    default:
      DERMASIM_UNREACHABLE();
  }
}

std::vector<MetricColumn> Outputs::columns() const {
  std::vector<MetricColumn> cols;
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    for (const auto& t : at) {
      std::string compact;
      for (char c : t)
        if (c != ' ') compact += c;
      cols.push_back({metrics[i], t, metrics[i] + "@" + compact, i < units.size() ? units[i] : ""});
    }
  }
  return cols;
}

double output_day(std::string_view at, std::size_t run, double duration, double start) {
  if (at == "end") return duration;
  double t = 0.0;
  try {
    t = units::convert(at, "days");
  } catch (const InputError& e) {
    throw InputError(std::string("outputs.at: ") + e.what());
  }
  const std::string what = "outputs.at: " + std::string(at);
  if (t > duration) {
    throw InputError(what + " is after the end of run " + std::to_string(run) + " (" +
                     units::format_quantity(duration, "days") +
                     "); use a time within simulation.duration, or end");
  }
  if (!(t >= start)) {
    throw InputError(what + " is outside run " + std::to_string(run) + ", which simulates " +
                     units::format_quantity(start, "days") + " .. " +
                     units::format_quantity(duration, "days") + "; use a time within it, or end");
  }
  return t;
}

}  // namespace dermasim::sweep
