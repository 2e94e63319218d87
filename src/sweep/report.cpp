// Progress line and ranked sensitivity tables (see report.hpp).
#include "dermasim/sweep/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace dermasim::sweep {

namespace {

std::string number(double v) {
  if (!std::isfinite(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string with_interval(const Interval& i) {
  std::string s = number(i.value);
  if (std::isfinite(i.low) && std::isfinite(i.high))
    s += " [" + number(i.low) + ", " + number(i.high) + "]";
  return s;
}

// Left-aligned in `width` columns (gap included); an entry too long for them still gets two
// spaces, so it never runs into the next column.
std::string pad(const std::string& s, std::size_t width) {
  return s + std::string(s.size() + 2 > width ? 2 : width - s.size(), ' ');
}

// Ranks keys by `score`, descending; an undefined score (NaN) ranks last.
std::vector<std::size_t> ranking(std::size_t n, const auto& score) {
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double sa = score(a), sb = score(b);
    if (std::isnan(sb)) return !std::isnan(sa);
    return sa > sb;
  });
  return order;
}

}  // namespace

std::string format_duration(double seconds) {
  const auto s = static_cast<long>(std::lround(std::max(0.0, seconds)));
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

std::string format_progress(const Progress& p) {
  std::string s = std::to_string(p.done) + "/" + std::to_string(p.total) + " runs done, " +
                  std::to_string(p.failed) + " failed, " + format_duration(p.elapsed_seconds) +
                  " elapsed";
  if (p.resumed > 0) s += " (" + std::to_string(p.resumed) + " from the journal)";
  s += p.eta_seconds >= 0.0 ? ", ETA " + format_duration(p.eta_seconds) : ", ETA unknown";
  return s;
}

std::string format_sensitivity(const std::vector<ColumnSensitivity>& all, double confidence) {
  std::string out;
  const std::string level = number(100.0 * confidence) + "%";
  for (const auto& c : all) {
    std::size_t width = 3;
    for (const auto& x : c.sobol) width = std::max(width, x.key.size());
    for (const auto& x : c.morris) width = std::max(width, x.key.size());
    if (c.method == DesignKind::sobol) {
      out += "Sobol indices of " + c.column + " (" + std::to_string(c.samples_used) +
             " base samples; " + level + " bootstrap intervals), ranked by total index\n";
      out += "  rank  " + pad("key", width + 2) + pad("ST", 26) + "S1\n";
      const auto order =
          ranking(c.sobol.size(), [&](std::size_t i) { return c.sobol[i].total.value; });
      for (std::size_t r = 0; r < order.size(); ++r) {
        const auto& x = c.sobol[order[r]];
        char rank[24];
        std::snprintf(rank, sizeof rank, "%4zu", r + 1);
        out += "  " + std::string(rank) + "  " + pad(x.key, width + 2) +
               pad(with_interval(x.total), 26) + with_interval(x.first_order) + "\n";
      }
    } else {
      out += "Morris screening of " + c.column + " (" + std::to_string(c.samples_used) +
             " trajectories; " + level + " bootstrap intervals on mu*), ranked by mu*\n";
      out += "  rank  " + pad("key", width + 2) + pad("mu*", 26) + pad("sigma", 10) + "mu\n";
      const auto order =
          ranking(c.morris.size(), [&](std::size_t i) { return c.morris[i].mu_star.value; });
      for (std::size_t r = 0; r < order.size(); ++r) {
        const auto& x = c.morris[order[r]];
        char rank[24];
        std::snprintf(rank, sizeof rank, "%4zu", r + 1);
        out += "  " + std::string(rank) + "  " + pad(x.key, width + 2) +
               pad(with_interval(x.mu_star), 26) + pad(number(x.sigma), 10) + number(x.mu) + "\n";
      }
    }
  }
  return out;
}

}  // namespace dermasim::sweep
