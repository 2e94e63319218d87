// Chemotaxis: conservative MUSCL upwind fluxes with the van Leer limiter and SSP-RK2 stages.
// Face velocity on the low face of cell m along an axis: v = chi_face * (c_m - c_{m-1}) / h.
// Face flux: v+ * (u_L + s_L / 2) + v- * (u_R - s_R / 2), with limited slopes s; the limiter keeps
// reconstructed face values between neighbouring cell values, which with the CFL bound of
// chemotaxis.hpp keeps densities non-negative.
// Loop layer: one x row at a time (a row belongs to one thread). The row's nx + 1 x-faces are
// computed once; the y- and z-faces of the row are computed across whole neighbour rows found
// by direct strides. Every inner loop is unit-stride and branch-free (selects), so it vectorises;
// which code path a cell takes depends only on its position, never on the thread count.
#include "dermasim/numerics/chemotaxis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

constexpr double kCfl = 0.5;  // positivity bound for MUSCL + forward Euler stages

double van_leer(double a, double b) {
  const double ab = a * b;
  const bool same_sign = ab > 0.0;
  // The divisor is replaced where the result is discarded, so no lane divides by zero.
  return same_sign ? 2.0 * ab / (same_sign ? a + b : 1.0) : 0.0;
}

// Upwind flux through a face with velocity v between cells ul (low side) and ur (high side),
// whose outer neighbours are ull and urr: the slope pair and value of the upwind side go
// through one limiter call.
double face_flux(double v, double ull, double ul, double ur, double urr) {
  const bool forward = v > 0.0;
  const double a = forward ? ul - ull : ur - ul;
  const double b = forward ? ur - ul : urr - ur;
  const double upwind = forward ? ul : ur;
  const double half = forward ? 0.5 : -0.5;
  return v * (upwind + half * van_leer(a, b));
}

// Position p + d along an axis of n cells: wrapped if periodic, else held at the ends (the
// zero-gradient ghost of a no-flux wall).
int shifted(int p, int d, int n, bool periodic) {
  const int q = p + d;
  return periodic ? (q % n + n) % n : std::clamp(q, 0, n - 1);
}

// Fluxes through the nx + 1 x-faces of one row (face f is the low face of cell f).
void x_face_fluxes(const double* u, const double* v, int n, bool periodic, double* flux) {
  for (int f = 2; f < n - 1; ++f) flux[f] = face_flux(v[f], u[f - 2], u[f - 1], u[f], u[f + 1]);
  const auto at = [&](int f, int d) { return u[shifted(f, d, n, periodic)]; };
  const auto edge = [&](int f) { flux[f] = face_flux(v[f], at(f, -2), at(f, -1), u[f], at(f, 1)); };
  edge(1);
  if (n - 1 > 1) edge(n - 1);
  flux[0] = periodic ? face_flux(v[0], at(0, -2), at(0, -1), u[0], u[1 % n]) : 0.0;
  flux[n] = flux[0];
}

// One transverse axis (y or z) seen from a row: stride between neighbouring rows, extent, and
// whether it wraps.
struct Transverse {
  std::ptrdiff_t stride;
  int n;
  bool periodic;
};

// Fluxes through the low faces (along axis a) of the nx cells of the row at position p on a;
// `row` points at the row at position 0 of the axis. Zero on a no-flux wall.
void transverse_face_fluxes(const double* row, const double* v, int nx, const Transverse& a, int p,
                            double* flux) {
  if (p == 0 && !a.periodic) {
    std::fill(flux, flux + nx, 0.0);
    return;
  }
  const int l = shifted(p, -1, a.n, a.periodic);
  const double* ull = row + shifted(l, -1, a.n, a.periodic) * a.stride;
  const double* ul = row + l * a.stride;
  const double* ur = row + p * a.stride;
  const double* urr = row + shifted(p, 1, a.n, a.periodic) * a.stride;
  for (int i = 0; i < nx; ++i) flux[i] = face_flux(v[i], ull[i], ul[i], ur[i], urr[i]);
}

}  // namespace

ChemotaxisSolver::ChemotaxisSolver(const Grid& grid, std::vector<double> sensitivity,
                                   Threads threads)
    : grid_(grid),
      sensitivity_(std::move(sensitivity)),
      threads_(threads),
      vx_(grid.cells(), 0.0),
      vy_(grid.cells(), 0.0),
      vz_(grid.cells(), 0.0),
      stage_(grid.cells(), 0.0) {
  if (sensitivity_.size() != static_cast<std::size_t>(grid.nz())) {
    throw Error("chemotaxis: one sensitivity per z row is required");
  }
}

double ChemotaxisSolver::compute_face_velocities(const double* c) {
  const Grid& g = grid_;
  const double inv_h = 1.0 / g.spacing();
  const bool periodic = g.lateral_boundary() == LateralBoundary::kPeriodic;
  const int nx = g.nx(), ny = g.ny(), nz = g.nz();
  const std::ptrdiff_t sz = static_cast<std::ptrdiff_t>(g.stride_z());
  // Largest |v| per axis (maxima are exact in any order). A NaN counts as infinite, so that
  // it survives the reduction and advance() reports it.
  const auto speed = [](double v) {
    const double s = std::abs(v);
    return s == s ? s : std::numeric_limits<double>::infinity();
  };
  double max_x = 0.0, max_y = 0.0, max_z = 0.0;
  // Left as written: clang-format would break the clause list at its colons.
  // clang-format off
#pragma omp parallel for collapse(2) schedule(static) num_threads(threads_.count()) \
    reduction(max : max_x, max_y, max_z)
  // clang-format on
  for (int k = 0; k < nz; ++k) {
    for (int j = 0; j < ny; ++j) {
      const std::size_t m = g.index(0, j, k);
      const double* cr = c + m;
      const double chi = sensitivity_[k];
      if (nx > 1) {
        double* v = vx_.data() + m;
        v[0] = periodic ? chi * (cr[0] - cr[nx - 1]) * inv_h : 0.0;
        for (int i = 1; i < nx; ++i) v[i] = chi * (cr[i] - cr[i - 1]) * inv_h;
        for (int i = 0; i < nx; ++i) max_x = std::max(max_x, speed(v[i]));
      }
      if (ny > 1) {
        double* v = vy_.data() + m;
        if (j > 0 || periodic) {
          const double* below = c + g.index(0, shifted(j, -1, ny, periodic), k);
          for (int i = 0; i < nx; ++i) v[i] = chi * (cr[i] - below[i]) * inv_h;
        } else {
          std::fill(v, v + nx, 0.0);
        }
        for (int i = 0; i < nx; ++i) max_y = std::max(max_y, speed(v[i]));
      }
      if (nz > 1) {
        double* v = vz_.data() + m;
        if (k > 0) {
          const double chi_face = 0.5 * (sensitivity_[k] + sensitivity_[k - 1]);
          for (int i = 0; i < nx; ++i) v[i] = chi_face * (cr[i] - cr[i - sz]) * inv_h;
        } else {
          std::fill(v, v + nx, 0.0);
        }
        for (int i = 0; i < nx; ++i) max_z = std::max(max_z, speed(v[i]));
      }
    }
  }
  return max_x + max_y + max_z;
}

void ChemotaxisSolver::euler_stage(const double* u, double* out, double dt,
                                   const double* average_with) const {
  const Grid& g = grid_;
  const double lambda = dt / g.spacing();
  const bool periodic = g.lateral_boundary() == LateralBoundary::kPeriodic;
  const int nx = g.nx(), ny = g.ny(), nz = g.nz();
  const Transverse y{static_cast<std::ptrdiff_t>(g.stride_y()), ny, periodic};
  const Transverse z{static_cast<std::ptrdiff_t>(g.stride_z()), nz, false};
#pragma omp parallel num_threads(threads_.count())
  {
    // Row scratch: x-face fluxes, low and high transverse face fluxes, the divergence, and the
    // high faces of the row this thread did last along the axis on which consecutive rows
    // follow each other (y in 3D, z in 2D): the next row's low faces, if the thread does it.
    std::vector<double> fx(nx + 1), low(nx), high(nx), divergence(nx), carried(nx);
    std::ptrdiff_t carried_row = -2;
#pragma omp for collapse(2) schedule(static)
    for (int k = 0; k < nz; ++k) {
      for (int j = 0; j < ny; ++j) {
        const std::size_t m = g.index(0, j, k);
        const std::ptrdiff_t row = static_cast<std::ptrdiff_t>(k) * ny + j;
        if (nx > 1) {
          x_face_fluxes(u + m, vx_.data() + m, nx, periodic, fx.data());
          for (int i = 0; i < nx; ++i) divergence[i] = fx[i + 1] - fx[i];
        } else {
          divergence[0] = 0.0;
        }
        // A transverse axis adds high - low per cell; the high face of p is the low face of
        // the next position (or a wall).
        const auto add_axis = [&](const Transverse& a, int p, const double* line_start,
                                  const double* v_line_start, bool consecutive) {
          if (consecutive && p > 0 && carried_row == row - 1) {
            std::swap(low, carried);
          } else {
            transverse_face_fluxes(line_start, v_line_start + p * a.stride, nx, a, p, low.data());
          }
          const int next = p + 1 < a.n ? p + 1 : 0;
          if (p + 1 < a.n || a.periodic) {
            transverse_face_fluxes(line_start, v_line_start + next * a.stride, nx, a, next,
                                   high.data());
          } else {
            std::fill(high.begin(), high.end(), 0.0);
          }
          for (int i = 0; i < nx; ++i) divergence[i] += high[i] - low[i];
          if (consecutive) {
            std::swap(high, carried);
            carried_row = row;
          }
        };
        if (ny > 1) add_axis(y, j, u + g.index(0, 0, k), vy_.data() + g.index(0, 0, k), true);
        if (nz > 1) {
          add_axis(z, k, u + g.index(0, j, 0), vz_.data() + g.index(0, j, 0), ny == 1);
        }
        const double* ur = u + m;
        double* o = out + m;
        if (average_with == nullptr) {
          for (int i = 0; i < nx; ++i) o[i] = ur[i] - lambda * divergence[i];
        } else {
          const double* a = average_with + m;
          for (int i = 0; i < nx; ++i) o[i] = 0.5 * (a[i] + (ur[i] - lambda * divergence[i]));
        }
      }
    }
  }
}

void ChemotaxisSolver::advance(std::span<double* const> densities, const double* attractant,
                               double dt) {
  last_substeps_ = 0;
  if (!(dt > 0.0)) return;
  // Sum over axes of the largest face speed: the CFL bound is on it.
  const double speed_sum = compute_face_velocities(attractant);
  if (!std::isfinite(speed_sum)) throw NumericalError("chemotaxis: non-finite attractant gradient");
  if (speed_sum == 0.0) return;
  const double courant = dt * speed_sum / grid_.spacing();
  const int substeps = std::max(1, static_cast<int>(std::ceil(courant / kCfl)));
  last_substeps_ = substeps;
  const double h = dt / substeps;
  for (double* u : densities) {
    for (int s = 0; s < substeps; ++s) {
      // SSP-RK2: u1 = u + h L(u); u = (u + (u1 + h L(u1))) / 2, the average fused into the
      // second stage.
      euler_stage(u, stage_.data(), h, nullptr);
      euler_stage(stage_.data(), u, h, u);
    }
  }
}

}  // namespace dermasim
