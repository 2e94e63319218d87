// Adaptive time-step control for the split stepper.
// Error estimate (first-order methods): the local error of a step h_n is about
//   e_n ~ h_n / (h_n + h_{n-1}) * | du_n - (h_n / h_{n-1}) du_{n-1} |,
// the second divided difference of the solution (du = increment of a step). It costs one pass
// over the new state and the starts of the step and of the step before (the three states are
// kept in three buffers that rotate, so no increment is stored or state copied) and no extra
// solve. The weighted max norm uses w = rtol * |u| + atol * scale_f per field.
// A step with err > 1 (or a NaN) is rejected and retried smaller; the next step is
// h * clamp(0.9 / sqrt(err), 0.2, max_growth), bounded by [dt_min, dt_max]. A step below dt_min
// throws NumericalError (exit 3). advance_to() lands exactly on its end time, so events
// (sessions) happen at their times; restart() forgets the history after a jump in the state
// and starts again from dt_initial.
#pragma once
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/numerics/splitting.hpp"

namespace dermasim {

struct StepControlSettings {
  double rtol =
      3e-3;  ///< relative tolerance (docs/validation.md: improvement within 0.3 pp of 3e-4)
  double atol = 3e-3;        ///< absolute tolerance, as a fraction of each field's scale
  double dt_initial = 1e-3;  ///< days, first step and first step after restart()
  double dt_min = 1e-7;      ///< days; below this the step has collapsed
  double dt_max = 1.0;       ///< days
  double max_growth = 1.5;   ///< largest factor between consecutive steps
  bool non_negative = true;  ///< reject steps that leave a value below zero (densities)
};

struct StepStatistics {
  long accepted = 0;
  long rejected = 0;
  double last_dt = 0.0;
  double smallest_dt = 0.0;
  double largest_dt = 0.0;
};

/// Everything the controller carries from step to step besides the start state of the last
/// step: what a checkpoint must hold for a resumed run to continue bit for bit.
struct StepControllerState {
  bool has_history = false;
  double previous_dt = 0.0;
  double proposed_dt = 0.0;
  StepStatistics statistics;
};

class AdaptiveIntegrator {
 public:
  /// Its passes over the state (error estimate, dense output) run on `threads` threads.
  /// `stepped_fields`: the stepper changes fields 0 .. stepped_fields-1 only and carries the
  /// others (record fields, changed between steps) unchanged, so the error pass skips them.
  AdaptiveIntegrator(const FieldSet& layout, StepControlSettings settings, Threads threads,
                     int stepped_fields);
  AdaptiveIntegrator(const FieldSet& layout, StepControlSettings settings, Threads threads)
      : AdaptiveIntegrator(layout, settings, threads, layout.size()) {}
  /// Steps `state` from t to exactly t_end (t is updated).
  void advance_to(FieldSet& state, double& t, double t_end, SplittingStepper& stepper);
  /// One accepted step from t towards t_end, landing exactly on t_end when it is within
  /// reach (t is updated); rejected attempts are retried inside.
  void step(FieldSet& state, double& t, double t_end, SplittingStepper& stepper);
  /// Dense output of the last accepted step, which went from t0 to t1: the state at s in
  /// [t0, t1] by linear interpolation (consistent with the first-order scheme; a convex
  /// combination, so it keeps positivity and conservation). `state` is the state the step
  /// ended in, unchanged since. Valid until the next step or interpolate().
  const FieldSet& interpolate(const FieldSet& state, double s);
  /// Start time and start state of the last accepted step. Valid until the next step.
  double step_start() const { return step_start_; }
  const FieldSet& step_start_state() const { return saved_; }
  /// Forgets the step history: call after an event changed the state discontinuously.
  void restart();
  const StepStatistics& statistics() const { return stats_; }
  const StepControlSettings& settings() const { return settings_; }
  /// Step size the controller would try next (days).
  double proposed_dt() const { return proposed_dt_; }

  /// Checkpoint support: the controller's scalars and the start state of the last accepted
  /// step (with the state itself, the history of the error estimate).
  StepControllerState controller_state() const;
  const FieldSet& previous_start() const { return saved_; }
  void restore(const StepControllerState& state, const FieldSet& previous_start);

 private:
  /// Weighted max-norm error of the step just taken from saved_ to `state`.
  double estimate_error(const FieldSet& state, double dt) const;
  StepControlSettings settings_;
  Threads threads_;
  int stepped_fields_;
  FieldSet saved_;  // start of the current step (of the last accepted one between steps)
  FieldSet older_;  // start of the step before it; scratch for interpolate() after a step
  bool has_history_ = false;
  double previous_dt_ = 0.0;
  double step_start_ = 0.0;  // t0 of the last accepted step (for interpolate)
  double proposed_dt_;
  StepStatistics stats_;
};

}  // namespace dermasim
