// Local error estimate by the second divided difference of the solution (step_error.hpp).
#include "dermasim/numerics/step_error.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace dermasim {

void StepErrorEstimate::begin(const FieldSet& state, const FieldSet& start, const FieldSet& before,
                              double dt, double previous_dt) {
  state_ = &state;
  start_ = &start;
  before_ = &before;
  ratio_ = previous_dt > 0.0 ? dt / previous_dt : 0.0;
  weight_ = previous_dt > 0.0 ? dt / (dt + previous_dt) : 0.0;
  largest_.store(0, std::memory_order_relaxed);
}

void StepErrorEstimate::cells_done(std::size_t first, std::size_t count) {
  const double infinity = std::numeric_limits<double>::infinity();
  const double rtol = settings_.rtol;
  const double ratio = ratio_, weight = weight_;
  // Whatever the runs, the cells are taken a grid row at a time (a run starts at a row), so
  // which cells go through the vectorised body and which through its remainder (the two may
  // round differently) is fixed by the grid, not by how the operator hands them over.
  const std::size_t row = static_cast<std::size_t>(state_->grid().nx());
  std::uint64_t largest = 0;
  for (int f = 0; f < stepped_fields_; ++f) {
    const double* u = (*state_)[f].data();
    const double* start = (*start_)[f].data();
    const double* before = (*before_)[f].data();
    const double scale = (*state_)[f].info().scale;
    const double absolute = settings_.atol * scale;
    const double floor = settings_.non_negative ? -1e-12 * scale : -infinity;
    for (std::size_t from = first; from < first + count; from += row) {
      const std::size_t end = std::min(first + count, from + row);
      // Branch-free (selects only), so that the loop vectorises. Every e is +0 .. +inf or NaN (a
      // value below the floor counts as infinite, a NaN value as NaN); for such values the
      // order of the bit patterns as unsigned integers is the numeric order with every NaN
      // above +inf, so an exact integer max finds the largest error and keeps a NaN, which a
      // floating-point max would drop.
      for (std::size_t c = from; c < end; ++c) {
        const double du = u[c] - start[c];
        const double previous = start[c] - before[c];
        const double local = weight * std::abs(du - ratio * previous);
        const double scaled = local / (rtol * std::abs(u[c]) + absolute);
        const double e = u[c] >= floor ? scaled : (u[c] == u[c] ? infinity : u[c]);
        largest = std::max(largest, std::bit_cast<std::uint64_t>(std::abs(e)));
      }
    }
  }
  // Runs are handed over concurrently; the maximum of integers is exact in any order, so the
  // estimate does not depend on the number of threads.
  std::uint64_t seen = largest_.load(std::memory_order_relaxed);
  while (largest > seen &&
         !largest_.compare_exchange_weak(seen, largest, std::memory_order_relaxed)) {
  }
}

double StepErrorEstimate::largest() const {
  return std::bit_cast<double>(largest_.load(std::memory_order_relaxed));
}

}  // namespace dermasim
