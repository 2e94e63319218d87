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

void expect_second_order_in_space(int dimensions, std::vector<int> resolutions) {
  const MmsProblem p = layered_diffusion(dimensions);
  std::vector<double> l2, max;
  for (int n : resolutions) {
    const int steps = n * n / 18;  // dt = 4.5 h^2: time error shrinks like the space error
    const MmsError e = mms_error(p, mms_run(p, n, kEnd, steps), kEnd);
    l2.push_back(e.l2);
    max.push_back(e.max);
  }
  const auto l2_orders = observed_orders(l2);
  const auto max_orders = observed_orders(max);
  for (std::size_t i = 0; i < l2_orders.size(); ++i) {
    std::printf("diffusion %dD n=%d: L2 %.3e order %.2f, max %.3e order %.2f\n", dimensions,
                resolutions[i + 1], l2[i + 1], l2_orders[i], max[i + 1], max_orders[i]);
  }
  for (std::size_t i = 0; i < l2_orders.size(); ++i) {
    SCOPED_TRACE("refinement " + std::to_string(i) + ": L2 " + std::to_string(l2[i + 1]));
    EXPECT_GT(l2_orders[i], 1.8);
    EXPECT_LT(l2_orders[i], 2.3);
    EXPECT_GT(max_orders[i], 1.7);
  }
}

TEST(DiffusionMms, SecondOrderInSpace2D) {
  expect_second_order_in_space(2, {12, 24, 48, 96});
}

TEST(DiffusionMms, SecondOrderInSpace3D) {
  expect_second_order_in_space(3, {6, 12, 24, 48});
}

TEST(DiffusionMms, FirstOrderInTime) {
  const MmsProblem p = layered_diffusion(2);
  const int n = 32;
  // Self-convergence on a fixed grid removes the spatial error: e(dt) = |u_dt - u_{dt/2}|.
  std::vector<FieldSet> runs;
  for (int steps : {4, 8, 16, 32, 64}) runs.push_back(mms_run(p, n, kEnd, steps));
  std::vector<double> differences;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    double m = 0.0;
    for (std::size_t c = 0; c < runs[r][0].size(); ++c) {
      m = std::max(m, std::abs(runs[r][0][c] - runs[r - 1][0][c]));
    }
    differences.push_back(m);
  }
  for (double order : observed_orders(differences)) {
    std::printf("diffusion time order %.2f\n", order);
    EXPECT_GT(order, 0.85);
    EXPECT_LT(order, 1.2);
  }
}

}  // namespace
}  // namespace dermasim::verification
