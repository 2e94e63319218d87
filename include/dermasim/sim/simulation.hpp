// The simulation driver core: owns the tissue model, the state and the operators, steps the
// state through the run, applies needling events exactly at their times (restarting the step
// controller after each), and reports through an Observer. No file I/O, no printing: the CLI
// connects an Observer to the results writer and the progress display.
//
// Output schedule (times in days): metrics at 0, every metric_interval, after every event and
// at the end; snapshots at 0, every snapshot_interval, just before each session, 2 days after
// each session and at the end (never twice at one time). Only events, the end and the t_end of
// run_until are stops that a step lands on exactly; metrics and snapshots due between two
// accepted steps come from the step's dense output (linear interpolation, consistent with the
// first-order scheme), so the step size is set by accuracy alone and can grow to weeks when
// the tissue is at rest.
#pragma once
#include <memory>
#include <vector>

#include "dermasim/model/injury.hpp"
#include "dermasim/model/metrics.hpp"
#include "dermasim/model/tissue.hpp"
#include "dermasim/model/tissue_kernel.hpp"
#include "dermasim/numerics/reaction.hpp"
#include "dermasim/numerics/splitting.hpp"
#include "dermasim/numerics/step_control.hpp"
#include "dermasim/numerics/transport.hpp"
#include "dermasim/sim/run_config.hpp"

namespace dermasim::sim {

/// An applied event, as reported to the observer.
struct EventRecord {
  std::size_t index = 0;  ///< position in RunConfig::events
  Event event;
  model::SessionOutcome outcome;
};

struct Progress {
  double time = 0.0, duration = 0.0;  ///< days
  long accepted_steps = 0, rejected_steps = 0;
  std::size_t events_done = 0, events_total = 0;
};

/// Receives the run's outputs; every callback is optional. The state passed to on_snapshot is
/// only valid during the call.
class Observer {
 public:
  virtual ~Observer() = default;
  virtual void on_metrics(double /*time*/, const model::MetricValues& /*values*/) {}
  virtual void on_snapshot(double /*time*/, const FieldSet& /*state*/) {}
  virtual void on_event(double /*time*/, const EventRecord& /*record*/) {}
  virtual void on_progress(const Progress& /*progress*/) {}
};

/// Everything besides the state needed to continue a run bit for bit: the time, the position
/// in the event list and in the output schedule, and the step controller's history (its
/// scalars and the start state of the last accepted step), so that a restored run takes exactly the
/// steps an uninterrupted one would have taken. The state goes with it as it is
/// (Simulation::state() when saved, restore()'s second argument), never copied into it.
struct Checkpoint {
  double time = 0.0;
  std::size_t next_event = 0;
  long next_metric = 0, next_snapshot = 0;
  std::vector<double> pending_post_snapshots;
  double last_metric_time = -1.0, last_snapshot_time = -1.0;
  bool started = false;
  StepControllerState controller;
  std::vector<std::vector<double>> previous_start;  ///< values per field, FieldIndex order
};

class Simulation {
 public:
  static constexpr double kForever = 1e300;  ///< days: no limit for run_past

  /// Builds the model and checks homeostasis; throws InputError for a bad configuration.
  explicit Simulation(RunConfig config);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// Runs to the configured duration.
  void run(Observer& observer) { run_until(config_.duration, observer); }
  /// Runs to exactly min(t_end, duration), emitting every output due up to and including t_end.
  void run_until(double t_end, Observer& observer) { advance(t_end, t_end, observer); }
  /// Runs whole steps until time() >= min(t, limit, duration), landing on limit if it is
  /// reached, and emits every output due up to time(). Unlike run_until it adds no stop at t,
  /// so a run polled this way takes the steps of an uninterrupted one: a checkpoint taken
  /// between two calls resumes bit for bit.
  void run_past(double t, Observer& observer, double limit = kForever) {
    advance(t, limit, observer);
  }

  double time() const { return time_; }
  bool finished() const { return time_ >= config_.duration; }
  std::size_t next_event() const { return next_event_; }
  const FieldSet& state() const { return state_; }
  const RunConfig& config() const { return config_; }
  const model::TissueModel& model() const { return model_; }
  const model::MetricsCalculator& metrics() const { return metrics_; }
  model::MetricValues current_metrics() const { return metrics_.compute(state_); }
  const StepStatistics& step_statistics() const { return integrator_.statistics(); }
  /// Largest planned penetration depth (mm): the treated zone of the metrics.
  double treated_depth() const { return treated_depth_; }

  /// All but the state (state() is saved with it).
  Checkpoint checkpoint() const;
  /// Continues from `checkpoint` and the `state` it was taken with (both from a run of the same
  /// configuration). Throws InputError if their layout does not match this run's.
  void restore(const Checkpoint& checkpoint, const FieldSet& state);

 private:
  void advance(double t_target, double limit, Observer& observer);
  double next_hard_stop() const;  // next event or the end
  double next_output() const;     // next metric or snapshot time
  // Events and outputs due at time_ (a stop or the end of a step).
  void process_due(Observer& observer);
  // Outputs due before time_, from the dense output of the step just taken.
  void emit_interpolated(Observer& observer);
  // Metrics and snapshots due at t; metrics() and state() give the values at t (called only
  // when needed); `sampled`: metrics already sent.
  template <class Metrics, class State>
  void emit_scheduled(double t, bool sampled, Metrics metrics, State state, Observer& observer);
  void snapshot(double t, const FieldSet& state, Observer& observer);
  void sample(double t, const FieldSet& state, Observer& observer);
  // Metrics of `state` at t, kept as the start values of the next step's dense output.
  const model::MetricValues& metrics_at(double t, const FieldSet& state);

  RunConfig config_;
  model::TissueModel model_;
  FieldSet state_;
  ReactionOperator<model::TissueKernel> reaction_;
  TransportOperator transport_;
  SplittingStepper stepper_;
  AdaptiveIntegrator integrator_;
  double treated_depth_;
  model::MetricsCalculator metrics_;

  double time_ = 0.0;
  std::size_t next_event_ = 0;
  long next_metric_ = 0, next_snapshot_ = 0;
  std::vector<double> pending_post_snapshots_;  // sorted
  double last_metric_time_ = -1.0, last_snapshot_time_ = -1.0;
  bool started_ = false;
  model::MetricValues cached_metrics_{};
  double cached_metrics_time_ = -1.0;  // time of cached_metrics_ (-1: none)
};

}  // namespace dermasim::sim
