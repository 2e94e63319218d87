// The design: section of a sweep file, and the checks that need both the design and the
// variations: which kinds fit which design, equal lengths for zip, the size of a grid
// (spec_parts.hpp).
#include <array>
#include <string>

#include "dermasim/core/strings.hpp"
#include "spec_parts.hpp"

namespace dermasim::sweep::detail {
namespace {

constexpr std::size_t kMaxSobolKeys = 20;  // 2k Sobol dimensions must fit the direction table

}  // namespace

Design read_design(const Node& root) {
  const Node* found = root.find("design");
  if (!found) fail(root, "design", "missing; allowed: grid, zip, latin-hypercube, sobol, morris");
  const Node& node = *found;
  const bool is_map = node.kind == Node::Kind::kMap;
  const Node* type = is_map ? node.find("type") : &node;
  if (!type) {
    fail(node, "design.type", "missing; allowed: grid, zip, latin-hypercube, sobol, morris");
  }
  const std::string kind = scalar(*type, "design");
  constexpr std::array<std::string_view, 5> kinds = {"grid", "zip", "latin-hypercube", "sobol",
                                                     "morris"};
  Design d;
  if (kind == "grid") {
    d.kind = DesignKind::grid;
  } else if (kind == "zip") {
    d.kind = DesignKind::zip;
  } else if (kind == "latin-hypercube") {
    d.kind = DesignKind::latin_hypercube;
  } else if (kind == "sobol") {
    d.kind = DesignKind::sobol;
  } else if (kind == "morris") {
    d.kind = DesignKind::morris;
  } else {
    fail(*type, "design",
         "'" + kind + "' is unknown" + did_you_mean(kind, kinds) +
             "; allowed: grid, zip, latin-hypercube, sobol, morris");
  }
  if (is_map) allow_keys(node, "design", {"type", "samples", "trajectories", "levels"});
  auto count = [&](const char* field, std::uint64_t fallback, std::uint64_t lo) {
    const Node* given = is_map ? node.find(field) : nullptr;
    if (!given) {
      if (fallback == 0) {
        fail(node, std::string("design.") + field,
             "missing; write design: {type: " + kind + ", " + field + ": N}");
      }
      return static_cast<std::size_t>(fallback);
    }
    const std::uint64_t x = unsigned_integer(*given, std::string("design.") + field);
    if (x < lo || x > kMaxRuns) {
      fail(*given, std::string("design.") + field,
           "must be " + std::to_string(lo) + " .. " + std::to_string(kMaxRuns));
    }
    return static_cast<std::size_t>(x);
  };
  if (d.kind == DesignKind::latin_hypercube) d.samples = count("samples", 0, 1);
  if (d.kind == DesignKind::sobol) d.samples = count("samples", 0, 4);
  if (d.kind == DesignKind::morris) {
    d.trajectories = count("trajectories", 10, 2);
    d.levels = count("levels", 4, 2);
    // The default (4) is even, so an odd count was given.
    if (d.levels % 2 != 0) {
      fail(*node.find("levels"), "design.levels", "must be even (the Morris step is p/(2(p-1)))");
    }
  }
  return d;
}

void check_design(const Node& root, const SweepSpec& spec) {
  const DesignKind kind = spec.design.kind;
  const bool discrete = kind == DesignKind::grid || kind == DesignKind::zip;
  const Node& vary = *root.find("vary");
  std::size_t runs = 1;
  for (const auto& v : spec.vary) {
    const Node& node = *vary.find(v.key);
    const std::string where = "vary." + v.key;
    const bool is_dist = v.kind == VaryKind::uniform || v.kind == VaryKind::log_uniform ||
                         v.kind == VaryKind::normal;
    if (discrete && is_dist) {
      fail(node, where,
           "a distribution needs a sampling design (latin-hypercube, sobol, morris); for " +
               std::string(to_string(kind)) + " give a list or a range");
    }
    if (!discrete && v.kind == VaryKind::range) {
      fail(node, where,
           "a range {from, to, steps} is for grid and zip designs; for " +
               std::string(to_string(kind)) + " write {distribution: uniform, min: .., max: ..}");
    }
    if (kind == DesignKind::zip && v.values.size() != spec.vary.front().values.size()) {
      fail(node, where,
           "has " + std::to_string(v.values.size()) + " values but " + spec.vary.front().key +
               " has " + std::to_string(spec.vary.front().values.size()) +
               "; zip needs lists of equal length");
    }
    if (kind == DesignKind::grid) {
      runs *= v.values.size();
      if (runs > kMaxRuns)
        fail(node, where, "the grid exceeds 1000000 runs; use a sampling design");
    }
  }
  if (kind == DesignKind::sobol && spec.vary.size() > kMaxSobolKeys) {
    fail(vary, "vary", "sobol supports at most 20 varied keys");
  }
}

}  // namespace dermasim::sweep::detail
