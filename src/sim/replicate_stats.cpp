// Replicate aggregation (see replicate_stats.hpp).
#include "dermasim/sim/replicate_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "dermasim/core/error.hpp"

namespace dermasim::sim {

MeanSd mean_sd(std::span<const double> values) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (values.empty() ||
      std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) {
    return {nan, nan};
  }
  double sum = 0.0;
  for (double v : values) sum += v;
  const double n = static_cast<double>(values.size());
  // Rounding can put sum / n an ulp outside the values (0.1 + 0.1 + 0.1 = 0.30000000000000004,
  // / 3 > 0.1); the mean lies between them, so clamp it there.
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const double mean = std::clamp(sum / n, *lo, *hi);
  if (values.size() == 1) return {mean, 0.0};
  // Two passes: the spread of seeds is small against the mean, where the one-pass formula
  // would lose most of its digits.
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return {mean, std::sqrt(squares / (n - 1.0))};
}

SeriesStats replicate_stats(std::span<const std::vector<double>> series) {
  SeriesStats s;
  if (series.empty()) return s;
  const std::size_t samples = series.front().size();
  for (const auto& r : series) {
    if (r.size() != samples) throw Error("replicate_stats: replicate series of unequal length");
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> column(series.size());
  for (std::size_t t = 0; t < samples; ++t) {
    bool any_nan = false;
    for (std::size_t r = 0; r < series.size(); ++r) {
      column[r] = series[r][t];
      any_nan = any_nan || std::isnan(column[r]);
    }
    if (any_nan) {
      for (auto* v : {&s.mean, &s.sd, &s.min, &s.max}) v->push_back(nan);
      continue;
    }
    const MeanSd m = mean_sd(column);
    s.mean.push_back(m.mean);
    s.sd.push_back(m.sd);
    s.min.push_back(*std::min_element(column.begin(), column.end()));
    s.max.push_back(*std::max_element(column.begin(), column.end()));
  }
  return s;
}

void check_same_times(std::span<const double> reference, std::span<const double> times,
                      std::size_t index, std::uint64_t seed) {
  std::ostringstream os;
  os << "--replicates: replicate " << index + 1 << " (seed " << seed << ") ";
  if (times.size() != reference.size()) {
    os << "sampled its metrics " << times.size() << " times, replicate 1 " << reference.size()
       << " times; replicates need the same treatment schedule";
    throw InputError(os.str());
  }
  for (std::size_t t = 0; t < times.size(); ++t) {
    if (times[t] != reference[t]) {
      os << "sampled its metrics at day " << times[t] << " where replicate 1 did at day "
         << reference[t] << " (sample " << t + 1 << "); replicates need the same schedule";
      throw InputError(os.str());
    }
  }
}

}  // namespace dermasim::sim
