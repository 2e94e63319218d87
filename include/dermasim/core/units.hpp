// Physical units at the input boundary: parses quantities such as "1.5 mm", "250 µm", "2 weeks",
// "0.6 /day", "100 /cm2", "5e3 cells/mm3", "10 ng/mL" or "0.3 mm2/(day*ng/mL)", checks their
// dimension and converts them, once, to the unit the engine wants.
//
// Unit grammar:   unit   := ['/'] term          ("/day" means 1/day)
//                 term   := factor (('*' | '/') factor)*      (left to right: a/b*c = (a/b)*c)
//                 factor := (atom | '(' term ')') [digits | '^' ['-'] digits]   (mm2, cm^3, s^-1)
// Atoms: lengths nm um µm mm cm m; times s min h hour(s) d day(s) week(s) month(s) (30.4375 d)
// year(s) (365.25 d); masses pg ng ug µg mg g kg; volumes uL µL mL L; counts cell(s);
// energies mJ J kJ, power W; temperature K; amount mol; dimensionless "1" and "%".
// Every unit is a factor times a product of powers of the engine base units
// mm, day, mg, cells, mJ, K, mol, so ng/mL = 1e-9 mg/mm3 and /cm2 = 0.01 /mm2.
//
// Errors are InputError with a message that names the value but not its location; the caller
// (the scenario layer) prefixes "FILE:LINE:COL: key.path: ".
#pragma once
#include <array>
#include <string>
#include <string_view>

namespace dermasim::units {

/// Exponents of the base dimensions.
struct Dimension {
  enum Base { kLength, kTime, kMass, kCells, kEnergy, kTemperature, kAmount, kBaseCount };
  std::array<int, kBaseCount> exponent{};
  bool operator==(const Dimension&) const = default;
  bool dimensionless() const { return *this == Dimension{}; }
};

/// A unit: value in engine base units = number * factor.
struct Unit {
  double factor = 1.0;
  Dimension dimension;
};

/// A parsed quantity: the number as written, and the unit it was written in.
struct Quantity {
  double number = 0.0;
  std::string unit_text;  ///< as written, trimmed; empty for a bare number
  Unit unit;              ///< dimensionless with factor 1 for a bare number
  double engine_value() const { return number * unit.factor; }
};

/// The number of "NUMBER [UNIT]" and the rest as written, the unit not yet interpreted: for
/// callers that keep the user's unit spelling instead of converting (the sweep layer).
struct QuantityText {
  double number = 0.0;
  std::string unit_text;  ///< trimmed; empty for a bare number; not checked to be a unit
};

/// Splits "NUMBER [UNIT]" ("+" sign allowed, blanks around); throws InputError when the number
/// is missing, out of range or not finite. parse_quantity is this plus parse_unit.
QuantityText split_quantity(std::string_view text);

/// Parses a unit expression; throws InputError "unknown unit 'x'; did you mean 'y'?" or a syntax
/// message. "" and "1" are dimensionless.
Unit parse_unit(std::string_view text);

/// Parses "NUMBER [UNIT]"; throws InputError when the number is missing or not finite, or the
/// unit does not parse.
Quantity parse_quantity(std::string_view text);

/// Converts `text` to `target_unit` (e.g. "mm", "/day", "mm2/(day*ng/mL)"). Throws InputError:
///  - "1.5 needs a unit, e.g. '1.5 mm'" for a bare number when the target has a dimension;
///  - "2 weeks is a time, not a length; use e.g. '1.5 mm'" for the wrong dimension.
double convert(std::string_view text, std::string_view target_unit);
/// The same for an already parsed quantity.
double convert(const Quantity& quantity, std::string_view target_unit);

/// Number of `to` in one `from`, e.g. conversion_factor("cm", "mm") = 10. Dimensions must match.
double conversion_factor(std::string_view from, std::string_view to);

/// A readable name of a dimension: "length", "time", "rate (per time)", "areal density
/// (per area)", ..., falling back to the base-unit expression, e.g. "mm2/day".
std::string dimension_name(const Dimension& dimension);

/// Shortest round-tripping decimal form of a number (at most 10 significant digits), e.g.
/// "0.02", "365.25", "5000", "1e-09".
std::string format_number(double value);

/// "1.5 mm", or just "3" for the dimensionless unit "" / "1".
std::string format_quantity(double value, std::string_view unit);

}  // namespace dermasim::units
