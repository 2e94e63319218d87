// scar: section (scar_reader.hpp). Each type has the width and depth ranges of its clinical
// definition, so "a 6 mm boxcar scar" is an error that names the type it would be instead.
#include "scar_reader.hpp"

#include "dermasim/core/units.hpp"

namespace dermasim::scenario::detail {
namespace {

using units::format_quantity;

struct ScarShape {
  model::ScarType type;
  std::string_view name;
  std::string_view default_width, default_depth;
  double min_width, max_width, min_depth, max_depth;  // mm
  std::string_view hint;  ///< what a scar outside the width range is called instead
};

// [M] Jacob 2001: icepick < 2 mm wide, deep (to reticular dermis or below); boxcar 1.5-4 mm wide,
// 0.1-0.5 mm deep; rolling > 4 mm wide, shallow. Hypertrophic: raised [A] 0.1-3 mm.
constexpr ScarShape kShapes[] = {
    {model::ScarType::kNone, "none", "0 mm", "0 mm", 0, 0, 0, 0, ""},
    {model::ScarType::kIcepick, "icepick", "1 mm", "1 mm", 0.2, 2, 0.3, 2.5,
     "wider scars are boxcar or rolling"},
    {model::ScarType::kBoxcar, "boxcar", "2.5 mm", "0.3 mm", 1.5, 4, 0.1, 0.5,
     "narrower ones are icepick, wider ones rolling"},
    {model::ScarType::kRolling, "rolling", "5 mm", "0.2 mm", 4, 10, 0.05, 0.5,
     "narrower ones are boxcar"},
    {model::ScarType::kHypertrophic, "hypertrophic", "3 mm", "0.5 mm", 0.5, 20, 0.1, 3, ""},
};

/// Reference skin needed on each side beyond twice the footprint (docs/model.md scar depth metric).
constexpr double kReferenceMarginMm = 0.2;

void check_range(const Reader& reader, const ScarShape& shape, const std::string& path,
                 double value, double lo, double hi, std::string_view hint) {
  if (value >= lo && value <= hi) return;
  const std::string given =
      reader.given(path) ? reader.node(path)->scalar : format_quantity(value, "mm");
  if (shape.type == model::ScarType::kNone) {
    fail(reader.where(path), path,
         given + " is given but scar.type is none; set scar.type or remove " + path);
  }
  fail(reader.where(path), path,
       given + " is outside " + format_quantity(lo, "mm") + " .. " + format_quantity(hi, "mm") +
           " for a " + std::string(shape.name) + " scar" +
           (hint.empty() ? "" : " (" + std::string(hint) + ")"));
}

void check_room(const Reader& reader, double scar_width, double extent, const std::string& path) {
  const double needed = 2 * scar_width + 2 * kReferenceMarginMm;
  if (scar_width > 0 && extent < needed - 1e-12) {
    fail(reader.where(path), path,
         format_quantity(extent, "mm") + " leaves no reference skin beside a " +
             format_quantity(scar_width, "mm") + " scar; use at least " +
             format_quantity(needed, "mm") + " (twice the scar plus 0.2 mm each side)");
  }
}

}  // namespace

model::ScarSpec read_scar(Reader& reader, const Domain& domain) {
  model::ScarSpec scar;
  const Value type = reader.get("scar.type");
  const ScarShape& shape = kShapes[type.choice];
  scar.type = shape.type;
  const std::string note = "default for " + std::string(shape.name);
  scar.width = reader.get("scar.width", std::string(shape.default_width), note).number;
  scar.depth = reader.get("scar.depth", std::string(shape.default_depth), note).number;
  check_range(reader, shape, "scar.width", scar.width, shape.min_width, shape.max_width,
              shape.hint);
  check_range(reader, shape, "scar.depth", scar.depth, shape.min_depth, shape.max_depth, "");
  check_room(reader, scar.width, domain.width, "domain.width");
  if (domain.dimensions == 3) check_room(reader, scar.width, domain.breadth, "domain.breadth");
  if (scar.depth >= domain.depth) {
    fail(reader.where("scar.depth"), "scar.depth",
         format_quantity(scar.depth, "mm") + " is not above the bottom of the domain (" +
             format_quantity(domain.depth, "mm") + "); make domain.depth larger");
  }
  return scar;
}

}  // namespace dermasim::scenario::detail
