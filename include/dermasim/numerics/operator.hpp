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
};

}  // namespace dermasim
