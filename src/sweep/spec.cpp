// The sweep spec's own functions (spec.hpp): names of its kinds and the summary's columns.
#include "dermasim/sweep/spec.hpp"
#include "dermasim/core/error.hpp"

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

}  // namespace dermasim::sweep
