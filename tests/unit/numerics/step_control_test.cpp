#include "dermasim/numerics/step_control.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "dermasim/core/error.hpp"
#include "dermasim/numerics/reaction.hpp"

namespace dermasim {
namespace {

// du/dt = -k u on a single cell; the exact solution is u0 e^{-k t}.
struct Decay {
  static constexpr int kFields = 1;
  double rate;
  void rates(const ReactionCell&, const double*, double* p, double* l) const {
    p[0] = 0.0;
    l[0] = rate;
  }
};

// A "transport" whose explicit error the controller must see: u <- u (1 - k dt) (forward Euler).
class ExplicitDecay : public Operator {
 public:
  explicit ExplicitDecay(double rate) : rate_(rate) {}
  void advance(FieldSet& s, double, double dt) override { s[0][0] *= 1.0 - rate_ * dt; }

 private:
  double rate_;
};

class Nothing : public Operator {
 public:
  void advance(FieldSet&, double, double) override {}
};

FieldSet single_cell(double value) {
  FieldSet s(Grid(2, 1, 1, 1, 1.0));
  s.add({"u", "1", "test", 1.0}, value);
  return s;
}

double integrate(double rtol, long* steps) {
  FieldSet s = single_cell(1.0);
  Nothing reaction;
  ExplicitDecay transport(2.0);
  SplittingStepper stepper(reaction, transport);
  StepControlSettings settings;
  settings.rtol = rtol;
  settings.atol = rtol;
  AdaptiveIntegrator integrator(s, settings, Threads(1));
  double t = 0.0;
  integrator.advance_to(s, t, 1.0, stepper);
  EXPECT_EQ(t, 1.0);
  *steps = integrator.statistics().accepted;
  return std::abs(s[0][0] - std::exp(-2.0));
}

TEST(StepControl, GlobalErrorFollowsTheTolerance) {
  long coarse_steps = 0, fine_steps = 0;
  const double coarse = integrate(1e-2, &coarse_steps);
  const double fine = integrate(1e-4, &fine_steps);
  // Error per step is held at the tolerance, so for a first-order method the global error
  // scales like sqrt(tolerance): a 100x tighter tolerance gives about 10x less error.
  EXPECT_LT(fine, coarse / 5.0);
  EXPECT_GT(fine, coarse / 20.0);
  EXPECT_GT(fine_steps, 4 * coarse_steps);
  EXPECT_LT(coarse, 0.05);
}

TEST(StepControl, LandsExactlyOnEventTimesAndGrowsToDtMax) {
  FieldSet s = single_cell(1.0);
  ReactionOperator<Decay> reaction(Decay{1e-4}, Threads(1));
  Nothing transport;
  SplittingStepper stepper(reaction, transport);
  StepControlSettings settings;
  settings.dt_max = 0.5;
  AdaptiveIntegrator integrator(s, settings, Threads(1));
  double t = 0.0;
  for (double event : {0.37, 1.0, 20.0}) {
    integrator.advance_to(s, t, event, stepper);
    EXPECT_EQ(t, event);
  }
  EXPECT_EQ(integrator.statistics().largest_dt, 0.5);
  EXPECT_NEAR(s[0][0], std::exp(-1e-4 * 20.0), 1e-9);
  integrator.restart();
  EXPECT_EQ(integrator.proposed_dt(), settings.dt_initial);
}

class PoisonAfter : public Operator {
 public:
  void advance(FieldSet& s, double t, double) override {
    if (t > 0.01) s[0][0] = std::numeric_limits<double>::quiet_NaN();
  }
};

TEST(StepControl, NaNThatPersistsIsATimeStepCollapse) {
  FieldSet s = single_cell(1.0);
  Nothing reaction;
  PoisonAfter transport;
  SplittingStepper stepper(reaction, transport);
  AdaptiveIntegrator integrator(s, StepControlSettings{}, Threads(1));
  double t = 0.0;
  try {
    integrator.advance_to(s, t, 1.0, stepper);
    FAIL() << "expected NumericalError";
  } catch (const NumericalError& e) {
    EXPECT_NE(std::string(e.what()).find("time step collapsed"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("NaN"), std::string::npos);
    EXPECT_EQ(e.exit_code(), 3);
  }
  EXPECT_FALSE(std::isnan(s[0][0]));  // the rejected state was rolled back
}

TEST(StepControl, NegativeValuesAreRejected) {
  FieldSet s = single_cell(1.0);
  Nothing reaction;
  ExplicitDecay transport(100.0);  // forward Euler overshoots below zero for dt > 0.01
  SplittingStepper stepper(reaction, transport);
  StepControlSettings settings;
  settings.dt_initial = 0.05;
  AdaptiveIntegrator integrator(s, settings, Threads(1));
  double t = 0.0;
  integrator.advance_to(s, t, 0.2, stepper);
  EXPECT_GE(s[0][0], -1e-12);  // round-off below zero is tolerated, overshoot is not
  EXPECT_GT(integrator.statistics().rejected, 0);
}

TEST(ExponentialRelax, IsExactForFrozenRates) {
  EXPECT_NEAR(exponential_relax(2.0, 3.0, 1.5, 0.7), 2.0 + (2.0 - 2.0) * 0.0 + 0.0, 1e-15);
  const double u = exponential_relax(1.0, 0.0, 2.0, 0.5);
  EXPECT_NEAR(u, std::exp(-1.0), 1e-15);
  EXPECT_NEAR(exponential_relax(0.0, 4.0, 0.0, 0.25), 1.0, 1e-15);
  EXPECT_NEAR(exponential_relax(0.0, 1.0, 1e-9, 2.0), 2.0, 1e-8);
}

}  // namespace
}  // namespace dermasim
