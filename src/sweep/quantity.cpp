// Minimal "number unit" parsing for sweep values: the number is read with from_chars, the rest is
// the unit, kept verbatim so that generated values use exactly the user's unit spelling.
#include "dermasim/sweep/quantity.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace dermasim::sweep {

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

}  // namespace

std::optional<Quantity> parse_quantity(std::string_view text) {
  text = trim(text);
  // from_chars rejects a leading '+', which users write for signed values.
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || !std::isfinite(value)) return std::nullopt;
  const std::string_view rest = trim(text.substr(static_cast<std::size_t>(end - text.data())));
  return Quantity{value, std::string(rest)};
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
