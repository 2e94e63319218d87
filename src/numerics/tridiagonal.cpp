// Thomas algorithm with cached factorization; Sherman-Morrison for cyclic systems
// (Numerical Recipes "cyclic": B = A - u v^T with u = (gamma, 0, .., 0, alpha),
// v = (1, 0, .., 0, beta / gamma), gamma = -b_0).
#include "dermasim/numerics/tridiagonal.hpp"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

// One step of the Thomas recurrence over `lines` lines (line l at l * stride). Stride and count
// are templates so that callers with a unit stride (and a fixed count) get vector code.
template <class Count, class Stride>
inline void eliminate_first(double inv_pivot, double* row, Count lines, Stride stride) {
  for (std::size_t l = 0; l < lines; ++l) row[l * stride] *= inv_pivot;
}
template <class Count, class Stride>
inline void eliminate(double lower, double inv_pivot, double* row, const double* previous,
                      Count lines, Stride stride) {
  for (std::size_t l = 0; l < lines; ++l) {
    row[l * stride] = (row[l * stride] - lower * previous[l * stride]) * inv_pivot;
  }
}
template <class Count, class Stride>
inline void substitute(double upper_mod, double* row, const double* next, Count lines,
                       Stride stride) {
  for (std::size_t l = 0; l < lines; ++l) row[l * stride] -= upper_mod * next[l * stride];
}

template <class Count, class Stride>
void thomas_lines(const std::vector<double>& lower, const std::vector<double>& upper_mod,
                  const std::vector<double>& inv_pivot, double* base, std::ptrdiff_t along,
                  Count lines, Stride line_stride) {
  const std::size_t n = inv_pivot.size();
  eliminate_first(inv_pivot[0], base, lines, line_stride);
  for (std::size_t m = 1; m < n; ++m) {
    double* row = base + static_cast<std::ptrdiff_t>(m) * along;
    eliminate(lower[m], inv_pivot[m], row, row - along, lines, line_stride);
  }
  for (std::size_t m = n - 1; m-- > 0;) {
    double* row = base + static_cast<std::ptrdiff_t>(m) * along;
    substitute(upper_mod[m], row, row + along, lines, line_stride);
  }
}

// Lines solved side by side in a transposed buffer: two AVX-512 (four AVX2) vectors per
// unknown, so that the recurrence's latency is hidden behind independent lanes.
constexpr std::size_t kLanes = 16;
using One = std::integral_constant<std::ptrdiff_t, 1>;

// Four doubles as one value (GCC vector extension: one AVX register, two SSE ones).
typedef double Quad __attribute__((vector_size(32)));
inline Quad load(const double* p) {
  Quad q;
  std::memcpy(&q, p, sizeof q);
  return q;
}
inline void store(double* p, Quad q) {
  std::memcpy(p, &q, sizeof q);
}

// 4 x 4 transpose: from[r] + c -> to[c] + r, for rows r and columns c in 0..3. Done in
// registers so that the buffer is written and read with whole vectors (a vector load of
// values just stored one by one would wait for the stores to retire).
inline void transpose4(const double* from, std::ptrdiff_t from_stride, double* to,
                       std::ptrdiff_t to_stride) {
  const Quad a = load(from), b = load(from + from_stride), c = load(from + 2 * from_stride),
             d = load(from + 3 * from_stride);
  const Quad ab_even = __builtin_shufflevector(a, b, 0, 4, 2, 6);
  const Quad ab_odd = __builtin_shufflevector(a, b, 1, 5, 3, 7);
  const Quad cd_even = __builtin_shufflevector(c, d, 0, 4, 2, 6);
  const Quad cd_odd = __builtin_shufflevector(c, d, 1, 5, 3, 7);
  store(to, __builtin_shufflevector(ab_even, cd_even, 0, 1, 4, 5));
  store(to + to_stride, __builtin_shufflevector(ab_odd, cd_odd, 0, 1, 4, 5));
  store(to + 2 * to_stride, __builtin_shufflevector(ab_even, cd_even, 2, 3, 6, 7));
  store(to + 3 * to_stride, __builtin_shufflevector(ab_odd, cd_odd, 2, 3, 6, 7));
}

// Copies `count` (<= kLanes) lines of n unknowns (line l at base + l * stride) into t, unknown
// m of line l at t[m * kLanes + l], lanes count .. kLanes - 1 zero; or back (to_lines). Whole
// quads of lines go through transpose4() and zero quads are stored whole; only a part quad
// and the last n % 4 unknowns are copied one by one.
void copy_lines(double* base, std::ptrdiff_t stride, std::size_t count, std::size_t n, double* t,
                bool to_lines) {
  const std::size_t whole = n / 4 * 4, full = count / 4 * 4;
  for (std::size_t l = 0; l < full; l += 4) {
    double* line = base + static_cast<std::ptrdiff_t>(l) * stride;
    for (std::size_t m = 0; m < whole; m += 4) {
      if (to_lines) {
        transpose4(t + m * kLanes + l, kLanes, line + m, stride);
      } else {
        transpose4(line + m, stride, t + m * kLanes + l, kLanes);
      }
    }
  }
  for (std::size_t l = 0; l < kLanes; ++l) {
    if (l >= count && (to_lines || l % 4 == 0)) break;
    double* line = base + static_cast<std::ptrdiff_t>(l) * stride;
    for (std::size_t m = l < full ? whole : 0; m < n; ++m) {
      if (to_lines) {
        line[m] = t[m * kLanes + l];
      } else {
        t[m * kLanes + l] = l < count ? line[m] : 0.0;
      }
    }
  }
  if (to_lines) return;
  const std::size_t zero_from = (count + 3) / 4 * 4;
  for (std::size_t m = 0; m < n; ++m) {
    for (std::size_t l = zero_from; l < kLanes; l += 4) store(t + m * kLanes + l, Quad{});
  }
}

// thomas_lines() on the buffer of copy_lines(), written with explicit vectors: the compiler
// leaves the forward recurrence scalar otherwise. Each lane does the same operations.
void thomas_lanes(const std::vector<double>& lower, const std::vector<double>& upper_mod,
                  const std::vector<double>& inv_pivot, double* t) {
  constexpr std::size_t kQuads = kLanes / 4;
  const std::size_t n = inv_pivot.size();
  Quad previous[kQuads];
  for (std::size_t q = 0; q < kQuads; ++q) {
    previous[q] = load(t + 4 * q) * inv_pivot[0];
    store(t + 4 * q, previous[q]);
  }
  for (std::size_t m = 1; m < n; ++m) {
    double* row = t + m * kLanes;
    const double a = lower[m], p = inv_pivot[m];
    for (std::size_t q = 0; q < kQuads; ++q) {
      previous[q] = (load(row + 4 * q) - a * previous[q]) * p;
      store(row + 4 * q, previous[q]);
    }
  }
  for (std::size_t m = n - 1; m-- > 0;) {
    double* row = t + m * kLanes;
    const double c = upper_mod[m];
    for (std::size_t q = 0; q < kQuads; ++q) {
      previous[q] = load(row + 4 * q) - c * previous[q];
      store(row + 4 * q, previous[q]);
    }
  }
}

// Forward elimination and back substitution for one bundle of lines. The row updates are the
// ones forward_row() and backward_row() apply, so a solve split into rows gives the same bits.
// Contiguous lines (x rows: along = 1) would leave the recurrence scalar; they are copied
// kLanes at a time into a buffer with the lines side by side (zero lanes pad the last group
// and stay zero), solved there as vectors, and copied back: the same operations on each value.
void thomas_bundle(const std::vector<double>& lower, const std::vector<double>& upper_mod,
                   const std::vector<double>& inv_pivot, double* base, std::ptrdiff_t along,
                   std::size_t lines, std::ptrdiff_t line_stride) {
  if (line_stride == 1) {
    thomas_lines(lower, upper_mod, inv_pivot, base, along, lines, One{});
    return;
  }
  const std::size_t n = inv_pivot.size();
  if (along != 1 || lines == 1 || n < 2) {
    thomas_lines(lower, upper_mod, inv_pivot, base, along, lines, line_stride);
    return;
  }
  thread_local std::vector<double> buffer;
  buffer.resize(n * kLanes);
  double* t = buffer.data();
  for (std::size_t first = 0; first < lines; first += kLanes) {
    const std::size_t count = std::min(kLanes, lines - first);
    double* group = base + static_cast<std::ptrdiff_t>(first) * line_stride;
    copy_lines(group, line_stride, count, n, t, false);
    thomas_lanes(lower, upper_mod, inv_pivot, t);
    copy_lines(group, line_stride, count, n, t, true);
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

void TridiagonalFactor::forward_row(std::size_t m, double* row, const double* previous,
                                    std::size_t count) const {
  DERMASIM_ASSERT(!periodic_ && m < size());
  if (m == 0) {
    eliminate_first(inv_pivot_[0], row, count, One{});
  } else {
    eliminate(lower_[m], inv_pivot_[m], row, previous, count, One{});
  }
}

void TridiagonalFactor::backward_row(std::size_t m, double* row, const double* next,
                                     std::size_t count) const {
  DERMASIM_ASSERT(!periodic_ && m + 1 < size());
  substitute(upper_mod_[m], row, next, count, One{});
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
