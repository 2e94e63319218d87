// Deterministic random numbers: xoshiro256** seeded through splitmix64. A run's randomness
// depends only on (seed, stream), never on threads or call order across streams, so results
// are reproducible bit for bit. Use one stream per purpose (e.g. one per session's needle
// pattern) so that adding randomness elsewhere does not shift existing draws.
#pragma once
#include <cstdint>

namespace dermasim {

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream = 0);
  std::uint64_t next();
  /// Uniform in [0, 1) with 53 random bits.
  double uniform();
  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Standard normal (Box-Muller, both variates drawn fresh each call for reproducibility).
  double normal();

 private:
  std::uint64_t s_[4];
};

}  // namespace dermasim
