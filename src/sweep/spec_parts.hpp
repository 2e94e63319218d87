// Private to the sweep parser (spec_parser.cpp): the sections that have a file of their own
// because each is a job of its own, the varied keys (vary_parser.cpp) and the design with its
// fit to the variations (design_parser.cpp).
#pragma once
#include <vector>

#include "dermasim/sweep/spec.hpp"
#include "spec_reads.hpp"

namespace dermasim::sweep::detail {

/// vary: -> the varied keys (lists, ranges, distributions), each checked on its own.
std::vector<VariedKey> read_vary(const Node& root);

/// design: -> the design kind and its counts.
Design read_design(const Node& root);

/// Which variations fit which design, and the size of the run table.
void check_design(const Node& root, const SweepSpec& spec);

/// Largest run table a sweep may describe.
inline constexpr std::size_t kMaxRuns = 1'000'000;

}  // namespace dermasim::sweep::detail
