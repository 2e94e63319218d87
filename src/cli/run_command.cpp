// `dermasim run SCENARIO.yaml [-o OUT.h5] [--threads N] [--set KEY=VALUE]... [--dry-run]
//  [--quiet] [--force]`: scenario -> simulation -> results file (INTERFACES.md).
// Exit codes: 0 complete, 2 bad input, 3 numerical failure, 1 other failures, 128 + signal
// after SIGINT/SIGTERM (the file is then closed with status "interrupted").
#include <omp.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "dermasim/core/error.hpp"
#include "dermasim/io/results_writer.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/resources.hpp"
#include "dermasim/sim/results_recorder.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"
#include "interrupt.hpp"
#include "progress_display.hpp"

namespace dermasim::cli {
namespace {

struct RunOptions {
  std::string scenario;
  std::string output;
  int threads = 0;  // 0: OpenMP's default
  std::vector<std::string> overrides;
  bool dry_run = false;
  bool quiet = false;
  bool force = false;
};

// Simulated days per call of run_until: the interrupt flag is polled between calls.
constexpr double kPollInterval = 1.0;

void print_dry_run(const scenario::Scenario& s, const sim::RunConfig& config, int threads,
                   const std::string& output) {
  const sim::ResourceEstimate e = sim::estimate_resources(config, threads);
  const Grid grid = sim::make_grid(config.grid);
  std::printf("%s", s.resolved.c_str());
  std::printf("# dry run: nothing written\n");
  std::printf("# output: %s\n", output.c_str());
  std::printf("# grid: %d x %d x %d = %zu cells (%dD, %.0f um spacing)\n", grid.nx(), grid.ny(),
              grid.nz(), grid.cells(), grid.dimensions(), grid.spacing() * 1e3);
  std::printf("# memory: about %.0f MiB\n", e.memory_bytes / (1024.0 * 1024.0));
  std::printf("# run time: about %.0f s with %d thread%s (%.0f steps; a rough estimate)\n",
              e.seconds, threads, threads == 1 ? "" : "s", e.expected_steps);
}

void print_summary(std::FILE* out, const sim::Simulation& simulation, const model::MetricValues& m,
                   double wall, const std::string& path) {
  const auto& steps = simulation.step_statistics();
  std::fprintf(out, "done: %.1f days in %.2f s wall, %ld steps (%ld rejected)\n", simulation.time(),
               wall, steps.accepted, steps.rejected);
  std::fprintf(out,
               "  improvement %.1f %%, scar depth %.3f mm, papillary collagen x%.3f, "
               "reticular collagen x%.3f\n",
               m[model::kImprovement], m[model::kScarDepth], m[model::kCollagenPapillaryRel],
               m[model::kCollagenReticularRel]);
  std::fprintf(out, "  results: %s\n", path.c_str());
}

int run(const RunOptions& o) {
  // -o goes in as an override, so that the resolved scenario in the file names its own path.
  std::vector<std::string> overrides = o.overrides;
  if (!o.output.empty()) overrides.push_back("simulation.output=" + o.output);
  const scenario::Scenario s = scenario::load_scenario(o.scenario, overrides);
  for (const auto& w : s.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  const int threads = o.threads > 0 ? o.threads : omp_get_max_threads();
  omp_set_num_threads(threads);
  const sim::RunConfig config = sim::run_config_from(s);
  const std::string output = sim::output_path_for(s).string();
  if (o.dry_run) {
    sim::validate(config);
    print_dry_run(s, config, threads, output);
    return 0;
  }

  io::preflight_output(output, o.force);
  const auto start = std::chrono::steady_clock::now();
  sim::Simulation simulation(config);
  io::ResultsWriter writer(output, {s.name, s.simulation.seed, threads}, {.overwrite = o.force});

  const bool live = !o.quiet && isatty(fileno(stderr));
  ProgressDisplay display(stderr, live);
  sim::ResultsRecorder recorder(
      writer,
      [&](const sim::Progress& p) { display.update(p, simulation.step_statistics().last_dt); },
      [&](const sim::EventRecord& r) { display.session(r); });
  recorder.write_header(s, simulation);

  InterruptGuard interrupt;
  auto wall = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  try {
    while (!simulation.finished() && !interrupt.interrupted()) {
      simulation.run_until(simulation.time() + kPollInterval, recorder);
    }
  } catch (const NumericalError& e) {
    display.finish();
    recorder.on_snapshot(simulation.time(), simulation.state());
    writer.close(std::string("failed: ") + e.what(), wall());
    throw;
  }
  display.finish();
  recorder.write_summary(simulation);
  if (interrupt.interrupted()) {
    recorder.on_snapshot(simulation.time(), simulation.state());
    writer.close("interrupted", wall());
    std::fprintf(stderr, "interrupted at day %.2f: results so far in %s (status \"interrupted\")\n",
                 simulation.time(), output.c_str());
    return 128 + interrupt.signal_number();
  }
  writer.close("complete", wall());
  print_summary(stderr, simulation, recorder.last_metrics(), wall(), output);
  return 0;
}

}  // namespace

void add_run_command(CLI::App& app, Command& selected) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario and write its results file");
  cmd->add_option("scenario", options->scenario, "Scenario file (YAML)")->required();
  cmd->add_option("-o,--output", options->output, "Results file (default: from the scenario)");
  cmd->add_option("--threads", options->threads, "OpenMP threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--set", options->overrides, "Override a scenario key: KEY=VALUE with unit")
      ->allow_extra_args(false);
  cmd->add_flag("--dry-run", options->dry_run,
                "Print the resolved scenario, grid, memory and time estimates; write nothing");
  cmd->add_flag("--quiet", options->quiet, "No live progress line: one line per session");
  cmd->add_flag("--force", options->force, "Overwrite an existing results file");
  cmd->callback([options, &selected] { selected = [options] { return run(*options); }; });
}

}  // namespace dermasim::cli
