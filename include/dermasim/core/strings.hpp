// Small string helpers for diagnostics.
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace dermasim {

/// Levenshtein edit distance.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// "; did you mean 'x'?" naming the nearest candidate when it is close enough
/// (distance at most a third of the longer name, at least 2), else "".
std::string did_you_mean(std::string_view given, std::span<const std::string_view> candidates);

}  // namespace dermasim
