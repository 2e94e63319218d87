// Thomas algorithm for tridiagonal systems, factored once and applied to many lines.
// One strided routine serves every axis: unknown m of line l lives at
//   base[l * line_stride + m * along_stride],
// so x-sweeps pass along_stride = 1 and batch rows, and y/z-sweeps pass the plane stride and
// batch contiguous x-neighbours (which then vectorises across lines).
// Periodic (cyclic) systems are solved by the Sherman-Morrison correction.
#pragma once
#include <cstddef>
#include <span>
#include <vector>

namespace dermasim {

class TridiagonalFactor {
 public:
  /// Factors the n x n matrix with sub-diagonal `lower` (lower[m] multiplies u[m-1]),
  /// diagonal `diag` and super-diagonal `upper` (upper[m] multiplies u[m+1]). If `periodic`,
  /// lower[0] multiplies u[n-1] and upper[n-1] multiplies u[0]; otherwise those are ignored.
  /// The matrix must be diagonally dominant (as implicit diffusion matrices are).
  void factor(std::span<const double> lower, std::span<const double> diag,
              std::span<const double> upper, bool periodic);
  std::size_t size() const { return inv_pivot_.size(); }
  bool periodic() const { return periodic_; }

  /// Solves A u = rhs in place for `lines` right-hand sides laid out as described above.
  void solve(double* base, std::ptrdiff_t along_stride, std::size_t lines,
             std::ptrdiff_t line_stride) const;

  /// The same solve one unknown at a time, for `count` contiguous lines (non-periodic only):
  /// forward_row(m) eliminates unknown m given unknown m-1 already eliminated (`previous`,
  /// unused for m = 0), for m = 0 .. n-1; then backward_row(m) substitutes unknown m+1
  /// (`next`) into m, for m = n-2 .. 0. Row by row gives the same bits as solve(), and lets a
  /// caller do other work on a row while it is in cache.
  void forward_row(std::size_t m, double* row, const double* previous, std::size_t count) const;
  void backward_row(std::size_t m, double* row, const double* next, std::size_t count) const;

 private:
  std::vector<double> lower_;      // sub-diagonal (first entry unused)
  std::vector<double> upper_mod_;  // modified super-diagonal c'_m
  std::vector<double> inv_pivot_;  // 1 / modified diagonal
  bool periodic_ = false;
  // Sherman-Morrison: solution z of the modified system for the rank-one correction vector,
  // and the coefficients of v^T y for the correction.
  std::vector<double> correction_;
  double v_first_ = 0.0, v_last_ = 0.0, denominator_ = 1.0;
};

/// Factor of (I - r d2/ds2) on a line of n cells (r = coefficient x step / spacing^2): the
/// implicit diffusion step along one axis, and any other screened-Laplacian solve. No-flux
/// ends, or periodic (for n > 2).
TridiagonalFactor second_difference_factor(std::size_t n, double r, bool periodic);

}  // namespace dermasim
