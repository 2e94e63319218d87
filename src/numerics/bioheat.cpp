// Finite-volume Pennes bioheat on spherical shells (see bioheat.hpp).
#include "dermasim/numerics/bioheat.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dermasim {

SphericalHeatingResult solve_spherical_bioheat(const SphericalHeating& p, const ArrheniusRate& a) {
  const int n = p.shells;
  const double dr = p.outer_radius / n;
  const double k_t = p.conductivity, rho_c = p.heat_capacity, r_s = p.source_radius;

  // Shell i spans [i dr, (i+1) dr]; node at its volume centre is approximated by the midpoint.
  std::vector<double> volume(n), face_area(n + 1), heating(n);
  for (int i = 0; i <= n; ++i) face_area[i] = 4.0 * std::numbers::pi * (i * dr) * (i * dr);
  for (int i = 0; i < n; ++i) {
    const double r0 = i * dr, r1 = (i + 1) * dr;
    volume[i] = 4.0 / 3.0 * std::numbers::pi * (r1 * r1 * r1 - r0 * r0 * r0);
    // Source power of the part of the shell inside the source sphere.
    const double inside_r1 = std::min(r1, r_s);
    const double inside = inside_r1 > r0 ? 4.0 / 3.0 * std::numbers::pi *
                                               (inside_r1 * inside_r1 * inside_r1 - r0 * r0 * r0)
                                         : 0.0;
    heating[i] = p.power_density * inside / volume[i];
  }
  // Stability of explicit diffusion on the innermost shells bounds the step.
  double dt = 0.5 * rho_c / (k_t * face_area[1] / (volume[0] * dr));
  for (int i = 1; i < n; ++i) {
    dt = std::min(dt, 0.5 * rho_c / (k_t * (face_area[i] + face_area[i + 1]) / (volume[i] * dr)));
  }
  const long steps = static_cast<long>(std::ceil(p.end_time / dt));
  dt = p.end_time / static_cast<double>(steps);

  std::vector<double> temp(n, p.ambient), next(n), omega(n, 0.0), peak(n, p.ambient);
  for (long s = 0; s < steps; ++s) {
    const double t = s * dt;
    const double on = t < p.duration ? 1.0 : 0.0;
    for (int i = 0; i < n; ++i) {
      const double inner = i > 0 ? k_t * face_area[i] * (temp[i - 1] - temp[i]) / dr : 0.0;
      // The outer edge is held at the ambient temperature.
      const double outer_t = i + 1 < n ? temp[i + 1] : p.ambient;
      const double outer = k_t * face_area[i + 1] * (outer_t - temp[i]) / dr;
      const double rate =
          (inner + outer) / volume[i] + p.perfusion * (p.ambient - temp[i]) + on * heating[i];
      next[i] = temp[i] + dt * rate / rho_c;
    }
    temp.swap(next);
    for (int i = 0; i < n; ++i) {
      omega[i] += dt * a.prefactor * std::exp(-a.activation_over_gas_constant / temp[i]);
      peak[i] = std::max(peak[i], temp[i]);
    }
  }
  return {dr, std::move(peak), std::move(omega)};
}

}  // namespace dermasim
