// Internal to the scenario layer: reads typed values from a located document tree against the
// key table (schema.hpp), throwing one-line located errors, and records what it resolved for
// the echo. Not a public header: the loader is its only user.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/scenario/document.hpp"
#include "dermasim/scenario/scenario_error.hpp"
#include "dermasim/scenario/schema.hpp"

namespace dermasim::scenario::detail {

/// A parsed value of any kind. Quantities are in the key's unit (KeySpec::unit).
struct Value {
  bool present = true;  ///< false: an optional key left at "none"
  double number = 0.0;  ///< kQuantity, kNumber, kInteger
  long long integer = 0;
  bool boolean = false;
  std::size_t choice = 0;  ///< index into KeySpec::choices
  std::string text;        ///< kText
  std::string canonical;   ///< how the echo writes it, e.g. "1.5 mm"
};

/// One line of the echo: a resolved key, its canonical value and a comment.
struct EchoLine {
  std::string path;
  std::string value;
  std::string comment;
};

/// Parses `node` (a scalar) as a value of `spec`; errors name `path` (which may differ from
/// spec.path, e.g. "treatment.sessions[2].needle_length") and the node's location.
Value parse_value(const KeySpec& spec, const std::string& path, const Node& node);

/// Throws ScenarioError(where, path, what).
[[noreturn]] void fail(const Location& where, const std::string& path, const std::string& what);

class Reader {
 public:
  explicit Reader(const Node& root) : root_(root) {}

  /// Rejects keys that are not in the key table, naming the nearest known key.
  void check_keys() const;

  /// The node at a dotted path ("treatment.sessions[2].at"), or nullptr (absent).
  const Node* node(std::string_view path) const;
  /// Where the key at `path` is, or its nearest existing parent section, or the file.
  Location where(std::string_view path) const;

  /// Reads the key at spec path `path`, or its default: `derived_default` if given, else the
  /// key's literal default. Records an echo line.
  Value get(std::string_view path, std::optional<std::string> derived_default = std::nullopt,
            const std::string& default_note = "default");
  /// True when the key is given (not absent, not null).
  bool given(std::string_view path) const;

  const std::vector<EchoLine>& echo() const { return echo_; }
  void add_echo(EchoLine line) { echo_.push_back(std::move(line)); }

 private:
  void check_map(const Node& map, const std::string& section) const;

  const Node& root_;
  std::vector<EchoLine> echo_;
};

}  // namespace dermasim::scenario::detail
