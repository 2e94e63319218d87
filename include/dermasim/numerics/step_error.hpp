// The step controller's local error estimate (first-order methods),
//   e_n ~ h_n / (h_n + h_{n-1}) * | du_n - (h_n / h_{n-1}) du_{n-1} |,
// the second divided difference of the solution (du = increment of a step), in the weighted max
// norm with w = rtol * |u| + atol * scale_f per field. The increments are differences of the
// stored states: the new state, the start of the step and the start of the step before.
// It is a CellObserver: the last operator of a step hands it each run of cells as soon as the run
// is final, so the estimate reads the new values while they are still in cache, and the two
// stored starts as a stream beside the operator's own work, instead of in a pass of its own
// over all three states.
#pragma once
#include <atomic>
#include <cstdint>

#include "dermasim/core/field.hpp"
#include "dermasim/numerics/operator.hpp"

namespace dermasim {

struct StepErrorSettings {
  double rtol;
  double atol;
  bool non_negative;  ///< a value below -1e-12 * scale counts as an infinite error
};

class StepErrorEstimate : public CellObserver {
 public:
  /// Fields 0 .. stepped_fields-1 are estimated; the others do not change in a step (error 0).
  StepErrorEstimate(StepErrorSettings settings, int stepped_fields)
      : settings_(settings), stepped_fields_(stepped_fields) {}
  /// Starts the estimate of a step of size dt from `start` into `state`; `before` is the start
  /// of the step before, previous_dt its size (0: no history, the error is then 0 unless a value
  /// is negative or NaN). The three must outlive the step.
  void begin(const FieldSet& state, const FieldSet& start, const FieldSet& before, double dt,
             double previous_dt);
  void cells_done(std::size_t first, std::size_t count) override;
  /// The largest weighted error over every cell handed over since begin(): +0 .. +inf, or a
  /// NaN if the state holds one (a NaN ranks above +inf, so none is lost).
  double largest() const;

 private:
  StepErrorSettings settings_;
  int stepped_fields_;
  const FieldSet* state_ = nullptr;
  const FieldSet* start_ = nullptr;
  const FieldSet* before_ = nullptr;
  double ratio_ = 0.0;
  double weight_ = 0.0;
  // The maximum over the bit patterns of the non-negative errors (see cells_done).
  std::atomic<std::uint64_t> largest_{0};
};

}  // namespace dermasim
