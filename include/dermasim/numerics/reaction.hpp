// Local reaction integration for systems written in production-loss form
//   du_f/dt = P_f(u, x, t) - L_f(u, x, t) * u_f,   with P_f >= 0 and L_f >= 0,
// so that stiff linear decay (rates up to tens per day at steps of a day) is integrated exactly.
// Scheme: exponential Heun (second order, positivity preserving):
//   stage 1: u* = phi(u, P(u, t), L(u, t), dt)
//   stage 2: u' = phi(u, (P(u, t) + P(u*, t + dt)) / 2, (L(u, t) + L(u*, t + dt)) / 2, dt)
// with phi(u, P, L, h) = u e^{-L h} + P h (1 - e^{-L h}) / (L h), the exact solution for frozen
// P and L. Each cell is independent, so the loop is parallel and bitwise thread-independent.
#pragma once
#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "dermasim/core/error.hpp"
#include "dermasim/core/field.hpp"
#include "dermasim/core/threads.hpp"
#include "dermasim/numerics/exp_neg.hpp"
#include "dermasim/numerics/operator.hpp"

namespace dermasim {

/// Where a kernel is evaluated.
struct ReactionCell {
  std::size_t index;  ///< flat cell index
  int i, j, k;        ///< x, y, z (depth) indices
  double t;           ///< days
};

/// The two factors of the exact relaxation over h at x = L h >= 0: decay = e^{-x} and
/// phi = phi1(x) = (1 - e^{-x}) / x.
struct RelaxFactors {
  double decay, phi;
};

/// Below this x both factors come from phi1's Taylor series (relax_series).
inline constexpr double kRelaxSeriesLimit = 0.5;

/// phi1(x) = sum_k (-x)^k / (k+1)! to degree 14 and decay = 1 - x phi1(x), for
/// 0 <= x < kRelaxSeriesLimit: truncation below 2e-18 relative, no cancellation in 1 - e^{-x},
/// and 15 multiply-adds where the exponential and the quotient take about 40 operations with a
/// division. After a session most steps are a fraction of a day, where x is small for nearly
/// every field, so this is the common case.
inline RelaxFactors relax_series(double x) {
  // 1 / (k+1)! for k = 14 down to 0; every factorial up to 15! is exact in a double.
  constexpr auto kCoefficients = [] {
    std::array<double, 15> c{};
    double factorial = 1.0;
    for (int k = 0; k < 15; ++k) {
      factorial *= k + 1;
      c[14 - k] = 1.0 / factorial;
    }
    return c;
  }();
  double phi = kCoefficients[0];
  for (std::size_t k = 1; k < kCoefficients.size(); ++k) phi = kCoefficients[k] - x * phi;
  return {1.0 - x * phi, phi};
}

/// Both factors from the exponential, for x >= kRelaxSeriesLimit (NaN propagates): e^{-x} from
/// exp_neg and phi1 as the quotient, whose divisor is kept >= kRelaxSeriesLimit so that a lane
/// of smaller x, discarded by relax_factors, never divides by zero.
inline RelaxFactors relax_exponential(double x) {
  const double decay = exp_neg(x);
  return {decay, (1.0 - decay) / std::max(x, kRelaxSeriesLimit)};
}

/// Both factors for any x >= 0: the series below kRelaxSeriesLimit, the exponential above. Both
/// are computed and one is selected, so a loop over cells vectorises.
inline RelaxFactors relax_factors(double x) {
  const RelaxFactors series = relax_series(x);
  const RelaxFactors exponential = relax_exponential(x);
  const bool small = x < kRelaxSeriesLimit;
  return {small ? series.decay : exponential.decay, small ? series.phi : exponential.phi};
}

/// u e^{-L h} + P h phi1(L h) with the factors of x = L h.
inline double relax_with(double u, double production, double h, RelaxFactors f) {
  return u * f.decay + production * h * f.phi;
}

/// Exact solution of du/dt = P - L u over h for frozen P, L >= 0.
inline double exponential_relax(double u, double production, double loss, double h) {
  return relax_with(u, production, h, relax_factors(loss * h));
}

/// Operator adapter: integrates `Kernel` over every cell. A Kernel provides
///   static constexpr int kFields;   // acts on fields 0 .. kFields-1 of the state
///   void rates(const ReactionCell&, const double* u, double* production, double* loss) const;
/// with production and loss non-negative. Cells are integrated a block of a row at a time in
/// structure-of-arrays buffers. A kernel whose rates() is a template over array-like arguments
///   template <class In, class Out> void rates(const ReactionCell&, const In& u, Out&& p, Out&& l)
/// (u[f], p[f], l[f] as for pointers) is handed views into those buffers, so that, inlined and
/// branch-free (selects are fine), it vectorises across the cells of a block; a kernel that
/// takes pointers is evaluated cell by cell through small copies. A kernel may also declare
///   static constexpr std::array<bool, kFields> kRowConstantLoss;
/// true for a field whose loss rate is the same in every cell of an x row (a constant of the
/// layer) whatever the state: its relaxation then takes the row's factors without checking the
/// block's rates, with the same results. Rows are shared among `threads` threads.
template <class Kernel>
class ReactionOperator : public Operator {
 public:
  ReactionOperator(Kernel kernel, Threads threads)
      : kernel_(std::move(kernel)), threads_(threads) {}
  const Kernel& kernel() const { return kernel_; }
  Kernel& kernel() { return kernel_; }

  void advance(FieldSet& state, double t, double dt) override {
    DERMASIM_ASSERT(state.size() >= kFields);
    double* fields[kFields];
    for (int f = 0; f < kFields; ++f) fields[f] = state[f].data();
    advance_cells(state.grid(), fields, fields, t, dt);
  }

  // Out of place: every cell's values are read from `from` and its results written to `to`,
  // which gives the same values as in place; fields the kernel does not act on are copied.
  void advance_from(const FieldSet& from, FieldSet& to, double t, double dt) override {
    DERMASIM_ASSERT(from.size() >= kFields && to.size() == from.size());
    const double* in[kFields];
    double* out[kFields];
    for (int f = 0; f < kFields; ++f) {
      in[f] = from[f].data();
      out[f] = to[f].data();
    }
    copy_values(from, to, kFields, threads_);
    advance_cells(from.grid(), in, out, t, dt);
  }

 private:
  static constexpr int kFields = Kernel::kFields;

  // Integrates every cell from `in` to `out` (the same arrays for an in-place step).
  void advance_cells(const Grid& g, const double* const* in, double* const* out, double t,
                     double dt) const {
    const int nx = g.nx(), ny = g.ny(), nz = g.nz();
    // A row belongs to one thread and is cut into blocks at fixed positions, so every cell
    // takes the same (vector or scalar remainder) code path whatever the number of threads.
#pragma omp parallel num_threads(threads_.count())
    {
      DecayCache cache[kFields];
#pragma omp for collapse(2) schedule(static)
      for (int k = 0; k < nz; ++k) {
        for (int j = 0; j < ny; ++j) {
          for (int i = 0; i < nx; i += kBlock) {
            advance_block(in, out, Block{g.index(i, j, k), i, j, k, std::min(kBlock, nx - i)}, t,
                          dt, cache);
          }
        }
      }
    }
  }

  // Cells per block: the five structure-of-arrays buffers (5 x kFields x kBlock doubles) should
  // stay near L1 while the block is integrated, so the block is the largest power of two
  // (8 .. 64 cells) whose buffers take at most 32 KiB: 64 cells up to 12 fields, 32 up to 25.
  // Measured on the Zen 4 (32 KiB L1, 1 MiB L2): 64 cells ran the 9-field model about 4 %
  // faster than 32, and the 12-field model's kernel (30 KiB of buffers) about 10 % faster.
  static constexpr int block_cells(int fields) {
    int cells = 64;
    while (cells > 8 && 5 * fields * cells * static_cast<int>(sizeof(double)) > 32 * 1024) {
      cells /= 2;
    }
    return cells;
  }
  static constexpr int kBlock = block_cells(kFields);
  using Buffer = double[kFields][kBlock];

  // One cell seen as the kernel's per-cell arrays: lane[f] is field f of that cell, either in
  // the state itself or in a block buffer.
  struct StateLane {
    const double* const* fields;
    std::size_t index;
    const double& operator[](int f) const { return fields[f][index]; }
  };
  template <class T>
  struct BufferLane {
    T (*buffer)[kBlock];
    int c;
    T& operator[](int f) const { return buffer[f][c]; }
  };

  struct Block {
    std::size_t first;  // flat index of the first cell
    int i, j, k;        // grid position of the first cell
    int count;          // cells in the block, <= kBlock
  };

  // The relaxation factors of the last block of a field whose cells shared one loss rate. Such
  // rates are constants of a layer, the same in most blocks a thread takes and in both stages
  // (their mean is themselves), so the factors are mostly computed once per layer instead of
  // twice per block; they are those of the same x.
  struct DecayCache {
    double x = std::numeric_limits<double>::quiet_NaN();  // equal to no x
    RelaxFactors factors{0.0, 0.0};
  };

  // Both stages read the start values straight from `in` and the second writes the result to
  // `out` (in place when they are the same: a cell's values are read before they are
  // overwritten), so no copy of the state is made.
  void advance_block(const double* const* in, double* const* out, const Block& b, double t,
                     double dt, DecayCache* cache) const {
    alignas(64) Buffer u1, p0, l0, p1, l1;
    evaluate(
        b, t,
        [&](int c) {
          return StateLane{in, b.first + c};
        },
        p0, l0);
    for (int f = 0; f < kFields; ++f)
      relax(b.count, in[f] + b.first, p0[f], l0[f], dt, u1[f], cache[f], row_constant_loss(f));
    evaluate(
        b, t + dt,
        [&](int c) {
          return BufferLane<const double>{u1, c};
        },
        p1, l1);
    for (int f = 0; f < kFields; ++f) {
      for (int c = 0; c < b.count; ++c) p1[f][c] = 0.5 * (p0[f][c] + p1[f][c]);
      // A row-constant loss rate is the same in both stages, so its mean is itself.
      const bool row_constant = row_constant_loss(f);
      if (!row_constant) {
        for (int c = 0; c < b.count; ++c) l1[f][c] = 0.5 * (l0[f][c] + l1[f][c]);
      }
      relax(b.count, in[f] + b.first, p1[f], row_constant ? l0[f] : l1[f], dt, out[f] + b.first,
            cache[f], row_constant);
    }
  }

  static constexpr bool row_constant_loss(int f) {
    if constexpr (requires { Kernel::kRowConstantLoss; }) {
      return Kernel::kRowConstantLoss[f];
    } else {
      return false;
    }
  }

  // out = exponential_relax(u, p, l, h) for n cells (out may be u); every path computes the
  // same factors of each cell's x, so a cell's result does not depend on its block. Most loss
  // rates are constant along a row (decay constants of the layer): a block with one loss rate
  // takes its factors once (from `cache` when its x is the last one's). Otherwise a block whose
  // x all lie on one side of the series limit computes only that side's factors.
  // The block is checked on bit patterns: one rate bit for bit means one x, and for x >= 0 the
  // bits, read as signed integers, order as the values (a -0 or a negative NaN reads as below
  // the limit: -0 is below it, and a NaN gives NaN on either side). So the reductions are an or,
  // a min and a max of 64-bit integers; counts of compares, with their narrowing and
  // horizontal sums, had cost as much as the relaxation of a one-rate field. A field the kernel
  // declares row-constant skips the check.
  static void relax(int n, const double* u, const double* p, const double* l, double h, double* out,
                    DecayCache& cache, bool row_constant) {
    std::uint64_t differs = 0;
    std::int64_t lowest = std::numeric_limits<std::int64_t>::max();
    std::int64_t highest = std::numeric_limits<std::int64_t>::min();
    if (!row_constant) {
      const auto first = std::bit_cast<std::uint64_t>(l[0]);
      for (int c = 0; c < n; ++c) {
        differs |= std::bit_cast<std::uint64_t>(l[c]) ^ first;
        const auto x = std::bit_cast<std::int64_t>(l[c] * h);
        lowest = std::min(lowest, x);
        highest = std::max(highest, x);
      }
    }
    const auto limit = std::bit_cast<std::int64_t>(kRelaxSeriesLimit);
    if (differs == 0) {
      const double x = l[0] * h;
      if (!(x == cache.x)) {
        cache.x = x;
        cache.factors = relax_factors(x);
      }
      const RelaxFactors f = cache.factors;
      for (int c = 0; c < n; ++c) out[c] = relax_with(u[c], p[c], h, f);
    } else if (highest < limit) {
      for (int c = 0; c < n; ++c) out[c] = relax_with(u[c], p[c], h, relax_series(l[c] * h));
    } else if (lowest >= limit) {
      for (int c = 0; c < n; ++c) out[c] = relax_with(u[c], p[c], h, relax_exponential(l[c] * h));
    } else {
      for (int c = 0; c < n; ++c) out[c] = exponential_relax(u[c], p[c], l[c], h);
    }
  }

  // Production and loss of every cell of the block; lane(c) gives the state of cell c.
  // flatten: the kernel's rates() must be inlined into the cell loop for it to vectorise;
  // left to its heuristics GCC 12 inlined the 12-field kernel into only one of the two stages
  // and called it cell by cell in the other (a quarter of the standard preset's time).
  template <class Lane>
  [[gnu::flatten]] void evaluate(const Block& b, double t, Lane lane, Buffer& production,
                                 Buffer& loss) const {
    if constexpr (requires(BufferLane<double> out) {
                    kernel_.rates(ReactionCell{}, lane(0), out, out);
                  }) {
      for (int c = 0; c < b.count; ++c) {
        kernel_.rates(ReactionCell{b.first + c, b.i + c, b.j, b.k, t}, lane(c),
                      BufferLane<double>{production, c}, BufferLane<double>{loss, c});
      }
    } else {
      for (int c = 0; c < b.count; ++c) {
        double uc[kFields], pc[kFields], lc[kFields];
        for (int f = 0; f < kFields; ++f) uc[f] = lane(c)[f];
        kernel_.rates(ReactionCell{b.first + c, b.i + c, b.j, b.k, t}, uc, pc, lc);
        for (int f = 0; f < kFields; ++f) {
          production[f][c] = pc[f];
          loss[f][c] = lc[f];
        }
      }
    }
  }

  Kernel kernel_;
  Threads threads_;
};

}  // namespace dermasim
