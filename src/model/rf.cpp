// The coagulation zone of one RF needle tip: the pulse as a spherical source for the bioheat
// solver (numerics/bioheat.hpp), and what the model reads from its profiles (rf.hpp).
#include "dermasim/model/rf.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "dermasim/numerics/bioheat.hpp"

namespace dermasim::model {
namespace {

constexpr double kGasConstant = 8.314;       // J/(mol K)
constexpr double kBodyTemperature = 310.15;  // K (37 C)
constexpr int kShells = 160;
// The patch reaches this many tip radii plus thermal diffusion lengths, far enough that its
// outer edge stays at body temperature during the damage-relevant time.
constexpr double kPatchTipRadii = 3.0;
constexpr double kPatchDiffusionLengths = 4.0;
// Heating and cooling are followed for this many pulse durations after the pulse ends.
constexpr double kCoolingPulses = 10.0;
constexpr double kKelvinOffset = 273.15;

// Radius (m) where Omega falls through 1: log-linear interpolation of Omega between the
// midpoints of the last shell above and the first below; 0 if even the centre stays below.
double coagulated_radius(const std::vector<double>& omega, double dr) {
  if (omega[0] < 1.0) return 0.0;
  for (std::size_t i = 1; i < omega.size(); ++i) {
    if (omega[i] < 1.0) {
      const double l0 = std::log(omega[i - 1]);
      const double l1 = std::log(std::max(omega[i], 1e-300));
      const double s = l0 / (l0 - l1);
      return ((static_cast<double>(i) - 0.5) + s) * dr;
    }
  }
  return static_cast<double>(omega.size()) * dr;
}

}  // namespace

RfTipProfile rf_tip_profile(double energy_mj, const ParameterSet& params) {
  RfTipProfile out;
  if (!(energy_mj > 0.0)) return out;
  SphericalHeating tip;
  tip.duration = params[ParamId::rf_pulse_duration];
  tip.source_radius = params[ParamId::rf_tip_radius] * 1e-3;  // m
  tip.conductivity = params[ParamId::rf_thermal_conductivity];
  tip.heat_capacity = params[ParamId::rf_heat_capacity];
  tip.perfusion = params[ParamId::rf_perfusion];
  tip.ambient = kBodyTemperature;
  tip.end_time = tip.duration * (1.0 + kCoolingPulses);
  const double alpha = tip.conductivity / tip.heat_capacity;
  const double a = tip.source_radius;
  tip.outer_radius = kPatchTipRadii * a + kPatchDiffusionLengths * std::sqrt(alpha * tip.end_time);
  tip.shells = kShells;
  // The pulse's energy spread evenly over the tip sphere.
  tip.power_density = energy_mj * 1e-3 / (tip.duration * 4.0 / 3.0 * std::numbers::pi * a * a * a);
  const ArrheniusRate rate{params[ParamId::rf_arrhenius_prefactor],
                           params[ParamId::rf_activation_energy] / kGasConstant};
  const SphericalHeatingResult heat = solve_spherical_bioheat(tip, rate);

  out.shell_width = heat.shell_width * 1e3;
  out.peak_temperature.resize(heat.peak_temperature.size());
  for (std::size_t i = 0; i < heat.peak_temperature.size(); ++i) {
    out.peak_temperature[i] = heat.peak_temperature[i] - kKelvinOffset;
  }
  out.damage = heat.damage;
  out.coagulation_radius = coagulated_radius(heat.damage, heat.shell_width) * 1e3;
  return out;
}

double rf_coagulation_radius(double energy_mj, const ParameterSet& params) {
  return rf_tip_profile(energy_mj, params).coagulation_radius;
}

double RfTipProfile::radius_above(const std::vector<double>& values, double threshold) const {
  if (values.empty() || values.front() < threshold) return 0.0;
  for (std::size_t i = values.size() - 1; i > 0; --i) {
    if (values[i - 1] >= threshold) {
      // Midpoints at (i - 1/2) and (i + 1/2) shell widths; linear between them.
      const double w = (values[i - 1] - threshold) / std::max(values[i - 1] - values[i], 1e-300);
      return (static_cast<double>(i) - 0.5 + std::min(w, 1.0)) * shell_width;
    }
  }
  return 0.5 * shell_width;
}

double RfTipProfile::at(const std::vector<double>& values, double r_mm, double outside) const {
  if (values.empty()) return outside;
  // Shell midpoints sit at (i + 1/2) shell widths; linear between them, flat inside the first.
  const double s = r_mm / shell_width - 0.5;
  if (s <= 0.0) return values.front();
  const auto i = static_cast<std::size_t>(s);
  if (i + 1 >= values.size()) return outside;
  const double w = s - static_cast<double>(i);
  return (1.0 - w) * values[i] + w * values[i + 1];
}

}  // namespace dermasim::model
