// Strang splitting of a list of operators A_1 .. A_n over one step:
//   u(t + dt) = A_1(dt/2) .. A_{n-1}(dt/2) A_n(dt) A_{n-1}(dt/2) .. A_1(dt/2) u(t),
// for the engine [reaction, transport]: R(dt/2) T(dt) R(dt/2). The composition is symmetric;
// its order is that of the slowest part (T is backward-Euler LOD, first order in time), see
// docs/numerics.md.
#pragma once
#include <vector>

#include "dermasim/numerics/operator.hpp"

namespace dermasim {

class SplittingStepper {
 public:
  /// The operators from the outermost (A_1, half steps) to the innermost (A_n, one full step).
  explicit SplittingStepper(std::vector<Operator*> operators);
  SplittingStepper(Operator& reaction, Operator& transport)
      : SplittingStepper(std::vector<Operator*>{&reaction, &transport}) {}
  void step(FieldSet& state, double t, double dt);
  /// The same step from `from` into `to` (same layout), leaving `from` as it was: the first
  /// operator's half step goes from one to the other, the rest run in place on `to`.
  void step_from(const FieldSet& from, FieldSet& to, double t, double dt);

 private:
  std::vector<Operator*> operators_;
};

}  // namespace dermasim
