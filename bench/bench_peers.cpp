// The workload BioFVM and paraBioFVM publish: implicit LOD diffusion-decay on a 100^3 block of
// 20 um voxels, zero-flux boundaries, D = 1000 um^2/min, decay 0.1 /min, dt = 0.01 min, fp64,
// 1 and 8 fields. Integrated as the engine integrates diffusion and decay: a Strang step of
// the reaction operator (decay as a production-loss kernel, exact exponential) around the
// transport operator (LOD backward Euler of every field). Bytes counted per cell-field update:
// the transport's passes over memory, 16 each (read + write): two when the fields divide among
// the threads (each field swept whole by one thread), three otherwise (each axis shared); plus
// 16 for each of the two half reaction passes.
#include <array>
#include <cmath>
#include <vector>

#include "bandwidth.hpp"
#include "dermasim/numerics/reaction.hpp"
#include "dermasim/numerics/splitting.hpp"
#include "dermasim/numerics/transport.hpp"
#include "machine_threads.hpp"

namespace dermasim::bench {
namespace {

constexpr double kMinutesPerDay = 1440.0;
constexpr double kDiffusivity = 1000e-6 * kMinutesPerDay;  // mm^2/day
constexpr double kDecay = 0.1 * kMinutesPerDay;            // /day
constexpr double kStep = 0.01 / kMinutesPerDay;            // day

double transport_bytes(int fields) {
  return fields % machine_threads().count() == 0 ? 32.0 : 48.0;
}

template <int N>
struct DecayKernel {
  static constexpr int kFields = N;
  static constexpr auto kRowConstantLoss = [] {  // one decay constant everywhere
    std::array<bool, N> constant{};
    constant.fill(true);
    return constant;
  }();
  template <class In, class Out>
  void rates(const ReactionCell&, const In&, Out&& p, Out&& l) const {
    for (int f = 0; f < N; ++f) {
      p[f] = 0.0;
      l[f] = kDecay;
    }
  }
};

// `count` smooth fields on `s`, each diffusing with the peers' D everywhere.
std::vector<DiffusionSpec> add_peer_fields(FieldSet& s, int count) {
  const Grid& g = s.grid();
  std::vector<DiffusionSpec> specs;
  for (int f = 0; f < count; ++f) {
    const int id = s.add({"field" + std::to_string(f), "1", "benchmark data", 1.0});
    for (std::size_t c = 0; c < g.cells(); ++c) s[id][c] = 1.0 + 0.5 * std::sin(1e-3 * c + f);
    specs.push_back({id, std::vector<double>(g.nz(), kDiffusivity)});
  }
  return specs;
}

template <int N>
void BM_PeerDiffusionDecay(benchmark::State& state) {
  const int n = smoke_run() ? 16 : 100;
  const Grid g(3, n, n, n, 0.02);
  FieldSet s(g);
  std::vector<DiffusionSpec> specs = add_peer_fields(s, N);
  ReactionOperator<DecayKernel<N>> reaction{DecayKernel<N>{}, machine_threads()};
  TransportOperator transport(g, std::move(specs), {}, machine_threads());
  SplittingStepper stepper(reaction, transport);
  for (auto _ : state) {
    stepper.step(s, 0.0, kStep);
    benchmark::ClobberMemory();
  }
  const double updates = static_cast<double>(g.cells()) * N;
  report(state, updates, updates * (transport_bytes(N) + 2 * 16.0), static_cast<double>(g.cells()));
}

// The transport operator's share of the step alone (the LOD diffusion of every field), to
// tell the sweeps' cost from the reaction passes'.
template <int N>
void BM_PeerDiffusionOnly(benchmark::State& state) {
  const int n = smoke_run() ? 16 : 100;
  const Grid g(3, n, n, n, 0.02);
  FieldSet s(g);
  std::vector<DiffusionSpec> specs = add_peer_fields(s, N);
  TransportOperator transport(g, std::move(specs), {}, machine_threads());
  for (auto _ : state) {
    transport.advance(s, 0.0, kStep);
    benchmark::ClobberMemory();
  }
  const double updates = static_cast<double>(g.cells()) * N;
  report(state, updates, updates * transport_bytes(N), static_cast<double>(g.cells()));
}

// The CPU column is the whole process's (every thread's) CPU time: under load, wall time
// measures the neighbours.
BENCHMARK(BM_PeerDiffusionDecay<1>)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_PeerDiffusionDecay<8>)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_PeerDiffusionOnly<1>)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();
BENCHMARK(BM_PeerDiffusionOnly<8>)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

}  // namespace
}  // namespace dermasim::bench
