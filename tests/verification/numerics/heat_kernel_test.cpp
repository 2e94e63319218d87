// The Gaussian heat kernel u = M (4 pi D t)^{-d/2} exp(-r^2 / (4 D t)) against the diffusion
// solver, from t0 to t1 on a domain wide enough that the no-flux walls do not matter (the kernel
// is below 1e-12 of its peak there). The discrete error must be small and must shrink at the rate
// the scheme promises when h halves and dt quarters (second order in space, first in time: 4x).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

#include "dermasim/numerics/diffusion.hpp"

namespace dermasim {
namespace {

constexpr double kD = 0.3, kT0 = 0.05, kT1 = 0.25;

double kernel(double r2, double t, int dimensions) {
  return std::pow(4.0 * std::numbers::pi * kD * t, -0.5 * dimensions) *
         std::exp(-r2 / (4.0 * kD * t));
}

// Relative max error at t1 on an n^d grid of side `side` with `steps` steps.
double heat_kernel_error(int dimensions, double side, int n, int steps) {
  const double h = side / n;
  const Grid g(dimensions, n, dimensions == 3 ? n : 1, n, h);
  const double centre = 0.5 * side;
  auto r2 = [&](int i, int j, int k) {
    const double dx = g.x(i) - centre, dz = g.z(k) - centre;
    const double dy = dimensions == 3 ? g.y(j) - centre : 0.0;
    return dx * dx + dy * dy + dz * dz;
  };
  std::vector<double> u(g.cells());
  for (int k = 0; k < g.nz(); ++k)
    for (int j = 0; j < g.ny(); ++j)
      for (int i = 0; i < g.nx(); ++i) u[g.index(i, j, k)] = kernel(r2(i, j, k), kT0, dimensions);
  DiffusionSolver solver(g, std::vector<double>(g.nz(), kD), Threads(1));
  const double dt = (kT1 - kT0) / steps;
  for (int s = 0; s < steps; ++s) solver.advance(u.data(), dt);
  double error = 0.0, peak = 0.0;
  for (int k = 0; k < g.nz(); ++k)
    for (int j = 0; j < g.ny(); ++j)
      for (int i = 0; i < g.nx(); ++i) {
        const double exact = kernel(r2(i, j, k), kT1, dimensions);
        error = std::max(error, std::abs(u[g.index(i, j, k)] - exact));
        peak = std::max(peak, exact);
      }
  return error / peak;
}

TEST(HeatKernel, MatchesAnalyticSolution2D) {
  const double coarse = heat_kernel_error(2, 4.0, 64, 50);
  const double fine = heat_kernel_error(2, 4.0, 128, 200);
  std::printf("heat kernel 2D: relative max error %.2e (n=64) %.2e (n=128)\n", coarse, fine);
  EXPECT_LT(fine, 5e-3);
  EXPECT_GT(coarse / fine, 3.5);
  EXPECT_LT(coarse / fine, 4.5);
}

TEST(HeatKernel, MatchesAnalyticSolution3D) {
  const double coarse = heat_kernel_error(3, 4.0, 32, 25);
  const double fine = heat_kernel_error(3, 4.0, 64, 100);
  std::printf("heat kernel 3D: relative max error %.2e (n=32) %.2e (n=64)\n", coarse, fine);
  EXPECT_LT(fine, 2e-2);
  EXPECT_GT(coarse / fine, 3.5);
  EXPECT_LT(coarse / fine, 4.5);
}

}  // namespace
}  // namespace dermasim
