// Private helpers of the sweep parser: typed reads of YAML nodes that throw InputError with the
// node's FILE:LINE:COL, the dotted key and what is allowed (docs/cli.md and docs/file-format.md
// error format).
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::sweep {

class YamlDiagnostics {
 public:
  explicit YamlDiagnostics(std::filesystem::path file) : file_(std::move(file)) {}

  /// Parses text; a syntax error becomes "FILE:LINE:COL: invalid YAML: ...".
  YAML::Node load(const std::string& text) const;
  [[noreturn]] void fail(const YAML::Node& node, const std::string& key,
                         const std::string& what) const;

  std::string scalar(const YAML::Node& node, const std::string& key) const;
  /// A list of scalars, or one scalar read as a list of one.
  std::vector<std::string> scalars(const YAML::Node& node, const std::string& key) const;
  bool boolean(const YAML::Node& node, const std::string& key) const;
  std::uint64_t unsigned_integer(const YAML::Node& node, const std::string& key) const;
  /// Rejects any key of the mapping not in `allowed`, suggesting the nearest.
  void allow_keys(const YAML::Node& map, const std::string& where,
                  std::initializer_list<std::string_view> allowed) const;

 private:
  std::filesystem::path file_;
};

}  // namespace dermasim::sweep
