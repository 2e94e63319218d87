// Manufactured solution for chemotaxis du/dt = -div(u chi grad c) + S in a static attractant
//   c = cos(pi x / L) + cos(pi z / L) [+ cos(pi y / L)],   u = e^{-t} (2 + g),
//   g = cos(pi x / L) cos(pi z / L) [cos(pi y / L)],
// whose velocity and gradients vanish on the walls (no-flux). Asserted: second order in space with
// dt ~ h (SSP-RK2 and Strang are second order in time), and second order in time.
#include <gtest/gtest.h>

#include <cstdio>
#include <numbers>

#include "mms_support.hpp"

namespace dermasim::verification {
namespace {

constexpr double kPi = std::numbers::pi, kSide = 1.0, kChi = 0.05, kEnd = 0.5;

MmsProblem chemotaxis_problem(int dimensions) {
  MmsProblem p;
  p.dimensions = dimensions;
  p.side = kSide;
  p.chemotaxis = kChi;
  const double w = kPi / kSide;
  const bool three = dimensions == 3;
  auto g = [=](const Point& q) {
    const double v = std::cos(w * q.x) * std::cos(w * q.z);
    return three ? v * std::cos(w * q.y) : v;
  };
  auto c = [=](const Point& q) {
    return std::cos(w * q.x) + std::cos(w * q.z) + (three ? std::cos(w * q.y) : 0.0);
  };
  p.exact = [=](int f, const Point& q) { return f == 0 ? std::exp(-q.t) * (2.0 + g(q)) : c(q); };
  p.source = [=](int f, const Point& q) {
    if (f != 0) return 0.0;
    const double cy = three ? std::cos(w * q.y) : 1.0;
    const double sx = std::sin(w * q.x), sy = std::sin(w * q.y), sz = std::sin(w * q.z);
    const double cx = std::cos(w * q.x), cz = std::cos(w * q.z);
    // grad g . grad c (each gradient carries -w).
    double dot = w * w * (sx * cz * cy * sx + cx * sz * cy * sz);
    if (three) dot += w * w * (cx * sy * cz * sy);
    const double e = std::exp(-q.t);
    const double u = e * (2.0 + g(q));
    return -u + kChi * (e * dot - w * w * c(q) * u);
  };
  p.diffusivity = [](int, double) { return 0.0; };
  return p;
}

void expect_second_order_in_space(int dimensions, const std::vector<int>& resolutions) {
  // dt ~ h: SSP-RK2 and Strang are second order in time.
  const auto c = space_convergence("chemotaxis", chemotaxis_problem(dimensions), resolutions, kEnd,
                                   [](int n) { return n; });
  for (std::size_t i = 0; i < c.l2_orders.size(); ++i) {
    EXPECT_GT(c.l2_orders[i], 1.8);
    EXPECT_LT(c.l2_orders[i], 2.5);
    EXPECT_GT(c.max_orders[i], 1.5);
  }
}

TEST(ChemotaxisMms, SecondOrderInSpace2D) {
  expect_second_order_in_space(2, {16, 32, 64, 128});
}

TEST(ChemotaxisMms, SecondOrderInSpace3D) {
  expect_second_order_in_space(3, {6, 12, 24, 48});
}

TEST(ChemotaxisMms, SecondOrderInTime) {
  // Step counts keep the Courant number below the sub-stepping bound, so dt alone changes.
  for (double order :
       time_orders("chemotaxis", chemotaxis_problem(2), 32, kEnd, {16, 32, 64, 128}, 1024)) {
    EXPECT_GT(order, 1.8);
    EXPECT_LT(order, 2.3);
  }
}

}  // namespace
}  // namespace dermasim::verification
