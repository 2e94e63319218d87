// A scenario document as a small tree of scalars, mappings and sequences, each node carrying
// the place it came from (FILE:LINE:COL, or "--set" for command-line overrides). It is built
// from yaml-cpp's tree once, catching what yaml-cpp lets through: duplicate keys, runaway alias
// expansion, excessive nesting, several documents in one file. The scenario loader reads only
// this tree, so file and --set values are checked by the same code.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::scenario {

/// Where a value came from; line 0 means "no line" (a --set override or a whole file).
struct Location {
  std::string source;       ///< file name as given, or "--set"
  int line = 0;             ///< 1-based
  int column = 0;           ///< 1-based
  std::string str() const;  ///< "boxcar.yaml:14:18", "boxcar.yaml" or "--set"
};

struct Node {
  enum class Kind { kNull, kScalar, kMap, kSequence };
  struct Entry;
  Kind kind = Kind::kNull;
  std::string scalar;          ///< kScalar: the text
  std::vector<Entry> entries;  ///< kMap, in file order
  std::vector<Node> items;     ///< kSequence
  Location where;              ///< of the value (of the key for a null value)

  const Node* find(std::string_view key) const;  ///< map entry value, or nullptr
  Node& get_or_add(std::string_view key, const Location& where);
  std::string_view kind_name() const;  ///< "nothing", "a value", "a mapping", "a list"
};

struct Node::Entry {
  std::string key;
  Location key_where;
  Node value;
};

/// Limits that keep a hostile file from exhausting memory or stack.
inline constexpr std::size_t kMaxScenarioBytes = 1 << 20;
inline constexpr int kMaxNesting = 32;
inline constexpr std::size_t kMaxNodes = 20000;

/// Reads a scenario file as text. Throws InputError "FILE: ..." when it cannot be read, is
/// larger than 1 MiB, is empty (nothing but blanks and comments) or is not UTF-8 text.
std::string read_scenario_text(const std::string& file_name);

/// Checks `text` is non-empty UTF-8 without NUL bytes (InputError naming line and column).
void check_text(std::string_view text, const std::string& source_name);

/// Parses YAML text into a tree whose locations name `source_name`. Throws InputError for
/// malformed YAML, duplicate keys, non-string keys, anchors expanding beyond kMaxNodes, nesting
/// beyond kMaxNesting, or more than one document.
Node parse_document(std::string_view text, const std::string& source_name);

/// Applies one `KEY.PATH=VALUE` override to `root` (creating sections as needed and replacing
/// whatever was there). The value is YAML (a scalar such as `2 mm`, or a flow mapping such as
/// `{count: 3, spacing: 6 weeks}`); every node it creates is located at "--set". Names under
/// `parameters.` keep their dots (`parameters.fibroblast.proliferation_rate=0.7 /day`).
void apply_override(Node& root, std::string_view assignment);

}  // namespace dermasim::scenario
