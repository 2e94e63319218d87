// Adaptive step control by the second divided difference of the solution (see step_control.hpp).
#include "dermasim/numerics/step_control.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

// Cells per parallel work unit of the error pass. Fixed, so that which cells go through the
// vectorised body and which through its remainder (the two may round differently) does not
// depend on the number of threads.
constexpr std::size_t kCellsPerBlock = 4096;

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

double AdaptiveIntegrator::estimate_error(const FieldSet& state, double dt) const {
  const std::size_t n = state.grid().cells();
  const double ratio = has_history_ ? dt / previous_dt_ : 0.0;
  const double weight = has_history_ ? dt / (dt + previous_dt_) : 0.0;
  const double infinity = std::numeric_limits<double>::infinity();
  const double rtol = settings_.rtol;
  // Branch-free body (selects only) so that the pass vectorises. Every e is +0 .. +inf or NaN
  // (a value below the floor counts as infinite, a NaN value as NaN). For such values the
  // order of the bit patterns as unsigned integers is the numeric order with every NaN above
  // +inf, so one exact integer max reduction finds the largest error over all fields and
  // propagates a NaN, which a floating-point max would drop. One parallel region covers every
  // stepped field (no barrier between fields); the others do not change in a step (error 0).
  // The increments are differences of the stored states, as exact as storing them would be.
  const std::size_t blocks = (n + kCellsPerBlock - 1) / kCellsPerBlock;
  std::uint64_t largest = 0;
#pragma omp parallel num_threads(threads_.count()) reduction(max : largest)
  for (int f = 0; f < stepped_fields_; ++f) {
    const double* u = state[f].data();
    const double* before = saved_[f].data();
    const double* older = older_[f].data();
    const double absolute = settings_.atol * state[f].info().scale;
    const double floor = settings_.non_negative ? -1e-12 * state[f].info().scale : -infinity;
#pragma omp for schedule(static) nowait
    for (std::size_t b = 0; b < blocks; ++b) {
      const std::size_t end = std::min(n, (b + 1) * kCellsPerBlock);
      for (std::size_t c = b * kCellsPerBlock; c < end; ++c) {
        const double du = u[c] - before[c];
        const double previous = before[c] - older[c];
        const double local = weight * std::abs(du - ratio * previous);
        const double scaled = local / (rtol * std::abs(u[c]) + absolute);
        const double e = u[c] >= floor ? scaled : (u[c] == u[c] ? infinity : u[c]);
        largest = std::max(largest, std::bit_cast<std::uint64_t>(std::abs(e)));
      }
    }
  }
  return std::bit_cast<double>(largest);
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
    stepper.step_from(saved_, state, t, dt);
    const double error = estimate_error(state, dt);
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
