// Global sensitivity estimators on a finished run table.
//
// Sobol indices from the Saltelli block layout (design.hpp), with f = the output, V = Var(f)
// over the rows of A and B:
//   first order  S_i  = mean_j (f(B)_j - f0) (f(AB_i)_j - f(A)_j) / V   (Saltelli et al. 2010,
//                with f(B) centred on the mean f0 of A and B, which keeps the expectation and
//                cuts the variance when the output's mean is large against its spread)
//   total        ST_i = mean_j (f(A)_j - f(AB_i)_j)^2 / (2 V)            (Jansen 1999)
// Confidence intervals are bootstrap percentile intervals over the N base samples (seeded).
// A base sample whose A, B or any AB_i run failed (non-finite output) is left out.
//
// Morris elementary effects EE_i = (f(x + Delta e_i) - f(x)) / Delta, with x in the unit
// hypercube (so an effect is the output change per full range of the input):
//   mu = mean EE, mu* = mean |EE| (Campolongo 2007), sigma = sample standard deviation of EE;
// mu* carries a bootstrap interval over trajectories.
#pragma once
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "dermasim/sweep/design.hpp"
#include "dermasim/sweep/spec.hpp"

namespace dermasim::sweep {

struct Interval {
  double value = std::numeric_limits<double>::quiet_NaN();
  double low = std::numeric_limits<double>::quiet_NaN();  ///< NaN without bootstrap
  double high = std::numeric_limits<double>::quiet_NaN();
};

struct SobolIndex {
  std::string key;
  Interval first_order;
  Interval total;
};

struct MorrisIndex {
  std::string key;
  double mu = 0.0;
  Interval mu_star;
  double sigma = 0.0;
  std::size_t effects = 0;  ///< elementary effects used (failed runs left out)
};

/// Sensitivity of one output column.
struct ColumnSensitivity {
  std::string column;
  DesignKind method = DesignKind::sobol;  ///< sobol or morris
  std::size_t samples_used = 0;           ///< base samples (sobol) or trajectories (morris)
  std::vector<SobolIndex> sobol;          ///< in key order
  std::vector<MorrisIndex> morris;        ///< in key order
};

/// y: one value per run in Saltelli layout, N(k + 2) entries.
ColumnSensitivity sobol_indices(std::span<const double> y, std::size_t base_samples,
                                const std::vector<std::string>& keys,
                                const SensitivitySettings& settings, std::uint64_t seed);

/// y: one value per run of a Morris table; unit_point: the table's design coordinates.
ColumnSensitivity morris_indices(std::span<const double> y, std::span<const double> unit_point,
                                 std::size_t trajectories, const std::vector<std::string>& keys,
                                 const SensitivitySettings& settings, std::uint64_t seed);

/// Sensitivity of every column for a sobol or morris table; empty for the other designs.
/// columns[c] holds the output of column c for every run (NaN where the run failed).
std::vector<ColumnSensitivity> analyse(const RunTable& table,
                                       const std::vector<std::string>& column_names,
                                       const std::vector<std::vector<double>>& columns,
                                       const SensitivitySettings& settings, std::uint64_t seed);

}  // namespace dermasim::sweep
