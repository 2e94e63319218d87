// The factors of the reaction's exact relaxation, e^{-x} and phi1(x) = (1 - e^{-x}) / x, against
// long-double references over the range the integrator uses (x = L h >= 0), on both sides of
// the limit where the series takes over from the exponential.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

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

}  // namespace
}  // namespace dermasim
