// Unit parsing, dimensional analysis and conversion to engine units (core/units.hpp).
#include <gtest/gtest.h>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/model/parameters.hpp"

namespace dermasim::units {
namespace {

std::string error_of(std::string_view text, std::string_view unit) {
  try {
    convert(text, unit);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Units, LengthsToMillimetres) {
  EXPECT_DOUBLE_EQ(convert("1.5 mm", "mm"), 1.5);
  EXPECT_DOUBLE_EQ(convert("250 um", "mm"), 0.25);
  EXPECT_DOUBLE_EQ(convert("250 \xC2\xB5m", "mm"), 0.25);  // micro sign
  EXPECT_DOUBLE_EQ(convert("250 \xCE\xBCm", "mm"), 0.25);  // Greek mu
  EXPECT_DOUBLE_EQ(convert("0.3 cm", "mm"), 3.0);
  EXPECT_DOUBLE_EQ(convert("1.5mm", "um"), 1500.0);
}

TEST(Units, TimesToDays) {
  EXPECT_DOUBLE_EQ(convert("2 weeks", "day"), 14.0);
  EXPECT_DOUBLE_EQ(convert("12 months", "days"), 365.25);
  EXPECT_DOUBLE_EQ(convert("1 month", "d"), 30.4375);
  EXPECT_DOUBLE_EQ(convert("2 years", "day"), 730.5);
  EXPECT_DOUBLE_EQ(convert("36 h", "day"), 1.5);
  EXPECT_DOUBLE_EQ(convert("90 min", "hours"), 1.5);
  EXPECT_DOUBLE_EQ(convert("86400 s", "day"), 1.0);
}

TEST(Units, RatesDensitiesAndConcentrations) {
  EXPECT_DOUBLE_EQ(convert("0.6 /day", "/day"), 0.6);
  EXPECT_DOUBLE_EQ(convert("0.1 /h", "/day"), 2.4);
  EXPECT_DOUBLE_EQ(convert("100 /cm2", "/mm2"), 1.0);
  EXPECT_DOUBLE_EQ(convert("5e3 cells/mm3", "cells/mm3"), 5000.0);
  EXPECT_DOUBLE_EQ(convert("5e6 cells/cm3", "cells/mm3"), 5000.0);
  EXPECT_DOUBLE_EQ(convert("0.25 g/cm3", "mg/mm3"), 0.25);
  EXPECT_DOUBLE_EQ(convert("0.3 mm2/day", "mm2/day"), 0.3);
  EXPECT_NEAR(convert("1e-9 cm2/s", "mm2/day"), 8.64e-3, 1e-15);  // docs/model.md D_F
  EXPECT_DOUBLE_EQ(convert("5 mJ", "mJ"), 5.0);
  EXPECT_DOUBLE_EQ(convert("0.005 J", "mJ"), 5.0);
  EXPECT_DOUBLE_EQ(convert("70 %", "1"), 0.7);
}

TEST(Units, NanogramPerMillilitreIsOneBillionthOfEngineMass) {
  EXPECT_DOUBLE_EQ(conversion_factor("ng/mL", "mg/mm3"), 1e-9);
  EXPECT_DOUBLE_EQ(convert("10 ng/mL", "ng/mL"), 10.0);
  EXPECT_DOUBLE_EQ(convert("10 ug/L", "ng/mL"), 10.0);
}

TEST(Units, CompoundUnitsWithParenthesesAndPowers) {
  // chi_F: mm2/(day*ng/mL) = mm2*mL/(day*ng)
  EXPECT_DOUBLE_EQ(convert("1 mm2/(day*ng/mL)", "mm2/(day*ng/mL)"), 1.0);
  EXPECT_DOUBLE_EQ(convert("1 mm2*mL/(day*ng)", "mm2/(day*ng/mL)"), 1.0);
  EXPECT_DOUBLE_EQ(convert("1 cm^2/day", "mm2/day"), 100.0);
  EXPECT_DOUBLE_EQ(convert("1 mm^-2", "/cm2"), 100.0);
  EXPECT_DOUBLE_EQ(convert("2 1/day", "/day"), 2.0);
  EXPECT_DOUBLE_EQ(convert("1 mm3", "uL"), 1.0);
  const Unit u = parse_unit("mm2/(day*ng/mL)");
  EXPECT_EQ(u.dimension.exponent[Dimension::kLength], 5);  // mm2 * mL(mm3)
  EXPECT_EQ(u.dimension.exponent[Dimension::kTime], -1);
  EXPECT_EQ(u.dimension.exponent[Dimension::kMass], -1);
}

TEST(Units, EveryModelParameterUnitParses) {
  for (const auto& p : model::parameter_registry()) {
    EXPECT_NO_THROW(parse_unit(p.unit)) << p.name << " has unit '" << p.unit << "'";
    EXPECT_DOUBLE_EQ(conversion_factor(p.unit, p.unit), 1.0) << p.name;
  }
}

TEST(Units, BareNumberSuggestsTheUnit) {
  EXPECT_EQ(error_of("1.5", "mm"), "1.5 needs a unit, e.g. '1.5 mm'");
  EXPECT_EQ(error_of("0.6", "/day"), "0.6 needs a unit, e.g. '0.6 /day'");
  EXPECT_DOUBLE_EQ(convert("3", "1"), 3.0);
}

TEST(Units, WrongDimensionNamesBothKinds) {
  EXPECT_EQ(error_of("2 weeks", "mm"), "2 weeks is a time, not a length; use e.g. '2 mm'");
  EXPECT_EQ(error_of("100 /mm", "/cm2"),
            "100 /mm is a per length, not an areal density (per area); use e.g. '100 /cm2'");
  EXPECT_EQ(error_of("3 mm", "1"), "3 mm is a length, not dimensionless; use e.g. '3'");
}

TEST(Units, UnknownUnitSuggestsNearest) {
  EXPECT_EQ(error_of("1.5 mn", "mm"), "unknown unit 'mn'; did you mean 'mm'?");
  EXPECT_EQ(error_of("2 wekks", "day"), "unknown unit 'wekks'; did you mean 'weeks'?");
  EXPECT_EQ(error_of("2 fortnights", "day"), "unknown unit 'fortnights'");
}

TEST(Units, MalformedInput) {
  EXPECT_EQ(error_of("long", "mm"), "'long' is not a number");
  EXPECT_EQ(error_of("", "mm"), "'' is not a number");
  EXPECT_EQ(error_of("inf mm", "mm"), "'inf mm' is not finite");
  EXPECT_EQ(error_of("1e999 mm", "mm"), "'1e999 mm' is out of the range of numbers");
  EXPECT_EQ(error_of("1 mm2/(day", "mm2/day"), "unit 'mm2/(day' ends early");
  EXPECT_EQ(error_of("1 mm day", "mm"), "unexpected 'd' in unit 'mm day'");
  EXPECT_EQ(error_of("1 mm^", "mm"), "unit 'mm^' ends early");
  EXPECT_EQ(error_of("1,5 mm", "mm"), "unexpected ',' in unit ',5 mm'");
}

TEST(Units, SplitKeepsTheUnitAsWrittenWithoutInterpretingIt) {
  const QuantityText weeks = split_quantity("  +6 weeks ");
  EXPECT_EQ(weeks.number, 6.0);
  EXPECT_EQ(weeks.unit_text, "weeks");
  EXPECT_EQ(split_quantity("1.5mm").unit_text, "mm");
  EXPECT_EQ(split_quantity("3").unit_text, "");
  EXPECT_EQ(split_quantity("2 passes").unit_text, "passes");  // not a unit, still split
  EXPECT_THROW(split_quantity("pen"), InputError);
  EXPECT_THROW(split_quantity("nan"), InputError);
}

TEST(Units, DimensionNames) {
  EXPECT_EQ(dimension_name(parse_unit("mm2/day").dimension), "diffusivity (area per time)");
  EXPECT_EQ(dimension_name(parse_unit("cells/mm3").dimension), "cell density");
  EXPECT_EQ(dimension_name(parse_unit("ng/mL").dimension), "mass concentration");
  EXPECT_EQ(dimension_name(parse_unit("mm/day").dimension), "quantity in mm/day");
  EXPECT_EQ(dimension_name(parse_unit("/(mm*day)").dimension), "quantity in /(mm*day)");
}

TEST(Units, NumberFormatting) {
  EXPECT_EQ(format_number(365.25), "365.25");
  EXPECT_EQ(format_number(0.02), "0.02");
  EXPECT_EQ(format_number(5000), "5000");
  EXPECT_EQ(format_quantity(1.5, "mm"), "1.5 mm");
  EXPECT_EQ(format_quantity(3, "1"), "3");
}

}  // namespace
}  // namespace dermasim::units
