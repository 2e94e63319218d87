// Manufactured solution for a coupled, nonlinear reaction-diffusion pair through the full Strang
// stepper: u diffuses with a layer-wise coefficient and is consumed by w; w does not diffuse,
// grows on u and decays:
//   du/dt = div(D(z) grad u) - k1 u w + S_u,    dw/dt = k1 u w - k2 w + S_w,
//   u = e^{-t} (2 + Phi(x, y) + psi(z)),  psi continuous with continuous flux (mms_support.hpp), w
//   = e^{-t/2} (1.5 + cos(pi x / L) cos(pi z / L)).
// Asserted: second order in space (dt ~ h^2) in 2D and 3D, first order in time.
#include <gtest/gtest.h>

#include <cstdio>
#include <numbers>

#include "mms_support.hpp"

namespace dermasim::verification {
namespace {

constexpr double kPi = std::numbers::pi, kSide = 1.0, kEnd = 0.25;
constexpr double kK1 = 0.4, kK2 = 0.3, kD1 = 0.2, kD2 = 0.08;

double diffusivity(double z) {
  return z < 0.5 * kSide ? kD1 : kD2;
}

MmsProblem coupled_problem(int dimensions) {
  MmsProblem p;
  p.dimensions = dimensions;
  p.side = kSide;
  const double w = kPi / kSide;
  const bool three = dimensions == 3;
  auto phi = [=](const Point& q) {
    return three ? std::cos(w * q.x) * std::cos(w * q.y) : std::cos(w * q.x);
  };
  p.exact = [=](int f, const Point& q) {
    if (f == 0) return std::exp(-q.t) * (2.0 + phi(q) + layered_psi(q.z, kD1, kD2, kSide));
    return std::exp(-0.5 * q.t) * (1.5 + std::cos(w * q.x) * std::cos(w * q.z));
  };
  p.model = [](const double* u, double* production, double* loss) {
    loss[0] += kK1 * u[1];
    production[1] += kK1 * u[0] * u[1];
    loss[1] += kK2;
  };
  p.source = [=, exact = p.exact](int f, const Point& q) {
    const double u = exact(0, q), v = exact(1, q);
    if (f == 0) {
      // div(D grad u) = e^{-t} (-D(z) lambda Phi + d/dz (D psi')).
      const double lambda = w * w * (three ? 2.0 : 1.0);
      const double divergence =
          std::exp(-q.t) * (-diffusivity(q.z) * lambda * phi(q) + w * std::cos(w * q.z));
      return -u - divergence + kK1 * u * v;
    }
    return -0.5 * v - kK1 * u * v + kK2 * v;
  };
  p.diffusivity = [](int f, double z) { return f == 0 ? diffusivity(z) : 0.0; };
  return p;
}

TEST(ReactionDiffusionMms, SecondOrderInSpace) {
  for (int dimensions : {2, 3}) {
    const std::vector<int> resolutions =
        dimensions == 2 ? std::vector<int>{12, 24, 48, 96} : std::vector<int>{6, 12, 24, 48};
    const auto c = space_convergence("coupled", coupled_problem(dimensions), resolutions, kEnd,
                                     [](int n) { return n * n / 18; });
    for (double order : c.l2_orders) {
      EXPECT_GT(order, 1.8);
      EXPECT_LT(order, 2.3);
    }
  }
}

TEST(ReactionDiffusionMms, FirstOrderInTime) {
  for (double order : time_orders("coupled", coupled_problem(2), 24, kEnd, {8, 16, 32, 64}, 2048)) {
    EXPECT_GT(order, 0.85);
    EXPECT_LT(order, 1.2);
  }
}

}  // namespace
}  // namespace dermasim::verification
