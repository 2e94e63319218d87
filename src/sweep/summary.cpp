// Summary writers (CSV and HDF5), each atomic through io::AtomicFile (temporary + rename).
#include "dermasim/sweep/summary.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <span>
#include <sstream>
#include <string_view>

#include "csv.hpp"
#include "dermasim/core/error.hpp"
#include "dermasim/core/version.hpp"
#include "dermasim/io/atomic_file.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/timestamp.hpp"
#include "dermasim/sim/replicate_stats.hpp"
#include "dermasim/sweep/quantity.hpp"

namespace dermasim::sweep {

namespace h5 = io::h5;

namespace {

std::string cell(double v) {
  return std::isfinite(v) ? format_number(v) : std::string();
}

// A float64 dataset with the `units` and `description` attributes every numeric summary dataset
// carries; dims = {n} or {rows, cols}.
h5::Handle write_doubles(const h5::Handle& parent, std::string_view name,
                         std::span<const double> values, std::span<const hsize_t> dims,
                         std::string_view units, std::string_view description) {
  h5::Handle dataset = h5::write_dataset<double>(parent, name, values, dims);
  h5::write_attribute(dataset, "units", units);
  h5::write_attribute(dataset, "description", description);
  return dataset;
}

void write_sensitivity(const h5::Handle& root, const std::vector<ColumnSensitivity>& all,
                       const SensitivitySettings& settings) {
  const h5::Handle top = h5::create_group(root, "sensitivity");
  for (const auto& s : all) {
    const h5::Handle g = h5::create_group(top, s.column);
    h5::write_attribute(g, "method", to_string(s.method));
    h5::write_attribute(g, "samples_used", static_cast<std::int64_t>(s.samples_used));
    h5::write_attribute(g, "bootstrap", static_cast<std::int64_t>(settings.bootstrap));
    h5::write_attribute(g, "confidence", settings.confidence);
    std::vector<std::string> keys;
    const hsize_t k = s.method == DesignKind::sobol ? s.sobol.size() : s.morris.size();
    auto put = [&](const char* name, auto get, const char* what) {
      std::vector<double> v;
      for (hsize_t i = 0; i < k; ++i) v.push_back(get(i));
      write_doubles(g, name, v, std::span<const hsize_t>(&k, 1), "", what);
    };
    if (s.method == DesignKind::sobol) {
      for (const auto& x : s.sobol) keys.push_back(x.key);
      put(
          "S1", [&](hsize_t i) { return s.sobol[i].first_order.value; },
          "first-order Sobol index (Saltelli 2010)");
      put(
          "S1_low", [&](hsize_t i) { return s.sobol[i].first_order.low; },
          "bootstrap lower bound of S1");
      put(
          "S1_high", [&](hsize_t i) { return s.sobol[i].first_order.high; },
          "bootstrap upper bound of S1");
      put(
          "ST", [&](hsize_t i) { return s.sobol[i].total.value; },
          "total Sobol index (Jansen 1999)");
      put(
          "ST_low", [&](hsize_t i) { return s.sobol[i].total.low; }, "bootstrap lower bound of ST");
      put(
          "ST_high", [&](hsize_t i) { return s.sobol[i].total.high; },
          "bootstrap upper bound of ST");
    } else {
      for (const auto& x : s.morris) keys.push_back(x.key);
      put(
          "mu", [&](hsize_t i) { return s.morris[i].mu; },
          "mean elementary effect, output per full input range");
      put(
          "mu_star", [&](hsize_t i) { return s.morris[i].mu_star.value; },
          "mean absolute elementary effect");
      put(
          "mu_star_low", [&](hsize_t i) { return s.morris[i].mu_star.low; },
          "bootstrap lower bound of mu_star");
      put(
          "mu_star_high", [&](hsize_t i) { return s.morris[i].mu_star.high; },
          "bootstrap upper bound of mu_star");
      put(
          "sigma", [&](hsize_t i) { return s.morris[i].sigma; },
          "standard deviation of the elementary effects");
    }
    h5::write_string_array_dataset(g, "keys", keys);
  }
}

// Per column and run, the mean (or SD) of the run's replicate values.
std::vector<std::vector<double>> per_point(const SweepRecords& r, bool sd) {
  const std::size_t runs = r.status.size();
  std::vector<std::vector<double>> out(r.columns.size(), std::vector<double>(runs));
  std::vector<double> values(r.replicates);
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    for (std::size_t run = 0; run < runs; ++run) {
      for (std::size_t k = 0; k < r.replicates; ++k)
        values[k] = r.metrics[c * r.replicates + k][run];
      const sim::MeanSd m = sim::mean_sd(values);
      out[c][run] = sd ? m.sd : m.mean;
    }
  }
  return out;
}

// /metrics/<column>: each run's value, or with several replicates the mean over the seeds, then
// /metrics_sd/<column> (sample SD) and /replicates/<column> (runs x replicates, per seed).
void write_metrics(const h5::Handle& root, const SweepRecords& records, hsize_t runs) {
  const hsize_t column[] = {runs};
  const std::size_t n = records.replicates;
  const std::string over = n > 1 ? "mean over " + std::to_string(n) + " seeds of " : "";
  const auto means = records.means();
  {
    const h5::Handle g_m = h5::create_group(root, "metrics");
    for (std::size_t c = 0; c < records.columns.size(); ++c) {
      const auto& col = records.columns[c];
      const h5::Handle ds =
          write_doubles(g_m, col.name, means[c], column, col.units,
                        over + col.metric + " at " + col.at + "; NaN unless the run is ok");
      h5::write_attribute(ds, "metric", col.metric);
      h5::write_attribute(ds, "at", col.at);
    }
  }
  if (n == 1) return;
  const auto sds = records.sds();
  const h5::Handle g_sd = h5::create_group(root, "metrics_sd");
  const h5::Handle g_r = h5::create_group(root, "replicates");
  const hsize_t matrix[] = {runs, n};
  for (std::size_t c = 0; c < records.columns.size(); ++c) {
    const auto& col = records.columns[c];
    write_doubles(g_sd, col.name, sds[c], column, col.units,
                  "sample SD over " + std::to_string(n) + " seeds of " + col.metric + " at " +
                      col.at + "; NaN unless the run is ok");
    std::vector<double> per_seed(runs * n);
    for (hsize_t r = 0; r < runs; ++r)
      for (std::size_t k = 0; k < n; ++k) per_seed[r * n + k] = records.metrics[c * n + k][r];
    write_doubles(g_r, col.name, per_seed, matrix, col.units,
                  col.metric + " at " + col.at +
                      " per seed (row: run, column: seed offset 0, 1, ...); NaN unless ok");
  }
}

}  // namespace

SweepRecords::SweepRecords(std::vector<MetricColumn> cols, std::size_t runs, std::size_t reps)
    : columns(std::move(cols)),
      replicates(reps),
      status(runs, RunStatus::pending),
      error(runs),
      wall_seconds(runs, std::nan("")),
      metrics(columns.size() * reps, std::vector<double>(runs, std::nan(""))) {}

std::vector<std::string> SweepRecords::value_names() const {
  std::vector<std::string> names;
  for (const auto& c : columns) {
    if (replicates == 1) names.push_back(c.name);
    for (std::size_t k = 1; replicates > 1 && k <= replicates; ++k)
      names.push_back(c.name + "#" + std::to_string(k));
  }
  return names;
}

std::vector<std::vector<double>> SweepRecords::means() const {
  return replicates == 1 ? metrics : per_point(*this, false);
}

std::vector<std::vector<double>> SweepRecords::sds() const {
  return per_point(*this, true);
}

void write_summary_csv(const std::filesystem::path& file, const RunTable& table,
                       const SweepRecords& records) {
  std::ostringstream out;
  out << "run,status";
  for (std::size_t j = 0; j < table.width(); ++j)
    out << ','
        << csv_field(table.units[j].empty() ? table.keys[j]
                                            : table.keys[j] + " [" + table.units[j] + "]");
  for (const auto& c : records.columns) out << ',' << csv_field(c.name);
  for (std::size_t c = 0; records.replicates > 1 && c < records.columns.size(); ++c)
    out << ',' << csv_field(records.columns[c].name + " sd");
  out << ",error\n";
  const auto means = records.means();
  const auto sds = records.replicates > 1 ? records.sds() : decltype(means){};
  for (std::size_t r = 0; r < table.runs; ++r) {
    out << r << ',' << to_string(records.status[r]);
    for (std::size_t j = 0; j < table.width(); ++j)
      out << ','
          << (table.numeric[j] ? cell(table.number[r * table.width() + j])
                               : csv_field(table.value(r, j)));
    for (const auto& m : means) out << ',' << cell(m[r]);
    for (const auto& s : sds) out << ',' << cell(s[r]);
    out << ',' << csv_field(records.error[r]) << '\n';
  }
  io::AtomicFile csv(file);
  csv.write(out.str());
  csv.commit();
}

void write_summary_h5(const std::filesystem::path& file, const SweepSpec& spec,
                      const RunTable& table, const SweepRecords& records,
                      const std::vector<ColumnSensitivity>& sensitivity) {
  io::AtomicFile atomic(file);
  {
    h5::Handle root = h5::create_file(atomic.temporary().string());
    std::int64_t ok = 0, failed = 0;
    for (auto s : records.status) {
      ok += s == RunStatus::ok;
      failed += s == RunStatus::failed;
    }
    const auto runs = static_cast<std::int64_t>(table.runs);
    h5::write_attribute(root, "dermasim_version", version());
    h5::write_attribute(root, "created", io::iso8601_now());
    h5::write_attribute(root, "sweep_name", spec.name);
    h5::write_attribute(root, "design", to_string(table.design.kind));
    h5::write_attribute(root, "seed", static_cast<std::int64_t>(spec.seed));
    h5::write_attribute(root, "base_samples", static_cast<std::int64_t>(table.design.samples));
    h5::write_attribute(root, "trajectories", static_cast<std::int64_t>(table.design.trajectories));
    h5::write_attribute(root, "levels", static_cast<std::int64_t>(table.design.levels));
    h5::write_attribute(root, "runs_total", runs);
    h5::write_attribute(root, "runs_ok", ok);
    h5::write_attribute(root, "runs_failed", failed);
    h5::write_attribute(root, "runs_pending", runs - ok - failed);
    h5::write_attribute(root, "replicates", static_cast<std::int64_t>(records.replicates));
    h5::write_string_dataset(root, "sweep", spec.text);
    h5::write_string_dataset(root, "base_scenario", spec.base_text);
    if (!spec.base_resolved.empty())
      h5::write_string_dataset(root, "base_scenario_resolved", spec.base_resolved);

    const hsize_t n = table.runs, k = table.width();
    const hsize_t column[] = {n};
    const hsize_t matrix[] = {n, k};
    // Each group closes at the end of its block, before the file: the file's strong close would
    // otherwise close them under their handles.
    {
      const h5::Handle g_runs = h5::create_group(root, "runs");
      std::vector<std::int64_t> index(table.runs);
      std::vector<std::string> status(table.runs);
      for (std::size_t r = 0; r < table.runs; ++r) {
        index[r] = static_cast<std::int64_t>(r);
        status[r] = std::string(to_string(records.status[r]));
      }
      h5::write_dataset<std::int64_t>(g_runs, "index", index);
      h5::write_string_array_dataset(g_runs, "status", status);
      h5::write_string_array_dataset(g_runs, "error", records.error);
      write_doubles(g_runs, "wall_seconds", records.wall_seconds, column, "s",
                    "wall-clock time of the run, NaN while pending");
      write_doubles(g_runs, "design_point", table.unit_point, matrix, "1",
                    "design coordinates in [0, 1], one column per varied key");
      h5::write_string_array_dataset(g_runs, "keys", table.keys);
    }
    {
      const h5::Handle g_in = h5::create_group(root, "inputs");
      for (std::size_t j = 0; j < k; ++j) {
        if (table.numeric[j]) {
          std::vector<double> v(table.runs);
          for (std::size_t r = 0; r < table.runs; ++r) v[r] = table.number[r * k + j];
          write_doubles(g_in, table.keys[j], v, column, table.units[j],
                        "value of " + table.keys[j] + " in each run, in the sweep file's unit");
        } else {
          std::vector<std::string> v(table.runs);
          for (std::size_t r = 0; r < table.runs; ++r) v[r] = table.value(r, j);
          h5::write_string_array_dataset(g_in, table.keys[j], v);
        }
      }
    }
    write_metrics(root, records, n);
    write_sensitivity(root, sensitivity, spec.sensitivity);
    // Flush and close before the rename, so that failures surface as IoError here and the
    // renamed file is complete.
    h5::flush(root);
    root.close();
  }
  atomic.commit();
}

}  // namespace dermasim::sweep
