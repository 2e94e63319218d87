// Strang splitting of reaction R and transport T over one step:
//   u(t + dt) = R(dt/2) T(dt) R(dt/2) u(t).
// The composition is symmetric; its order is that of the slowest part (T is backward-Euler
// LOD, first order in time), see docs/numerics.md.
#pragma once
#include "dermasim/numerics/operator.hpp"

namespace dermasim {

class SplittingStepper {
 public:
  SplittingStepper(Operator& reaction, Operator& transport)
      : reaction_(reaction), transport_(transport) {}
  void step(FieldSet& state, double t, double dt) {
    reaction_.advance(state, t, 0.5 * dt);
    transport_.advance(state, t, dt);
    reaction_.advance(state, t + 0.5 * dt, 0.5 * dt);
  }

 private:
  Operator& reaction_;
  Operator& transport_;
};

}  // namespace dermasim
