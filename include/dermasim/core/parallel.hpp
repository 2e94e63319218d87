// Thread-count independent reductions. OpenMP's reduction clause combines partial sums in an
// order that depends on the number of threads, so results would differ in the last bits between
// 1 and 2 threads. Here the index range is cut into fixed blocks (independent of the thread
// count), each block is summed serially, and the block sums are added in block order.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <vector>

#include "dermasim/core/threads.hpp"

namespace dermasim {

inline constexpr std::size_t kReductionBlock = 4096;

/// Sum of term(c) for c in [0, n) on `threads` threads, bitwise identical for any count.
template <class Term>
double deterministic_sum(Threads threads, std::size_t n, Term term) {
  const std::size_t blocks = (n + kReductionBlock - 1) / kReductionBlock;
  std::vector<double> partial(blocks, 0.0);
#pragma omp parallel for schedule(static) num_threads(threads.count())
  for (std::size_t b = 0; b < blocks; ++b) {
    const std::size_t end = std::min(n, (b + 1) * kReductionBlock);
    double s = 0.0;
    for (std::size_t c = b * kReductionBlock; c < end; ++c) s += term(c);
    partial[b] = s;
  }
  double total = 0.0;
  for (double s : partial) total += s;
  return total;
}

/// K sums in one pass: add_block(first, last, sums) adds the terms of cells [first, last) to
/// sums[0 .. K-1], each in index order. The blocks and the order in which their sums are added
/// are deterministic_sum's, so each sum is bitwise the one deterministic_sum gives for the same
/// terms (a term of +0 may be left out: the running sum starts at +0 and is never -0).
template <std::size_t K, class AddBlock>
std::array<double, K> deterministic_sums(Threads threads, std::size_t n, AddBlock add_block) {
  const std::size_t blocks = (n + kReductionBlock - 1) / kReductionBlock;
  std::vector<std::array<double, K>> partial(blocks);
#pragma omp parallel for schedule(static) num_threads(threads.count())
  for (std::size_t b = 0; b < blocks; ++b) {
    std::array<double, K> s{};
    add_block(b * kReductionBlock, std::min(n, (b + 1) * kReductionBlock), s);
    partial[b] = s;
  }
  std::array<double, K> total{};
  for (const std::array<double, K>& s : partial) {
    for (std::size_t k = 0; k < K; ++k) total[k] += s[k];
  }
  return total;
}

/// Maximum of value(c) for c in [0, n) on `threads` threads (max is exact, so any order gives
/// the same result); returns `init` for n = 0. NaN values propagate.
template <class Value>
double parallel_max(Threads threads, std::size_t n, Value value, double init = 0.0) {
  double result = init;
  bool saw_nan = false;
  // Left as written: clang-format would break the clause list at its colons.
  // clang-format off
#pragma omp parallel for schedule(static) num_threads(threads.count()) \
    reduction(max : result) reduction(|| : saw_nan)
  // clang-format on
  for (std::size_t c = 0; c < n; ++c) {
    const double v = value(c);
    if (v != v) saw_nan = true;
    result = std::max(result, v);
  }
  return saw_nan ? std::numeric_limits<double>::quiet_NaN() : result;
}

}  // namespace dermasim
