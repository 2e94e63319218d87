// `dermasim sweep SWEEP.yaml [-o DIR] [--jobs N] [--threads-per-run N] [--resume] [--quiet]`:
// loads the sweep, runs it on threads or, when started by mpirun/srun, over MPI ranks, shows one
// progress line, and prints where the summary is and the ranked sensitivity table.
#include "sweep_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/model/metrics.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "dermasim/sim/checkpoint_file.hpp"
#include "dermasim/sweep/design.hpp"
#include "dermasim/sweep/mpi_runner.hpp"
#include "dermasim/sweep/report.hpp"
#include "interrupt.hpp"

namespace dermasim::cli {

namespace {

struct SweepArgs {
  std::string sweep_file;
  std::string out_dir;
  unsigned jobs = 0;
  int threads_per_run = 1;
  bool resume = false;
  bool quiet = false;
  std::size_t replicates = 0;  // 0: the sweep file's (default 1)
};

// One line rewritten in place on a terminal; elsewhere a line per tenth of the sweep.
// *line_open says whether the terminal line still needs its newline (after an interruption).
sweep::ProgressFunction progress_printer(bool quiet, std::shared_ptr<bool> line_open) {
  if (quiet) return {};
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  auto last_decile = std::make_shared<std::size_t>(0);
  return [tty, last_decile, line_open](const sweep::Progress& p) {
    if (tty) {
      std::fprintf(stderr, "\rsweep: %s\033[K", sweep::format_progress(p).c_str());
      *line_open = p.done != p.total;
      if (!*line_open) std::fputc('\n', stderr);
      return;
    }
    const std::size_t decile = p.total ? 10 * p.done / p.total : 10;
    if (decile == *last_decile) return;
    *last_decile = decile;
    std::fprintf(stderr, "sweep: %s\n", sweep::format_progress(p).c_str());
  };
}

// The name the scenario loader gives the base in its messages.
std::string base_name(const sweep::SweepSpec& spec) {
  return spec.base_path.empty() ? spec.file.string() + " (base:)" : spec.base_path.string();
}

// The varied key a run's scenario error is due to, or nullptr.
const sweep::VariedKey* varied_key_of(const sweep::SweepSpec& spec, const InputError& error) {
  const auto* located = dynamic_cast<const scenario::ScenarioError*>(&error);
  if (!located) return nullptr;
  for (const auto& v : spec.vary) {
    if (v.key == located->key()) return &v;
  }
  return spec.vary.size() == 1 ? &spec.vary.front() : nullptr;
}

// Loads the base scenario with every run's overrides before any run starts, so that a value
// out of range (or an output time after the end of a run) fails the sweep in a second rather
// than as N failed runs hours later. The error is located at the varied key in the sweep file
// that caused it: the key the loader names, or, when only one key is varied, that one (the base
// is valid, so the run's only difference from it is to blame).
void check_every_run(sweep::SweepSpec& spec) {
  const std::string name = base_name(spec);
  spec.base_resolved = scenario::resolved_yaml(scenario::parse_scenario(spec.base_text, name));
  if (!spec.start_from.empty()) {
    try {
      sim::read_checkpoint_header(spec.start_from);
    } catch (const Error& e) {
      throw InputError(spec.file.string() + ": start_from: " + e.what());
    }
  }
  const sweep::RunTable table = sweep::build_run_table(spec);
  std::vector<std::string> sets(table.width());
  for (std::size_t r = 0; r < table.runs; ++r) {
    for (std::size_t j = 0; j < table.width(); ++j)
      sets[j] = table.keys[j] + "=" + table.value(r, j);
    double duration = 0.0;
    try {
      duration = scenario::parse_scenario(spec.base_text, name, sets).simulation.duration;
    } catch (const InputError& e) {
      if (const auto* v = varied_key_of(spec, e)) {
        throw InputError(spec.file.string() + ":" + std::to_string(v->line) + ":" +
                         std::to_string(v->column) + ": vary." + v->key + ": run " +
                         std::to_string(r) + " is not a valid scenario: " + e.what());
      }
      throw InputError(spec.file.string() + ": run " + std::to_string(r) +
                       " is not a valid scenario: " + e.what());
    }
    for (const auto& at : spec.outputs.at) {
      try {
        sweep::output_day(at, r, duration);
      } catch (const InputError& e) {
        throw InputError(spec.file.string() + ": " + e.what());
      }
    }
  }
}

// `signal` is the signal that stopped the sweep (0 if none): exit code 128 + signal, as `run`.
int report(const SweepArgs& args, const sweep::SweepSpec& spec, const sweep::SweepResult& r,
           int signal) {
  std::printf("sweep %s: %zu runs, %zu ok, %zu failed", spec.name.c_str(), r.total, r.ok, r.failed);
  if (spec.replicates > 1) std::printf(" (%zu seeds per run)", spec.replicates);
  if (r.pending) std::printf(", %zu not run", r.pending);
  std::printf("\nsummary: %s (table: %s)\n", r.summary_h5.c_str(), r.summary_csv.c_str());
  if (r.failed) std::printf("failed runs: see the status and error columns of the summary\n");
  const std::string table = sweep::format_sensitivity(r.sensitivity, spec.sensitivity.confidence);
  if (!table.empty()) std::printf("\n%s", table.c_str());
  if (r.interrupted) {
    const std::string replicates =
        args.replicates ? " --replicates " + std::to_string(args.replicates) : "";
    std::printf("interrupted; continue with: dermasim sweep %s -o %s%s --resume\n",
                args.sweep_file.c_str(), args.out_dir.c_str(), replicates.c_str());
    return signal ? 128 + signal : 1;
  }
  return 0;
}

int run_command(const SweepArgs& given, const sweep::RunFunction& run_one) {
  SweepArgs args = given;
  // The model's metric names and units, so a misspelt metric fails before any run.
  std::vector<std::string_view> names, units;
  for (const auto& m : model::metric_infos()) {
    names.push_back(m.name);
    units.push_back(m.unit);
  }
  sweep::SweepSpec spec = sweep::load_sweep(args.sweep_file, sweep::SpecCheck{names, units});
  if (args.replicates > 0) {
    for (const auto& v : spec.vary)
      if (v.key == "simulation.seed" && args.replicates > 1)
        throw InputError("--replicates: cannot be combined with a sweep that varies " + v.key +
                         " (" + spec.file.string() + ":" + std::to_string(v.line) + ")");
    spec.replicates = args.replicates;
  }
  check_every_run(spec);
  if (args.out_dir.empty()) args.out_dir = spec.name + "-sweep";
  if (args.threads_per_run < 1) throw InputError("--threads-per-run: must be at least 1");

  sweep::SweepOptions options;
  options.out_dir = args.out_dir;
  options.threads_per_run = Threads(args.threads_per_run);
  options.resume = args.resume;

  // SIGINT or SIGTERM (Slurm's notice before it ends a job): no new run starts, runs in
  // progress may stop early (they stay pending), finished ones are already journaled. Under MPI
  // every rank holds the guard, so a signal to all ranks ends the sweep cleanly on rank 0.
  InterruptGuard interrupt;
  options.stop_requested = [&interrupt] { return interrupt.interrupted(); };
  auto line_open = std::make_shared<bool>(false);

  if (sweep::launched_by_mpi()) {
    // Ranks are placed by the launcher; --jobs would oversubscribe the cores it gave each rank.
    sweep::MpiSession mpi;
    try {
      if (mpi.rank() == 0) options.progress = progress_printer(args.quiet, line_open);
      const sweep::SweepResult r = sweep::run_sweep_mpi(spec, run_one, options);
      if (*line_open) std::fputc('\n', stderr);
      return mpi.rank() == 0 ? report(args, spec, r, interrupt.signal_number()) : 0;
    } catch (const Error& e) {
      std::fprintf(stderr, "error: rank %d: %s\n", mpi.rank(), e.what());
      mpi.abort(e.exit_code());
    }
  }

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  options.jobs =
      args.jobs ? args.jobs : std::max(1u, cores / static_cast<unsigned>(args.threads_per_run));
  if (options.jobs * static_cast<unsigned>(args.threads_per_run) > cores)
    throw InputError("--jobs " + std::to_string(options.jobs) + " x --threads-per-run " +
                     std::to_string(args.threads_per_run) + " needs more than the " +
                     std::to_string(cores) + " cores of this machine; lower --jobs");
  options.progress = progress_printer(args.quiet, line_open);
  try {
    const sweep::SweepResult r = sweep::run_sweep(spec, run_one, options);
    if (*line_open) std::fputc('\n', stderr);  // Ctrl-C left the progress line open
    return report(args, spec, r, interrupt.signal_number());
  } catch (const io::FileError& e) {
    if (*line_open) std::fputc('\n', stderr);
    // Runs in progress stay pending (their files are removed); every journaled run is complete.
    throw io::FileError(
        e.file(),
        e.reason() + "; the sweep stopped, the runs it journaled are kept: " +
            (e.fault() == io::FileError::Fault::no_space ? "free space" : "fix this") +
            " and continue with: dermasim sweep " + args.sweep_file + " -o " + args.out_dir +
            " --resume",
        e.fault());
  }
}

}  // namespace

void add_sweep_command(CLI::App& app, Command& selected, sweep::RunFunction run_one) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd =
      app.add_subcommand("sweep", "Run a parameter sweep or sensitivity study (docs/sweeps.md)");
  cmd->add_option("SWEEP", args->sweep_file, "sweep file (YAML)")->required();
  cmd->add_option("-o,--output", args->out_dir,
                  "output directory for summary.h5, summary.csv and the journal "
                  "(default: <sweep name>-sweep)");
  cmd->add_option("--jobs", args->jobs,
                  "runs at a time on this machine (default: cores / threads-per-run)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads-per-run", args->threads_per_run, "engine threads per run (default 1)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--resume", args->resume, "continue an interrupted sweep in the output directory");
  cmd->add_flag("--quiet", args->quiet, "no progress line");
  cmd->add_option("--replicates", args->replicates,
                  "needle-placement seeds per design point (overrides the sweep file's "
                  "replicates:)")
      ->check(CLI::Range(std::size_t{1}, sweep::kMaxReplicates));
  cmd->callback([&selected, args, run = std::move(run_one)] {
    selected = [args, run] { return run_command(*args, run); };
  });
}

}  // namespace dermasim::cli
