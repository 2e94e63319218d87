// The number of threads a computation runs on. It is decided once, by whoever starts the work
// (the command line's --threads, a sweep's threads_per_run, a test), carried by the run's
// configuration and handed to every operator at construction, which gives it to each of its
// parallel loops as OpenMP's num_threads clause. The library neither sets nor reads OpenMP's
// global thread count, so two runs in one process (a sweep's worker threads, a test comparing
// 1 and 2 threads) cannot change each other's. Results never depend on the count
// (docs/numerics.md "Determinism").
#pragma once
#include <string>

#include "dermasim/core/error.hpp"

namespace dermasim {

class Threads {
 public:
  /// Throws InputError for a count below 1.
  explicit Threads(int count) : count_(count) {
    if (count < 1) throw InputError("thread count " + std::to_string(count) + ": must be >= 1");
  }
  int count() const { return count_; }
  friend bool operator==(Threads, Threads) = default;

 private:
  int count_;
};

}  // namespace dermasim
