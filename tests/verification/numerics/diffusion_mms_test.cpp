// Manufactured solution for diffusion with a layer-wise (discontinuous) coefficient:
//   u = e^{-t} (2 + Phi(x, y) + psi(z)),  Phi = cos(pi x / L) [cos(pi y / L) in 3D],
//   psi(z) = int_0^z sin(pi s / L) / D(s) ds,
// so u and the flux D du/dz are continuous across the interface z = L/2 where D jumps from D1
// to D2, and every boundary is no-flux. Asserted: second order in space (dt ~ h^2) in 2D and 3D,
// first order in time (backward-Euler LOD inside the Strang step).
#include <gtest/gtest.h>

#include <cstdio>
#include <numbers>

#include "mms_support.hpp"

namespace dermasim::verification {
namespace {

constexpr double kD1 = 0.3, kD2 = 0.05, kSide = 1.0, kEnd = 0.25;
constexpr double kPi = std::numbers::pi;

double diffusivity(double z) {
  return z < 0.5 * kSide ? kD1 : kD2;
}

double psi(double z) {
  return layered_psi(z, kD1, kD2, kSide);
}

MmsProblem layered_diffusion(int dimensions) {
  MmsProblem p;
  p.dimensions = dimensions;
  p.side = kSide;
  auto lateral = [dimensions](const Point& q) {
    const double phi = std::cos(kPi * q.x / kSide);
    return dimensions == 3 ? phi * std::cos(kPi * q.y / kSide) : phi;
  };
  const double lambda = (kPi / kSide) * (kPi / kSide) * (dimensions - 1);
  p.exact = [lateral](int f, const Point& q) {
    return f == 0 ? std::exp(-q.t) * (2.0 + lateral(q) + psi(q.z)) : 1.0;
  };
  p.source = [lateral, lambda, exact = p.exact](int f, const Point& q) {
    if (f != 0) return 0.0;
    return -exact(0, q) + std::exp(-q.t) * (diffusivity(q.z) * lambda * lateral(q) -
                                            (kPi / kSide) * std::cos(kPi * q.z / kSide));
  };
  p.diffusivity = [](int f, double z) { return f == 0 ? diffusivity(z) : 0.0; };
  return p;
}

void expect_second_order_in_space(int dimensions, const std::vector<int>& resolutions) {
  // dt = 4.5 h^2: the time error shrinks like the space error.
  const auto c = space_convergence("diffusion", layered_diffusion(dimensions), resolutions, kEnd,
                                   [](int n) { return n * n / 18; });
  for (std::size_t i = 0; i < c.l2_orders.size(); ++i) {
    EXPECT_GT(c.l2_orders[i], 1.8);
    EXPECT_LT(c.l2_orders[i], 2.3);
    EXPECT_GT(c.max_orders[i], 1.7);
  }
}

TEST(DiffusionMms, SecondOrderInSpace2D) {
  expect_second_order_in_space(2, {12, 24, 48, 96});
}

TEST(DiffusionMms, SecondOrderInSpace3D) {
  expect_second_order_in_space(3, {6, 12, 24, 48});
}

TEST(DiffusionMms, FirstOrderInTime) {
  for (double order :
       time_orders("diffusion", layered_diffusion(2), 32, kEnd, {8, 16, 32, 64}, 2048)) {
    EXPECT_GT(order, 0.85);
    EXPECT_LT(order, 1.2);
  }
}

}  // namespace
}  // namespace dermasim::verification
