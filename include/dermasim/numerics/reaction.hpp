// Local reaction integration for systems written in production-loss form
//   du_f/dt = P_f(u, x, t) - L_f(u, x, t) * u_f,   with P_f >= 0 and L_f >= 0,
// so that stiff linear decay (rates up to tens per day at steps of a day) is integrated exactly.
// Scheme: exponential Heun (second order, positivity preserving):
//   stage 1: u* = phi(u, P(u, t), L(u, t), dt)
//   stage 2: u' = phi(u, (P(u, t) + P(u*, t + dt)) / 2, (L(u, t) + L(u*, t + dt)) / 2, dt)
// with phi(u, P, L, h) = u e^{-L h} + P h (1 - e^{-L h}) / (L h), the exact solution for frozen
// P and L. Each cell is independent, so the loop is parallel and bitwise thread-independent.
#pragma once
#include <cmath>
#include <cstddef>

#include "dermasim/core/error.hpp"
#include "dermasim/core/field.hpp"
#include "dermasim/numerics/operator.hpp"

namespace dermasim {

/// Where a kernel is evaluated.
struct ReactionCell {
  std::size_t index;  ///< flat cell index
  int i, j, k;        ///< x, y, z (depth) indices
  double t;           ///< days
};

/// phi1(x) = (1 - e^{-x}) / x given decay = e^{-x}. Below x = 1e-2 the quotient would lose
/// digits to cancellation, so phi1 comes from its Taylor series there (truncation < 2e-13).
inline double phi1(double x, double decay) {
  return x < 1e-2 ? 1.0 - x * (0.5 - x * (1.0 / 6.0 - x * (1.0 / 24.0 - x * (1.0 / 120.0))))
                  : (1.0 - decay) / x;
}

/// Exact solution of du/dt = P - L u over h for frozen P, L >= 0.
inline double exponential_relax(double u, double production, double loss, double h) {
  const double x = loss * h;
  const double decay = std::exp(-x);
  return u * decay + production * h * phi1(x, decay);
}

/// e^{-x} remembering the last argument: loss rates that are constant along a row (most of a
/// model's decay terms) then cost one exp per row instead of one per cell and stage. Returns
/// exactly std::exp(-x), so results do not depend on what was remembered.
class DecayMemo {
 public:
  double operator()(double x) {
    if (x != x_) {
      x_ = x;
      decay_ = std::exp(-x);
    }
    return decay_;
  }

 private:
  double x_ = 0.0;
  double decay_ = 1.0;
};

/// Operator adapter: integrates `Kernel` over every cell. A Kernel provides
///   static constexpr int kFields;   // acts on fields 0 .. kFields-1 of the state
///   void rates(const ReactionCell&, const double* u, double* production, double* loss) const;
/// with production and loss non-negative.
template <class Kernel>
class ReactionOperator : public Operator {
 public:
  explicit ReactionOperator(Kernel kernel) : kernel_(std::move(kernel)) {}
  const Kernel& kernel() const { return kernel_; }
  Kernel& kernel() { return kernel_; }

  void advance(FieldSet& state, double t, double dt) override {
    constexpr int N = Kernel::kFields;
    DERMASIM_ASSERT(state.size() >= N);
    const Grid& g = state.grid();
    double* fields[N];
    for (int f = 0; f < N; ++f) fields[f] = state[f].data();
    const int nx = g.nx(), ny = g.ny(), nz = g.nz();
#pragma omp parallel for collapse(2) schedule(static)
    for (int k = 0; k < nz; ++k) {
      for (int j = 0; j < ny; ++j) {
        DecayMemo memo[N];
        for (int i = 0; i < nx; ++i) {
          const std::size_t c = g.index(i, j, k);
          double u0[N], u1[N], p0[N], l0[N], p1[N], l1[N];
          for (int f = 0; f < N; ++f) u0[f] = fields[f][c];
          kernel_.rates(ReactionCell{c, i, j, k, t}, u0, p0, l0);
          for (int f = 0; f < N; ++f) u1[f] = relax(memo[f], u0[f], p0[f], l0[f], dt);
          kernel_.rates(ReactionCell{c, i, j, k, t + dt}, u1, p1, l1);
          for (int f = 0; f < N; ++f) {
            fields[f][c] = relax(memo[f], u0[f], 0.5 * (p0[f] + p1[f]), 0.5 * (l0[f] + l1[f]), dt);
          }
        }
      }
    }
  }

 private:
  static double relax(DecayMemo& memo, double u, double production, double loss, double h) {
    const double x = loss * h;
    const double decay = memo(x);
    return u * decay + production * h * phi1(x, decay);
  }
  Kernel kernel_;
};

}  // namespace dermasim
