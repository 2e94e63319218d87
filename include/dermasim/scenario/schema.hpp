// Every scenario key, declared once: dotted path, type, unit, default, valid range, allowed
// values and a one-line description. This table drives parsing and checking (loader.cpp), the
// resolved echo (`dermasim validate`, results files) and docs/scenario-reference.md.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dermasim::scenario {

enum class KeyKind {
  kText,      ///< free text
  kInteger,   ///< whole number within [min, max]
  kNumber,    ///< dimensionless number within [min, max] ("%" accepted)
  kBoolean,   ///< true | false (also yes/no, on/off)
  kChoice,    ///< one of `choices`
  kQuantity,  ///< number with a unit of the dimension of `unit`, range in `unit`
};

struct KeySpec {
  std::string_view path;  ///< e.g. "treatment.needle_length"; "treatment.sessions[].at" in lists
  KeyKind kind;
  std::string_view unit;  ///< kQuantity: unit of the range, the echo and the docs
  double min, max;        ///< valid range (kInteger, kNumber, kQuantity), inclusive
  std::span<const std::string_view> choices;  ///< kChoice
  /// The default as it would be written in YAML ("6 mm"), or, when it depends on other keys,
  /// a description in parentheses ("(per device)"); empty means "none" (optional, off).
  std::string_view default_text;
  std::string_view description;

  bool derived_default() const { return !default_text.empty() && default_text.front() == '('; }
};

/// All keys, in document order (the order of the echo and the reference).
std::span<const KeySpec> scenario_keys();
/// The key at `path` (e.g. "domain.width", "treatment.sessions[].at"), or nullptr.
const KeySpec* find_key(std::string_view path);
/// True if `path` names a section (a mapping of keys), e.g. "domain", "treatment.sessions".
bool is_section(std::string_view path);
/// Paths of the keys and sections directly inside `section` ("" for the top level).
std::vector<std::string> keys_in(std::string_view section);

/// A range limit of `spec` as text: "0.1 mm", "20", and for times "30 years", "1 h" or
/// "28 days" (whole years in years, under a day in hours or minutes) so that ranges read well.
std::string format_limit(const KeySpec& spec, double value);

/// Keys a session in an explicit list may set besides `at` (course-wide keys of the same name).
std::span<const std::string_view> session_override_keys();

/// docs/scenario-reference.md: every key with type, unit, default, range and description, and
/// every model parameter that `parameters:` may override.
std::string reference_markdown();

}  // namespace dermasim::scenario
