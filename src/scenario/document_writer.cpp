// Located tree -> block YAML (document.hpp, to_yaml). Scalars are written plain when YAML reads
// the plain form back as the same string, and double-quoted otherwise, so that the text parses
// to the tree it came from: a sweep's inline base scenario reaches the loader this way.
#include <cstdio>
#include <string>
#include <string_view>

#include "dermasim/core/error.hpp"
#include "dermasim/scenario/document.hpp"

namespace dermasim::scenario {
namespace {

// Conservative: whatever might read back differently (a null word, an indicator, a comment, a
// "key: value" inside, leading or trailing blanks, control bytes) is quoted.
bool plain_is_safe(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return false;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (s.substr(0, 3) == "---" || s.substr(0, 3) == "...") return false;
  constexpr std::string_view kIndicators = "?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string_view::npos) return false;
  if (s.front() == '-' && (s.size() == 1 || s[1] == ' ')) return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) {
    return false;
  }
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  return true;
}

std::string scalar_text(std::string_view s) {
  return plain_is_safe(s) ? std::string(s) : double_quoted(s);
}

bool is_block(const Node& node) {
  return (node.kind == Node::Kind::kMap && !node.entries.empty()) ||
         (node.kind == Node::Kind::kSequence && !node.items.empty());
}

// The text after "key:" or "-" for a value that fits on that line.
std::string inline_text(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kNull:
      return "~";
    case Node::Kind::kScalar:
      return scalar_text(node.scalar);
    case Node::Kind::kMap:
      return "{}";
    case Node::Kind::kSequence:
      return "[]";
  }
  DERMASIM_UNREACHABLE();
}

void write_block(const Node& node, int indent, std::string& out);

// A block child of a list item starts on the item's line: "- key: value", following lines
// indented under it.
void write_item(const Node& item, int indent, std::string& out) {
  const std::string pad(indent, ' ');
  if (!is_block(item)) {
    out.append(pad).append("- ").append(inline_text(item)).append("\n");
    return;
  }
  std::string child;
  write_block(item, indent + 2, child);
  out.append(pad).append("- ").append(child, indent + 2);
}

void write_block(const Node& node, int indent, std::string& out) {
  const std::string pad(indent, ' ');
  if (node.kind == Node::Kind::kSequence) {
    for (const Node& item : node.items) write_item(item, indent, out);
    return;
  }
  for (const Node::Entry& e : node.entries) {
    out.append(pad).append(scalar_text(e.key)).append(":");
    if (is_block(e.value)) {
      out += "\n";
      write_block(e.value, indent + 2, out);
    } else {
      out.append(" ").append(inline_text(e.value)).append("\n");
    }
  }
}

}  // namespace

std::string to_yaml(const Node& root) {
  if (!is_block(root)) return inline_text(root) + "\n";
  std::string out;
  write_block(root, 0, out);
  return out;
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace dermasim::scenario
