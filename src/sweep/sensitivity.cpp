// Sobol (Saltelli 2010 first order, Jansen total) and Morris (mu, mu*, sigma) estimators with
// seeded bootstrap percentile intervals. Formulas in sensitivity.hpp.
#include "dermasim/sweep/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include "dermasim/core/error.hpp"
#include "dermasim/core/rng.hpp"

namespace dermasim::sweep {

namespace {

constexpr std::uint64_t kBootstrapStream = 11;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Percentile of a sample (linear interpolation between order statistics); NaN when empty.
double percentile(std::vector<double> v, double q) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
  if (v.empty()) return kNaN;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

// Resample indices 0..n-1 with replacement.
std::vector<std::size_t> resample(std::size_t n, Rng& rng) {
  std::vector<std::size_t> idx(n);
  for (auto& i : idx)
    i = std::min(n - 1, static_cast<std::size_t>(rng.uniform() * static_cast<double>(n)));
  return idx;
}

struct SobolBlocks {
  std::span<const double> y;
  std::size_t n, k;
  double a(std::size_t j) const { return y[j]; }
  double b(std::size_t j) const { return y[n + j]; }
  double ab(std::size_t i, std::size_t j) const { return y[(2 + i) * n + j]; }
};

// S_i and ST_i for every key over the base samples `rows`.
void sobol_estimate(const SobolBlocks& s, const std::vector<std::size_t>& rows,
                    std::vector<double>& first, std::vector<double>& total) {
  const double m = static_cast<double>(rows.size());
  double mean = 0.0;
  for (auto j : rows) mean += s.a(j) + s.b(j);
  mean /= 2.0 * m;
  double var = 0.0;
  for (auto j : rows) var += (s.a(j) - mean) * (s.a(j) - mean) + (s.b(j) - mean) * (s.b(j) - mean);
  var /= 2.0 * m;
  for (std::size_t i = 0; i < s.k; ++i) {
    double v1 = 0.0, vt = 0.0;
    for (auto j : rows) {
      // Centring f(B) leaves the estimator's expectation unchanged (E[f(AB_i) - f(A)] = 0) but
      // removes the variance that a large mean output adds (as SALib does by standardising).
      v1 += (s.b(j) - mean) * (s.ab(i, j) - s.a(j));
      vt += (s.a(j) - s.ab(i, j)) * (s.a(j) - s.ab(i, j));
    }
    // A constant output has no variance to apportion: the indices are undefined, not zero.
    first[i] = var > 0.0 ? v1 / m / var : kNaN;
    total[i] = var > 0.0 ? vt / (2.0 * m) / var : kNaN;
  }
}

}  // namespace

ColumnSensitivity sobol_indices(std::span<const double> y, std::size_t base_samples,
                                const std::vector<std::string>& keys,
                                const SensitivitySettings& settings, std::uint64_t seed) {
  const std::size_t k = keys.size();
  if (y.size() != base_samples * (k + 2))
    throw InputError("sobol: " + std::to_string(y.size()) +
                     " outputs for N = " + std::to_string(base_samples) +
                     " and k = " + std::to_string(k) + "; expected N(k + 2)");
  const SobolBlocks s{y, base_samples, k};
  std::vector<std::size_t> rows;
  for (std::size_t j = 0; j < base_samples; ++j) {
    bool ok = std::isfinite(s.a(j)) && std::isfinite(s.b(j));
    for (std::size_t i = 0; i < k; ++i) ok = ok && std::isfinite(s.ab(i, j));
    if (ok) rows.push_back(j);
  }
  ColumnSensitivity out;
  out.method = DesignKind::sobol;
  out.samples_used = rows.size();
  out.sobol.resize(k);
  for (std::size_t i = 0; i < k; ++i) out.sobol[i].key = keys[i];
  if (rows.size() < 2) return out;

  std::vector<double> first(k), total(k);
  sobol_estimate(s, rows, first, total);
  for (std::size_t i = 0; i < k; ++i) {
    out.sobol[i].first_order.value = first[i];
    out.sobol[i].total.value = total[i];
  }
  if (settings.bootstrap == 0) return out;
  Rng rng(seed, kBootstrapStream);
  std::vector<std::vector<double>> boot_first(k), boot_total(k);
  std::vector<std::size_t> picked(rows.size());
  for (std::size_t b = 0; b < settings.bootstrap; ++b) {
    const auto idx = resample(rows.size(), rng);
    for (std::size_t r = 0; r < idx.size(); ++r) picked[r] = rows[idx[r]];
    sobol_estimate(s, picked, first, total);
    for (std::size_t i = 0; i < k; ++i) {
      boot_first[i].push_back(first[i]);
      boot_total[i].push_back(total[i]);
    }
  }
  const double tail = (1.0 - settings.confidence) / 2.0;
  for (std::size_t i = 0; i < k; ++i) {
    out.sobol[i].first_order.low = percentile(boot_first[i], tail);
    out.sobol[i].first_order.high = percentile(boot_first[i], 1.0 - tail);
    out.sobol[i].total.low = percentile(boot_total[i], tail);
    out.sobol[i].total.high = percentile(boot_total[i], 1.0 - tail);
  }
  return out;
}

ColumnSensitivity morris_indices(std::span<const double> y, std::span<const double> unit_point,
                                 std::size_t trajectories, const std::vector<std::string>& keys,
                                 const SensitivitySettings& settings, std::uint64_t seed) {
  const std::size_t k = keys.size();
  if (y.size() != trajectories * (k + 1) || unit_point.size() != y.size() * k)
    throw InputError("morris: outputs and design do not match r(k + 1) runs");
  // effects[i][t]: the elementary effect of key i on trajectory t (NaN if a run failed).
  std::vector<std::vector<double>> effects(k, std::vector<double>(trajectories, kNaN));
  for (std::size_t t = 0; t < trajectories; ++t) {
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t r0 = t * (k + 1) + s, r1 = r0 + 1;
      for (std::size_t i = 0; i < k; ++i) {
        const double delta = unit_point[r1 * k + i] - unit_point[r0 * k + i];
        if (delta != 0.0) effects[i][t] = (y[r1] - y[r0]) / delta;
      }
    }
  }
  ColumnSensitivity out;
  out.method = DesignKind::morris;
  out.morris.resize(k);
  Rng rng(seed, kBootstrapStream);
  const double tail = (1.0 - settings.confidence) / 2.0;
  for (std::size_t i = 0; i < k; ++i) {
    MorrisIndex& m = out.morris[i];
    m.key = keys[i];
    std::vector<double> ee;
    for (double e : effects[i])
      if (std::isfinite(e)) ee.push_back(e);
    m.effects = ee.size();
    out.samples_used = std::max(out.samples_used, ee.size());
    if (ee.empty()) {
      m.mu = m.sigma = kNaN;
      continue;
    }
    const double n = static_cast<double>(ee.size());
    double sum = 0.0, abs_sum = 0.0;
    for (double e : ee) {
      sum += e;
      abs_sum += std::abs(e);
    }
    m.mu = sum / n;
    m.mu_star.value = abs_sum / n;
    double ss = 0.0;
    for (double e : ee) ss += (e - m.mu) * (e - m.mu);
    m.sigma = ee.size() > 1 ? std::sqrt(ss / (n - 1.0)) : kNaN;
    if (settings.bootstrap == 0) continue;
    std::vector<double> boot;
    for (std::size_t b = 0; b < settings.bootstrap; ++b) {
      double s = 0.0;
      for (auto idx : resample(ee.size(), rng)) s += std::abs(ee[idx]);
      boot.push_back(s / n);
    }
    m.mu_star.low = percentile(boot, tail);
    m.mu_star.high = percentile(boot, 1.0 - tail);
  }
  return out;
}

std::vector<ColumnSensitivity> analyse(const RunTable& table,
                                       const std::vector<std::string>& column_names,
                                       const std::vector<std::vector<double>>& columns,
                                       const SensitivitySettings& settings, std::uint64_t seed) {
  std::vector<ColumnSensitivity> out;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    ColumnSensitivity s;
    if (table.design.kind == DesignKind::sobol)
      s = sobol_indices(columns[c], table.design.samples, table.keys, settings, seed);
    else if (table.design.kind == DesignKind::morris)
      s = morris_indices(columns[c], table.unit_point, table.design.trajectories, table.keys,
                         settings, seed);
    else
      return out;
    s.column = column_names[c];
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dermasim::sweep
