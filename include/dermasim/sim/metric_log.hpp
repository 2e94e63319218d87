// An Observer that keeps every metric sample of a run in memory and passes every output on to
// another observer: replicate runs compare whole metric series after the runs have ended.
#pragma once
#include <vector>

#include "dermasim/sim/simulation.hpp"

namespace dermasim::sim {

class MetricLog : public Observer {
 public:
  explicit MetricLog(Observer& next) : next_(next) {}

  void on_metrics(double time, const model::MetricValues& values) override {
    times.push_back(time);
    values_.push_back(values);
    next_.on_metrics(time, values);
  }
  void on_snapshot(double time, const FieldSet& state) override { next_.on_snapshot(time, state); }
  void on_event(double time, const EventRecord& record) override { next_.on_event(time, record); }
  void on_progress(const Progress& progress) override { next_.on_progress(progress); }

  /// Metric `m` at every sample, in time order.
  std::vector<double> series(int m) const {
    std::vector<double> s;
    s.reserve(values_.size());
    for (const auto& v : values_) s.push_back(v[m]);
    return s;
  }

  std::vector<double> times;  ///< days, one per sample

 private:
  Observer& next_;
  std::vector<model::MetricValues> values_;
};

}  // namespace dermasim::sim
