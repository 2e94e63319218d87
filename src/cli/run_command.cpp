// `dermasim run SCENARIO.yaml [-o OUT.h5] [--threads N] [--set KEY=VALUE]... [--dry-run]
//  [--quiet] [--force] [--checkpoint-every DURATION] [--replicates N]` and
//  `dermasim run --resume CHECKPOINT`:
// scenario -> simulation -> results file (docs/cli.md and docs/file-format.md).
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
#include "dermasim/core/threads.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/io/results_reader.hpp"
#include "dermasim/io/results_writer.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/checkpoint_file.hpp"
#include "dermasim/sim/resources.hpp"
#include "dermasim/sim/results_recorder.hpp"
#include "dermasim/sim/run_time_estimate.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"
#include "interrupt.hpp"
#include "progress_display.hpp"
#include "replicate_runs.hpp"
#include "scenario_argument.hpp"

namespace dermasim::cli {
namespace {

namespace fs = std::filesystem;

struct RunOptions {
  std::string scenario;
  std::string output;
  int threads = 0;  // 0: the machine's (thread_count)
  std::vector<std::string> overrides;
  bool dry_run = false;
  bool quiet = false;
  bool force = false;
  std::string checkpoint_every;  // a duration with its unit; empty: no periodic checkpoints
  std::string resume;            // checkpoint to continue from
  bool keep_checkpoint = false;  // leave a checkpoint of the final state (a sweep's start_from)
  std::size_t replicates = 0;    // 0: one plain run; N: seeds seed .. seed + N - 1
};

// Where a run was when a file fault stopped it, for the one-line message of report_fault.
struct RunTrace {
  fs::path output;
  fs::path checkpoint;
  std::string during;                    // "writing the results at day 84 (snapshot 12)"
  std::optional<double> checkpoint_day;  // of the last complete checkpoint, if any
};

std::string day(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "day %g", t);
  return text;
}

void print_dry_run(const scenario::Scenario& s, const sim::RunConfig& config,
                   const std::string& output) {
  const sim::ResourceEstimate e = sim::estimate_resources(config);
  const int threads = config.threads.count();
  const Grid grid = sim::make_grid(config.grid);
  std::printf("%s", s.resolved.c_str());
  std::printf("# dry run: nothing written\n");
  std::printf("# output: %s\n", output.c_str());
  if (grid.dimensions() == 3) {
    std::printf("# grid: %d x %d x %d = %zu cells (3D, %.0f um spacing)\n", grid.nx(), grid.ny(),
                grid.nz(), grid.cells(), grid.spacing() * 1e3);
  } else {
    std::printf("# grid: %d x %d = %zu cells (2D, %.0f um spacing)\n", grid.nx(), grid.nz(),
                grid.cells(), grid.spacing() * 1e3);
  }
  std::printf("# memory: about %.0f MiB\n", e.memory_bytes / (1024.0 * 1024.0));
  std::fflush(stdout);
  const sim::RunTimeEstimate t = sim::estimate_run_time(config);
  std::printf(
      "# run time: about %.2g s with %d thread%s on this machine now, %.2g s CPU (about %ld "
      "steps; from a pilot run at %.0f um that took %.1f s)\n",
      t.seconds, threads, threads == 1 ? "" : "s", t.cpu_seconds, t.steps, t.pilot_spacing * 1e3,
      t.measured_seconds);
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

// The run's threads: --threads, else as many as OpenMP would start here (OMP_NUM_THREADS, else
// the cores). The one place the default is decided; the count then goes down with the run's
// configuration, and nothing sets OpenMP's global count.
Threads thread_count(const RunOptions& o) {
  return Threads(o.threads > 0 ? o.threads : omp_get_max_threads());
}

double checkpoint_interval(const RunOptions& o) {
  if (o.checkpoint_every.empty()) return std::numeric_limits<double>::infinity();
  double days = 0.0;
  try {
    days = units::convert(o.checkpoint_every, "day");
  } catch (const InputError& e) {
    throw InputError(std::string("--checkpoint-every: ") + e.what());
  }
  if (!(days >= sim::kPollInterval)) {
    throw InputError("--checkpoint-every: " + o.checkpoint_every + " is below 1 day");
  }
  return days;
}

// The scenario of a fresh run (file + overrides) or of a resumed one (the checkpoint's).
scenario::Scenario load(const RunOptions& o, std::optional<sim::CheckpointHeader>& resumed,
                        bool& derived_output) {
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
  return load_scenario_argument(o.scenario, overrides, &derived_output);
}

// A default output that holds results (of an earlier run of the same scenario file) is
// replaced, so that editing a scenario and running it again just works; anything else at
// the output path needs --force.
bool replaces_previous_results(const fs::path& output, bool derived_output) {
  std::error_code ec;
  if (!derived_output || !fs::exists(output, ec)) return false;
  try {
    io::read_results_overview(output);
  } catch (const Error&) {
    return false;
  }
  std::fprintf(stderr, "replacing the previous results in %s\n", output.c_str());
  return true;
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

// The results of a resumed run: its file continued from the checkpoint's marks. When the
// rows the checkpoint keeps are damaged (a kill in the middle of a flush can leave a chunk
// index half written), the results are written anew from day 0 instead, and `resumed` is
// reset so that the run starts over: it is deterministic, so the file ends bitwise as an
// uninterrupted run's, and nothing that was written is lost, only the time to recompute it.
io::ResultsWriter continue_results(const fs::path& output,
                                   std::optional<sim::CheckpointHeader>& resumed,
                                   const io::RunInfo& info, Threads threads) {
  try {
    return io::ResultsWriter::resume(output, resumed->marks, {.threads = threads});
  } catch (const io::FileError& e) {
    if (e.fault() != io::FileError::Fault::damaged) throw;
    std::fprintf(stderr,
                 "note: %s\n  the results so far cannot be continued: recomputing them from day "
                 "0 (the run is deterministic, so they end as an uninterrupted run's)\n",
                 e.what());
    resumed.reset();
    return io::ResultsWriter(output, info, {.overwrite = true, .threads = threads});
  }
}

int run(const RunOptions& o, RunTrace& trace) {
  check_replicate_options(o);
  std::optional<sim::CheckpointHeader> resumed;
  bool derived_output = false;
  const scenario::Scenario s = load(o, resumed, derived_output);
  for (const auto& w : s.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  const Threads threads = thread_count(o);
  const sim::RunConfig config = sim::run_config_from(s, threads);
  const fs::path output = sim::output_path_for(s);
  const double every = checkpoint_interval(o);
  if (o.dry_run) {
    sim::validate(config);
    print_dry_run(s, config, output.string());
    if (o.replicates > 1) {
      std::printf("# replicates: %zu seeds, one after another: about %zu x that run time\n",
                  o.replicates, o.replicates);
    }
    return 0;
  }

  sim::preflight(config);
  trace.output = output;
  const bool overwrite = o.force || (!resumed && replaces_previous_results(output, derived_output));
  if (!resumed) io::preflight_output(output, overwrite);
  const auto start = std::chrono::steady_clock::now();
  sim::Simulation simulation(config);
  const io::RunInfo info{s.name, s.simulation.seed};
  io::ResultsWriter writer =
      resumed ? continue_results(output, resumed, info, threads)
              : io::ResultsWriter(output, info, {.overwrite = overwrite, .threads = threads});
  if (resumed) {
    sim::restore_checkpoint(o.resume, simulation);
    trace.checkpoint_day = simulation.time();
  }

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
  trace.during = "writing the header of the results";
  if (resumed) {
    recorder.declare_metrics(simulation);
  } else {
    recorder.write_header(s, simulation);
  }
  trace.during.clear();

  const fs::path checkpoint =
      o.resume.empty() ? sim::checkpoint_path_for(output) : fs::path(o.resume);
  trace.checkpoint = checkpoint;
  auto save = [&] {
    trace.during = "writing the checkpoint at " + day(simulation.time());
    sim::save_checkpoint(checkpoint, simulation, s.resolved, writer.checkpoint_marks());
    trace.checkpoint_day = simulation.time();
    trace.during.clear();
  };
  auto wall = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  InterruptGuard interrupt;
  double next_checkpoint = simulation.time() + every;
  std::optional<ReplicateOutcome> replicates;
  try {
    sim::run_to_end(simulation, observer,
                    {.stop = [&] { return interrupt.interrupted(); },
                     .on_slice =
                         [&] {
                           if (simulation.time() >= next_checkpoint && !simulation.finished()) {
                             save();
                             next_checkpoint += every;
                           }
                         }});
    display.finish();
    if (o.replicates > 0 && simulation.finished()) {
      replicates = run_replicates(config, o.replicates, log, metric_declarations(simulation),
                                  stderr, live, [&] { return interrupt.interrupted(); });
    }
  } catch (const io::FileError&) {
    writer.abandon();
    if (trace.during.empty()) {
      trace.during = "writing snapshot " + std::to_string(writer.snapshot_count() + 1) +
                     " of the results (" + day(simulation.time()) + ")";
    }
    throw;
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
  trace.during = "finishing the results";
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
  trace.during = "finishing the results";
  writer.close("complete", wall());
  trace.during.clear();
  print_summary(stderr, simulation, recorder.last_metrics(), wall(), output.string());
  if (replicates) print_replicate_summary(stderr, replicates->record);
  return 0;
}

// A file fault during a run, reworded to say where the run was and what to do next. Without a
// checkpoint the partial results cannot be continued, so they are removed to free the space.
[[noreturn]] void report_fault(const io::FileError& e, const RunTrace& trace) {
  if (trace.during.empty()) throw e;
  std::string file = e.file();
  if (file == io::partial_path(trace.output).string()) file = trace.output.string();
  if (file == io::partial_path(trace.checkpoint).string()) file = trace.checkpoint.string();
  const bool full = e.fault() == io::FileError::Fault::no_space;
  std::string what = e.reason() + " while " + trace.during;
  if (trace.checkpoint_day) {
    what += "; the last checkpoint (" + day(*trace.checkpoint_day) +
            ") is intact: " + (full ? "free space" : "fix this") +
            " and run dermasim run --resume " + trace.checkpoint.string();
  } else {
    std::error_code ignored;
    fs::remove(io::partial_path(trace.output), ignored);
    fs::remove(trace.output, ignored);  // this run's own (preflight let no other file stay)
    fs::remove(io::xdmf_path(trace.output), ignored);
    what += "; no checkpoint was taken, so the partial results were removed: " +
            std::string(full ? "free space" : "fix this") +
            " and run again (--checkpoint-every makes a run resumable)";
  }
  throw io::FileError(file, what, e.fault());
}

int run_reporting_faults(const RunOptions& o) {
  RunTrace trace;
  try {
    return run(o, trace);
  } catch (const io::FileError& e) {
    report_fault(e, trace);
  }
}

}  // namespace

void add_run_command(CLI::App& app, Command& selected) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a scenario and write its results file");
  cmd->add_option("scenario", options->scenario,
                  "Scenario file (YAML), or the name of a preset (dermasim presets)");
  cmd->add_option("-o,--output", options->output,
                  "Results file (default: simulation.output, else <scenario>.h5 beside the "
                  "scenario file; a preset by name: in the current directory)");
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
  cmd->callback(
      [options, &selected] { selected = [options] { return run_reporting_faults(*options); }; });
}

}  // namespace dermasim::cli
