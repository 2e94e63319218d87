// Chemotactic transport  du/dt = -div(u v),  v = chi(z) grad c,  for cell densities u that climb
// the gradient of an attractant c. Conservative finite volumes: face velocities from centred
// differences of c, MUSCL reconstruction with the van Leer limiter, upwind fluxes, SSP-RK2
// (Heun) in time. Positivity preserving under the CFL condition
//   dt * sum_axes max|v| / h <= 1/2,
// which advance() enforces by sub-stepping. Boundaries carry zero flux (periodic laterally when
// the grid says so). Random motility is diffusion and belongs to DiffusionSolver.
#pragma once
#include <span>
#include <vector>

#include "dermasim/core/aligned.hpp"
#include "dermasim/core/grid.hpp"
#include "dermasim/core/threads.hpp"

namespace dermasim {

class ChemotaxisSolver {
 public:
  /// `sensitivity` holds chi per z row (mm^2 / (day * attractant unit)), size nz; the face
  /// value between rows is the arithmetic mean. advance() runs on `threads` threads.
  ChemotaxisSolver(const Grid& grid, std::vector<double> sensitivity, Threads threads);
  /// Advances every density in `densities` by dt days in the (frozen) field `attractant`.
  void advance(std::span<double* const> densities, const double* attractant, double dt);
  /// Sub-steps the last advance() needed.
  int last_substeps() const { return last_substeps_; }

 private:
  /// Fills vx_, vy_, vz_; returns the sum over axes of the largest face speed (mm/day).
  double compute_face_velocities(const double* attractant);
  /// out = u - dt div(u v), or, if average_with is given, out = (average_with + that) / 2
  /// (the closing average of SSP-RK2; out may then alias average_with).
  void euler_stage(const double* u, double* out, double dt, const double* average_with) const;
  const Grid& grid_;
  std::vector<double> sensitivity_;
  Threads threads_;
  AlignedVector<double> vx_, vy_, vz_;  // velocity on the low face of each cell, mm/day
  AlignedVector<double> stage_;         // first SSP-RK2 stage
  int last_substeps_ = 0;
};

}  // namespace dermasim
