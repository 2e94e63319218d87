// RF microneedling: the coagulation zone around an uninsulated needle tip.
// Pennes bioheat on a sphere around the tip (SI units, seconds, solved at the pulse's own
// time scale, independent of the tissue grid):
//   rho_c dT/dt = (1/r^2) d/dr (k_T r^2 dT/dr) + w_b c_b (T_a - T) + Q(r, t),
//   Q = E / (tau (4/3) pi r_tip^3) for r < r_tip and t < tau, else 0,
// with T_a = 37 C, and the Arrhenius damage integral (Henriques & Moritz 1947)
//   Omega(r) = integral A exp(-Ea / (R T(r, t))) dt
// followed until the tissue has cooled. The coagulated radius is where Omega = 1 (log-linear
// interpolation between nodes); the model deposits that ball as injury (model/injury.hpp).
// The equation is solved by numerics/bioheat.hpp (finite volumes on spherical shells, explicit
// Euler at half the stability limit); this file sets up the tip's problem and reads the result.
// The radial profiles of the peak temperature and of Omega are kept as well, so that a session
// can record both as fields (rf_peak_temperature, thermal_damage).
#pragma once
#include <vector>

#include "dermasim/model/parameters.hpp"

namespace dermasim::model {

/// Radial profiles around one tip, on shells of equal width (midpoint values).
struct RfTipProfile {
  double shell_width = 0.0;              ///< mm
  std::vector<double> peak_temperature;  ///< deg C, per shell
  std::vector<double> damage;            ///< Omega, per shell
  double coagulation_radius = 0.0;       ///< mm, where Omega = 1 (0 if nowhere)
  /// Radius covered by the profiles, mm.
  double extent() const { return shell_width * static_cast<double>(damage.size()); }
  /// `values` (one of the two profiles) at distance r_mm from the tip; `outside` beyond it.
  double at(const std::vector<double>& values, double r_mm, double outside) const;
  /// Outermost distance (mm) at which `values` still reach `threshold` (0 if nowhere).
  double radius_above(const std::vector<double>& values, double threshold) const;
};

/// The profiles after `energy_mj` (mJ) is delivered at one tip; empty for no energy.
RfTipProfile rf_tip_profile(double energy_mj, const ParameterSet& params);

/// Radius (mm) of tissue with Omega >= 1 after `energy_mj` (mJ) is delivered at one tip;
/// 0 when even the tip centre stays below the damage threshold.
double rf_coagulation_radius(double energy_mj, const ParameterSet& params);

}  // namespace dermasim::model
