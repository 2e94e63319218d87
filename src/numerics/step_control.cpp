// Adaptive step control by the second divided difference of the solution (see step_control.hpp).
#include "dermasim/numerics/step_control.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

// a, b, c = c, a, b: three buffers rotate without copying.
void rotate(FieldSet& a, FieldSet& b, FieldSet& c) {
  std::swap(a, b);
  std::swap(a, c);
}

constexpr double kSafety = 0.9;
constexpr double kMinShrink = 0.2;
constexpr double kRejectShrinkMin = 0.1;
constexpr double kRejectShrinkMax = 0.5;

}  // namespace

AdaptiveIntegrator::AdaptiveIntegrator(const FieldSet& layout, StepControlSettings settings,
                                       Threads threads, int stepped_fields)
    : settings_(settings),
      threads_(threads),
      stepped_fields_(stepped_fields),
      saved_(layout),
      older_(layout),
      error_({settings.rtol, settings.atol, settings.non_negative}, stepped_fields),
      proposed_dt_(settings.dt_initial) {
  if (stepped_fields < 0 || stepped_fields > layout.size()) {
    throw Error("step control: stepped field count outside the layout");
  }
  if (!(settings.dt_min > 0.0 && settings.dt_min <= settings.dt_initial &&
        settings.dt_initial <= settings.dt_max && settings.rtol > 0.0 && settings.atol > 0.0 &&
        settings.max_growth > 1.0)) {
    throw Error("step control: inconsistent settings");
  }
}

void AdaptiveIntegrator::restart() {
  has_history_ = false;
  proposed_dt_ = settings_.dt_initial;
}

StepControllerState AdaptiveIntegrator::controller_state() const {
  return {has_history_, previous_dt_, proposed_dt_, stats_};
}

void AdaptiveIntegrator::restore(const StepControllerState& state, const FieldSet& previous_start) {
  has_history_ = state.has_history;
  previous_dt_ = state.previous_dt;
  proposed_dt_ = state.proposed_dt;
  stats_ = state.statistics;
  saved_.assign_values(previous_start);
}

void AdaptiveIntegrator::advance_to(FieldSet& state, double& t, double t_end,
                                    SplittingStepper& stepper) {
  while (t < t_end) step(state, t, t_end, stepper);
}

void AdaptiveIntegrator::step(FieldSet& state, double& t, double t_end, SplittingStepper& stepper) {
  // The start state becomes saved_ and the last step's start older_ by a rotation of buffers,
  // and every attempt steps from saved_ into `state`, so neither keeping the starts nor
  // retrying after a rejection copies the state.
  rotate(state, saved_, older_);
  for (;;) {
    double dt = std::min(proposed_dt_, settings_.dt_max);
    // Land exactly on t_end; stretch a step slightly rather than leave a sliver.
    const bool lands = t + 1.01 * dt >= t_end;
    if (lands) dt = t_end - t;
    error_.begin(state, saved_, older_, dt, has_history_ ? previous_dt_ : 0.0);
    stepper.step_from(saved_, state, t, dt, error_);
    const double error = error_.largest();
    if (error <= 1.0) {
      step_start_ = t;
      t = lands ? t_end : t + dt;
      const double factor =
          has_history_ ? std::clamp(kSafety / std::sqrt(std::max(error, 1e-12)), kMinShrink,
                                    settings_.max_growth)
                       : 1.0;  // no estimate yet: hold the step until there is one
      // A step shortened to land on an event says nothing about how large steps may be.
      proposed_dt_ = lands && factor >= 1.0 ? std::max(proposed_dt_, dt) : dt * factor;
      has_history_ = true;
      previous_dt_ = dt;
      stats_.accepted++;
      stats_.last_dt = dt;
      stats_.smallest_dt = stats_.accepted == 1 ? dt : std::min(stats_.smallest_dt, dt);
      stats_.largest_dt = std::max(stats_.largest_dt, dt);
      return;
    }
    stats_.rejected++;
    const double shrink =
        error == error ? std::clamp(kSafety / std::sqrt(error), kRejectShrinkMin, kRejectShrinkMax)
                       : kRejectShrinkMin;
    proposed_dt_ = dt * shrink;
    if (proposed_dt_ < settings_.dt_min) {
      copy_values(saved_, state, 0, threads_);  // the caller keeps the last good state
      std::ostringstream os;
      os << "time step collapsed to " << proposed_dt_ << " day at t = " << t << " day ("
         << (error == error ? "error estimate too large" : "NaN in the solution")
         << "; dt_min = " << settings_.dt_min << " day)";
      throw NumericalError(os.str());
    }
  }
}

const FieldSet& AdaptiveIntegrator::interpolate(const FieldSet& state, double s) {
  const double theta = (s - step_start_) / previous_dt_;
  const std::size_t n = saved_.grid().cells();
  // Into older_: once a step is accepted it is scratch until the next step rotates it away.
  // Fields the step carries unchanged are their start values (start + theta * 0).
#pragma omp parallel num_threads(threads_.count())
  for (int f = 0; f < saved_.size(); ++f) {
    const double* start = saved_[f].data();
    const double* end = state[f].data();
    double* out = older_[f].data();
    if (f < stepped_fields_) {
#pragma omp for schedule(static) nowait
      for (std::size_t c = 0; c < n; ++c) out[c] = start[c] + theta * (end[c] - start[c]);
    } else {
#pragma omp for schedule(static) nowait
      for (std::size_t c = 0; c < n; ++c) out[c] = start[c];
    }
  }
  return older_;
}

}  // namespace dermasim
