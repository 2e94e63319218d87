// Sweep values as "number unit" text. The number is split off by core/units (split_quantity), the
// unit kept verbatim so that generated values use exactly the user's unit spelling; the unit is
// not interpreted here, the scenario loader converts it when a run applies the value.
//
// Numbers are formatted here rather than with units::format_number, which keeps at most 10
// significant digits for messages: a generated value must read back to exactly the double the
// summary records for its run.
#include "dermasim/sweep/quantity.hpp"

#include <array>
#include <charconv>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"

namespace dermasim::sweep {

std::optional<Quantity> parse_quantity(std::string_view text) {
  try {
    units::QuantityText q = units::split_quantity(text);
    return Quantity{q.number, std::move(q.unit_text)};
  } catch (const InputError&) {
    // Not a number: to the sweep an ordinary value such as a device name ("pen"), not an error.
    return std::nullopt;
  }
}

std::string format_number(double value) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc() ? std::string(buffer.data(), end) : std::string("nan");
}

std::string format_quantity(double value, std::string_view unit) {
  std::string text = format_number(value);
  if (!unit.empty()) {
    text += ' ';
    text += unit;
  }
  return text;
}

}  // namespace dermasim::sweep
