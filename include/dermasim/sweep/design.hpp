// The run table: every run of a sweep, as the override values it applies, generated
// deterministically from the spec and its seed. Designs:
//   grid             cartesian product of the keys' values, first key slowest;
//   zip              the i-th value of every key in run i;
//   latin-hypercube  n runs, each key's range cut into n strata, one run per stratum;
//   sobol            Saltelli (2010) scheme on a digitally shifted Sobol sequence of 2k
//                    dimensions: N rows of A, N rows of B, then N rows of AB_i for each key i
//                    (A with column i taken from B): N(k + 2) runs;
//   morris           r trajectories of k + 1 points on a p-level grid, each step moving one key
//                    by Delta = p / (2(p - 1)) (Morris 1991; Campolongo 2007): r(k + 1) runs.
// Sampled values come from the unit point u in [0, 1]^k through each key's inverse CDF.
#pragma once
#include <string>
#include <vector>

#include "dermasim/sweep/spec.hpp"

namespace dermasim::sweep {

struct RunTable {
  std::vector<std::string> keys;   ///< varied keys in spec order
  std::vector<std::string> units;  ///< common unit of each key ("" if none or not numeric)
  std::vector<bool> numeric;       ///< whether every value of the key is a number
  Design design;
  std::size_t runs = 0;
  std::vector<std::string> text;   ///< runs x keys, row-major: the override values
  std::vector<double> number;      ///< runs x keys: the numbers of `text`, NaN if not numeric
  std::vector<double> unit_point;  ///< runs x keys: design coordinates in [0, 1]

  std::size_t width() const { return keys.size(); }
  const std::string& value(std::size_t run, std::size_t key) const {
    return text[run * keys.size() + key];
  }
};

/// Builds the run table of a validated spec. Same spec and seed, same table, on any machine.
RunTable build_run_table(const SweepSpec& spec);

/// The value of `key` at design coordinate u in [0, 1]: its text ("0.73 /day", "pen") and number
/// (NaN for non-numeric list entries). Uniform: linear; log-uniform: geometric; normal: inverse
/// CDF truncated to [min, max]; list and range: the entry floor(u * n), u = 1 -> the last.
std::pair<std::string, double> value_at(const VariedKey& key, double u);

/// Inverse of the standard normal CDF (Acklam's rational approximation refined by one Halley
/// step; relative error below 1e-15 in double). p must be in (0, 1).
double inverse_normal_cdf(double p);

}  // namespace dermasim::sweep
