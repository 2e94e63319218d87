// Chemotaxis: conservative MUSCL upwind fluxes with the van Leer limiter and SSP-RK2 stages.
// Face velocity on the low face of cell m along an axis: v = chi_face * (c_m - c_{m-1}) / h.
// Face flux: v+ * (u_L + s_L / 2) + v- * (u_R - s_R / 2), with limited slopes s; the limiter keeps
// reconstructed face values between neighbouring cell values, which with the CFL bound of
// chemotaxis.hpp keeps densities non-negative.
#include "dermasim/numerics/chemotaxis.hpp"

#include <algorithm>
#include <cmath>

#include "dermasim/core/error.hpp"
#include "dermasim/core/parallel.hpp"

namespace dermasim {
namespace {

constexpr double kCfl = 0.5;  // positivity bound for MUSCL + forward Euler stages

double van_leer(double a, double b) {
  return a * b > 0.0 ? 2.0 * a * b / (a + b) : 0.0;
}

struct Axis {
  std::ptrdiff_t stride;
  int n;
  bool periodic;
  int axis;  // 0 x, 1 y, 2 z: which loop counter is the position along this axis
};

int position(const Axis& a, int i, int j, int k) {
  return a.axis == 0 ? i : a.axis == 1 ? j : k;
}

// Neighbour offsets along the axis at position p: zero-gradient ghosts at no-flux ends.
std::ptrdiff_t previous_offset(const Axis& a, int p) {
  if (p > 0) return -a.stride;
  return a.periodic ? (a.n - 1) * a.stride : 0;
}
std::ptrdiff_t next_offset(const Axis& a, int p) {
  if (p < a.n - 1) return a.stride;
  return a.periodic ? -(a.n - 1) * a.stride : 0;
}

std::vector<Axis> active_axes(const Grid& g) {
  const bool periodic = g.lateral_boundary() == LateralBoundary::kPeriodic;
  std::vector<Axis> axes;
  if (g.nx() > 1) axes.push_back({1, g.nx(), periodic, 0});
  if (g.ny() > 1) axes.push_back({static_cast<std::ptrdiff_t>(g.stride_y()), g.ny(), periodic, 1});
  if (g.nz() > 1) axes.push_back({static_cast<std::ptrdiff_t>(g.stride_z()), g.nz(), false, 2});
  return axes;
}

}  // namespace

ChemotaxisSolver::ChemotaxisSolver(const Grid& grid, std::vector<double> sensitivity)
    : grid_(grid),
      sensitivity_(std::move(sensitivity)),
      vx_(grid.cells(), 0.0),
      vy_(grid.cells(), 0.0),
      vz_(grid.cells(), 0.0),
      stage_(grid.cells(), 0.0),
      second_stage_(grid.cells(), 0.0) {
  if (sensitivity_.size() != static_cast<std::size_t>(grid.nz())) {
    throw Error("chemotaxis: one sensitivity per z row is required");
  }
}

void ChemotaxisSolver::compute_face_velocities(const double* c) {
  const Grid& g = grid_;
  const double inv_h = 1.0 / g.spacing();
  const auto axes = active_axes(g);
  double* velocity[3] = {vx_.data(), vy_.data(), vz_.data()};
  const int nx = g.nx(), ny = g.ny(), nz = g.nz();
#pragma omp parallel for collapse(2) schedule(static)
  for (int k = 0; k < nz; ++k) {
    for (int j = 0; j < ny; ++j) {
      for (int i = 0; i < nx; ++i) {
        const std::size_t m = g.index(i, j, k);
        for (const Axis& a : axes) {
          const int p = position(a, i, j, k);
          double v = 0.0;
          if (p > 0 || a.periodic) {
            const double chi =
                a.axis == 2 ? 0.5 * (sensitivity_[k] + sensitivity_[k - 1]) : sensitivity_[k];
            v = chi * (c[m] - c[m + previous_offset(a, p)]) * inv_h;
          }
          velocity[a.axis][m] = v;
        }
      }
    }
  }
}

void ChemotaxisSolver::euler_stage(const double* u, double* out, double dt) const {
  const Grid& g = grid_;
  const double lambda = dt / g.spacing();
  const auto axes = active_axes(g);
  const double* velocity[3] = {vx_.data(), vy_.data(), vz_.data()};
  const int nx = g.nx(), ny = g.ny(), nz = g.nz();
  // Flux through the low face of cell m along axis a (zero on a no-flux boundary).
  auto low_face_flux = [&](const Axis& a, std::size_t m, int p) {
    if (p == 0 && !a.periodic) return 0.0;
    const std::ptrdiff_t back = previous_offset(a, p);
    const std::size_t left = m + back;
    const int p_left = p > 0 ? p - 1 : a.n - 1;
    const double ul = u[left], ur = u[m];
    const double ull = u[left + previous_offset(a, p_left)];
    const double urr = u[m + next_offset(a, p)];
    const double v = velocity[a.axis][m];
    return v > 0.0 ? v * (ul + 0.5 * van_leer(ul - ull, ur - ul))
                   : v * (ur - 0.5 * van_leer(ur - ul, urr - ur));
  };
#pragma omp parallel for collapse(2) schedule(static)
  for (int k = 0; k < nz; ++k) {
    for (int j = 0; j < ny; ++j) {
      for (int i = 0; i < nx; ++i) {
        const std::size_t m = g.index(i, j, k);
        double divergence = 0.0;
        for (const Axis& a : axes) {
          const int p = position(a, i, j, k);
          double high = 0.0;
          if (p < a.n - 1 || a.periodic) {
            const int p_next = p < a.n - 1 ? p + 1 : 0;
            high = low_face_flux(a, m + next_offset(a, p), p_next);
          }
          divergence += high - low_face_flux(a, m, p);
        }
        out[m] = u[m] - lambda * divergence;
      }
    }
  }
}

void ChemotaxisSolver::advance(std::span<double* const> densities, const double* attractant,
                               double dt) {
  last_substeps_ = 0;
  if (!(dt > 0.0)) return;
  compute_face_velocities(attractant);
  const std::size_t n = grid_.cells();
  double speed_sum = 0.0;  // sum over axes of the largest face speed: the CFL bound is on it
  for (const auto* v : {&vx_, &vy_, &vz_}) {
    const double* data = v->data();
    speed_sum += parallel_max(n, [&](std::size_t c) { return std::abs(data[c]); });
  }
  if (!std::isfinite(speed_sum)) throw NumericalError("chemotaxis: non-finite attractant gradient");
  if (speed_sum == 0.0) return;
  const double courant = dt * speed_sum / grid_.spacing();
  const int substeps = std::max(1, static_cast<int>(std::ceil(courant / kCfl)));
  last_substeps_ = substeps;
  const double h = dt / substeps;
  for (double* u : densities) {
    for (int s = 0; s < substeps; ++s) {
      // SSP-RK2: u1 = u + h L(u); u = (u + u1 + h L(u1)) / 2.
      euler_stage(u, stage_.data(), h);
      euler_stage(stage_.data(), second_stage_.data(), h);
      const double* u2 = second_stage_.data();
#pragma omp parallel for schedule(static)
      for (std::size_t c = 0; c < n; ++c) u[c] = 0.5 * (u[c] + u2[c]);
    }
  }
}

}  // namespace dermasim
