// The engine behind `dermasim sweep`: one sweep run is the base scenario loaded with the run's
// `--set` overrides, simulated in this process (no process start, no scenario file written),
// with each requested metric taken at its requested time. The simulation stops at the last
// requested time unless the run keeps its fields, in which case it runs to the end and writes
// a full results file like `dermasim run`.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/io/results_writer.hpp"
#include "dermasim/model/metrics.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/results_recorder.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"
#include "sweep_command.hpp"

namespace dermasim::cli {

namespace {

// Simulated days between two polls of the stop request.
constexpr double kPollInterval = 1.0;

struct Sample {
  double time = 0.0;  // days
  int metric = 0;     // model::MetricIndex
};

// Where and when each requested column is sampled. Throws InputError naming the column.
std::vector<Sample> plan_samples(const sweep::RunRequest& request, double duration) {
  const auto& infos = model::metric_infos();
  std::vector<Sample> samples;
  for (const auto& column : request.metrics) {
    const auto found = std::find_if(infos.begin(), infos.end(),
                                    [&](const auto& info) { return info.name == column.metric; });
    if (found == infos.end())
      throw InputError("outputs.metrics: '" + column.metric + "' is not a metric of the model");
    const double time = column.at == "end" ? duration : units::convert(column.at, "days");
    if (time > duration * (1.0 + 1e-12))
      throw InputError("outputs.at: " + column.at + " is after the end of the run (" +
                       units::format_quantity(duration, "days") + ")");
    samples.push_back({time, static_cast<int>(found - infos.begin())});
  }
  return samples;
}

}  // namespace

sweep::RunOutcome run_sweep_point(const sweep::RunRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> sets;
  for (const auto& o : request.overrides) sets.push_back(o.key + "=" + o.value);
  const std::string name =
      request.base_scenario.empty() ? "sweep base" : request.base_scenario.string();
  const scenario::Scenario s = scenario::parse_scenario(request.base_scenario_text, name, sets);
  if (!request.start_from.empty())
    throw InputError(
        "start_from: starting sweep runs from a checkpoint is not supported by this "
        "dermasim; remove start_from");
  sim::Simulation simulation(sim::run_config_from(s));
  const double duration = simulation.config().duration;
  const std::vector<Sample> samples = plan_samples(request, duration);

  // Stops: every distinct sample time, then the end when the full results are kept.
  std::vector<double> stops;
  for (const auto& x : samples) stops.push_back(x.time);
  const bool keep = !request.field_output.empty();
  if (keep) stops.push_back(duration);
  std::sort(stops.begin(), stops.end());
  stops.erase(std::unique(stops.begin(), stops.end()), stops.end());

  std::unique_ptr<io::ResultsWriter> writer;
  std::unique_ptr<sim::ResultsRecorder> recorder;
  if (keep) {
    writer = std::make_unique<io::ResultsWriter>(
        request.field_output, io::RunInfo{s.name, s.simulation.seed, request.threads},
        io::WriterOptions{.overwrite = true});
    recorder = std::make_unique<sim::ResultsRecorder>(*writer);
    recorder->write_header(s, simulation);
  }
  sim::Observer silent;
  sim::Observer& observer = recorder ? static_cast<sim::Observer&>(*recorder) : silent;
  auto wall = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };

  sweep::RunOutcome outcome{sweep::RunStatus::ok, "", std::vector<double>(samples.size())};
  for (double stop : stops) {
    while (simulation.time() < stop) {
      if (request.stop_requested()) {
        if (writer) writer->close("interrupted", wall());
        return {sweep::RunStatus::pending, "", {}};
      }
      simulation.run_until(std::min(stop, simulation.time() + kPollInterval), observer);
    }
    const model::MetricValues m = simulation.current_metrics();
    for (std::size_t c = 0; c < samples.size(); ++c)
      if (samples[c].time == stop)
        outcome.metrics[c] = m[static_cast<std::size_t>(samples[c].metric)];
  }
  if (writer) {
    recorder->write_summary(simulation);
    writer->close("complete", wall());
  }
  return outcome;
}

}  // namespace dermasim::cli
