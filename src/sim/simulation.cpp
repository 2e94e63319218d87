// The driver loop: advance to the next stop, then emit what is due (see simulation.hpp).
#include "dermasim/sim/simulation.hpp"

#include <algorithm>
#include <limits>

#include "dermasim/core/error.hpp"

namespace dermasim::sim {
namespace {

// Times closer than this (days, ~0.1 ms) are the same stop.
constexpr double kTimeEps = 1e-9;
// Random stream of session e's track pattern: kSessionStreamBase + e.
constexpr std::uint64_t kSessionStreamBase = 1000;

double deepest_penetration(const RunConfig& c) {
  double d = 0.0;
  for (const Event& e : c.events) {
    d = std::max(d, e.session.penetration_fraction * e.session.needle_length);
  }
  return d;
}

const RunConfig& validated(const RunConfig& c) {
  validate(c);
  return c;
}

}  // namespace

Simulation::Simulation(RunConfig config)
    : config_(std::move(config)),
      model_(make_grid(validated(config_).grid), config_.skin, config_.scar, config_.parameters,
             config_.seed),
      state_(model_.initial_state()),
      reaction_(model_.kernel(), config_.threads),
      transport_(model_.grid(), model_.diffusion_specs(), model_.chemotaxis_specs(),
                 config_.threads),
      stepper_(reaction_, transport_),
      integrator_(state_, config_.steps, config_.threads, model::kModelFieldCount),
      treated_depth_(deepest_penetration(config_)),
      metrics_(model_, treated_depth_, state_, config_.threads) {
  model_.check_homeostasis();
}

double Simulation::next_hard_stop() const {
  double t = config_.duration;
  if (next_event_ < config_.events.size()) t = std::min(t, config_.events[next_event_].time_days);
  return t;
}

double Simulation::next_output() const {
  const OutputSchedule& o = config_.output;
  double t = next_metric_ * o.metric_interval;
  if (o.snapshot_interval > 0.0) t = std::min(t, next_snapshot_ * o.snapshot_interval);
  if (!pending_post_snapshots_.empty()) t = std::min(t, pending_post_snapshots_.front());
  return t;
}

void Simulation::snapshot(double t, const FieldSet& state, Observer& observer) {
  if (last_snapshot_time_ >= 0.0 && std::abs(t - last_snapshot_time_) <= kTimeEps) return;
  observer.on_snapshot(t, state);
  last_snapshot_time_ = t;
}

void Simulation::sample(double t, const FieldSet& state, Observer& observer) {
  observer.on_metrics(t, metrics_at(t, state));
  last_metric_time_ = t;
}

const model::MetricValues& Simulation::metrics_at(double t, const FieldSet& state) {
  cached_metrics_ = metrics_.compute(state);
  cached_metrics_time_ = t;
  return cached_metrics_;
}

template <class Metrics, class State>
void Simulation::emit_scheduled(double t, bool sampled, Metrics metrics, State state,
                                Observer& observer) {
  const OutputSchedule& o = config_.output;
  const double due = t + kTimeEps;
  if (next_metric_ * o.metric_interval <= due) {
    if (!sampled) {
      observer.on_metrics(t, metrics());
      last_metric_time_ = t;
    }
    while (next_metric_ * o.metric_interval <= due) ++next_metric_;
  }
  if (o.snapshot_interval > 0.0 && next_snapshot_ * o.snapshot_interval <= due) {
    snapshot(t, state(), observer);
    while (next_snapshot_ * o.snapshot_interval <= due) ++next_snapshot_;
  }
  while (!pending_post_snapshots_.empty() && pending_post_snapshots_.front() <= due) {
    snapshot(t, state(), observer);
    pending_post_snapshots_.erase(pending_post_snapshots_.begin());
  }
}

void Simulation::emit_interpolated(Observer& observer) {
  const double t0 = integrator_.step_start(), t1 = time_;
  // Metric values are interpolated between the two ends of the step (computed once per step
  // instead of once per sample, which matters when a step spans weeks), snapshots come from
  // the interpolated state: both are first-order dense output of the first-order scheme.
  model::MetricValues start{}, end{};
  bool ends_known = false;
  for (double s = next_output(); s < t1 - kTimeEps; s = next_output()) {
    const auto metrics = [&] {
      if (!ends_known) {
        start = cached_metrics_time_ == t0 ? cached_metrics_
                                           : metrics_.compute(integrator_.step_start_state());
        end = metrics_at(t1, state_);
        ends_known = true;
      }
      const double theta = (s - t0) / (t1 - t0);
      model::MetricValues values;
      for (std::size_t m = 0; m < values.size(); ++m) {
        values[m] = start[m] + theta * (end[m] - start[m]);
      }
      return values;
    };
    emit_scheduled(
        s, false, metrics, [&]() -> const FieldSet& { return integrator_.interpolate(state_, s); },
        observer);
  }
}

void Simulation::process_due(Observer& observer) {
  const OutputSchedule& o = config_.output;
  const double due = time_ + kTimeEps;
  const bool snapshot_due =
      o.snapshot_interval > 0.0 && next_snapshot_ * o.snapshot_interval <= due;
  bool event_applied = false;
  while (next_event_ < config_.events.size() && config_.events[next_event_].time_days <= due) {
    if (o.snapshot_before_session || snapshot_due) snapshot(time_, state_, observer);
    const Event& event = config_.events[next_event_];
    cached_metrics_time_ = -1.0;  // the state jumps
    EventRecord record{
        next_event_, event,
        model::apply_needle_session(state_, event.session, config_.parameters, config_.seed,
                                    kSessionStreamBase + next_event_, config_.threads)};
    integrator_.restart();
    observer.on_event(time_, record);
    if (o.post_session_snapshot >= 0.0) {
      pending_post_snapshots_.push_back(time_ + o.post_session_snapshot);
      std::sort(pending_post_snapshots_.begin(), pending_post_snapshots_.end());
    }
    ++next_event_;
    event_applied = true;
    sample(time_, state_, observer);
  }
  emit_scheduled(
      time_, event_applied, [&] { return metrics_at(time_, state_); },
      [&]() -> const FieldSet& { return state_; }, observer);
  if (time_ >= config_.duration - kTimeEps) {
    if (std::abs(time_ - last_metric_time_) > kTimeEps) sample(time_, state_, observer);
    snapshot(time_, state_, observer);
  }
}

void Simulation::advance(double t_target, double limit, Observer& observer) {
  limit = std::min(limit, config_.duration);
  t_target = std::min(t_target, limit);
  if (!started_) {
    process_due(observer);
    started_ = true;
  }
  while (time_ < t_target - kTimeEps) {
    integrator_.step(state_, time_, std::min(next_hard_stop(), limit), stepper_);
    emit_interpolated(observer);
    process_due(observer);
    const StepStatistics& s = integrator_.statistics();
    observer.on_progress(Progress{time_, config_.duration, s.accepted, s.rejected, next_event_,
                                  config_.events.size()});
  }
}

Checkpoint Simulation::checkpoint() const {
  Checkpoint c;
  c.time = time_;
  c.next_event = next_event_;
  c.next_metric = next_metric_;
  c.next_snapshot = next_snapshot_;
  c.pending_post_snapshots = pending_post_snapshots_;
  c.last_metric_time = last_metric_time_;
  c.last_snapshot_time = last_snapshot_time_;
  c.started = started_;
  const FieldSet& start = integrator_.previous_start();
  for (int f = 0; f < start.size(); ++f) {
    c.previous_start.emplace_back(start[f].values().begin(), start[f].values().end());
  }
  c.controller = integrator_.controller_state();
  return c;
}

void Simulation::restore(const Checkpoint& c, const FieldSet& state) {
  if (state.size() != state_.size() ||
      c.previous_start.size() != static_cast<std::size_t>(state_.size()) ||
      c.next_event > config_.events.size()) {
    throw InputError("checkpoint: does not match this run's fields or events");
  }
  FieldSet previous_start = state_;
  for (int f = 0; f < state_.size(); ++f) {
    if (state[f].size() != state_[f].size() || c.previous_start[f].size() != state_[f].size()) {
      throw InputError("checkpoint: grid size differs from this run's grid");
    }
    std::copy(c.previous_start[f].begin(), c.previous_start[f].end(), previous_start[f].data());
  }
  state_.assign_values(state);
  time_ = c.time;
  next_event_ = c.next_event;
  next_metric_ = c.next_metric;
  next_snapshot_ = c.next_snapshot;
  pending_post_snapshots_ = c.pending_post_snapshots;
  last_metric_time_ = c.last_metric_time;
  last_snapshot_time_ = c.last_snapshot_time;
  started_ = c.started;
  integrator_.restore(c.controller, previous_start);
}

}  // namespace dermasim::sim
