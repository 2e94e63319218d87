// Manufactured-solution harness: runs a problem on a cube of side L with the production operators
// (TransportOperator + ReactionOperator composed by SplittingStepper, fixed steps) and returns the
// error against the exact solution at cell centres. Sources are added to the reaction kernel in
// production-loss form (S >= 0 produces; S < 0 is a loss rate -S/u, exact since u > 0).
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "dermasim/numerics/reaction.hpp"
#include "dermasim/numerics/splitting.hpp"
#include "dermasim/numerics/transport.hpp"

namespace dermasim::verification {

inline constexpr int kMmsFields = 2;

struct Point {
  double x, y, z, t;
};

struct MmsProblem {
  int dimensions = 2;
  double side = 1.0;  // mm
  std::function<double(int field, const Point&)> exact;
  std::function<double(int field, const Point&)> source;
  // Local model terms (besides the source), production-loss form; may be empty.
  std::function<void(const double* u, double* production, double* loss)> model;
  // Diffusivity of each field as a function of depth (0: not diffusing).
  std::function<double(int field, double z)> diffusivity;
  // Field 0 follows the gradient of field 1 with this sensitivity (0: no chemotaxis).
  double chemotaxis = 0.0;
};

struct MmsKernel {
  static constexpr int kFields = kMmsFields;
  const MmsProblem* problem;
  const Grid* grid;
  void rates(const ReactionCell& c, const double* u, double* p, double* l) const {
    for (int f = 0; f < kFields; ++f) p[f] = l[f] = 0.0;
    if (problem->model) problem->model(u, p, l);
    const Point at{grid->x(c.i), grid->dimensions() == 3 ? grid->y(c.j) : 0.0, grid->z(c.k), c.t};
    for (int f = 0; f < kFields; ++f) {
      const double s = problem->source(f, at);
      if (s >= 0.0) {
        p[f] += s;
      } else {
        l[f] += -s / std::max(u[f], 1e-300);
      }
    }
  }
};

struct MmsError {
  double l2 = 0.0;   // root mean square over cells, field 0
  double max = 0.0;  // max norm, field 0
};

inline FieldSet mms_initial_state(const MmsProblem& problem, int n) {
  const double h = problem.side / n;
  Grid grid(problem.dimensions, n, problem.dimensions == 3 ? n : 1, n, h);
  FieldSet state(grid);
  for (int f = 0; f < kMmsFields; ++f) {
    // Appending (not "u" + string) avoids GCC 12's false -Wrestrict (GCC bug 105329).
    std::string name = "u";
    name += std::to_string(f);
    state.add({name, "1", "mms", 1.0});
  }
  for (int k = 0; k < grid.nz(); ++k) {
    for (int j = 0; j < grid.ny(); ++j) {
      for (int i = 0; i < grid.nx(); ++i) {
        const Point at{grid.x(i), problem.dimensions == 3 ? grid.y(j) : 0.0, grid.z(k), 0.0};
        for (int f = 0; f < kMmsFields; ++f) state[f][grid.index(i, j, k)] = problem.exact(f, at);
      }
    }
  }
  return state;
}

/// Runs `steps` fixed steps of size end_time / steps on an n^d grid; returns the final state.
inline FieldSet mms_run(const MmsProblem& problem, int n, double end_time, int steps) {
  FieldSet state = mms_initial_state(problem, n);
  const Grid& grid = state.grid();
  std::vector<DiffusionSpec> diffusion;
  for (int f = 0; f < kMmsFields; ++f) {
    std::vector<double> d(grid.nz());
    for (int k = 0; k < grid.nz(); ++k) d[k] = problem.diffusivity(f, grid.z(k));
    if (std::any_of(d.begin(), d.end(), [](double v) { return v > 0.0; })) {
      diffusion.push_back({f, d});
    }
  }
  std::vector<ChemotaxisSpec> chemotaxis;
  if (problem.chemotaxis > 0.0) {
    chemotaxis.push_back({{0}, 1, std::vector<double>(grid.nz(), problem.chemotaxis)});
  }
  TransportOperator transport(grid, diffusion, chemotaxis, Threads(1));
  ReactionOperator<MmsKernel> reaction(MmsKernel{&problem, &grid}, Threads(1));
  SplittingStepper stepper(reaction, transport);
  const double dt = end_time / steps;
  for (int s = 0; s < steps; ++s) stepper.step(state, s * dt, dt);
  return state;
}

inline MmsError mms_error(const MmsProblem& problem, const FieldSet& state, double time) {
  const Grid& grid = state.grid();
  MmsError e;
  double sum = 0.0;
  for (int k = 0; k < grid.nz(); ++k) {
    for (int j = 0; j < grid.ny(); ++j) {
      for (int i = 0; i < grid.nx(); ++i) {
        const Point at{grid.x(i), problem.dimensions == 3 ? grid.y(j) : 0.0, grid.z(k), time};
        const double d = std::abs(state[0][grid.index(i, j, k)] - problem.exact(0, at));
        sum += d * d;
        e.max = std::max(e.max, d);
      }
    }
  }
  e.l2 = std::sqrt(sum / grid.cells());
  return e;
}

/// psi(z) = int_0^z sin(pi s / L) / D(s) ds for D = d1 above z = L/2 and d2 below: continuous,
/// with continuous flux D psi' = sin(pi z / L) (zero at both ends) and
/// d/dz (D psi') = (pi / L) cos(pi z / L). Lets a manufactured solution cross a coefficient jump.
inline double layered_psi(double z, double d1, double d2, double side) {
  const double pi = 3.14159265358979323846, a = 0.5 * side, w = side / pi;
  if (z < a) return w * (1.0 - std::cos(pi * z / side)) / d1;
  return w * (1.0 - std::cos(pi * a / side)) / d1 +
         w * (std::cos(pi * a / side) - std::cos(pi * z / side)) / d2;
}

/// Observed orders log2(e_coarse / e_fine) of a sequence of errors at halved resolution.
inline std::vector<double> observed_orders(const std::vector<double>& errors) {
  std::vector<double> orders;
  for (std::size_t i = 1; i < errors.size(); ++i) {
    orders.push_back(std::log2(errors[i - 1] / errors[i]));
  }
  return orders;
}

/// Errors and observed orders (field 0) over a sequence of halved spacings.
struct SpaceConvergence {
  std::vector<double> l2, max, l2_orders, max_orders;
};

/// Runs `problem` on each resolution with steps(n) fixed steps to end_time, and prints the
/// convergence table (visible with `ctest -V`).
template <class Steps>
SpaceConvergence space_convergence(const char* label, const MmsProblem& problem,
                                   const std::vector<int>& resolutions, double end_time,
                                   Steps steps) {
  SpaceConvergence c;
  for (int n : resolutions) {
    const MmsError e = mms_error(problem, mms_run(problem, n, end_time, steps(n)), end_time);
    c.l2.push_back(e.l2);
    c.max.push_back(e.max);
  }
  c.l2_orders = observed_orders(c.l2);
  c.max_orders = observed_orders(c.max);
  for (std::size_t i = 0; i < c.l2_orders.size(); ++i) {
    std::printf("%s %dD n=%d: L2 %.3e order %.2f, max %.3e order %.2f\n", label, problem.dimensions,
                resolutions[i + 1], c.l2[i + 1], c.l2_orders[i], c.max[i + 1], c.max_orders[i]);
  }
  return c;
}

/// Observed orders in time on a fixed n^d grid: max-norm differences over all fields from a run
/// with `reference_steps` steps (which removes the spatial error), for each count in `steps`.
inline std::vector<double> time_orders(const char* label, const MmsProblem& problem, int n,
                                       double end_time, const std::vector<int>& steps,
                                       int reference_steps) {
  const FieldSet reference = mms_run(problem, n, end_time, reference_steps);
  std::vector<double> errors;
  for (int count : steps) {
    const FieldSet run = mms_run(problem, n, end_time, count);
    double m = 0.0;
    for (int f = 0; f < kMmsFields; ++f) {
      for (std::size_t c = 0; c < run[f].size(); ++c) {
        m = std::max(m, std::abs(run[f][c] - reference[f][c]));
      }
    }
    errors.push_back(m);
  }
  const std::vector<double> orders = observed_orders(errors);
  for (double order : orders) std::printf("%s time order %.2f\n", label, order);
  return orders;
}

}  // namespace dermasim::verification
