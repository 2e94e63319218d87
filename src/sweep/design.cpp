// Run-table generation for the five designs (see design.hpp). All randomness comes from Rng
// streams derived from the sweep seed, one stream per purpose, so the table depends on the seed
// and the spec only.
#include "dermasim/sweep/design.hpp"

#include <cmath>
#include <numeric>

#include "dermasim/core/error.hpp"
#include "dermasim/core/rng.hpp"
#include "dermasim/sweep/quantity.hpp"
#include "dermasim/sweep/sobol_sequence.hpp"

namespace dermasim::sweep {

namespace {

// Rng streams, fixed so that adding one purpose never shifts the draws of another.
enum Stream : std::uint64_t { kLhsPermute = 1, kLhsJitter = 2, kSobolShift = 3, kMorris = 4 };

std::size_t below(Rng& rng, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(rng.uniform() * static_cast<double>(n)));
}

void shuffle(std::vector<std::size_t>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(rng, i)]);
}

// Design coordinates (runs x k) of each design; values follow from value_at().
std::vector<double> grid_points(const SweepSpec& spec, std::size_t& runs) {
  const std::size_t k = spec.vary.size();
  runs = 1;
  for (const auto& v : spec.vary) runs *= v.values.size();
  std::vector<double> u(runs * k);
  for (std::size_t r = 0; r < runs; ++r) {
    std::size_t rest = r;
    for (std::size_t j = k; j-- > 0;) {  // last key fastest
      const std::size_t n = spec.vary[j].values.size();
      const std::size_t i = rest % n;
      rest /= n;
      // Centre of the entry's cell, so that value_at() maps it back to entry i exactly.
      u[r * k + j] = (static_cast<double>(i) + 0.5) / static_cast<double>(n);
    }
  }
  return u;
}

std::vector<double> zip_points(const SweepSpec& spec, std::size_t& runs) {
  const std::size_t k = spec.vary.size();
  runs = spec.vary.front().values.size();
  std::vector<double> u(runs * k);
  for (std::size_t r = 0; r < runs; ++r)
    for (std::size_t j = 0; j < k; ++j)
      u[r * k + j] = (static_cast<double>(r) + 0.5) / static_cast<double>(runs);
  return u;
}

std::vector<double> latin_hypercube_points(const SweepSpec& spec, std::size_t& runs) {
  const std::size_t k = spec.vary.size();
  runs = spec.design.samples;
  std::vector<double> u(runs * k);
  Rng permute(spec.seed, kLhsPermute), jitter(spec.seed, kLhsJitter);
  std::vector<std::size_t> strata(runs);
  for (std::size_t j = 0; j < k; ++j) {
    std::iota(strata.begin(), strata.end(), 0);
    shuffle(strata, permute);
    for (std::size_t r = 0; r < runs; ++r)
      u[r * k + j] =
          (static_cast<double>(strata[r]) + jitter.uniform()) / static_cast<double>(runs);
  }
  return u;
}

std::vector<double> saltelli_points(const SweepSpec& spec, std::size_t& runs) {
  const std::size_t k = spec.vary.size();
  const std::size_t n = spec.design.samples;
  runs = n * (k + 2);
  const SobolSequence sobol(2 * k);
  // A random digital shift (XOR of each coordinate with a seeded constant) randomises the
  // sequence without breaking its net structure, so the seed means something for sobol too.
  Rng rng(spec.seed, kSobolShift);
  std::vector<std::uint32_t> shift(2 * k), bits(2 * k);
  for (auto& s : shift) s = static_cast<std::uint32_t>(rng.next() >> 32);
  std::vector<double> u(runs * k);
  auto at = [&](std::size_t block, std::size_t i, std::size_t j) -> double& {
    return u[(block * n + i) * k + j];
  };
  for (std::size_t i = 0; i < n; ++i) {
    sobol.point_bits(i, bits);
    for (std::size_t j = 0; j < 2 * k; ++j) bits[j] ^= shift[j];
    for (std::size_t j = 0; j < k; ++j) {
      // Mid-point of the 2^-32 cell, so that no coordinate is exactly 0 (an infinite normal tail).
      const double a = (static_cast<double>(bits[j]) + 0.5) * 0x1p-32;
      const double b = (static_cast<double>(bits[k + j]) + 0.5) * 0x1p-32;
      at(0, i, j) = a;
      at(1, i, j) = b;
      for (std::size_t c = 0; c < k; ++c) at(2 + c, i, j) = c == j ? b : a;
    }
  }
  return u;
}

std::vector<double> morris_points(const SweepSpec& spec, std::size_t& runs) {
  const std::size_t k = spec.vary.size();
  const std::size_t r = spec.design.trajectories;
  const std::size_t p = spec.design.levels;
  runs = r * (k + 1);
  const double step = static_cast<double>(p) / (2.0 * static_cast<double>(p - 1));
  const double level = 1.0 / static_cast<double>(p - 1);
  Rng rng(spec.seed, kMorris);
  std::vector<double> u(runs * k);
  std::vector<std::size_t> order(k);
  std::vector<double> x(k), direction(k);
  for (std::size_t t = 0; t < r; ++t) {
    // Start in the lower half of the levels and step up, or in the upper half and step down:
    // every move stays on the grid and both directions are equally likely.
    for (std::size_t j = 0; j < k; ++j) {
      const double lower = static_cast<double>(below(rng, p / 2)) * level;
      const bool up = rng.uniform() < 0.5;
      x[j] = up ? lower : lower + step;
      direction[j] = up ? step : -step;
    }
    std::iota(order.begin(), order.end(), 0);
    shuffle(order, rng);
    const std::size_t first = t * (k + 1);
    std::copy(x.begin(), x.end(), u.begin() + static_cast<std::ptrdiff_t>(first * k));
    for (std::size_t s = 0; s < k; ++s) {
      x[order[s]] += direction[order[s]];
      std::copy(x.begin(), x.end(), u.begin() + static_cast<std::ptrdiff_t>((first + s + 1) * k));
    }
  }
  return u;
}

}  // namespace

RunTable build_run_table(const SweepSpec& spec) {
  RunTable table;
  table.design = spec.design;
  const std::size_t k = spec.vary.size();
  for (const auto& v : spec.vary) {
    table.keys.push_back(v.key);
    bool numeric = true;
    std::string unit = v.unit;
    if (v.kind == VaryKind::list) {
      for (std::size_t i = 0; i < v.values.size(); ++i) {
        const auto q = parse_quantity(v.values[i]);
        numeric = numeric && q && (i == 0 || q->unit == unit);
        if (q && i == 0) unit = q->unit;
      }
    }
    table.numeric.push_back(numeric);
    table.units.push_back(numeric ? unit : "");
  }
  std::vector<double> u;
  switch (spec.design.kind) {
    case DesignKind::grid:
      u = grid_points(spec, table.runs);
      break;
    case DesignKind::zip:
      u = zip_points(spec, table.runs);
      break;
    case DesignKind::latin_hypercube:
      u = latin_hypercube_points(spec, table.runs);
      break;
    case DesignKind::sobol:
      u = saltelli_points(spec, table.runs);
      break;
    case DesignKind::morris:
      u = morris_points(spec, table.runs);
      break;
    default:
      DERMASIM_UNREACHABLE();
  }
  table.unit_point = std::move(u);
  table.text.resize(table.runs * k);
  table.number.resize(table.runs * k);
  for (std::size_t r = 0; r < table.runs; ++r) {
    for (std::size_t j = 0; j < k; ++j) {
      auto [text, number] = value_at(spec.vary[j], table.unit_point[r * k + j]);
      table.text[r * k + j] = std::move(text);
      table.number[r * k + j] = table.numeric[j] ? number : std::nan("");
    }
  }
  return table;
}

}  // namespace dermasim::sweep
