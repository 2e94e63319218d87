#include "dermasim/sim/results_recorder.hpp"

#include <string>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/protocol/devices.hpp"

namespace dermasim::sim {
ResultsRecorder::ResultsRecorder(io::ResultsWriter& writer, ProgressCallback on_progress,
                                 EventCallback on_event)
    : writer_(writer), on_progress_(std::move(on_progress)), on_event_(std::move(on_event)) {}

void ResultsRecorder::write_header(const scenario::Scenario& scenario,
                                   const Simulation& simulation) {
  writer_.write_scenario(scenario.source_text, scenario.resolved);
  writer_.write_parameters(parameter_values(scenario.parameters));
  writer_.write_grid(simulation.model().grid(),
                     {"layer", std::string(model::kLayerRowsDescription)});
  declare_metrics(simulation);
}

std::vector<io::ParameterValue> parameter_values(const model::ParameterSet& parameters) {
  std::vector<io::ParameterValue> values;
  const auto registry = model::parameter_registry();
  for (std::size_t p = 0; p < registry.size(); ++p) {
    values.push_back({std::string(registry[p].name), parameters[static_cast<model::ParamId>(p)],
                      std::string(registry[p].unit)});
  }
  return values;
}

std::vector<io::MetricDeclaration> metric_declarations(const Simulation& simulation) {
  std::vector<io::MetricDeclaration> metrics;
  const auto& infos = model::metric_infos();
  for (int m = 0; m < model::kMetricCount; ++m) {
    const std::string_view unit =
        m == model::kScarDeficit ? simulation.metrics().deficit_unit() : infos[m].unit;
    metrics.push_back(
        {std::string(infos[m].name), std::string(unit), std::string(infos[m].description)});
  }
  return metrics;
}

void ResultsRecorder::declare_metrics(const Simulation& simulation) {
  writer_.declare_metrics(metric_declarations(simulation));
  simulation_ = &simulation;
}

void ResultsRecorder::write_summary(const Simulation& simulation) {
  const auto& steps = simulation.step_statistics();
  writer_.add_summary("initial_scar_deficit", simulation.metrics().initial_deficit(),
                      simulation.metrics().deficit_unit());
  writer_.add_summary("accepted_steps", static_cast<double>(steps.accepted), "1");
  writer_.add_summary("rejected_steps", static_cast<double>(steps.rejected), "1");
  writer_.add_summary("smallest_step_days", steps.smallest_dt, "day");
  writer_.add_summary("largest_step_days", steps.largest_dt, "day");
}

void ResultsRecorder::on_metrics(double time, const model::MetricValues& values) {
  writer_.append_metrics(time, values);  // declared in MetricIndex order (metric_declarations)
  last_metrics_ = values;
}

void ResultsRecorder::on_snapshot(double time, const FieldSet& state) {
  DERMASIM_ASSERT(simulation_ != nullptr);  // write_header or declare_metrics comes first
  writer_.append_snapshot(time, state, simulation_->metrics().elevation(state));
}

void ResultsRecorder::on_event(double time, const EventRecord& record) {
  writer_.add_event({time, std::string(protocol::event_kind_name(record.event.kind)),
                     std::string(protocol::device_defaults(record.event.session.device).name),
                     record.event.session.needle_length, record.outcome.penetration,
                     record.outcome.punctures});
  if (on_event_) on_event_(record);
}

void ResultsRecorder::on_progress(const Progress& progress) {
  if (on_progress_) on_progress_(progress);
}

}  // namespace dermasim::sim
