// Connects the driver's Observer to the results file: metric samples, field snapshots and the
// event table go to io::ResultsWriter; progress goes to a caller-supplied callback (the CLI's
// progress display). Also writes the run's header (scenario, parameters, grid, metric list)
// and its closing summary.
#pragma once
#include <functional>
#include <vector>

#include "dermasim/io/results_writer.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/simulation.hpp"

namespace dermasim::sim {

/// /parameters of a results file: every registered parameter, engine units.
std::vector<io::ParameterValue> parameter_values(const model::ParameterSet& parameters);

/// The metric declarations of a run's results file: names, units (the deficit's depends on the
/// dimensions) and descriptions, in model::MetricIndex order.
std::vector<io::MetricDeclaration> metric_declarations(const Simulation& simulation);

class ResultsRecorder : public Observer {
 public:
  using ProgressCallback = std::function<void(const Progress&)>;
  using EventCallback = std::function<void(const EventRecord&)>;

  ResultsRecorder(io::ResultsWriter& writer, ProgressCallback on_progress = {},
                  EventCallback on_event = {});

  /// /scenario, /scenario_resolved, /parameters, /grid and the metric declarations. The
  /// recorder keeps `simulation` to add its skin surface to every snapshot (/surface).
  void write_header(const scenario::Scenario& scenario, const Simulation& simulation);
  /// The metric declarations alone (a resumed file already holds the rest); keeps
  /// `simulation` as write_header does.
  void declare_metrics(const Simulation& simulation);
  /// /summary: scar depth and deficit at the start and end, the step statistics.
  void write_summary(const Simulation& simulation);

  void on_metrics(double time, const model::MetricValues& values) override;
  void on_snapshot(double time, const FieldSet& state) override;
  void on_event(double time, const EventRecord& record) override;
  void on_progress(const Progress& progress) override;

  /// The last metric sample (for the final summary line).
  const model::MetricValues& last_metrics() const { return last_metrics_; }

 private:
  io::ResultsWriter& writer_;
  ProgressCallback on_progress_;
  EventCallback on_event_;
  model::MetricValues last_metrics_{};
  const Simulation* simulation_ = nullptr;  // its surface model, set by the header
};

}  // namespace dermasim::sim
