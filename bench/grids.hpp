// Benchmark grids of issue 2: a 3D 128^3 block and a 2D 1024 x 512 section (20 um spacing), or
// small stand-ins in a smoke run. Fields are filled with smooth, non-trivial data.
#pragma once
#include <cmath>

#include "bandwidth.hpp"
#include "dermasim/core/field.hpp"

namespace dermasim::bench {

inline Grid bench_grid(int dimensions) {
  if (smoke_run()) return dimensions == 3 ? Grid(3, 16, 16, 16, 0.02) : Grid(2, 64, 1, 32, 0.02);
  return dimensions == 3 ? Grid(3, 128, 128, 128, 0.02) : Grid(2, 1024, 1, 512, 0.02);
}

inline FieldSet bench_fields(const Grid& g, int count) {
  FieldSet s(g);
  for (int f = 0; f < count; ++f) {
    const int id = s.add({"field" + std::to_string(f), "1", "benchmark data", 1.0});
    for (std::size_t c = 0; c < g.cells(); ++c) s[id][c] = 1.0 + 0.5 * std::sin(1e-3 * c + f);
  }
  return s;
}

/// Layered diffusivity: epidermis, papillary and reticular dermis, hypodermis (mm^2/day).
inline std::vector<double> layered_diffusivity(const Grid& g, double scale) {
  std::vector<double> d(g.nz());
  for (int k = 0; k < g.nz(); ++k) {
    const double z = g.z(k);
    d[k] = scale * (z < 0.06 ? 0.2 : z < 0.3 ? 1.0 : z < 1.7 ? 0.8 : 0.5);
  }
  return d;
}

}  // namespace dermasim::bench
