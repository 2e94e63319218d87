#include "dermasim/numerics/diffusion.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

double total(const std::vector<double>& u) {
  return std::accumulate(u.begin(), u.end(), 0.0);
}

TEST(Diffusion, ConstantFieldIsSteady) {
  Grid g(3, 6, 5, 4, 0.1);
  DiffusionSolver d(g, {1.0, 2.0, 0.5, 3.0}, Threads(1));
  std::vector<double> u(g.cells(), 2.0);
  d.advance(u.data(), 10.0);
  for (double v : u) EXPECT_NEAR(v, 2.0, 1e-13);
}

TEST(Diffusion, NoFluxConservesAndSmooths) {
  Grid g(2, 16, 1, 12, 0.05);
  std::vector<double> D(12, 0.3);
  D[5] = 0.01;  // a low-diffusivity layer
  DiffusionSolver d(g, D, Threads(1));
  std::vector<double> u(g.cells(), 0.0);
  u[g.index(3, 0, 2)] = 1.0;
  d.advance(u.data(), 0.2);
  EXPECT_NEAR(total(u), 1.0, 1e-14);
  for (double v : u) EXPECT_GE(v, 0.0);
  EXPECT_LT(u[g.index(3, 0, 2)], 1.0);
}

TEST(Diffusion, PeriodicWrapsAround) {
  Grid g(2, 8, 1, 1, 0.1, LateralBoundary::kPeriodic);
  DiffusionSolver d(g, {1.0}, Threads(1));
  std::vector<double> u(8, 0.0);
  u[0] = 1.0;
  d.advance(u.data(), 0.01);
  EXPECT_NEAR(u[1], u[7], 1e-15);  // symmetric about the wrapped neighbour
  EXPECT_GT(u[7], 0.0);
  EXPECT_NEAR(total(u), 1.0, 1e-14);
}

TEST(Diffusion, NoFluxDoesNotWrap) {
  Grid g(2, 8, 1, 1, 0.1);
  DiffusionSolver d(g, {1.0}, Threads(1));
  std::vector<double> u(8, 0.0);
  u[0] = 1.0;
  d.advance(u.data(), 0.01);
  EXPECT_GT(u[1], 100 * u[7]);
}

TEST(Diffusion, ZeroDiffusivityLayerBlocksFlux) {
  Grid g(2, 1, 1, 5, 0.1);
  DiffusionSolver d(g, {1.0, 1.0, 0.0, 1.0, 1.0}, Threads(1));
  std::vector<double> u{1.0, 0.0, 0.0, 0.0, 0.0};
  d.advance(u.data(), 1.0);
  EXPECT_EQ(u[2], 0.0);
  EXPECT_EQ(u[3], 0.0);
  EXPECT_NEAR(u[0] + u[1], 1.0, 1e-14);
}

TEST(Diffusion, RejectsWrongCoefficientCount) {
  Grid g(2, 4, 1, 3, 0.1);
  EXPECT_THROW(DiffusionSolver(g, {1.0, 1.0}, Threads(1)), Error);
  EXPECT_THROW(DiffusionSolver(g, {1.0, -1.0, 1.0}, Threads(1)), Error);
}

// One thread sweeps a field whole (all axes a plane at a time); with more threads than fields
// the sweeps are shared out axis by axis. Both must give the same bits on every grid shape.
TEST(Diffusion, WholeFieldAndSharedSweepsAgreeBitwise) {
  const Grid grids[] = {
      Grid(3, 37, 23, 19, 0.02), Grid(3, 37, 23, 19, 0.02, LateralBoundary::kPeriodic),
      Grid(2, 37, 1, 40, 0.02),  Grid(3, 1, 9, 7, 0.02),
      Grid(3, 9, 1, 7, 0.02),    Grid(2, 1, 1, 40, 0.02)};
  for (const Grid& g : grids) {
    std::vector<double> D(g.nz());
    for (int k = 0; k < g.nz(); ++k) D[k] = k < 5 ? 0.06 : k < 12 ? 0.3 : 0.15;
    std::vector<double> u(g.cells());
    for (std::size_t c = 0; c < g.cells(); ++c)
      u[c] = 1.0 + std::sin(0.37 * c) * std::cos(0.011 * c);
    std::vector<double> v = u;
    DiffusionSolver a(g, D, Threads(1)), b(g, D, Threads(2));
    a.advance(u.data(), 0.05);
    b.advance(v.data(), 0.05);
    for (std::size_t c = 0; c < g.cells(); ++c) ASSERT_EQ(u[c], v[c]) << "cell " << c;
  }
}

}  // namespace
}  // namespace dermasim
