#include "dermasim/numerics/diffusion.hpp"

#include <gtest/gtest.h>

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
  DiffusionSolver d(g, {1.0, 2.0, 0.5, 3.0});
  std::vector<double> u(g.cells(), 2.0);
  d.advance(u.data(), 10.0);
  for (double v : u) EXPECT_NEAR(v, 2.0, 1e-13);
}

TEST(Diffusion, NoFluxConservesAndSmooths) {
  Grid g(2, 16, 1, 12, 0.05);
  std::vector<double> D(12, 0.3);
  D[5] = 0.01;  // a low-diffusivity layer
  DiffusionSolver d(g, D);
  std::vector<double> u(g.cells(), 0.0);
  u[g.index(3, 0, 2)] = 1.0;
  d.advance(u.data(), 0.2);
  EXPECT_NEAR(total(u), 1.0, 1e-14);
  for (double v : u) EXPECT_GE(v, 0.0);
  EXPECT_LT(u[g.index(3, 0, 2)], 1.0);
}

TEST(Diffusion, PeriodicWrapsAround) {
  Grid g(2, 8, 1, 1, 0.1, LateralBoundary::kPeriodic);
  DiffusionSolver d(g, {1.0});
  std::vector<double> u(8, 0.0);
  u[0] = 1.0;
  d.advance(u.data(), 0.01);
  EXPECT_NEAR(u[1], u[7], 1e-15);  // symmetric about the wrapped neighbour
  EXPECT_GT(u[7], 0.0);
  EXPECT_NEAR(total(u), 1.0, 1e-14);
}

TEST(Diffusion, NoFluxDoesNotWrap) {
  Grid g(2, 8, 1, 1, 0.1);
  DiffusionSolver d(g, {1.0});
  std::vector<double> u(8, 0.0);
  u[0] = 1.0;
  d.advance(u.data(), 0.01);
  EXPECT_GT(u[1], 100 * u[7]);
}

TEST(Diffusion, ZeroDiffusivityLayerBlocksFlux) {
  Grid g(2, 1, 1, 5, 0.1);
  DiffusionSolver d(g, {1.0, 1.0, 0.0, 1.0, 1.0});
  std::vector<double> u{1.0, 0.0, 0.0, 0.0, 0.0};
  d.advance(u.data(), 1.0);
  EXPECT_EQ(u[2], 0.0);
  EXPECT_EQ(u[3], 0.0);
  EXPECT_NEAR(u[0] + u[1], 1.0, 1e-14);
}

TEST(Diffusion, RejectsWrongCoefficientCount) {
  Grid g(2, 4, 1, 3, 0.1);
  EXPECT_THROW(DiffusionSolver(g, {1.0, 1.0}), Error);
  EXPECT_THROW(DiffusionSolver(g, {1.0, -1.0, 1.0}), Error);
}

}  // namespace
}  // namespace dermasim
