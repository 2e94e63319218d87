// Metric series of a results file (see metric_series.hpp).
#include "dermasim/io/metric_series.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace {

constexpr std::string_view kTimes = "time_days";

h5::Handle new_series(const h5::Handle& group, std::string_view name, std::string_view unit,
                      std::string_view description) {
  const hsize_t dims[] = {0};
  h5::Storage storage;
  storage.extendible = true;
  storage.chunk = {1024};
  storage.fletcher32 = true;
  h5::Handle series = h5::create_dataset(group, name, h5::TypeOf<double>::file(), dims, storage);
  describe(series, unit, description);
  return series;
}

std::string text_attribute(const h5::Handle& dataset, std::string_view name) {
  return h5::has_attribute(dataset, name) ? h5::read_string_attribute(dataset, name) : "";
}

}  // namespace

MetricSeries MetricSeries::create(h5::Handle metrics_group) {
  MetricSeries series;
  series.group_ = std::move(metrics_group);
  series.times_ = new_series(series.group_, kTimes, "day", "simulated time of each metric sample");
  return series;
}

MetricSeries MetricSeries::reopen(h5::Handle metrics_group, std::size_t keep) {
  MetricSeries series;
  series.group_ = std::move(metrics_group);
  series.times_ = h5::open_dataset(series.group_, kTimes);
  if (h5::shape(series.times_).at(0) < keep) {
    throw IoError("cannot resume " + series.group_.where() + ": it holds fewer than " +
                  std::to_string(keep) + " samples");
  }
  h5::resize_rows(series.times_, keep);
  for (const std::string& name : h5::link_names(series.group_)) {
    if (name == kTimes) continue;
    h5::Handle dataset = h5::open_dataset(series.group_, name);
    h5::resize_rows(dataset, keep);
    series.metrics_.push_back(
        {name, text_attribute(dataset, "units"), text_attribute(dataset, "description")});
    series.datasets_.push_back(std::move(dataset));
  }
  series.pending_.assign(series.metrics_.size(), {});
  series.written_ = keep;
  series.declared_ = !series.metrics_.empty();
  return series;
}

void MetricSeries::declare(std::vector<MetricDeclaration> metrics) {
  if (declared_) {
    // A reopened file lists its series by name; samples come in the order declared now.
    std::vector<h5::Handle> datasets;
    for (const MetricDeclaration& m : metrics) {
      const auto it =
          std::find_if(metrics_.begin(), metrics_.end(),
                       [&](const MetricDeclaration& stored) { return stored.name == m.name; });
      if (it == metrics_.end() || metrics.size() != metrics_.size()) {
        throw Error("declare_metrics: metrics differ from those declared");
      }
      datasets.push_back(std::move(datasets_[static_cast<std::size_t>(it - metrics_.begin())]));
    }
    datasets_ = std::move(datasets);
    metrics_ = std::move(metrics);
    return;
  }
  for (const MetricDeclaration& info : metrics) {
    datasets_.push_back(new_series(group_, info.name, info.unit, info.description));
  }
  metrics_ = std::move(metrics);
  pending_.assign(metrics_.size(), {});
  declared_ = true;
}

void MetricSeries::append(double time_days, std::span<const double> values) {
  if (values.size() != metrics_.size()) {
    throw Error("append_metrics: " + std::to_string(values.size()) + " values for " +
                std::to_string(metrics_.size()) + " declared metrics");
  }
  for (std::size_t m = 0; m < values.size(); ++m) pending_[m].push_back(values[m]);
  pending_times_.push_back(time_days);
}

void MetricSeries::abandon() noexcept {
  group_.release();
  times_.release();
  for (h5::Handle& d : datasets_) d.release();
}

void MetricSeries::write_pending() {
  if (pending_times_.empty()) return;
  h5::append<double>(times_, pending_times_);
  for (std::size_t m = 0; m < metrics_.size(); ++m) {
    h5::append<double>(datasets_[m], pending_[m]);
    pending_[m].clear();
  }
  written_ += pending_times_.size();
  pending_times_.clear();
}

void MetricSeries::summarise(const h5::Handle& summary) const {
  const std::vector<double> times = h5::read_all<double>(times_);
  for (std::size_t m = 0; m < metrics_.size(); ++m) {
    const std::vector<double> values = h5::read_all<double>(datasets_[m]);
    std::size_t peak = values.size();
    for (std::size_t r = 0; r < values.size(); ++r) {
      if (!std::isnan(values[r]) && (peak == values.size() || values[r] > values[peak])) peak = r;
    }
    if (peak == values.size()) continue;
    const std::string& name = metrics_[m].name;
    h5::write_attribute(summary, name + ".final", values.back());
    h5::write_attribute(summary, name + ".peak", values[peak]);
    h5::write_attribute(summary, name + ".peak_time_days", times[peak]);
    h5::write_attribute(summary, name + ".units", std::string_view(metrics_[m].unit));
  }
}

}  // namespace dermasim::io
