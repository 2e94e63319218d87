// Internal to the document front end (document.hpp): yaml-cpp's tree to the located Node tree,
// shared by the parser of whole files (document.cpp) and of --set values (override.cpp), so
// that both enforce the same limits and reject duplicate keys alike.
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <utility>

#include "dermasim/scenario/document.hpp"

namespace dermasim::scenario::detail {

Location at(const std::string& source, const YAML::Mark& mark);

/// Throws InputError "LOCATION: message".
[[noreturn]] void fail_at(const Location& where, const std::string& message);

/// Converts one yaml-cpp tree, counting its values against kMaxNodes and its depth against
/// kMaxNesting; `kind` words the messages ("a scenario is far smaller").
class Converter {
 public:
  Converter(std::string source, const DocumentKind& kind)
      : source_(std::move(source)), kind_(kind) {}

  Node convert(const YAML::Node& in, const std::string& path, int depth);

 private:
  void add_entry(Node& map, const std::pair<YAML::Node, YAML::Node>& kv, const std::string& path,
                 int depth);

  std::string source_;
  DocumentKind kind_;
  std::size_t nodes_ = 0;
};

}  // namespace dermasim::scenario::detail
