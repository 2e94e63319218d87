// The factors of the reaction's exact relaxation, e^{-x} and phi1(x) = (1 - e^{-x}) / x, against
// long-double references over the range the integrator uses (x = L h >= 0), on both sides of
// the limit where the series takes over from the exponential.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/core/grid.hpp"
#include "dermasim/core/rng.hpp"
#include "dermasim/numerics/reaction.hpp"

namespace dermasim {
namespace {

// |value - reference| in units of the last place of the reference.
double ulps(double value, long double reference) {
  const double r = static_cast<double>(reference);
  const double ulp = std::nextafter(r, std::numeric_limits<double>::infinity()) - r;
  return static_cast<double>(std::fabs(static_cast<long double>(value) - reference) / ulp);
}

struct Worst {
  double decay = 0.0, phi = 0.0;
};

Worst worst_ulps(Rng& rng, double low, double high, bool logarithmic) {
  Worst worst;
  for (int n = 0; n < 200000; ++n) {
    const double x = logarithmic ? std::exp(rng.uniform(low, high)) : rng.uniform(low, high);
    const RelaxFactors f = relax_factors(x);
    const long double lx = x;
    worst.decay = std::max(worst.decay, ulps(f.decay, std::exp(-lx)));
    worst.phi = std::max(worst.phi, ulps(f.phi, -std::expm1(-lx) / lx));
  }
  return worst;
}

TEST(RelaxFactors, CloseToTheExactValuesOnBothSidesOfTheSeriesLimit) {
  Rng rng(11);
  for (const Worst w :
       {worst_ulps(rng, std::log(1e-12), std::log(50.0), true),  // typical L h
        worst_ulps(rng, 0.0, 2.0 * kRelaxSeriesLimit, false), worst_ulps(rng, 0.0, 700.0, false)}) {
    EXPECT_LE(w.decay, 2.0);
    // Above the limit phi1 inherits e^{-x}'s error through 1 - e^{-x} (at most about 2.5 times
    // larger relative to it there), hence the wider bound.
    EXPECT_LE(w.phi, 4.0);
  }
}

TEST(RelaxFactors, ExactAtZeroAndContinuousAtTheLimit) {
  const RelaxFactors zero = relax_factors(0.0);
  EXPECT_EQ(zero.decay, 1.0);
  EXPECT_EQ(zero.phi, 1.0);
  const double below = std::nextafter(kRelaxSeriesLimit, 0.0);
  const RelaxFactors a = relax_factors(below), b = relax_factors(kRelaxSeriesLimit);
  EXPECT_NEAR(a.decay, b.decay, 4e-16);
  EXPECT_NEAR(a.phi, b.phi, 4e-16);
}

TEST(RelaxFactors, EveryPathGivesTheSameFactorsOfAnX) {
  for (const double x : {0.0, 1e-9, 0.01, 0.3, 0.4999, 0.5, 0.7, 3.0, 40.0}) {
    const RelaxFactors f = relax_factors(x);
    const RelaxFactors side = x < kRelaxSeriesLimit ? relax_series(x) : relax_exponential(x);
    EXPECT_EQ(f.decay, side.decay) << "x = " << x;
    EXPECT_EQ(f.phi, side.phi) << "x = " << x;
  }
  EXPECT_TRUE(std::isnan(relax_factors(std::numeric_limits<double>::quiet_NaN()).decay));
}

// Rates frozen per cell, so that both stages of the exponential Heun step see the same rates
// and each cell's result is exactly exponential_relax of its own rates.
struct FrozenRates {
  static constexpr int kFields = 1;
  const std::vector<double>* production;
  const std::vector<double>* loss;
  template <class In, class Out>
  void rates(const ReactionCell& cell, const In&, Out&& p, Out&& l) const {
    p[0] = (*production)[cell.index];
    l[0] = (*loss)[cell.index];
  }
};

// Whichever path a block takes (one rate, all below the series limit, all above, mixed, a -0
// or a NaN among them), every cell gets the relaxation of its own x.
TEST(RelaxFactors, EveryBlockPathGivesEachCellItsOwnRelaxation) {
  constexpr int kBlock = 64, kBlocks = 5;
  const Grid g(2, kBlock * kBlocks, 1, 1, 0.02);
  FieldSet s(g);
  s.add({"u", "1", "test field", 1.0});
  Rng rng(3);
  std::vector<double> production(g.cells()), loss(g.cells());
  for (int c = 0; c < g.nx(); ++c) {
    s[0][c] = rng.uniform(0.0, 2.0);
    production[c] = rng.uniform(0.0, 3.0);
    switch (c / kBlock) {
      case 0:
        loss[c] = 0.3;
        break;  // one rate
      case 1:
        loss[c] = rng.uniform(0.0, 0.9);
        break;  // x = l h all below the limit
      case 2:
        loss[c] = rng.uniform(2.0, 10.0);
        break;  // all above
      default:
        loss[c] = rng.uniform(0.0, 4.0);
        break;  // mixed
    }
  }
  loss[1 * kBlock + 5] = -0.0;                                      // among x below the limit
  loss[2 * kBlock + 7] = std::numeric_limits<double>::quiet_NaN();  // among x above it
  loss[4 * kBlock + 9] = std::numeric_limits<double>::quiet_NaN();
  const double h = 0.5;
  std::vector<double> expected(g.cells());
  for (int c = 0; c < g.nx(); ++c)
    expected[c] = exponential_relax(s[0][c], production[c], loss[c], h);
  ReactionOperator<FrozenRates> reaction(FrozenRates{&production, &loss}, Threads(1));
  reaction.advance(s, 0.0, h);
  for (int c = 0; c < g.nx(); ++c) {
    if (std::isnan(expected[c])) {
      EXPECT_TRUE(std::isnan(s[0][c])) << "cell " << c;
    } else {
      EXPECT_EQ(s[0][c], expected[c]) << "cell " << c;
    }
  }
}

}  // namespace
}  // namespace dermasim
