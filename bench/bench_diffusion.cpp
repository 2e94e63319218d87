// Implicit LOD diffusion of several fields: one backward-Euler step per field per iteration.
// Bytes counted: 16 per cell and sweep (read + write; each bundle's forward and backward passes
// stay in cache), i.e. 48 per cell-field update for the three sweeps in 3D, 32 in 2D.
#include <memory>
#include <vector>

#include "bandwidth.hpp"
#include "dermasim/numerics/diffusion.hpp"
#include "grids.hpp"
#include "machine_threads.hpp"

namespace dermasim::bench {
namespace {

void BM_Diffusion(benchmark::State& state) {
  const int dimensions = static_cast<int>(state.range(0));
  const int fields = static_cast<int>(state.range(1));
  const Grid g = bench_grid(dimensions);
  FieldSet s = bench_fields(g, fields);
  std::vector<std::unique_ptr<DiffusionSolver>> solvers;
  for (int f = 0; f < fields; ++f) {
    solvers.push_back(std::make_unique<DiffusionSolver>(g, layered_diffusivity(g, 0.3 + 0.1 * f),
                                                        machine_threads()));
  }
  for (auto _ : state) {
    for (int f = 0; f < fields; ++f) solvers[f]->advance(s[f].data(), 0.05);
    benchmark::ClobberMemory();
  }
  const double updates = static_cast<double>(g.cells()) * fields;
  report(state, updates, updates * 16.0 * dimensions, static_cast<double>(g.cells()));
}
BENCHMARK(BM_Diffusion)
    ->ArgNames({"dim", "fields"})
    ->Args({3, 1})
    ->Args({3, 4})
    ->Args({2, 4})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace dermasim::bench
