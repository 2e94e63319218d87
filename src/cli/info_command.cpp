// `dermasim info RESULTS.h5`: what a results file holds (scenario, status, grid, snapshots,
// events, final metrics, replicates and summary), read through io::read_results_overview.
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "dermasim/core/error.hpp"
#include "dermasim/io/checkpoint.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/io/results_reader.hpp"

namespace dermasim::cli {
namespace {

std::string number(double value) {
  std::ostringstream os;
  os.precision(6);
  os << value;
  return os.str();
}

std::string grid_line(const io::ResultsOverview& o) {
  if (o.shape.empty()) return "not recorded";
  static const char* const kAxes2[] = {"depth", "width"};
  static const char* const kAxes3[] = {"depth", "breadth", "width"};
  std::ostringstream cells, extent;
  for (std::size_t d = 0; d < o.shape.size(); ++d) {
    const char* sep = d ? " x " : "";
    cells << sep << o.shape[d];
    extent << sep << number(o.shape[d] * o.spacing_mm) << " mm "
           << (o.shape.size() == 3 ? kAxes3[d] : kAxes2[d]);
  }
  return std::to_string(o.dimensions) + "D, " + cells.str() + " cells at " +
         number(o.spacing_mm * 1000.0) + " um (" + extent.str() + ")";
}

// "123 samples, day 0 .. 121.75" (or "23, day ..." without a noun, on the snapshots line)
std::string time_range(const std::vector<double>& times, const char* noun = "") {
  if (times.empty()) return "none";
  std::ostringstream os;
  os << times.size() << (*noun ? " " : "") << noun << ", day " << number(times.front()) << " .. "
     << number(times.back());
  return os.str();
}

void print_events(const io::ResultsOverview& o) {
  std::size_t sessions = 0;
  for (const io::EventRow& e : o.events) sessions += e.kind == "session" ? 1 : 0;
  std::printf("events       %zu (%zu sessions, %zu other)\n", o.events.size(), sessions,
              o.events.size() - sessions);
  for (const io::EventRow& e : o.events) {
    std::printf("  day %-8s %-12s %-12s needle %s mm, penetration %s mm, %lld punctures\n",
                number(e.time_days).c_str(), io::escape_name(e.kind).c_str(),
                io::escape_name(e.device).c_str(), number(e.needle_length_mm).c_str(),
                number(e.penetration_mm).c_str(), static_cast<long long>(e.punctures));
  }
}

void print_metrics(const io::ResultsOverview& o) {
  std::printf("metrics      %s\n", time_range(o.metric_times_days, "samples").c_str());
  for (const io::SeriesSummary& m : o.metrics) {
    const std::string value = m.final_value ? number(*m.final_value) : "-";
    std::printf("  %-28s %12s %s\n", io::escape_name(m.name).c_str(),
                io::escape_name(value).c_str(), io::escape_name(m.unit).c_str());
  }
}

// Seeds and final mean +- sample SD of every metric of a run with --replicates.
void print_replicates(const io::ResultsOverview& o) {
  const io::ReplicatesOverview& r = o.replicates;
  if (r.seeds.empty()) return;
  std::printf("replicates   %zu seeds (%lld .. %lld); final mean +- SD over the seeds\n",
              r.seeds.size(), static_cast<long long>(r.seeds.front()),
              static_cast<long long>(r.seeds.back()));
  for (const io::ReplicatesOverview::Final& f : r.finals) {
    std::printf("  %-28s %12s +- %-10s %s\n", f.name.c_str(), number(f.mean).c_str(),
                number(f.sd).c_str(), f.unit.c_str());
  }
}

// Summary values with their "<name>.units" companion folded in.
void print_summary(const io::ResultsOverview& o) {
  std::map<std::string, std::string> units;
  for (const auto& [name, value] : o.summary) {
    if (name.ends_with(".units")) units[name.substr(0, name.size() - 6)] = value;
  }
  std::printf("summary\n");
  for (const auto& [name, value] : o.summary) {
    if (name.ends_with(".units")) continue;
    // "<metric>.final" and ".peak" share "<metric>.units"; ".peak_time_days" is in days.
    const std::size_t dot = name.rfind('.');
    const std::string base = dot == std::string::npos ? name : name.substr(0, dot);
    std::string unit = units.contains(name) ? units[name] : units[base];
    if (name.ends_with(".peak_time_days")) unit = "day";
    std::printf("  %-40s %12s %s\n", io::escape_name(name).c_str(), io::escape_name(value).c_str(),
                io::escape_name(unit).c_str());
  }
}

// "verified" or why not; a damaged file throws (exit 1) before anything is printed.
std::string integrity_line(const std::string& path) {
  const io::ResultsIntegrity i = io::verify_results(path);
  if (i.checksummed == 0) return "not checksummed (written by an older dermasim)";
  return "verified: " + std::to_string(i.checksummed) + " of " + std::to_string(i.datasets) +
         " series datasets carry a Fletcher32 checksum and match it";
}

int show_checkpoint(const std::string& path) {
  io::verify_checkpoint(path);
  const io::CheckpointState state = io::read_checkpoint_state(path);
  std::printf("file         %s (dermasim checkpoint)\n", io::escape_name(path).c_str());
  std::printf("time         day %s, next protocol event %lld\n", number(state.time_days).c_str(),
              static_cast<long long>(state.next_event_index));
  std::printf("integrity    verified: the state matches its CRC-32\n");
  std::printf("continue     dermasim run --resume %s\n", io::escape_name(path).c_str());
  return 0;
}

int show(const std::string& path) {
  // A missing file is bad input (exit 2), as for `run`.
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError(path + ": cannot read: no such file");
  if (io::is_checkpoint_file(path)) return show_checkpoint(path);
  const io::ResultsOverview o = io::read_results_overview(path);
  const std::string integrity = integrity_line(path);
  std::printf("file         %s (dermasim %s, created %s)\n", io::escape_name(path).c_str(),
              io::escape_name(o.dermasim_version).c_str(), io::escape_name(o.created).c_str());
  std::printf("scenario     %s (seed %lld, %lld threads)\n",
              io::escape_name(o.scenario_name).c_str(), static_cast<long long>(o.seed),
              static_cast<long long>(o.threads));
  std::printf("status       %s (wall time %s s)\n", io::escape_name(o.status).c_str(),
              number(o.wall_seconds).c_str());
  std::printf("integrity    %s\n", integrity.c_str());
  std::printf("grid         %s\n", grid_line(o).c_str());
  std::printf("snapshots    %s\n", time_range(o.snapshot_times_days).c_str());
  std::string fields;
  for (const io::SeriesSummary& f : o.fields) {
    fields += (fields.empty() ? "" : ", ") + f.name + " [" + f.unit + "]";
  }
  std::printf("fields       %zu: %s\n", o.fields.size(), io::escape_name(fields).c_str());
  print_events(o);
  print_metrics(o);
  print_replicates(o);
  print_summary(o);
  return 0;
}

}  // namespace

void add_info_command(CLI::App& app, Command& selected) {
  CLI::App* info =
      app.add_subcommand("info", "Summarise a results file: scenario, grid, snapshots, metrics");
  auto path = std::make_shared<std::string>();
  info->add_option("RESULTS", *path,
                   "a results file written by 'dermasim run' (or a checkpoint, to verify it)")
      ->required();
  info->callback([&selected, path] { selected = [path] { return show(*path); }; });
}

}  // namespace dermasim::cli
