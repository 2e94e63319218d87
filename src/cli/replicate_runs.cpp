// Replicates 2 .. N of `dermasim run --replicates N` (see replicate_runs.hpp).
#include "replicate_runs.hpp"

#include <string>
#include <string_view>

#include "dermasim/core/error.hpp"
#include "dermasim/model/metrics.hpp"
#include "dermasim/sim/replicate_stats.hpp"
#include "dermasim/sim/scenario_run.hpp"
#include "dermasim/sim/simulation.hpp"
#include "progress_display.hpp"

namespace dermasim::cli {
namespace {

// The metrics of the closing line and of the /summary statistics, as in print_summary of a
// single run.
constexpr model::MetricIndex kHeadline[] = {model::kImprovement, model::kScarDepth,
                                            model::kCollagenPapillaryRel,
                                            model::kCollagenReticularRel};

// Forwards progress and sessions of a metrics-only replicate to its display.
class ReplicateProgress : public sim::Observer {
 public:
  ReplicateProgress(ProgressDisplay& display, const sim::Simulation& simulation)
      : display_(display), simulation_(simulation) {}
  void on_event(double, const sim::EventRecord& record) override { display_.session(record); }
  void on_progress(const sim::Progress& p) override {
    display_.update(p, simulation_.step_statistics().last_dt);
  }

 private:
  ProgressDisplay& display_;
  const sim::Simulation& simulation_;
};

// One replicate's metric samples: times and, per metric, its series.
struct Logged {
  std::vector<double> times;
  std::vector<std::vector<double>> series;  // [metric][sample]
};

Logged logged(const sim::MetricLog& log, std::size_t metrics) {
  Logged l{log.times, {}};
  for (std::size_t m = 0; m < metrics; ++m) l.series.push_back(log.series(static_cast<int>(m)));
  return l;
}

io::ReplicatesRecord make_record(const sim::RunConfig& config,
                                 const std::vector<io::MetricDeclaration>& metrics,
                                 const std::vector<Logged>& runs) {
  io::ReplicatesRecord r;
  r.samples = runs.front().times.size();
  for (std::size_t k = 0; k < runs.size(); ++k) {
    r.seeds.push_back(sim::replicate_seed(config.seed, k));
  }
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    io::ReplicateMetric out;
    out.name = metrics[m].name;
    out.unit = metrics[m].unit;
    out.description = metrics[m].description;
    std::vector<std::vector<double>> series;
    for (const Logged& run : runs) {
      series.push_back(run.series[m]);
      out.per_seed.insert(out.per_seed.end(), run.series[m].begin(), run.series[m].end());
    }
    sim::SeriesStats s = sim::replicate_stats(series);
    out.mean = std::move(s.mean);
    out.sd = std::move(s.sd);
    out.min = std::move(s.min);
    out.max = std::move(s.max);
    r.metrics.push_back(std::move(out));
  }
  return r;
}

}  // namespace

void print_replicate_header(std::FILE* out, std::size_t index, std::size_t count,
                            std::uint64_t seed) {
  std::fprintf(out, "replicate %zu/%zu: seed %llu\n", index + 1, count,
               static_cast<unsigned long long>(seed));
  std::fflush(out);
}

ReplicateOutcome run_replicates(const sim::RunConfig& config, std::size_t count,
                                const sim::MetricLog& first,
                                const std::vector<io::MetricDeclaration>& metrics, std::FILE* out,
                                bool live, const std::function<bool()>& stop) {
  ReplicateOutcome outcome;
  std::vector<Logged> runs = {logged(first, metrics.size())};
  for (std::size_t k = 1; k < count; ++k) {
    sim::RunConfig c = config;
    c.seed = sim::replicate_seed(config.seed, k);
    print_replicate_header(out, k, count, c.seed);
    sim::Simulation simulation(c);
    ProgressDisplay display(out, live);
    ReplicateProgress progress(display, simulation);
    sim::MetricLog log(progress);
    try {
      sim::run_to_end(simulation, log, {.stop = stop});
    } catch (const NumericalError& e) {
      display.finish();
      throw NumericalError("replicate " + std::to_string(k + 1) + " (seed " +
                           std::to_string(c.seed) + "): " + e.what());
    }
    display.finish();
    if (!simulation.finished()) {
      outcome.interrupted = true;
      outcome.running = k;
      outcome.time = simulation.time();
      return outcome;
    }
    sim::check_same_times(first.times, log.times, k, c.seed);
    runs.push_back(logged(log, metrics.size()));
  }
  outcome.record = make_record(config, metrics, runs);
  return outcome;
}

void write_replicate_summary(io::ResultsWriter& writer, const io::ReplicatesRecord& r) {
  writer.add_summary("replicates", static_cast<double>(r.seeds.size()), "1");
  for (model::MetricIndex m : kHeadline) {
    const io::ReplicateMetric& metric = r.metrics[m];
    writer.add_summary(metric.name + ".final_mean", metric.mean.back(), metric.unit);
    writer.add_summary(metric.name + ".final_sd", metric.sd.back(), metric.unit);
  }
}

void print_replicate_summary(std::FILE* out, const io::ReplicatesRecord& r) {
  auto final = [&](model::MetricIndex m) {
    return std::pair{r.metrics[m].mean.back(), r.metrics[m].sd.back()};
  };
  const auto [imp, imp_sd] = final(model::kImprovement);
  const auto [depth, depth_sd] = final(model::kScarDepth);
  const auto [pap, pap_sd] = final(model::kCollagenPapillaryRel);
  const auto [ret, ret_sd] = final(model::kCollagenReticularRel);
  std::fprintf(out,
               "  mean +- SD over %zu seeds (%llu .. %llu): improvement %.1f +- %.1f %%, scar "
               "depth %.3f +- %.3f mm, papillary collagen x%.3f +- %.3f, reticular collagen "
               "x%.3f +- %.3f\n",
               r.seeds.size(), static_cast<unsigned long long>(r.seeds.front()),
               static_cast<unsigned long long>(r.seeds.back()), imp, imp_sd, depth, depth_sd, pap,
               pap_sd, ret, ret_sd);
}

}  // namespace dermasim::cli
