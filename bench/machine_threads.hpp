// The thread count of the benchmarks: as many as OpenMP would start on this machine
// (OMP_NUM_THREADS, else the cores), as `dermasim run` takes by default; passed to the
// operators explicitly like every other count.
#pragma once
#include <omp.h>

#include "dermasim/core/threads.hpp"

namespace dermasim::bench {

inline Threads machine_threads() {
  return Threads(omp_get_max_threads());
}

}  // namespace dermasim::bench
