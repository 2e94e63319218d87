// Pennes bioheat around a spherical heat source, with the Arrhenius damage integral: a general
// solver on its own time scale (SI units, seconds), independent of the tissue grid. The model
// uses it for the pulse of an RF needle tip (model/rf.hpp).
//   rho_c dT/dt = (1/r^2) d/dr (k r^2 dT/dr) + w (T_a - T) + Q(r, t),
//   Q = q inside r < source_radius while t < duration, else 0,
//   Omega(r) = integral A exp(-(Ea/R) / T(r, t)) dt  (Henriques & Moritz 1947),
// on 0 <= r <= outer_radius with T = T_a at the outer edge and at t = 0, followed to end_time.
// Finite volumes on `shells` spherical shells of equal width (values at their midpoints),
// explicit Euler at half the stability limit of the innermost shells.
#pragma once
#include <vector>

namespace dermasim {

struct SphericalHeating {
  double source_radius = 0.0;  ///< m
  double power_density = 0.0;  ///< q, W/m3 inside source_radius while on
  double duration = 0.0;       ///< s the source is on
  double end_time = 0.0;       ///< s, followed until then (heating and cooling)
  double conductivity = 0.0;   ///< k, W/(m K)
  double heat_capacity = 0.0;  ///< rho_c, J/(m3 K)
  double perfusion = 0.0;      ///< w = w_b c_b, W/(m3 K)
  double ambient = 0.0;        ///< T_a, K: initial, arterial and outer-edge temperature
  double outer_radius = 0.0;   ///< m
  int shells = 0;
};

struct ArrheniusRate {
  double prefactor = 0.0;                     ///< A, 1/s
  double activation_over_gas_constant = 0.0;  ///< Ea / R, K
};

struct SphericalHeatingResult {
  double shell_width = 0.0;              ///< m
  std::vector<double> peak_temperature;  ///< K, per shell
  std::vector<double> damage;            ///< Omega at end_time, per shell
};

SphericalHeatingResult solve_spherical_bioheat(const SphericalHeating& problem,
                                               const ArrheniusRate& rate);

}  // namespace dermasim
