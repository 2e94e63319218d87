// `dermasim run SCENARIO.yaml [-o OUT.h5] [--threads N] [--set KEY=VALUE]... [--dry-run]
//  [--quiet] [--force] [--checkpoint-every DURATION] [--replicates N]` and
//  `dermasim run --resume CHECKPOINT`:
// scenario -> simulation -> results file (INTERFACES.md).
// Exit codes: 0 complete, 2 bad input, 3 numerical failure, 1 other failures, 128 + signal
// after SIGINT/SIGTERM (the file is then closed with status "interrupted", and a checkpoint
// is left beside it so that --resume can finish the run).
#include <omp.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/io/results_writer.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/checkpoint_file.hpp"
#include "dermasim/sim/resources.hpp"
#include "dermasim/sim/results_recorder.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"
#include "interrupt.hpp"
#include "progress_display.hpp"
#include "replicate_runs.hpp"

namespace dermasim::cli {
namespace {

namespace fs = std::filesystem;

struct RunOptions {
  std::string scenario;
  std::string output;
  int threads = 0;  // 0: OpenMP's default
  std::vector<std::string> overrides;
  bool dry_run = false;
  bool quiet = false;
  bool force = false;
  std::string checkpoint_every;  // a duration with its unit; empty: no periodic checkpoints
  std::string resume;            // checkpoint to continue from
  bool keep_checkpoint = false;  // leave a checkpoint of the final state (a sweep's start_from)
  std::size_t replicates = 0;    // 0: one plain run; N: seeds seed .. seed + N - 1
};

// Simulated days per call of run_until: the interrupt flag is polled, and checkpoints are
// taken, between calls. Whole days are also metric stops, so polling adds no steps and a
// checkpoint lands where an uninterrupted run stops too (the resumed run is bit for bit the
// same).
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

double checkpoint_interval(const RunOptions& o) {
  if (o.checkpoint_every.empty()) return std::numeric_limits<double>::infinity();
  double days = 0.0;
  try {
    days = units::convert(o.checkpoint_every, "day");
  } catch (const InputError& e) {
    throw InputError(std::string("--checkpoint-every: ") + e.what());
  }
  if (!(days >= kPollInterval)) {
    throw InputError("--checkpoint-every: " + o.checkpoint_every + " is below 1 day");
  }
  return days;
}

// The scenario of a fresh run (file + overrides) or of a resumed one (the checkpoint's).
scenario::Scenario load(const RunOptions& o, std::optional<sim::CheckpointHeader>& resumed) {
  if (!o.resume.empty()) {
    if (!o.scenario.empty() || !o.overrides.empty() || !o.output.empty()) {
      throw InputError(
          "--resume: continues the checkpoint's own scenario and output; "
          "give no SCENARIO, --set or -o with it");
    }
    resumed = sim::read_checkpoint_header(o.resume);
    return scenario::parse_scenario(resumed->resolved_scenario, o.resume);
  }
  if (o.scenario.empty())
    throw InputError("run: a SCENARIO file (or --resume CHECKPOINT) is needed");
  // -o goes in as an override, so that the resolved scenario in the file names its own path.
  std::vector<std::string> overrides = o.overrides;
  if (!o.output.empty()) overrides.push_back("simulation.output=" + o.output);
  return scenario::load_scenario(o.scenario, overrides);
}

// A checkpoint holds one simulation, not a set of replicates: those options are refused.
void check_replicate_options(const RunOptions& o) {
  if (o.replicates == 0) return;
  if (!o.resume.empty() || !o.checkpoint_every.empty() || o.keep_checkpoint) {
    throw InputError(
        "--replicates: cannot be combined with --resume, --checkpoint-every or "
        "--keep-checkpoint (a checkpoint holds one run, not a set of replicates)");
  }
}

// Ctrl-C during a run with replicates: the file keeps what replicate 1 wrote, without
// /replicates, and no checkpoint is left (there is no set of replicates to resume).
int replicates_interrupted(const RunOptions& o, const sim::Simulation& simulation,
                           sim::ResultsRecorder& recorder, io::ResultsWriter& writer,
                           const std::optional<ReplicateOutcome>& replicates, double wall,
                           int signal) {
  if (!simulation.finished()) recorder.on_snapshot(simulation.time(), simulation.state());
  writer.close("interrupted", wall);
  const std::size_t running = replicates ? replicates->running : 0;
  const double day = replicates ? replicates->time : simulation.time();
  std::fprintf(stderr,
               "interrupted in replicate %zu/%zu at day %.2f: replicate 1 so far in %s (status "
               "\"interrupted\", no /replicates);\n  replicates cannot be resumed: run the "
               "command again\n",
               running + 1, o.replicates, day, writer.output_path().c_str());
  return 128 + signal;
}

int run(const RunOptions& o) {
  check_replicate_options(o);
  std::optional<sim::CheckpointHeader> resumed;
  const scenario::Scenario s = load(o, resumed);
  for (const auto& w : s.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  const int threads = o.threads > 0 ? o.threads : omp_get_max_threads();
  omp_set_num_threads(threads);
  const sim::RunConfig config = sim::run_config_from(s);
  const fs::path output = sim::output_path_for(s);
  const double every = checkpoint_interval(o);
  if (o.dry_run) {
    sim::validate(config);
    print_dry_run(s, config, threads, output.string());
    if (o.replicates > 1) {
      std::printf("# replicates: %zu seeds, one after another: about %zu x that run time\n",
                  o.replicates, o.replicates);
    }
    return 0;
  }

  if (!resumed) io::preflight_output(output, o.force);
  const auto start = std::chrono::steady_clock::now();
  sim::Simulation simulation(config);
  const io::RunInfo info{s.name, s.simulation.seed, threads};
  io::ResultsWriter writer = resumed ? io::ResultsWriter::resume(output, resumed->marks)
                                     : io::ResultsWriter(output, info, {.overwrite = o.force});
  if (resumed) sim::restore_checkpoint(o.resume, simulation);

  const bool live = !o.quiet && isatty(fileno(stderr));
  ProgressDisplay display(stderr, live);
  sim::ResultsRecorder recorder(
      writer,
      [&](const sim::Progress& p) { display.update(p, simulation.step_statistics().last_dt); },
      [&](const sim::EventRecord& r) { display.session(r); });
  // With replicates, replicate 1's metric series are kept for the statistics.
  sim::MetricLog log(recorder);
  sim::Observer& observer = o.replicates > 0 ? static_cast<sim::Observer&>(log) : recorder;
  if (o.replicates > 0) print_replicate_header(stderr, 0, o.replicates, config.seed);
  if (resumed) {
    recorder.declare_metrics(simulation);
  } else {
    recorder.write_header(s, simulation);
  }

  const fs::path checkpoint =
      o.resume.empty() ? sim::checkpoint_path_for(output) : fs::path(o.resume);
  auto save = [&] {
    sim::save_checkpoint(checkpoint, simulation, s.resolved, writer.checkpoint_marks());
  };
  auto wall = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  InterruptGuard interrupt;
  double next_checkpoint = simulation.time() + every;
  std::optional<ReplicateOutcome> replicates;
  try {
    while (!simulation.finished() && !interrupt.interrupted()) {
      simulation.run_until(simulation.time() + kPollInterval, observer);
      if (simulation.time() >= next_checkpoint && !simulation.finished()) {
        save();
        next_checkpoint += every;
      }
    }
    display.finish();
    if (o.replicates > 0 && simulation.finished()) {
      replicates = run_replicates(
          config, o.replicates, log, metric_declarations(simulation), stderr, live,
          [&] { return interrupt.interrupted(); }, kPollInterval);
    }
  } catch (const NumericalError& e) {
    display.finish();
    if (!simulation.finished()) recorder.on_snapshot(simulation.time(), simulation.state());
    writer.close(std::string("failed: ") + e.what(), wall());
    throw;
  } catch (const InputError& e) {  // replicates that did not share their metric times
    writer.close(std::string("failed: ") + e.what(), wall());
    throw;
  }
  display.finish();
  recorder.write_summary(simulation);
  if (o.replicates > 0 && (!replicates || replicates->interrupted)) {
    return replicates_interrupted(o, simulation, recorder, writer, replicates, wall(),
                                  interrupt.signal_number());
  }
  if (interrupt.interrupted() && o.replicates == 0) {
    save();  // before the extra snapshot below, which a resumed run cuts away again
    recorder.on_snapshot(simulation.time(), simulation.state());
    writer.close("interrupted", wall());
    std::fprintf(stderr,
                 "interrupted at day %.2f: results so far in %s (status \"interrupted\");\n"
                 "  continue with: dermasim run --resume %s\n",
                 simulation.time(), output.c_str(), checkpoint.c_str());
    return 128 + interrupt.signal_number();
  }
  if (replicates) {
    writer.write_replicates(replicates->record);
    write_replicate_summary(writer, replicates->record);
  }
  if (o.keep_checkpoint) {
    save();  // the final state, for sweeps that branch from this history
  } else {
    std::error_code ignored;
    fs::remove(checkpoint, ignored);  // a finished run needs no checkpoint
  }
  writer.close("complete", wall());
  print_summary(stderr, simulation, recorder.last_metrics(), wall(), output.string());
  if (replicates) print_replicate_summary(stderr, replicates->record);
  return 0;
}

}  // namespace

void add_run_command(CLI::App& app, Command& selected) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario and write its results file");
  cmd->add_option("scenario", options->scenario, "Scenario file (YAML)");
  cmd->add_option("-o,--output", options->output, "Results file (default: from the scenario)");
  cmd->add_option("--threads", options->threads, "OpenMP threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--set", options->overrides, "Override a scenario key: KEY=VALUE with unit")
      ->allow_extra_args(false);
  cmd->add_flag("--dry-run", options->dry_run,
                "Print the resolved scenario, grid, memory and time estimates; write nothing");
  cmd->add_flag("--quiet", options->quiet, "No live progress line: one line per session");
  cmd->add_flag("--force", options->force, "Overwrite an existing results file");
  cmd->add_option(
      "--checkpoint-every", options->checkpoint_every,
      "Write a restartable checkpoint (<out>.checkpoint.h5) this often, e.g. '1 month'");
  cmd->add_flag("--keep-checkpoint", options->keep_checkpoint,
                "Leave a checkpoint of the final state (<out>.checkpoint.h5), e.g. as a sweep's "
                "start_from");
  cmd->add_option("--resume", options->resume,
                  "Continue an interrupted or killed run from its checkpoint");
  cmd->add_option("--replicates", options->replicates,
                  "Run N needle-placement seeds (seed, seed+1, ...) and add their mean, SD, "
                  "min and max to the results (/replicates)")
      ->check(CLI::Range(1, 1000));
  cmd->callback([options, &selected] { selected = [options] { return run(*options); }; });
}

}  // namespace dermasim::cli
