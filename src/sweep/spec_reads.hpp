// Private to the sweep parser: typed reads of the located document tree (scenario/document.hpp,
// the front end sweep files share with scenarios) that throw InputError
// "FILE:LINE:COL: key: what is wrong; what is allowed" (docs/cli.md error format).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/scenario/document.hpp"

namespace dermasim::sweep::detail {

using scenario::Location;
using scenario::Node;

/// Throws InputError "WHERE: key: what" (WHERE without line for a whole-file location).
[[noreturn]] void fail(const Location& where, const std::string& key, const std::string& what);
[[noreturn]] inline void fail(const Node& node, const std::string& key, const std::string& what) {
  fail(node.where, key, what);
}

std::string scalar(const Node& node, const std::string& key);
/// A list of scalars, or one scalar read as a list of one.
std::vector<std::string> scalars(const Node& node, const std::string& key);
bool boolean(const Node& node, const std::string& key);
std::uint64_t unsigned_integer(const Node& node, const std::string& key);
/// Rejects any key of the mapping not in `allowed`, suggesting the nearest.
void allow_keys(const Node& map, const std::string& where,
                std::initializer_list<std::string_view> allowed);

}  // namespace dermasim::sweep::detail
