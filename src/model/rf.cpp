// Pennes bioheat + Arrhenius damage around one RF needle tip (equations in rf.hpp).
#include "dermasim/model/rf.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

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
  const double tau = params[ParamId::rf_pulse_duration];
  const double a = params[ParamId::rf_tip_radius] * 1e-3;  // m
  const double k_t = params[ParamId::rf_thermal_conductivity];
  const double rho_c = params[ParamId::rf_heat_capacity];
  const double perfusion = params[ParamId::rf_perfusion];
  const double prefactor = params[ParamId::rf_arrhenius_prefactor];
  const double ea_over_r = params[ParamId::rf_activation_energy] / kGasConstant;
  const double alpha = k_t / rho_c;
  const double t_end = tau * (1.0 + kCoolingPulses);
  const double radius = kPatchTipRadii * a + kPatchDiffusionLengths * std::sqrt(alpha * t_end);
  const double dr = radius / kShells;

  // Shell i spans [i dr, (i+1) dr]; node at its volume centre is approximated by the midpoint.
  std::vector<double> volume(kShells), face_area(kShells + 1), heating(kShells);
  const double source = energy_mj * 1e-3 / (tau * 4.0 / 3.0 * std::numbers::pi * a * a * a);
  for (int i = 0; i <= kShells; ++i) face_area[i] = 4.0 * std::numbers::pi * (i * dr) * (i * dr);
  for (int i = 0; i < kShells; ++i) {
    const double r0 = i * dr, r1 = (i + 1) * dr;
    volume[i] = 4.0 / 3.0 * std::numbers::pi * (r1 * r1 * r1 - r0 * r0 * r0);
    // Source power of the part of the shell inside the tip sphere.
    const double inside_r1 = std::min(r1, a);
    const double inside = inside_r1 > r0 ? 4.0 / 3.0 * std::numbers::pi *
                                               (inside_r1 * inside_r1 * inside_r1 - r0 * r0 * r0)
                                         : 0.0;
    heating[i] = source * inside / volume[i];
  }
  // Stability of explicit diffusion on the innermost shells bounds the step.
  double dt = 0.5 * rho_c / (k_t * face_area[1] / (volume[0] * dr));
  for (int i = 1; i < kShells; ++i) {
    dt = std::min(dt, 0.5 * rho_c / (k_t * (face_area[i] + face_area[i + 1]) / (volume[i] * dr)));
  }
  const long steps = static_cast<long>(std::ceil(t_end / dt));
  dt = t_end / static_cast<double>(steps);

  std::vector<double> temp(kShells, kBodyTemperature), next(kShells), omega(kShells, 0.0);
  std::vector<double> peak(kShells, kBodyTemperature);
  for (long n = 0; n < steps; ++n) {
    const double t = n * dt;
    const double on = t < tau ? 1.0 : 0.0;
    for (int i = 0; i < kShells; ++i) {
      const double inner = i > 0 ? k_t * face_area[i] * (temp[i - 1] - temp[i]) / dr : 0.0;
      // The outer edge is held at body temperature.
      const double outer_t = i + 1 < kShells ? temp[i + 1] : kBodyTemperature;
      const double outer = k_t * face_area[i + 1] * (outer_t - temp[i]) / dr;
      const double rate =
          (inner + outer) / volume[i] + perfusion * (kBodyTemperature - temp[i]) + on * heating[i];
      next[i] = temp[i] + dt * rate / rho_c;
    }
    temp.swap(next);
    for (int i = 0; i < kShells; ++i) {
      omega[i] += dt * prefactor * std::exp(-ea_over_r / temp[i]);
      peak[i] = std::max(peak[i], temp[i]);
    }
  }
  out.shell_width = dr * 1e3;
  out.peak_temperature.resize(kShells);
  for (int i = 0; i < kShells; ++i) out.peak_temperature[i] = peak[i] - kKelvinOffset;
  out.damage = omega;
  out.coagulation_radius = coagulated_radius(omega, dr) * 1e3;
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
