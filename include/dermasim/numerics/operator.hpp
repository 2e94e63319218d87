// A physical process as an operator that advances the state over one time interval
// (the MFEM TimeDependentOperator idea, reduced to what operator splitting needs).
// Diffusion, chemotaxis and local reactions are separate operators; SplittingStepper
// composes them. Adding a field or a process touches the model layer, not numerics/.
#pragma once
#include <cstddef>

#include "dermasim/core/field.hpp"

namespace dermasim {

/// Told which cells of a state are final: cells_done(first, count) says that cells
/// [first, first + count) of every field hold their values at the end of the step. It is called
/// once for each cell, in any order, from any thread of the operator's parallel loop (or from
/// outside one), so an implementation must be safe to call concurrently for disjoint runs. The
/// step controller's error estimate is one: it reads each run while the operator has just
/// written it and it is still in cache, instead of in a pass of its own.
class CellObserver {
 public:
  virtual ~CellObserver() = default;
  virtual void cells_done(std::size_t first, std::size_t count) = 0;
};

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
  /// advance() as the last operator of a step: every cell is handed to `observer` once its
  /// values are final. The default advances, then hands over all cells at once; an operator
  /// that finishes the state a run of cells at a time can hand over each run as it is done.
  virtual void advance_observed(FieldSet& state, double t, double dt, CellObserver& observer) {
    advance(state, t, dt);
    observer.cells_done(0, state.grid().cells());
  }
};

}  // namespace dermasim
