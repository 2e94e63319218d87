// Chemotaxis of two densities in one attractant, one sub-step (Courant number below 1/2).
// Bytes counted per cell: face velocities (read c, write d velocities), two SSP-RK2 stages per
// density (read u and d velocities, write one; the second also reads u for the closing
// average it applies).
#include <array>

#include "bandwidth.hpp"
#include "dermasim/numerics/chemotaxis.hpp"
#include "grids.hpp"
#include "machine_threads.hpp"

namespace dermasim::bench {
namespace {

void BM_Chemotaxis(benchmark::State& state) {
  const int dimensions = static_cast<int>(state.range(0));
  const Grid g = bench_grid(dimensions);
  FieldSet s = bench_fields(g, 3);
  ChemotaxisSolver solver(g, std::vector<double>(g.nz(), 1e-5), machine_threads());
  std::array<double*, 2> densities{s[0].data(), s[1].data()};
  for (auto _ : state) {
    solver.advance(densities, s[2].data(), 0.01);
    benchmark::ClobberMemory();
  }
  state.counters["substeps"] = solver.last_substeps();
  const double cells = static_cast<double>(g.cells());
  const double per_density = 2.0 * (1 + dimensions + 1) + 1.0;
  report(state, 2.0 * cells, 8.0 * cells * ((1 + dimensions) + 2.0 * per_density), cells);
}
BENCHMARK(BM_Chemotaxis)
    ->ArgName("dim")
    ->Arg(3)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace dermasim::bench
