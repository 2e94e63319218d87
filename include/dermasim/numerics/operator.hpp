// A physical process as an operator that advances the state over one time interval
// (the MFEM TimeDependentOperator idea, reduced to what operator splitting needs).
// Diffusion, chemotaxis and local reactions are separate operators; SplittingStepper
// composes them. Adding a field or a process touches the model layer, not numerics/.
#pragma once
#include "dermasim/core/field.hpp"

namespace dermasim {

class Operator {
 public:
  virtual ~Operator() = default;
  /// Advances `state` from time t to t + dt (days). Must keep non-negative fields non-negative.
  virtual void advance(FieldSet& state, double t, double dt) = 0;
  /// Advances `from` over [t, t + dt] into `to` (same layout), leaving `from` as it was: the
  /// step controller keeps the start of a step this way without copying it. The default copies
  /// and advances in place; an operator that reads each value before writing it can do without
  /// the copy.
  virtual void advance_from(const FieldSet& from, FieldSet& to, double t, double dt) {
    to.assign_values(from);
    advance(to, t, dt);
  }
};

}  // namespace dermasim
