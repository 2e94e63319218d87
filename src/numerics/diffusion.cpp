// Backward-Euler LOD diffusion: (I - dt A_x) u* = u, (I - dt A_y) u** = u*, (I - dt A_z) u' = u**.
// Each A_axis is the cell-centred three-point operator with face coefficients: D of the row for
// x and y faces, the harmonic mean of the two rows for z faces, zero on no-flux boundaries.
// Columns of every (I - dt A_axis) sum to one, so the total is conserved to round-off.
#include "dermasim/numerics/diffusion.hpp"

#include <algorithm>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

// Rows handed to one x-sweep bundle: the tridiagonal solver copies them side by side into a
// buffer of 16 lanes, reading four rows at a time (rows a power of two apart map to the same L1
// sets; four stay within an 8-way L1), and solves them as vectors.
constexpr std::size_t kRowsPerBundle = 16;
constexpr std::size_t kDoublesPerLine = 64 / sizeof(double);
// A z-sweep bundle (contiguous columns, so the sweep vectorises across them) is sized to keep
// its forward and backward passes inside a 256 KiB share of L2.
constexpr std::size_t kBundleBytes = 256 * 1024;
std::size_t columns_per_bundle(int nz) {
  const std::size_t columns = kBundleBytes / (sizeof(double) * static_cast<std::size_t>(nz));
  return std::clamp<std::size_t>(columns - columns % 8, 8, 512);
}

double harmonic_mean(double a, double b) {
  return a + b > 0.0 ? 2.0 * a * b / (a + b) : 0.0;
}

}  // namespace

DiffusionSolver::DiffusionSolver(const Grid& grid, std::vector<double> diffusivity, Threads threads)
    : grid_(grid), diffusivity_(std::move(diffusivity)), threads_(threads) {
  if (diffusivity_.size() != static_cast<std::size_t>(grid.nz())) {
    throw Error("diffusion: one diffusivity per z row is required");
  }
  for (double d : diffusivity_) {
    if (!(d >= 0.0)) throw Error("diffusion: diffusivity must be non-negative");
  }
  // Rows with equal D share one x (and y) factorization.
  std::vector<double> distinct;
  x_factor_of_row_.resize(grid.nz());
  for (int k = 0; k < grid.nz(); ++k) {
    auto it = std::find(distinct.begin(), distinct.end(), diffusivity_[k]);
    x_factor_of_row_[k] = static_cast<int>(it - distinct.begin());
    if (it == distinct.end()) distinct.push_back(diffusivity_[k]);
  }
  x_factors_.resize(distinct.size());
  y_factors_.resize(distinct.size());
}

void DiffusionSolver::refactor(double dt) {
  const double h2 = grid_.spacing() * grid_.spacing();
  const bool periodic = grid_.lateral_boundary() == LateralBoundary::kPeriodic;
  std::vector<bool> done(x_factors_.size(), false);
  for (int k = 0; k < grid_.nz(); ++k) {
    const int f = x_factor_of_row_[k];
    if (done[f]) continue;
    done[f] = true;
    const double r = diffusivity_[k] * dt / h2;
    x_factors_[f] = second_difference_factor(grid_.nx(), r, periodic);
    y_factors_[f] = second_difference_factor(grid_.ny(), r, periodic);
  }
  const std::size_t nz = grid_.nz();
  std::vector<double> lower(nz, 0.0), diag(nz, 1.0), upper(nz, 0.0);
  for (std::size_t k = 0; k + 1 < nz; ++k) {
    const double r = harmonic_mean(diffusivity_[k], diffusivity_[k + 1]) * dt / h2;
    upper[k] = -r;
    lower[k + 1] = -r;
    diag[k] += r;
    diag[k + 1] += r;
  }
  z_factor_.factor(lower, diag, upper, false);
  factored_dt_ = dt;
}

void DiffusionSolver::advance(double* u, double dt) {
  DiffusionSolver* self = this;
  advance(threads_, std::span(&self, 1), std::span(&u, 1), dt);
}

std::size_t DiffusionSolver::x_units() const {
  // Rows (j, k) are consecutive lines of nx cells, solved in bundles of kRowsPerBundle.
  const std::size_t rows = static_cast<std::size_t>(grid_.ny()) * grid_.nz();
  return grid_.nx() > 1 ? (rows + kRowsPerBundle - 1) / kRowsPerBundle : 0;
}

std::size_t DiffusionSolver::y_units() const {
  return grid_.ny() > 1 ? static_cast<std::size_t>(grid_.nz()) : 0;  // one plane per z row
}

std::size_t DiffusionSolver::z_units() const {
  const std::size_t columns = grid_.cells_per_row();
  const std::size_t width = columns_per_bundle(grid_.nz());
  return grid_.nz() > 1 ? (columns + width - 1) / width : 0;
}

void DiffusionSolver::sweep_x(double* u, std::size_t unit) const {
  // Within a bundle, runs of rows that share a factor are solved together.
  const std::size_t rows = static_cast<std::size_t>(grid_.ny()) * grid_.nz();
  const std::size_t nx = grid_.nx(), ny = grid_.ny();
  const std::size_t end = std::min(rows, (unit + 1) * kRowsPerBundle);
  std::size_t first = unit * kRowsPerBundle;
  while (first < end) {
    const int f = x_factor_of_row_[first / ny];
    std::size_t last = first + 1;
    while (last < end && x_factor_of_row_[last / ny] == f) ++last;
    x_factors_[f].solve(u + first * nx, 1, last - first, nx);
    first = last;
  }
}

void DiffusionSolver::sweep_y(double* u, std::size_t unit) const {
  // Lines along y of one z row, bundled across the contiguous x direction.
  const int k = static_cast<int>(unit);
  y_factors_[x_factor_of_row_[k]].solve(
      u + k * grid_.stride_z(), static_cast<std::ptrdiff_t>(grid_.stride_y()), grid_.nx(), 1);
}

void DiffusionSolver::sweep_z(double* u, std::size_t unit) const {
  const std::size_t columns = grid_.cells_per_row();
  const std::size_t width = columns_per_bundle(grid_.nz());
  const std::size_t first = unit * width;
  const std::size_t count = std::min(columns, first + width) - first;
  z_factor_.solve(u + first, static_cast<std::ptrdiff_t>(grid_.stride_z()), count, 1);
}

void DiffusionSolver::sweep_plane(double* p, const double* above, std::size_t k) const {
  const std::size_t nx = grid_.nx(), ny = grid_.ny();
  const TridiagonalFactor& x = x_factors_[x_factor_of_row_[k]];
  const TridiagonalFactor& y = y_factors_[x_factor_of_row_[k]];
  const bool z = grid_.nz() > 1;
  if (y.periodic()) {
    if (nx > 1) x.solve(p, 1, ny, static_cast<std::ptrdiff_t>(nx));
    y.solve(p, static_cast<std::ptrdiff_t>(nx), nx, 1);
    if (z) z_factor_.forward_row(k, p, above, grid_.cells_per_row());
    return;
  }
  // Each bundle of rows is x-solved and at once taken through the y elimination while it is
  // in L1; the y back substitution then hands each row to the z elimination once the row
  // below no longer needs it. The same rows of the next plane are requested meanwhile: the x
  // copy of a bundle is the first touch of its memory and otherwise waits for it.
  const bool next = k + 1 < static_cast<std::size_t>(grid_.nz());
  for (std::size_t first = 0; first < ny; first += kRowsPerBundle) {
    const std::size_t count = std::min(kRowsPerBundle, ny - first);
    for (std::size_t c = 0; next && c < count * nx; c += kDoublesPerLine) {
      __builtin_prefetch(p + grid_.cells_per_row() + first * nx + c, 1);
    }
    if (nx > 1) x.solve(p + first * nx, 1, count, static_cast<std::ptrdiff_t>(nx));
    for (std::size_t j = first; j < first + count; ++j) {
      y.forward_row(j, p + j * nx, p + (j > 0 ? j - 1 : 0) * nx, nx);
    }
  }
  const auto eliminate_z = [&](std::size_t j) {
    if (z) z_factor_.forward_row(k, p + j * nx, above + j * nx, nx);
  };
  for (std::size_t j = ny - 1; j-- > 0;) {
    y.backward_row(j, p + j * nx, p + (j + 1) * nx, nx);
    eliminate_z(j + 1);
  }
  eliminate_z(0);
}

void DiffusionSolver::sweep_fused(double* u) const {
  // One pass down the field does the x- and y-sweeps and the z elimination, a plane (or in 2D
  // a bundle of rows) at a time while it is in cache; the z back substitution is the second
  // and last pass over memory. The operations on each cell are those of the separate sweeps.
  const std::size_t nz = grid_.nz(), plane = grid_.cells_per_row();
  if (grid_.ny() > 1) {
    for (std::size_t k = 0; k < nz; ++k) {
      double* p = u + k * plane;
      sweep_plane(p, k > 0 ? p - plane : p, k);
    }
  } else {
    const std::size_t units = (nz + kRowsPerBundle - 1) / kRowsPerBundle;  // rows are planes
    for (std::size_t unit = 0; unit < units; ++unit) {
      if (grid_.nx() > 1) sweep_x(u, unit);
      const std::size_t end = std::min(nz, (unit + 1) * kRowsPerBundle);
      for (std::size_t k = unit * kRowsPerBundle; nz > 1 && k < end; ++k) {
        z_factor_.forward_row(k, u + k * plane, u + (k > 0 ? k - 1 : 0) * plane, plane);
      }
    }
  }
  for (std::size_t k = nz - 1; nz > 1 && k-- > 0;) {
    z_factor_.backward_row(k, u + k * plane, u + (k + 1) * plane, plane);
  }
}

void DiffusionSolver::advance(Threads threads, std::span<DiffusionSolver* const> solvers,
                              std::span<double* const> fields, double dt) {
  DERMASIM_ASSERT(solvers.size() == fields.size());
  if (!(dt > 0.0)) return;
  // Fields whose D is zero everywhere do not move.
  std::vector<DiffusionSolver*> active;
  std::vector<double*> data;
  for (std::size_t n = 0; n < solvers.size(); ++n) {
    DiffusionSolver* s = solvers[n];
    if (std::all_of(s->diffusivity_.begin(), s->diffusivity_.end(),
                    [](double d) { return d == 0.0; })) {
      continue;
    }
    if (dt != s->factored_dt_) s->refactor(dt);
    active.push_back(s);
    data.push_back(fields[n]);
  }
  if (active.empty()) return;
  const std::size_t count = active.size();
  // Fields that divide evenly among the threads are swept whole, one field per thread at a
  // time (two passes over memory instead of three, see sweep_fused); the rest share each
  // sweep among all threads. Both do the same arithmetic on every cell, so which fields go
  // which way (it depends on the thread count) cannot change a bit of the result.
  const auto team = static_cast<std::size_t>(threads.count());
  const std::size_t whole = count / team * team;
#pragma omp parallel num_threads(threads.count())
  {
#pragma omp for schedule(static) nowait
    for (std::size_t n = 0; n < whole; ++n) active[n]->sweep_fused(data[n]);
    // Work unit w of a shared sweep is unit w % units of field whole + w / units: fixed, so the
    // results do not depend on the number of threads. The implicit barrier after each loop
    // orders the axes.
    const auto sweep_all = [&](std::size_t units, auto sweep) {
      const std::size_t total = (count - whole) * units;
#pragma omp for schedule(static)
      for (std::size_t w = 0; w < total; ++w) {
        const std::size_t n = whole + w / units;
        sweep(*active[n], data[n], w % units);
      }
    };
    if (whole < count) {
      const DiffusionSolver& first = *active[whole];
      sweep_all(first.x_units(),
                [](const DiffusionSolver& s, double* u, std::size_t w) { s.sweep_x(u, w); });
      sweep_all(first.y_units(),
                [](const DiffusionSolver& s, double* u, std::size_t w) { s.sweep_y(u, w); });
      sweep_all(first.z_units(),
                [](const DiffusionSolver& s, double* u, std::size_t w) { s.sweep_z(u, w); });
    }
  }
}

}  // namespace dermasim
