// The spherical bioheat solver on its own: at rest without a source, hotter and more damaged
// with more power, and hottest at the centre.
#include "dermasim/numerics/bioheat.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace dermasim {
namespace {

SphericalHeating tip(double power_density) {
  SphericalHeating p;
  p.source_radius = 50e-6;
  p.power_density = power_density;
  p.duration = 0.1;
  p.end_time = 1.1;
  p.conductivity = 0.5;
  p.heat_capacity = 3.7e6;
  p.perfusion = 4e4;
  p.ambient = 310.15;
  p.outer_radius = 4e-3;
  p.shells = 80;
  return p;
}

constexpr ArrheniusRate kRate{7.39e39, 2.577e5 / 8.314};

TEST(SphericalBioheat, WithoutASourceTheTissueStaysAtRest) {
  const SphericalHeatingResult r = solve_spherical_bioheat(tip(0.0), kRate);
  ASSERT_EQ(r.peak_temperature.size(), 80u);
  EXPECT_DOUBLE_EQ(r.shell_width, 4e-3 / 80);
  const double resting_damage =
      1.1 * kRate.prefactor * std::exp(-kRate.activation_over_gas_constant / 310.15);
  for (std::size_t i = 0; i < r.damage.size(); ++i) {
    EXPECT_EQ(r.peak_temperature[i], 310.15);
    EXPECT_NEAR(r.damage[i], resting_damage, 1e-9 * resting_damage);
  }
}

TEST(SphericalBioheat, MorePowerHeatsAndDamagesMoreAndTheCentreIsHottest) {
  const SphericalHeatingResult weak = solve_spherical_bioheat(tip(1e11), kRate);
  const SphericalHeatingResult strong = solve_spherical_bioheat(tip(4e11), kRate);
  EXPECT_GT(weak.peak_temperature[0], 310.15 + 1.0);
  EXPECT_GT(strong.peak_temperature[0], weak.peak_temperature[0]);
  EXPECT_GT(strong.damage[0], weak.damage[0]);
  for (std::size_t i = 1; i < strong.peak_temperature.size(); ++i) {
    EXPECT_LE(strong.peak_temperature[i], strong.peak_temperature[i - 1]) << i;
  }
  EXPECT_NEAR(strong.peak_temperature.back(), 310.15, 1e-3);
}

}  // namespace
}  // namespace dermasim
