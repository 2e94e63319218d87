// A varied value as the sweep layer sees it: a number and its unit kept verbatim ("1.5 mm",
// "4 weeks", "0.6 /day", "3"). The sweep layer never converts units; it only needs the number to
// sample ranges and distributions, and writes generated values back in the unit the user gave.
// The scenario loader converts each value when the run applies it as a `--set` override.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dermasim::sweep {

struct Quantity {
  double value = 0.0;
  std::string unit;  ///< verbatim unit suffix, trimmed; empty for a dimensionless number
};

/// "1.5 mm" -> {1.5, "mm"}, "1.5mm" -> {1.5, "mm"}, "3" -> {3, ""}; nullopt when the text does not
/// start with a finite number ("pen", "III", "").
std::optional<Quantity> parse_quantity(std::string_view text);

/// Shortest text that reads back to exactly the same double ("0.1", "1e-05", "12").
std::string format_number(double value);

/// "1.5 mm", or "3" for a dimensionless value.
std::string format_quantity(double value, std::string_view unit);

}  // namespace dermasim::sweep
