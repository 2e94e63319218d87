// Mapping design coordinates u in [0, 1] to key values through each key's inverse CDF.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "dermasim/core/error.hpp"
#include "dermasim/sweep/design.hpp"
#include "dermasim/sweep/quantity.hpp"

namespace dermasim::sweep {

double inverse_normal_cdf(double p) {
  DERMASIM_ASSERT(p > 0.0 && p < 1.0);
  // Acklam (2003) coefficients.
  constexpr std::array<double, 6> a = {-3.969683028665376e+01, 2.209460984245205e+02,
                                       -2.759285104469687e+02, 1.383577518672690e+02,
                                       -3.066479806614716e+01, 2.506628277459239e+00};
  constexpr std::array<double, 5> b = {-5.447609879822406e+01, 1.615858368580409e+02,
                                       -1.556989798598866e+02, 6.680131188771972e+01,
                                       -1.328068155288572e+01};
  constexpr std::array<double, 6> c = {-7.784894002430293e-03, -3.223964580411365e-01,
                                       -2.400758277161838e+00, -2.549732539343734e+00,
                                       4.374664141464968e+00,  2.938163982698783e+00};
  constexpr std::array<double, 4> d = {7.784695709041462e-03, 3.224671290700398e-01,
                                       2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double p_low = 0.02425;
  double x = 0.0;
  if (p < p_low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= 1.0 - p_low) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  // One Halley step on Phi(x) - p brings the 1e-9 approximation to full double precision.
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
  return x - u / (1.0 + 0.5 * x * u);
}

std::pair<std::string, double> value_at(const VariedKey& key, double u) {
  u = std::clamp(u, 0.0, 1.0);
  double x = 0.0;
  switch (key.kind) {
    case VaryKind::list:
    case VaryKind::range: {
      const std::size_t n = key.values.size();
      const auto i = std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)));
      const auto q = parse_quantity(key.values[i]);
      return {key.values[i], q ? q->value : std::nan("")};
    }
    case VaryKind::uniform:
      x = key.min + u * (key.max - key.min);
      break;
    case VaryKind::log_uniform:
      x = std::exp(std::log(key.min) + u * (std::log(key.max) - std::log(key.min)));
      break;
    case VaryKind::normal: {
      // Truncation by inverting the CDF on [Phi(a), Phi(b)] keeps stratification intact.
      const auto phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
      const double pa = phi((key.min - key.mean) / key.sd);
      const double pb = phi((key.max - key.mean) / key.sd);
      const double p = pa + u * (pb - pa);
      x = p <= 0.0 ? key.min : p >= 1.0 ? key.max : key.mean + key.sd * inverse_normal_cdf(p);
      break;
    }
    default:
      DERMASIM_UNREACHABLE();
  }
  x = std::clamp(x, key.min, key.max);
  if (key.integer) x = std::round(x);
  return {format_quantity(x, key.unit), x};
}

}  // namespace dermasim::sweep
