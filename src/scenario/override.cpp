// --set KEY.PATH=VALUE overrides applied to a located tree (document.hpp).
#include <yaml-cpp/yaml.h>

#include "dermasim/scenario/document.hpp"
#include "yaml_tree.hpp"

namespace dermasim::scenario {
namespace {

using detail::fail_at;

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  constexpr std::string_view kParameters = "parameters.";
  if (path.substr(0, kParameters.size()) == kParameters) {
    return {"parameters", std::string(path.substr(kParameters.size()))};
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = path.find('.', start);
    parts.emplace_back(path.substr(start, dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

void relocate(Node& node, const Location& where) {
  node.where = where;
  for (auto& e : node.entries) {
    e.key_where = where;
    relocate(e.value, where);
  }
  for (auto& item : node.items) relocate(item, where);
}

}  // namespace

void apply_override(Node& root, std::string_view assignment) {
  const Location where{"--set", 0, 0};
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    fail_at(where, "'" + std::string(assignment) +
                       "' is not KEY=VALUE; use e.g. --set treatment.needle_length=\"2 mm\"");
  }
  const std::string_view path = assignment.substr(0, equals);
  const std::string value_text(assignment.substr(equals + 1));
  for (const auto& part : split_path(path)) {
    if (part.empty()) fail_at(where, std::string(path) + ": empty part in key path");
  }
  Node value;
  try {
    check_text(value_text, "--set");
    value = detail::Converter("--set", kScenarioDocument)
                .convert(YAML::Load(value_text), std::string(path), 0);
  } catch (const YAML::Exception& e) {
    fail_at(where, std::string(path) + ": malformed value '" + value_text + "': " + e.msg);
  }
  relocate(value, where);
  Node* node = &root;
  for (const auto& part : split_path(path)) {
    if (node->kind != Node::Kind::kMap) {
      *node = Node{};
      node->kind = Node::Kind::kMap;
      node->where = where;
    }
    node = &node->get_or_add(part, where);
  }
  *node = std::move(value);
}

}  // namespace dermasim::scenario
