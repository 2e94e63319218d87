#include "dermasim/sweep/engine_run.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/io/results_writer.hpp"
#include "dermasim/model/metrics.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/checkpoint_file.hpp"
#include "dermasim/sim/results_recorder.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"

namespace dermasim::sweep {
namespace {

struct Sample {
  std::size_t column;
  int metric;
  double time;  // days
};

int metric_index(const std::string& name) {
  const auto& infos = model::metric_infos();
  for (std::size_t m = 0; m < infos.size(); ++m) {
    if (infos[m].name == name) return static_cast<int>(m);
  }
  throw InputError("outputs.metrics: unknown metric '" + name + "'");
}

std::vector<Sample> samples_for(const RunRequest& request, double start, double duration) {
  std::vector<Sample> samples;
  for (std::size_t c = 0; c < request.metrics.size(); ++c) {
    const MetricColumn& column = request.metrics[c];
    const double t = output_day(column.at, request.index, duration, start);
    samples.push_back({c, metric_index(column.metric), t});
  }
  std::stable_sort(samples.begin(), samples.end(),
                   [](const Sample& a, const Sample& b) { return a.time < b.time; });
  return samples;
}

scenario::Scenario load(const RunRequest& request) {
  std::vector<std::string> sets;
  for (const auto& o : request.overrides) sets.push_back(o.key + "=" + o.value);
  if (!request.base_scenario.empty()) return scenario::load_scenario(request.base_scenario, sets);
  return scenario::parse_scenario(request.base_scenario_text, "sweep base scenario", sets);
}

// Steps the simulation through the sample times, recording each requested metric; with a
// results file it then runs to the end, without one it stops at the last sample. False when
// the run was abandoned on a stop request.
bool collect(sim::Simulation& simulation, sim::Observer& observer,
             const std::vector<Sample>& samples, std::vector<double>& values,
             const RunRequest& request, bool to_end) {
  const sim::RunControl control{.stop = request.stop_requested};
  for (const Sample& s : samples) {
    if (!sim::run_to(simulation, s.time, observer, control)) return false;
    values[s.column] = simulation.current_metrics()[s.metric];
  }
  return !to_end || sim::run_to_end(simulation, observer, control);
}

// Replicate `k` of the request (seed: the scenario's + k); with a field output, replicate 0
// writes the full results file as `dermasim run` does. Returns false when abandoned.
bool run_replicate(const RunRequest& request, const scenario::Scenario& s, std::size_t k,
                   std::vector<double>& values, std::chrono::steady_clock::time_point start) {
  const sim::RunConfig config = sim::run_config_from(s, request.threads, k);
  sim::preflight(config);
  sim::Simulation simulation(config);
  if (!request.start_from.empty()) sim::branch_from_checkpoint(request.start_from, simulation);
  const std::vector<Sample> samples =
      samples_for(request, simulation.time(), s.simulation.duration);
  if (request.field_output.empty() || k > 0) {
    sim::Observer silent;
    return collect(simulation, silent, samples, values, request, false);
  }
  io::ResultsWriter writer(request.field_output, {s.name, s.simulation.seed},
                           {.overwrite = true, .threads = request.threads});
  sim::ResultsRecorder recorder(writer);
  recorder.write_header(s, simulation);
  const bool finished = collect(simulation, recorder, samples, values, request, true);
  if (finished) recorder.write_summary(simulation);
  writer.close(finished ? "complete" : "interrupted",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return finished;
}

}  // namespace

RunOutcome run_engine(const RunRequest& request) {
  RunOutcome outcome;
  const auto start = std::chrono::steady_clock::now();
  std::size_t k = 0;  // the replicate running, named in a failure
  try {
    const scenario::Scenario s = load(request);
    const std::size_t n = std::max<std::size_t>(1, request.replicates);
    outcome.metrics.assign(request.metrics.size() * n, 0.0);
    std::vector<double> values(request.metrics.size(), 0.0);
    bool finished = true;
    for (; k < n && finished; ++k) {
      finished = run_replicate(request, s, k, values, start);
      for (std::size_t c = 0; c < values.size(); ++c) outcome.metrics[c * n + k] = values[c];
    }
    // An abandoned run is not an outcome: it stays pending and runs again on --resume.
    outcome.status = finished ? RunStatus::ok : RunStatus::pending;
    if (!finished) outcome.metrics.clear();
  } catch (const IoError&) {
    // A fault of the machine (a full disk), not of this run: it stops the sweep, the run stays
    // pending and runs again on --resume. Its unfinished file goes, to free the space.
    if (!request.field_output.empty()) {
      std::error_code ignored;
      std::filesystem::remove(io::partial_path(request.field_output), ignored);
      std::filesystem::remove(request.field_output, ignored);
      std::filesystem::remove(io::xdmf_path(request.field_output), ignored);
    }
    throw;
  } catch (const Error& e) {
    outcome.status = RunStatus::failed;
    outcome.error = request.replicates > 1
                        ? "replicate " + std::to_string(k + 1) + " (seed offset " +
                              std::to_string(k) + "): " + e.what()
                        : std::string(e.what());
    outcome.metrics.clear();
  }
  return outcome;
}

}  // namespace dermasim::sweep
