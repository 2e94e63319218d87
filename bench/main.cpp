// Benchmark entry point: strips --smoke, measures the triad bandwidth, runs the benchmarks.
// Pin threads for stable numbers: OMP_PROC_BIND=close OMP_PLACES=cores (docs/performance.md).
#include <benchmark/benchmark.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "bandwidth.hpp"
#include "dermasim/core/aligned.hpp"

namespace dermasim::bench {
namespace {

struct Settings {
  bool smoke = false;
  double triad = 0.0;
};
Settings& settings() {
  static Settings s;
  return s;
}

double measure_triad(std::size_t n, int repetitions) {
  AlignedVector<double> a(n), b(n), c(n);
#pragma omp parallel for schedule(static)
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = 0.0;
    b[i] = 1.0;
    c[i] = 2.0;
  }
  double best = 1e30;
  for (int r = 0; r < repetitions; ++r) {
    const auto start = std::chrono::steady_clock::now();
#pragma omp parallel for schedule(static)
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] + 3.0 * c[i];
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, seconds);
  }
  benchmark::DoNotOptimize(a.data());
  return 24.0 * n / best;
}

}  // namespace

double triad_bandwidth() {
  return settings().triad;
}
bool smoke_run() {
  return settings().smoke;
}

void report(benchmark::State& state, double updates, double bytes, double cells) {
  const double iterations = static_cast<double>(state.iterations());
  state.counters["updates/s"] =
      benchmark::Counter(updates * iterations, benchmark::Counter::kIsRate);
  // The inverse, in ns per cell-field update (cell-step of one field): what a user's run pays.
  state.counters["ns/update"] = benchmark::Counter(
      updates * iterations * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  if (cells > 0.0) {
    // Per cell (every field the kernel updates) and step: the unit of a run's cost.
    state.counters["ns/cell-step"] = benchmark::Counter(
        cells * iterations * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  }
  state.counters["bytes/s"] = benchmark::Counter(bytes * iterations, benchmark::Counter::kIsRate,
                                                 benchmark::Counter::OneK::kIs1024);
  if (triad_bandwidth() > 0.0) {
    state.counters["triad_fraction"] =
        benchmark::Counter(bytes * iterations / triad_bandwidth(), benchmark::Counter::kIsRate);
  }
}

}  // namespace dermasim::bench

int main(int argc, char** argv) {
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--smoke") == 0) {
      dermasim::bench::settings().smoke = true;
    } else {
      args.push_back(argv[i]);
    }
  }
  const bool smoke = dermasim::bench::settings().smoke;
  // 3 arrays x 128 MiB: far beyond any cache on this machine.
  dermasim::bench::settings().triad =
      dermasim::bench::measure_triad(smoke ? (1u << 20) : (1u << 24), smoke ? 2 : 20);
  std::printf("STREAM triad: %.2f GB/s with %d threads\n", dermasim::bench::settings().triad / 1e9,
              omp_get_max_threads());
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
