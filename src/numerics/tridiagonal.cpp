// Thomas algorithm with cached factorization; Sherman-Morrison for cyclic systems
// (Numerical Recipes "cyclic": B = A - u v^T with u = (gamma, 0, .., 0, alpha),
// v = (1, 0, .., 0, beta / gamma), gamma = -b_0).
#include "dermasim/numerics/tridiagonal.hpp"

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

// Forward elimination and back substitution for one bundle of lines.
void thomas_bundle(const std::vector<double>& lower, const std::vector<double>& upper_mod,
                   const std::vector<double>& inv_pivot, double* base, std::ptrdiff_t along,
                   std::size_t lines, std::ptrdiff_t line_stride) {
  const std::size_t n = inv_pivot.size();
  {
    double* row = base;
    const double p = inv_pivot[0];
    for (std::size_t l = 0; l < lines; ++l) row[l * line_stride] *= p;
  }
  for (std::size_t m = 1; m < n; ++m) {
    double* row = base + static_cast<std::ptrdiff_t>(m) * along;
    const double* prev = row - along;
    const double a = lower[m];
    const double p = inv_pivot[m];
    for (std::size_t l = 0; l < lines; ++l) {
      row[l * line_stride] = (row[l * line_stride] - a * prev[l * line_stride]) * p;
    }
  }
  for (std::size_t m = n - 1; m-- > 0;) {
    double* row = base + static_cast<std::ptrdiff_t>(m) * along;
    const double* next = row + along;
    const double c = upper_mod[m];
    for (std::size_t l = 0; l < lines; ++l) row[l * line_stride] -= c * next[l * line_stride];
  }
}

}  // namespace

void TridiagonalFactor::factor(std::span<const double> lower, std::span<const double> diag,
                               std::span<const double> upper, bool periodic) {
  const std::size_t n = diag.size();
  DERMASIM_ASSERT(n > 0 && lower.size() == n && upper.size() == n);
  std::vector<double> a(lower.begin(), lower.end()), b(diag.begin(), diag.end()),
      c(upper.begin(), upper.end());
  a[0] = periodic ? a[0] : 0.0;
  c[n - 1] = periodic ? c[n - 1] : 0.0;
  if (periodic && n < 3) {
    // With one or two unknowns the corner entries are ordinary neighbours: fold them in.
    if (n == 1) {
      b[0] += a[0] + c[0];
    } else {
      c[0] += a[0];
      a[1] += c[1];
    }
    a[0] = 0.0;
    c[n - 1] = 0.0;
    periodic = false;
  }
  periodic_ = periodic;
  const double beta = a[0];       // row 0 couples u[n-1]
  const double alpha = c[n - 1];  // row n-1 couples u[0]
  const double gamma = -b[0];
  if (periodic_) {
    b[0] -= gamma;
    b[n - 1] -= alpha * beta / gamma;
  }
  lower_ = a;
  upper_mod_.assign(n, 0.0);
  inv_pivot_.assign(n, 0.0);
  double previous_c = 0.0;
  for (std::size_t m = 0; m < n; ++m) {
    const double pivot = b[m] - (m > 0 ? a[m] * previous_c : 0.0);
    DERMASIM_ASSERT(pivot != 0.0);
    inv_pivot_[m] = 1.0 / pivot;
    upper_mod_[m] = m + 1 < n ? c[m] * inv_pivot_[m] : 0.0;
    previous_c = upper_mod_[m];
  }
  if (periodic_) {
    correction_.assign(n, 0.0);
    correction_[0] = gamma;
    correction_[n - 1] = alpha;
    thomas_bundle(lower_, upper_mod_, inv_pivot_, correction_.data(), 1, 1, 1);
    v_first_ = 1.0;
    v_last_ = beta / gamma;
    denominator_ = 1.0 + v_first_ * correction_[0] + v_last_ * correction_[n - 1];
  }
}

void TridiagonalFactor::solve(double* base, std::ptrdiff_t along, std::size_t lines,
                              std::ptrdiff_t line_stride) const {
  thomas_bundle(lower_, upper_mod_, inv_pivot_, base, along, lines, line_stride);
  if (!periodic_) return;
  const std::size_t n = inv_pivot_.size();
  double* last = base + static_cast<std::ptrdiff_t>(n - 1) * along;
  for (std::size_t l = 0; l < lines; ++l) {
    const double f =
        (v_first_ * base[l * line_stride] + v_last_ * last[l * line_stride]) / denominator_;
    for (std::size_t m = 0; m < n; ++m) {
      base[static_cast<std::ptrdiff_t>(m) * along + l * line_stride] -= f * correction_[m];
    }
  }
}

TridiagonalFactor second_difference_factor(std::size_t n, double r, bool periodic) {
  const bool cyclic = periodic && n > 2;
  std::vector<double> lower(n, -r), diag(n, 1.0 + 2.0 * r), upper(n, -r);
  if (!cyclic && n > 0) {
    diag.front() -= r;
    diag.back() -= r;
  }
  TridiagonalFactor f;
  f.factor(lower, diag, upper, cyclic);
  return f;
}

}  // namespace dermasim
