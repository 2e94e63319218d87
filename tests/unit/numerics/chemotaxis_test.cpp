#include "dermasim/numerics/chemotaxis.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace dermasim {
namespace {

TEST(Chemotaxis, UniformAttractantMovesNothing) {
  Grid g(2, 10, 1, 8, 0.1);
  ChemotaxisSolver s(g, std::vector<double>(8, 1.0), Threads(1));
  std::vector<double> u(g.cells()), c(g.cells(), 3.0);
  for (std::size_t i = 0; i < u.size(); ++i) u[i] = 1.0 + (i % 3);
  const auto before = u;
  double* fields[] = {u.data()};
  s.advance(fields, c.data(), 1.0);
  EXPECT_EQ(u, before);
  EXPECT_EQ(s.last_substeps(), 0);
}

TEST(Chemotaxis, CellsClimbTheGradientAndAreConserved) {
  Grid g(2, 20, 1, 1, 0.05);
  ChemotaxisSolver s(g, {0.01}, Threads(1));
  std::vector<double> u(g.cells(), 1.0), c(g.cells());
  for (int i = 0; i < 20; ++i) c[i] = i;  // attractant rises with x
  double* fields[] = {u.data()};
  s.advance(fields, c.data(), 1.0);
  EXPECT_GT(u[19], 1.0);
  EXPECT_LT(u[0], 1.0);
  EXPECT_NEAR(std::accumulate(u.begin(), u.end(), 0.0), 20.0, 1e-12);
  for (double v : u) EXPECT_GE(v, 0.0);
}

TEST(Chemotaxis, SubStepsToRespectTheCflBound) {
  Grid g(2, 20, 1, 1, 0.05);
  ChemotaxisSolver s(g, {1.0}, Threads(1));
  std::vector<double> u(g.cells(), 1.0), c(g.cells());
  for (int i = 0; i < 20; ++i) c[i] = 0.5 * i;  // |v| = 1 * 0.5 / 0.05 = 10 mm/day
  double* fields[] = {u.data()};
  s.advance(fields, c.data(), 0.1);  // Courant number 20 -> 40 sub-steps at 0.5
  EXPECT_EQ(s.last_substeps(), 40);
}

TEST(Chemotaxis, PeriodicBoundaryPassesFlux) {
  Grid g(2, 10, 1, 1, 0.1, LateralBoundary::kPeriodic);
  ChemotaxisSolver s(g, {0.05}, Threads(1));
  std::vector<double> u(10, 0.0), c(10, 0.0);
  u[9] = 1.0;
  c[0] = 1.0;  // attractant just across the wrapped boundary
  double* fields[] = {u.data()};
  s.advance(fields, c.data(), 0.5);
  EXPECT_GT(u[0], 0.0);
  EXPECT_NEAR(std::accumulate(u.begin(), u.end(), 0.0), 1.0, 1e-14);
}

}  // namespace
}  // namespace dermasim
