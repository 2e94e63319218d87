// Implicit diffusion  du/dt = div(D(z) grad u)  on a Grid, by locally one-dimensional (LOD)
// backward Euler: one tridiagonal sweep per axis (x, then y in 3D, then z). Cell-centred finite
// volumes, second order in space; D is constant within a z row (tissue layer) and the face
// coefficient between rows is the harmonic mean. First order in time, unconditionally stable,
// positivity preserving (M-matrix) and exactly conservative with no-flux boundaries.
// Lateral boundaries follow the grid (no-flux or periodic); surface and bottom are no-flux.
#pragma once
#include <span>
#include <vector>

#include "dermasim/core/grid.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/numerics/tridiagonal.hpp"

namespace dermasim {

class DiffusionSolver {
 public:
  /// `diffusivity` holds D per z row (mm^2/day), size nz, all >= 0; advance() sweeps on
  /// `threads` threads.
  DiffusionSolver(const Grid& grid, std::vector<double> diffusivity, Threads threads);
  /// Advances u (grid.cells() values) by dt days. Factorizations are cached and rebuilt only
  /// when dt changes.
  void advance(double* u, double dt);
  /// Advances fields[n] with solvers[n] (all on one grid) by dt days on `threads` threads: the
  /// same results as calling advance() on each, but every field's sweeps along an axis share
  /// one parallel loop, so a step costs one barrier per axis instead of one per field and axis.
  static void advance(Threads threads, std::span<DiffusionSolver* const> solvers,
                      std::span<double* const> fields, double dt);
  const std::vector<double>& diffusivity() const { return diffusivity_; }

 private:
  void refactor(double dt);
  // Work units of one sweep (fixed by the grid, not by the thread count) and the sweep of one.
  std::size_t x_units() const;
  std::size_t y_units() const;
  std::size_t z_units() const;
  void sweep_x(double* u, std::size_t unit) const;
  void sweep_y(double* u, std::size_t unit) const;
  void sweep_z(double* u, std::size_t unit) const;
  // All three sweeps of the whole field by the calling thread; the x- and y-sweeps and the
  // z elimination step of plane k, given the plane above (or p itself for k = 0).
  void sweep_fused(double* u) const;
  void sweep_plane(double* p, const double* above, std::size_t k) const;
  const Grid& grid_;
  std::vector<double> diffusivity_;
  Threads threads_;
  double factored_dt_ = -1.0;
  std::vector<TridiagonalFactor> x_factors_;  // one per z row (D differs by row)
  std::vector<int> x_factor_of_row_;          // rows sharing D share a factor
  std::vector<TridiagonalFactor> y_factors_;
  TridiagonalFactor z_factor_;
};

}  // namespace dermasim
