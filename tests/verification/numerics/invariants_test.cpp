// Invariants of the transport and splitting machinery: mass conservation with no-flux boundaries
// over 10,000 steps, positivity from step-function data at huge steps, and bitwise identical
// results for 1 and 2 OpenMP threads through the adaptive integrator.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "dermasim/numerics/reaction.hpp"
#include "dermasim/numerics/step_control.hpp"
#include "dermasim/numerics/transport.hpp"

namespace dermasim {
namespace {

// Fields: 0 = attractant (diffuses), 1 and 2 = densities that diffuse slowly and climb it.
FieldSet three_fields(const Grid& g) {
  FieldSet s(g);
  s.add({"attractant", "ng/mL", "", 10.0});
  s.add({"cells", "cells/mm3", "", 5e3});
  s.add({"other_cells", "cells/mm3", "", 5e3});
  for (int k = 0; k < g.nz(); ++k)
    for (int j = 0; j < g.ny(); ++j)
      for (int i = 0; i < g.nx(); ++i) {
        const std::size_t c = g.index(i, j, k);
        const double dx = g.x(i) - 0.3 * g.width(), dz = g.z(k) - 0.4 * g.depth();
        const double dy = g.dimensions() == 3 ? g.y(j) - 0.6 * g.breadth() : 0.0;
        s[0][c] = 20.0 * std::exp(-(dx * dx + dy * dy + dz * dz) / 0.02);
        s[1][c] = 5e3 * (1.0 + 0.5 * std::sin(7.0 * g.x(i) + 3.0 * g.z(k)));
        s[2][c] = i < g.nx() / 2 ? 1e3 : 0.0;  // a step
      }
  return s;
}

std::vector<double> layered(const Grid& g, double top, double bottom) {
  std::vector<double> d(g.nz());
  for (int k = 0; k < g.nz(); ++k) d[k] = k < g.nz() / 3 ? top : bottom;
  return d;
}

TransportOperator transport_for(const Grid& g, Threads threads = Threads(1)) {
  return TransportOperator(
      g, {{0, layered(g, 0.3, 0.1)}, {1, layered(g, 8.6e-3, 4e-3)}, {2, layered(g, 8.6e-3, 0.0)}},
      {{{1, 2}, 0, layered(g, 2e-3, 1e-3)}}, threads);
}

long double total(const Field& f) {
  long double s = 0.0L;
  for (std::size_t c = 0; c < f.size(); ++c) s += f[c];
  return s;
}

TEST(Invariants, MassIsConservedOver10000Steps) {
  const Grid g(3, 12, 10, 8, 0.05);
  FieldSet s = three_fields(g);
  TransportOperator transport = transport_for(g);
  const long double before[3] = {total(s[0]), total(s[1]), total(s[2])};
  for (int step = 0; step < 10000; ++step) transport.advance(s, 0.0, 0.01);
  for (int f = 0; f < 3; ++f) {
    const double relative = static_cast<double>(std::abs(total(s[f]) - before[f]) / before[f]);
    EXPECT_LT(relative, 1e-12) << s[f].name();
  }
}

TEST(Invariants, StepFunctionStaysNonNegativeAtHugeSteps) {
  for (int dimensions : {2, 3}) {
    const Grid g(dimensions, 40, dimensions == 3 ? 6 : 1, 30, 0.02);
    FieldSet s = three_fields(g);
    TransportOperator transport = transport_for(g);
    for (double dt : {1.0, 10.0, 0.001}) {
      transport.advance(s, 0.0, dt);
      for (int f = 0; f < 3; ++f) {
        for (std::size_t c = 0; c < s[f].size(); ++c) ASSERT_GE(s[f][c], 0.0) << s[f].name();
      }
    }
  }
}

// Logistic growth of the densities driven by the attractant, decay of the attractant.
struct GrowthKernel {
  static constexpr int kFields = 3;
  void rates(const ReactionCell& cell, const double* u, double* p, double* l) const {
    p[0] = cell.k < 3 ? 5.0 : 0.0;
    l[0] = 10.0;
    const double g = u[0] / (1.0 + u[0]);
    p[1] = 0.6 * g * u[1];
    l[1] = 0.6 * g * (u[1] + u[2]) / 2e4 + 0.05;
    p[2] = 0.05 * u[1];
    l[2] = 0.06;
  }
};

FieldSet run_with_threads(int threads, int dimensions) {
  const Grid g(dimensions, 36, dimensions == 3 ? 20 : 1, 24, 0.04);
  FieldSet s = three_fields(g);
  TransportOperator transport = transport_for(g, Threads(threads));
  ReactionOperator<GrowthKernel> reaction(GrowthKernel{}, Threads(threads));
  SplittingStepper stepper(reaction, transport);
  AdaptiveIntegrator integrator(s, StepControlSettings{}, Threads(threads));
  double t = 0.0;
  integrator.advance_to(s, t, 3.0, stepper);
  return s;
}

TEST(Invariants, ResultsAreBitwiseIdenticalForOneAndTwoThreads) {
  for (int dimensions : {2, 3}) {
    const FieldSet one = run_with_threads(1, dimensions);
    const FieldSet two = run_with_threads(2, dimensions);
    for (int f = 0; f < one.size(); ++f) {
      EXPECT_EQ(0, std::memcmp(one[f].data(), two[f].data(), one[f].size() * sizeof(double)))
          << one[f].name() << " in " << dimensions << "D";
    }
  }
}

// The step controller steps from the saved start of a step into the state (step_from): that
// must be the in-place step bit for bit, leave the start as it was, and carry the fields no
// operator acts on (here a fourth, "record", field) across.
TEST(Invariants, StepFromAStartEqualsTheStepInPlaceAndKeepsTheStart) {
  const Grid g(2, 36, 1, 24, 0.04);
  FieldSet start = three_fields(g);
  const int record = start.add({"record", "1", "", 1.0}, 7.0);
  TransportOperator transport = transport_for(g);
  ReactionOperator<GrowthKernel> reaction(GrowthKernel{}, Threads(1));
  SplittingStepper stepper(reaction, transport);
  FieldSet in_place = start;
  stepper.step(in_place, 0.5, 0.2);
  const FieldSet kept = start;
  FieldSet out = start;
  for (int f = 0; f < out.size(); ++f) {
    for (std::size_t c = 0; c < out[f].size(); ++c) out[f][c] = -1.0;  // stale values
  }
  stepper.step_from(start, out, 0.5, 0.2);
  for (int f = 0; f < out.size(); ++f) {
    EXPECT_EQ(0, std::memcmp(out[f].data(), in_place[f].data(), out[f].size() * sizeof(double)))
        << out[f].name();
    EXPECT_EQ(0, std::memcmp(start[f].data(), kept[f].data(), out[f].size() * sizeof(double)))
        << out[f].name() << ": the start changed";
  }
  EXPECT_EQ(out[record][0], 7.0);
}

}  // namespace
}  // namespace dermasim
