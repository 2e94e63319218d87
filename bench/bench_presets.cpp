// What a user sees: the CI presets end to end, as `dermasim run` integrates them (scenario ->
// RunConfig -> Simulation, metrics computed every step; no results file), and the model's own
// reaction kernel (TissueKernel, all its fields) on the standard preset's section one day after
// its first session. Both report ns per cell-step (per cell, all fields, per accepted step for
// the presets; per reaction half-step for the kernel). A smoke run shortens the presets to a
// few days on a 100 um grid and the kernel's section to the CI preset.
#include <filesystem>
#include <string>
#include <vector>

#include "bandwidth.hpp"
#include "dermasim/model/tissue_kernel.hpp"
#include "dermasim/numerics/reaction.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"
#include "machine_threads.hpp"

namespace dermasim::bench {
namespace {

scenario::Scenario preset(const char* file, std::vector<std::string> overrides = {}) {
  return scenario::load_scenario(std::filesystem::path(DERMASIM_SOURCE_DIR) / file, overrides);
}

void BM_Preset(benchmark::State& state, const char* file) {
  std::vector<std::string> overrides;
  if (smoke_run()) {
    overrides = {"simulation.duration=10 days", "treatment.sessions.count=1",
                 "domain.spacing=100 um"};
  }
  const sim::RunConfig config = sim::run_config_from(preset(file, overrides), machine_threads());
  double cell_steps = 0.0;
  long accepted = 0, rejected = 0;
  for (auto _ : state) {
    sim::Simulation simulation(config);
    sim::Observer observer;  // outputs are computed and dropped
    simulation.run(observer);
    accepted = simulation.step_statistics().accepted;
    rejected = simulation.step_statistics().rejected;
    cell_steps += static_cast<double>(simulation.state().grid().cells()) * accepted;
  }
  state.counters["steps"] = static_cast<double>(accepted);
  state.counters["rejected"] = static_cast<double>(rejected);
  state.counters["ns/cell-step"] = benchmark::Counter(
      cell_steps * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK_CAPTURE(BM_Preset, boxcar_2d_ci, "scenarios/ci/boxcar-standard-ci.yaml")
    ->Unit(benchmark::kSecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Preset, block_3d_ci, "scenarios/ci/block-3d-ci.yaml")
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

void BM_TissueReaction(benchmark::State& state) {
  const char* file =
      smoke_run() ? "scenarios/ci/boxcar-standard-ci.yaml" : "scenarios/boxcar-standard.yaml";
  sim::Simulation simulation(sim::run_config_from(preset(file), machine_threads()));
  sim::Observer observer;
  const double first_session = simulation.config().events.at(0).time_days;
  simulation.run_until(first_session + 1.0, observer);
  FieldSet s = simulation.state();
  ReactionOperator<model::TissueKernel> reaction(simulation.model().kernel(), machine_threads());
  for (auto _ : state) {
    reaction.advance(s, first_session + 1.0, 1e-9);  // a tiny step: the state stays put
    benchmark::ClobberMemory();
  }
  const double cells = static_cast<double>(s.grid().cells());
  const double updates = cells * model::TissueKernel::kFields;
  report(state, updates, 16.0 * updates, cells);
}
BENCHMARK(BM_TissueReaction)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace dermasim::bench
