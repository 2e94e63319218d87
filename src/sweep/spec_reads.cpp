// Typed reads of located nodes with one-line diagnostics (spec_reads.hpp).
#include "spec_reads.hpp"

#include <charconv>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"

namespace dermasim::sweep::detail {

void fail(const Location& where, const std::string& key, const std::string& what) {
  throw InputError(where.str() + ": " + key + ": " + what);
}

std::string scalar(const Node& node, const std::string& key) {
  if (node.kind != Node::Kind::kScalar) fail(node, key, "expected a single value");
  return node.scalar;
}

std::vector<std::string> scalars(const Node& node, const std::string& key) {
  if (node.kind == Node::Kind::kScalar) return {node.scalar};
  if (node.kind != Node::Kind::kSequence) fail(node, key, "expected a list [a, b, ...]");
  std::vector<std::string> out;
  for (const Node& item : node.items) out.push_back(scalar(item, key));
  return out;
}

bool boolean(const Node& node, const std::string& key) {
  const std::string s = scalar(node, key);
  if (s == "true") return true;
  if (s == "false") return false;
  fail(node, key, "'" + s + "' is not a boolean; allowed: true, false");
}

std::uint64_t unsigned_integer(const Node& node, const std::string& key) {
  const std::string s = scalar(node, key);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) {
    fail(node, key, "'" + s + "' is not a whole number >= 0");
  }
  return value;
}

void allow_keys(const Node& map, const std::string& where,
                std::initializer_list<std::string_view> allowed) {
  const std::vector<std::string_view> names(allowed);
  for (const Node::Entry& entry : map.entries) {
    bool known = false;
    for (auto a : names) known = known || a == entry.key;
    if (known) continue;
    std::string list;
    for (auto a : names) list += (list.empty() ? "" : ", ") + std::string(a);
    fail(entry.key_where, where + "." + entry.key,
         "unknown key" + did_you_mean(entry.key, names) + "; allowed: " + list);
  }
}

}  // namespace dermasim::sweep::detail
