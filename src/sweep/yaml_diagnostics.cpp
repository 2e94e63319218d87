// Typed YAML reads with one-line diagnostics for the sweep parser.
#include "yaml_diagnostics.hpp"

#include <charconv>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"

namespace dermasim::sweep {

YAML::Node YamlDiagnostics::load(const std::string& text) const {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError(file_.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                     std::to_string(e.mark.column + 1) + ": invalid YAML: " + e.msg);
  }
}

void YamlDiagnostics::fail(const YAML::Node& node, const std::string& key,
                           const std::string& what) const {
  std::string where = file_.string();
  // A key that is absent has no position; the message then names the file only.
  if (node.IsDefined() && node.Mark().line >= 0) {
    where += ':';
    where += std::to_string(node.Mark().line + 1);
    where += ':';
    where += std::to_string(node.Mark().column + 1);
  }
  throw InputError(where + ": " + key + ": " + what);
}

std::string YamlDiagnostics::scalar(const YAML::Node& node, const std::string& key) const {
  if (!node.IsScalar()) fail(node, key, "expected a single value");
  return node.Scalar();
}

std::vector<std::string> YamlDiagnostics::scalars(const YAML::Node& node,
                                                  const std::string& key) const {
  if (node.IsScalar()) return {node.Scalar()};
  if (!node.IsSequence()) fail(node, key, "expected a list [a, b, ...]");
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(scalar(item, key));
  return out;
}

bool YamlDiagnostics::boolean(const YAML::Node& node, const std::string& key) const {
  const std::string s = scalar(node, key);
  if (s == "true") return true;
  if (s == "false") return false;
  fail(node, key, "'" + s + "' is not a boolean; allowed: true, false");
}

std::uint64_t YamlDiagnostics::unsigned_integer(const YAML::Node& node,
                                                const std::string& key) const {
  const std::string s = scalar(node, key);
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size())
    fail(node, key, "'" + s + "' is not a whole number >= 0");
  return value;
}

void YamlDiagnostics::allow_keys(const YAML::Node& map, const std::string& where,
                                 std::initializer_list<std::string_view> allowed) const {
  const std::vector<std::string_view> names(allowed);
  for (const auto& item : map) {
    const std::string key = item.first.Scalar();
    bool known = false;
    for (auto a : names) known = known || a == key;
    if (known) continue;
    std::string list;
    for (auto a : names) list += (list.empty() ? "" : ", ") + std::string(a);
    fail(item.first, where + "." + key,
         "unknown key" + did_you_mean(key, names) + "; allowed: " + list);
  }
}

}  // namespace dermasim::sweep
