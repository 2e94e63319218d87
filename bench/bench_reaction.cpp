// Local reaction integration (exponential Heun) of a nine-field kernel shaped like the tissue
// model: saturating growth-factor terms, logistic growth, exponential losses. Bytes counted:
// read and write every field once per cell (16 bytes per cell-field update).
#include "bandwidth.hpp"
#include "dermasim/numerics/reaction.hpp"
#include "grids.hpp"
#include "machine_threads.hpp"

namespace dermasim::bench {
namespace {

struct NineFieldKernel {
  static constexpr int kFields = 9;
  // A template, as TissueKernel's, so that ReactionOperator vectorises it across cells.
  template <class In, class Out>
  void rates(const ReactionCell& cell, const In& u, Out&& p, Out&& l) const {
    const double g = u[2] / (1.0 + u[2]);
    const double layer = cell.k < 3 ? 4.0 : 0.7;
    p[0] = 0.0;
    l[0] = layer;
    p[1] = 0.8 * u[0];
    l[1] = 0.9;
    p[2] = 2.0 * u[1] + 0.1 * (u[3] + u[4]) * g;
    l[2] = 10.0;
    p[3] = 0.6 * g * u[3] + 0.1 * u[4];
    l[3] = 0.6 * g * (u[3] + u[4]) / 4.0 + 0.1 * g + 0.05;
    p[4] = 0.1 * g * u[3];
    l[4] = 0.16;
    p[5] = 0.9 * (u[3] + u[4]) * (1.0 + u[1] + g);
    l[5] = 0.9;
    p[6] = 1e-4 * (u[3] + 2.0 * u[4]) * (1.0 + 5.0 * g) * (1.0 - u[0]);
    l[6] = 0.015 + 0.02 * u[5];
    p[7] = 0.015 * u[6];
    l[7] = 1.3e-4 * u[5];
    p[8] = u[1] > 0.2 ? u[1] - 0.2 : 0.0;
    l[8] = 0.0;
  }
};

void BM_Reaction(benchmark::State& state) {
  const int dimensions = static_cast<int>(state.range(0));
  const Grid g = bench_grid(dimensions);
  FieldSet s = bench_fields(g, NineFieldKernel::kFields);
  ReactionOperator<NineFieldKernel> reaction(NineFieldKernel{}, machine_threads());
  for (auto _ : state) {
    reaction.advance(s, 0.0, 0.1);
    benchmark::ClobberMemory();
  }
  const double updates = static_cast<double>(g.cells()) * NineFieldKernel::kFields;
  report(state, updates, 16.0 * updates, static_cast<double>(g.cells()));
}
BENCHMARK(BM_Reaction)
    ->ArgName("dim")
    ->Arg(3)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_Triad(benchmark::State& state) {
  const std::size_t n = smoke_run() ? (1u << 16) : (1u << 24);
  AlignedVector<double> a(n, 0.0), b(n, 1.0), c(n, 2.0);
  for (auto _ : state) {
#pragma omp parallel for schedule(static)
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] + 3.0 * c[i];
    benchmark::ClobberMemory();
  }
  report(state, static_cast<double>(n), 24.0 * n, static_cast<double>(n));
}
BENCHMARK(BM_Triad)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace dermasim::bench
