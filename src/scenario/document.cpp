// Scenario text -> located tree (document.hpp): file checks, yaml-cpp parsing, duplicate keys,
// limits, and --set overrides.
#include "dermasim/scenario/document.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"

namespace dermasim::scenario {
namespace {

Location at(const std::string& source, const YAML::Mark& mark) {
  if (mark.line < 0) return Location{source, 0, 0};
  return Location{source, mark.line + 1, mark.column + 1};
}

[[noreturn]] void fail(const Location& where, const std::string& message) {
  throw InputError(where.str() + ": " + message);
}

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

class Converter {
 public:
  explicit Converter(std::string source) : source_(std::move(source)) {}

  Node convert(const YAML::Node& in, const std::string& path, int depth) {
    Node out;
    out.where = at(source_, in.Mark());
    if (++nodes_ > kMaxNodes) {
      fail(out.where, "the document expands to more than " + std::to_string(kMaxNodes) +
                          " values (through anchors and aliases?); a scenario is far smaller");
    }
    if (depth > kMaxNesting) {
      fail(out.where, (path.empty() ? std::string("document") : path) + ": nested more than " +
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

 private:
  void add_entry(Node& map, const std::pair<YAML::Node, YAML::Node>& kv, const std::string& path,
                 int depth) {
    const Location key_where = at(source_, kv.first.Mark());
    if (!kv.first.IsScalar()) {
      fail(key_where, (path.empty() ? std::string("document") : path) +
                          ": a key must be a plain name, not " +
                          (kv.first.IsMap()        ? "a mapping"
                           : kv.first.IsSequence() ? "a list"
                                                   : "empty"));
    }
    const std::string key = kv.first.Scalar();
    const std::string full = join(path, key);
    for (const auto& e : map.entries) {
      if (e.key == key) {
        fail(key_where, full + ": duplicate key (first given at line " +
                            std::to_string(e.key_where.line) + "); give each key once");
      }
    }
    Node value = convert(kv.second, full, depth + 1);
    if (value.kind == Node::Kind::kNull) value.where = key_where;
    map.entries.push_back({key, key_where, std::move(value)});
  }

  std::string source_;
  std::size_t nodes_ = 0;
};

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

/// Length of the UTF-8 sequence starting with `lead`, or 0 if `lead` cannot start one.
int utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

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

void check_text(std::string_view text, const std::string& source_name) {
  int line = 1, column = 1;
  bool indentation = true;  // still in the leading whitespace of the line
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int length = utf8_length(byte);
    for (int k = 1; k < length; ++k) {
      if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        length = 0;
      }
    }
    const bool control = byte < 0x20 && byte != '\n' && byte != '\t' && byte != '\r';
    if (length == 0 || control) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      fail(Location{source_name, line, column},
           std::string("not a text file: byte ") + hex +
               " is not UTF-8 text; a scenario is a YAML text file");
    }
    if (byte == '\t' && indentation) {
      fail(Location{source_name, line, column},
           "a tab in the indentation; YAML indents with spaces only");
    }
    indentation = (byte == '\n') || (indentation && byte == ' ');
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
}

std::string read_scenario_text(const std::string& file_name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto status = fs::status(file_name, ec);
  if (ec || !fs::exists(status)) throw InputError(file_name + ": cannot read: no such file");
  if (fs::is_directory(status)) {
    throw InputError(file_name + ": is a directory; give a scenario .yaml file");
  }
  const auto size = fs::file_size(file_name, ec);
  if (!ec && size > kMaxScenarioBytes) {
    throw InputError(file_name + ": " +
                     units::format_number(std::round(size / 1048576.0 * 100) / 100) +
                     " MiB is too large for a scenario file; the limit is 1 MiB");
  }
  std::ifstream in(file_name, std::ios::binary);
  if (!in) throw InputError(file_name + ": cannot read: permission denied or not a file");
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxScenarioBytes) {
      throw InputError(file_name + ": too large for a scenario file; the limit is 1 MiB");
    }
  }
  return text;
}

Node parse_document(std::string_view text, const std::string& source_name) {
  if (text.size() > kMaxScenarioBytes) {
    throw InputError(source_name + ": too large for a scenario file; the limit is 1 MiB");
  }
  check_text(text, source_name);
  const Layout layout = scan_layout(text);
  if (!layout.first_content) {
    throw InputError(source_name +
                     ": the file is empty; a scenario needs at least one key, e.g. 'name: my-run'");
  }
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    fail(at(source_name, e.mark), "malformed YAML: " + e.msg);
  }
  if (layout.second_document) {
    fail(Location{source_name, layout.second_document, 1},
         "a second YAML document ('---'); a scenario is one document");
  }
  if (document.IsNull()) {
    fail(Location{source_name, layout.first_content, 1},
         "malformed YAML: no key found; a scenario starts with keys such as 'name: my-run'");
  }
  Node root = Converter(source_name).convert(document, "", 0);
  if (root.kind != Node::Kind::kMap) {
    fail(root.where, std::string("a scenario is a mapping of keys (name:, domain:, skin:, ...), "
                                 "not ") +
                         std::string(root.kind_name()));
  }
  return root;
}

void apply_override(Node& root, std::string_view assignment) {
  const Location where{"--set", 0, 0};
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    fail(where, "'" + std::string(assignment) +
                    "' is not KEY=VALUE; use e.g. --set treatment.needle_length=\"2 mm\"");
  }
  const std::string_view path = assignment.substr(0, equals);
  const std::string value_text(assignment.substr(equals + 1));
  for (const auto& part : split_path(path)) {
    if (part.empty()) fail(where, std::string(path) + ": empty part in key path");
  }
  Node value;
  try {
    check_text(value_text, "--set");
    value = Converter("--set").convert(YAML::Load(value_text), std::string(path), 0);
  } catch (const YAML::Exception& e) {
    fail(where, std::string(path) + ": malformed value '" + value_text + "': " + e.msg);
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
