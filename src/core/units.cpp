// Unit parsing and dimensional analysis (see units.hpp for the grammar). A recursive-descent
// parser over the unit text; every atom is a factor times a Dimension in engine base units.
#include "dermasim/core/units.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/core/strings.hpp"

namespace dermasim::units {
namespace {

using B = Dimension::Base;

constexpr Dimension dim(int length, int time, int mass = 0, int cells = 0, int energy = 0,
                        int temperature = 0, int amount = 0) {
  return Dimension{{length, time, mass, cells, energy, temperature, amount}};
}

struct Atom {
  std::string_view name;
  double factor;  ///< engine base units per one of this unit
  Dimension dimension;
};

constexpr double kDay = 1.0;
constexpr double kSecond = kDay / 86400.0;
// Calendar conventions of docs/cli.md and docs/file-format.md: a month is 30.4375 days, a year
// 365.25 days.
constexpr Atom kAtoms[] = {
    {"nm", 1e-6, dim(1, 0)},
    {"um", 1e-3, dim(1, 0)},
    {"\xC2\xB5m", 1e-3, dim(1, 0)},
    {"\xCE\xBCm", 1e-3, dim(1, 0)},
    {"mm", 1.0, dim(1, 0)},
    {"cm", 10.0, dim(1, 0)},
    {"m", 1e3, dim(1, 0)},
    {"s", kSecond, dim(0, 1)},
    {"sec", kSecond, dim(0, 1)},
    {"min", 60 * kSecond, dim(0, 1)},
    {"h", kDay / 24, dim(0, 1)},
    {"hr", kDay / 24, dim(0, 1)},
    {"hour", kDay / 24, dim(0, 1)},
    {"hours", kDay / 24, dim(0, 1)},
    {"d", kDay, dim(0, 1)},
    {"day", kDay, dim(0, 1)},
    {"days", kDay, dim(0, 1)},
    {"week", 7 * kDay, dim(0, 1)},
    {"weeks", 7 * kDay, dim(0, 1)},
    {"month", 30.4375 * kDay, dim(0, 1)},
    {"months", 30.4375 * kDay, dim(0, 1)},
    {"year", 365.25 * kDay, dim(0, 1)},
    {"years", 365.25 * kDay, dim(0, 1)},
    {"pg", 1e-9, dim(0, 0, 1)},
    {"ng", 1e-6, dim(0, 0, 1)},
    {"ug", 1e-3, dim(0, 0, 1)},
    {"\xC2\xB5g", 1e-3, dim(0, 0, 1)},
    {"\xCE\xBCg", 1e-3, dim(0, 0, 1)},
    {"mg", 1.0, dim(0, 0, 1)},
    {"g", 1e3, dim(0, 0, 1)},
    {"kg", 1e6, dim(0, 0, 1)},
    {"uL", 1.0, dim(3, 0)},
    {"\xC2\xB5L", 1.0, dim(3, 0)},
    {"mL", 1e3, dim(3, 0)},
    {"L", 1e6, dim(3, 0)},
    {"cell", 1.0, dim(0, 0, 0, 1)},
    {"cells", 1.0, dim(0, 0, 0, 1)},
    {"mJ", 1.0, dim(0, 0, 0, 0, 1)},
    {"J", 1e3, dim(0, 0, 0, 0, 1)},
    {"kJ", 1e6, dim(0, 0, 0, 0, 1)},
    {"W", 1e3 / kSecond, dim(0, -1, 0, 0, 1)},
    {"K", 1.0, dim(0, 0, 0, 0, 0, 1)},
    {"mol", 1.0, dim(0, 0, 0, 0, 0, 0, 1)},
    {"%", 0.01, dim(0, 0)},
};

constexpr std::string_view kBaseNames[] = {"mm", "day", "mg", "cells", "mJ", "K", "mol"};

Unit multiply(Unit a, const Unit& b, int sign) {
  a.factor = sign > 0 ? a.factor * b.factor : a.factor / b.factor;
  for (int i = 0; i < B::kBaseCount; ++i) a.dimension.exponent[i] += sign * b.dimension.exponent[i];
  return a;
}

Unit power(Unit u, int n) {
  u.factor = std::pow(u.factor, n);
  for (auto& e : u.dimension.exponent) e *= n;
  return u;
}

bool is_atom_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%' || u >= 0x80;
}

class UnitParser {
 public:
  explicit UnitParser(std::string_view text) : text_(text) {}

  Unit parse() {
    skip_space();
    Unit result;
    if (peek() == '/') {
      ++pos_;
      result = multiply(result, factor(), -1);
      result = rest_of_term(result);
    } else {
      result = term();
    }
    skip_space();
    if (pos_ != text_.size()) fail_unexpected();
    return result;
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (peek() == ' ' || peek() == '\t') ++pos_;
  }

  [[noreturn]] void fail_unexpected() const {
    if (pos_ >= text_.size()) throw InputError("unit '" + std::string(text_) + "' ends early");
    throw InputError("unexpected '" + std::string(1, text_[pos_]) + "' in unit '" +
                     std::string(text_) + "'");
  }

  Unit term() { return rest_of_term(factor()); }

  Unit rest_of_term(Unit left) {
    for (;;) {
      skip_space();
      const char op = peek();
      if (op != '*' && op != '/') return left;
      ++pos_;
      left = multiply(left, factor(), op == '*' ? 1 : -1);
    }
  }

  Unit factor() {
    if (++depth_ > 16) throw InputError("unit '" + std::string(text_) + "' is nested too deeply");
    skip_space();
    Unit base;
    if (peek() == '(') {
      ++pos_;
      base = term();
      skip_space();
      if (peek() != ')') fail_unexpected();
      ++pos_;
    } else if (peek() == '1' && (pos_ + 1 == text_.size() || !is_digit(text_[pos_ + 1]))) {
      ++pos_;  // the dimensionless "1" of "1/day"
    } else {
      base = atom();
    }
    --depth_;
    return power(base, exponent());
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  int exponent() {
    const bool caret = peek() == '^';
    if (caret) ++pos_;
    const bool negative = caret && peek() == '-';
    if (negative) ++pos_;
    if (!is_digit(peek())) {
      if (caret) fail_unexpected();
      return 1;
    }
    int n = 0;
    while (is_digit(peek())) {
      n = n * 10 + (text_[pos_++] - '0');
      if (n > 12) throw InputError("power in unit '" + std::string(text_) + "' is too large");
    }
    return negative ? -n : n;
  }

  Unit atom() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && is_atom_byte(text_[pos_])) ++pos_;
    const std::string_view name = text_.substr(start, pos_ - start);
    if (name.empty()) fail_unexpected();
    for (const Atom& a : kAtoms) {
      if (a.name == name) return Unit{a.factor, a.dimension};
    }
    std::vector<std::string_view> names;
    for (const Atom& a : kAtoms) names.push_back(a.name);
    throw InputError("unknown unit '" + std::string(name) + "'" + did_you_mean(name, names));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string base_expression(const Dimension& d) {
  std::string numerator, denominator;
  int denominator_terms = 0;
  for (int i = 0; i < B::kBaseCount; ++i) {
    const int e = d.exponent[i];
    if (e == 0) continue;
    std::string& side = e > 0 ? numerator : denominator;
    if (!side.empty()) side += '*';
    side += kBaseNames[i];
    if (std::abs(e) != 1) side += std::to_string(std::abs(e));
    if (e < 0) ++denominator_terms;
  }
  if (denominator.empty()) return numerator.empty() ? "1" : numerator;
  if (denominator_terms > 1) denominator = "(" + denominator + ")";
  return (numerator.empty() ? "" : numerator) + "/" + denominator;
}

/// "a length", "an area", "dimensionless".
std::string kind_phrase(const Dimension& d) {
  if (d.dimensionless()) return "dimensionless";
  const std::string name = dimension_name(d);
  const bool vowel = std::string_view("aeiou").find(name.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + name;
}

}  // namespace

Unit parse_unit(std::string_view text) {
  text = trim(text);
  if (text.empty()) return Unit{};
  return UnitParser(text).parse();
}

QuantityText split_quantity(std::string_view text) {
  text = trim(text);
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  QuantityText q;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), q.number);
  if (ec == std::errc::result_out_of_range) {
    throw InputError("'" + std::string(text) + "' is out of the range of numbers");
  }
  if (ec != std::errc() || digits.empty()) {
    throw InputError("'" + std::string(text) + "' is not a number");
  }
  if (!std::isfinite(q.number)) throw InputError("'" + std::string(text) + "' is not finite");
  q.unit_text = std::string(trim(std::string_view(end, digits.data() + digits.size() - end)));
  return q;
}

Quantity parse_quantity(std::string_view text) {
  QuantityText split = split_quantity(text);
  Quantity q;
  q.number = split.number;
  q.unit_text = std::move(split.unit_text);
  q.unit = parse_unit(q.unit_text);
  return q;
}

double convert(const Quantity& q, std::string_view target_unit) {
  const Unit target = parse_unit(target_unit);
  const std::string number = format_number(q.number);
  std::string example = "'";
  example += format_quantity(q.number, target_unit);
  example += '\'';
  if (q.unit_text.empty() && !target.dimension.dimensionless()) {
    throw InputError(number + " needs a unit, e.g. " + example);
  }
  if (q.unit.dimension != target.dimension) {
    throw InputError(number + " " + q.unit_text + " is " + kind_phrase(q.unit.dimension) +
                     ", not " + kind_phrase(target.dimension) + "; use e.g. " + example);
  }
  const double value = q.number * q.unit.factor / target.factor;
  if (!std::isfinite(value)) {
    throw InputError(number + " " + q.unit_text + " is out of the range of numbers");
  }
  return value;
}

double convert(std::string_view text, std::string_view target_unit) {
  return convert(parse_quantity(text), target_unit);
}

double conversion_factor(std::string_view from, std::string_view to) {
  const Unit a = parse_unit(from);
  const Unit b = parse_unit(to);
  if (a.dimension != b.dimension) {
    throw InputError("cannot convert '" + std::string(from) + "' to '" + std::string(to) + "'");
  }
  return a.factor / b.factor;
}

std::string dimension_name(const Dimension& d) {
  struct Named {
    Dimension dimension;
    std::string_view name;
  };
  static constexpr Named kNames[] = {
      {dim(0, 0), "dimensionless number"},
      {dim(1, 0), "length"},
      {dim(2, 0), "area"},
      {dim(3, 0), "volume"},
      {dim(0, 1), "time"},
      {dim(0, -1), "rate (per time)"},
      {dim(-1, 0), "per length"},
      {dim(-2, 0), "areal density (per area)"},
      {dim(0, 0, 1), "mass"},
      {dim(-3, 0, 1), "mass concentration"},
      {dim(-3, 0, 0, 1), "cell density"},
      {dim(0, 0, 0, 0, 1), "energy"},
      {dim(2, -1), "diffusivity (area per time)"},
      {dim(0, 0, 0, 0, 0, 1), "temperature"},
  };
  for (const Named& n : kNames) {
    if (n.dimension == d) return std::string(n.name);
  }
  return "quantity in " + base_expression(d);
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string format_quantity(double value, std::string_view unit) {
  if (unit.empty() || unit == "1") return format_number(value);
  std::string out = format_number(value);
  out += ' ';
  out += unit;
  return out;
}

}  // namespace dermasim::units
