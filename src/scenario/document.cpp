// YAML text (a scenario or a sweep file) -> located tree (document.hpp): yaml-cpp parsing,
// duplicate keys, limits, one document per file. The text checks are in document_text.cpp,
// --set overrides in override.cpp, the way back to YAML in document_writer.cpp.
#include "dermasim/scenario/document.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "dermasim/core/error.hpp"
#include "yaml_tree.hpp"

namespace dermasim::scenario {
namespace detail {

Location at(const std::string& source, const YAML::Mark& mark) {
  if (mark.line < 0) return Location{source, 0, 0};
  return Location{source, mark.line + 1, mark.column + 1};
}

void fail_at(const Location& where, const std::string& message) {
  throw InputError(where.str() + ": " + message);
}

namespace {

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

}  // namespace

Node Converter::convert(const YAML::Node& in, const std::string& path, int depth) {
  Node out;
  out.where = at(source_, in.Mark());
  if (++nodes_ > kMaxNodes) {
    fail_at(out.where, "the document expands to more than " + std::to_string(kMaxNodes) +
                           " values (through anchors and aliases?); a " + std::string(kind_.noun) +
                           " is far smaller");
  }
  if (depth > kMaxNesting) {
    fail_at(out.where, (path.empty() ? std::string("document") : path) + ": nested more than " +
                           std::to_string(kMaxNesting) + " levels deep");
  }
  switch (in.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out.kind = Node::Kind::kNull;
      break;
    case YAML::NodeType::Scalar:
      out.kind = Node::Kind::kScalar;
      out.scalar = in.Scalar();
      break;
    case YAML::NodeType::Sequence:
      out.kind = Node::Kind::kSequence;
      for (std::size_t i = 0; i < in.size(); ++i) {
        out.items.push_back(convert(in[i], path + "[" + std::to_string(i + 1) + "]", depth + 1));
      }
      break;
    case YAML::NodeType::Map:
      out.kind = Node::Kind::kMap;
      for (auto it = in.begin(); it != in.end(); ++it) add_entry(out, *it, path, depth);
      break;
  }
  return out;
}

void Converter::add_entry(Node& map, const std::pair<YAML::Node, YAML::Node>& kv,
                          const std::string& path, int depth) {
  const Location key_where = at(source_, kv.first.Mark());
  if (!kv.first.IsScalar()) {
    fail_at(key_where, (path.empty() ? std::string("document") : path) +
                           ": a key must be a plain name, not " +
                           (kv.first.IsMap()        ? "a mapping"
                            : kv.first.IsSequence() ? "a list"
                                                    : "empty"));
  }
  const std::string key = kv.first.Scalar();
  const std::string full = join(path, key);
  for (const auto& e : map.entries) {
    if (e.key == key) {
      fail_at(key_where, full + ": duplicate key (first given at line " +
                             std::to_string(e.key_where.line) + "); give each key once");
    }
  }
  Node value = convert(kv.second, full, depth + 1);
  if (value.kind == Node::Kind::kNull) value.where = key_where;
  map.entries.push_back({key, key_where, std::move(value)});
}

}  // namespace detail

namespace {

using detail::fail_at;

/// Where the document's content starts and where a second document starts (1-based lines, 0 =
/// none). yaml-cpp 0.7's LoadAll can loop forever on some malformed input (a line starting with
/// ','), so documents are counted here and only the first is parsed, with YAML::Load.
struct Layout {
  int first_content = 0;
  int second_document = 0;
};

Layout scan_layout(std::string_view text) {
  Layout out;
  bool ended = false;  // a '...' end marker after content
  int number = 0;
  auto has_content = [](std::string_view rest) {
    const auto first = rest.find_first_not_of(" \t\r");
    return first != std::string_view::npos && rest[first] != '#';
  };
  for (std::size_t start = 0; start < text.size() && !out.second_document;) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    const bool marker = (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                        (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    if (marker && line[0] == '-' && out.first_content) {
      out.second_document = number;
    } else if (marker && line[0] == '.') {
      ended = out.first_content != 0;
    } else if (has_content(marker ? line.substr(3) : line)) {
      if (!out.first_content) {
        out.first_content = number;
      } else if (ended) {
        out.second_document = number;
      }
    }
  }
  return out;
}

}  // namespace

std::string Location::str() const {
  if (line <= 0) return source;
  return source + ":" + std::to_string(line) + ":" + std::to_string(column);
}

const Node* Node::find(std::string_view key) const {
  for (const auto& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

Node& Node::get_or_add(std::string_view key, const Location& where) {
  for (auto& e : entries) {
    if (e.key == key) return e.value;
  }
  Node fresh;
  fresh.where = where;
  entries.push_back({std::string(key), where, std::move(fresh)});
  return entries.back().value;
}

std::string_view Node::kind_name() const {
  switch (kind) {
    case Kind::kNull:
      return "nothing";
    case Kind::kScalar:
      return "a value";
    case Kind::kMap:
      return "a mapping";
    case Kind::kSequence:
      return "a list";
  }
  DERMASIM_UNREACHABLE();
}

Node parse_document(std::string_view text, const std::string& source_name,
                    const DocumentKind& kind) {
  const std::string noun(kind.noun);
  if (text.size() > kMaxDocumentBytes) {
    throw InputError(source_name + ": too large for a " + noun + " file; the limit is 1 MiB");
  }
  check_text(text, source_name, kind);
  const Layout layout = scan_layout(text);
  if (!layout.first_content) {
    throw InputError(source_name + ": the file is empty; a " + noun +
                     " needs at least one key, e.g. '" + std::string(kind.example_key) + "'");
  }
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    fail_at(detail::at(source_name, e.mark), "malformed YAML: " + e.msg);
  }
  if (layout.second_document) {
    fail_at(Location{source_name, layout.second_document, 1},
            "a second YAML document ('---'); a " + noun + " is one document");
  }
  if (document.IsNull()) {
    fail_at(Location{source_name, layout.first_content, 1},
            "malformed YAML: no key found; a " + noun + " starts with keys such as '" +
                std::string(kind.example_key) + "'");
  }
  Node root = detail::Converter(source_name, kind).convert(document, "", 0);
  if (root.kind != Node::Kind::kMap) {
    fail_at(root.where, "a " + noun + " is a mapping of keys (" + std::string(kind.root_keys) +
                            "), not " + std::string(root.kind_name()));
  }
  return root;
}

}  // namespace dermasim::scenario
