// A YAML document (a scenario, a sweep file) as a small tree of scalars, mappings and
// sequences, each node carrying the place it came from (FILE:LINE:COL, or "--set" for
// command-line overrides). It is built from yaml-cpp's tree once, catching what yaml-cpp lets
// through: duplicate keys, runaway alias expansion, excessive nesting, several documents in one
// file, text that is not UTF-8. The scenario loader and the sweep parser read only this tree, so
// both kinds of file, and --set values, are checked by the same code.
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

/// What kind of file a document is, for the wording of the checks every document gets.
struct DocumentKind {
  std::string_view noun;         ///< "scenario": "a scenario is one document"
  std::string_view example_key;  ///< what an empty file is told to start with
  std::string_view root_keys;    ///< what the root mapping holds, for "not a list"
};
inline constexpr DocumentKind kScenarioDocument{"scenario", "name: my-run",
                                                "name:, domain:, skin:, ..."};
inline constexpr DocumentKind kSweepDocument{"sweep", "base: scenario.yaml",
                                             "base:, vary:, design:, outputs:, ..."};

/// Limits that keep a hostile file from exhausting memory or stack.
inline constexpr std::size_t kMaxDocumentBytes = 1 << 20;
inline constexpr int kMaxNesting = 32;
inline constexpr std::size_t kMaxNodes = 20000;

/// Reads a document file as text. Throws InputError "FILE: ..." when it cannot be read or is
/// larger than kMaxDocumentBytes (1 MiB).
std::string read_document_text(const std::string& file_name,
                               const DocumentKind& kind = kScenarioDocument);

/// Checks `text` is UTF-8 without control bytes (other than tab, CR, LF) and without tabs in
/// the indentation (InputError naming line and column).
void check_text(std::string_view text, const std::string& source_name,
                const DocumentKind& kind = kScenarioDocument);

/// Parses YAML text into a tree whose locations name `source_name`; the root must be a
/// mapping. Throws InputError for text over kMaxDocumentBytes or failing check_text, an empty
/// document, malformed YAML, duplicate keys, non-string keys, anchors expanding beyond
/// kMaxNodes, nesting beyond kMaxNesting, or more than one document.
Node parse_document(std::string_view text, const std::string& source_name,
                    const DocumentKind& kind = kScenarioDocument);

/// `text` as a YAML double-quoted scalar: quotes and backslashes escaped, \n and \t by name,
/// other control bytes as \xNN; YAML reads it back as `text`.
std::string double_quoted(std::string_view text);

/// The tree as block YAML that parses back to the same tree (locations aside): "key: value"
/// lines indented by two spaces, "- item" for lists, scalars quoted only where YAML needs it.
/// A sweep's inline base scenario is handed to the scenario loader this way.
std::string to_yaml(const Node& root);

/// Applies one `KEY.PATH=VALUE` override to `root` (creating sections as needed and replacing
/// whatever was there). The value is YAML (a scalar such as `2 mm`, or a flow mapping such as
/// `{count: 3, spacing: 6 weeks}`); every node it creates is located at "--set". Names under
/// `parameters.` keep their dots (`parameters.fibroblast.proliferation_rate=0.7 /day`).
void apply_override(Node& root, std::string_view assignment);

}  // namespace dermasim::scenario
