// The metric series of a results file: /metrics/time_days and one float64 series per
// declared metric, sampled by the driver (docs/model.md "Metrics"). Samples are buffered in
// memory and written by write_pending(), which the writer calls at every snapshot and at
// close, so that a flushed .partial holds the metrics up to its last snapshot.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "dermasim/io/hdf5_handle.hpp"
#include "dermasim/io/results_writer.hpp"

namespace dermasim::io {

class MetricSeries {
 public:
  /// An empty series in `metrics_group` (taken over).
  static MetricSeries create(h5::Handle metrics_group);
  /// The series already in `metrics_group`, cut back to its first `keep` samples.
  static MetricSeries reopen(h5::Handle metrics_group, std::size_t keep);

  /// Declares the metrics, once; their order is the order of every sample's values. On a
  /// reopened series the names must be those on disk (in any order).
  void declare(std::vector<MetricDeclaration> metrics);
  /// One sample: a value per declared metric, in declaration order (NaN: not available).
  void append(double time_days, std::span<const double> values);
  /// Writes the buffered samples.
  void write_pending();
  /// Samples so far, buffered ones included.
  std::size_t size() const { return written_ + pending_times_.size(); }
  /// Writes "<metric>.final", ".peak", ".peak_time_days" and ".units" attributes on
  /// `summary` for every metric with at least one non-NaN sample (after write_pending).
  void summarise(const h5::Handle& summary) const;
  /// Releases every handle without closing it (ResultsWriter::abandon).
  void abandon() noexcept;

 private:
  h5::Handle group_;
  h5::Handle times_;
  std::vector<MetricDeclaration> metrics_;
  std::vector<h5::Handle> datasets_;
  std::vector<double> pending_times_;
  std::vector<std::vector<double>> pending_;  // [metric][sample]
  std::size_t written_ = 0;
  bool declared_ = false;
};

}  // namespace dermasim::io
