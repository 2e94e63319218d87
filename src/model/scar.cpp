// Scar footprints, lateral profiles and the row-by-row collagen deficit/excess (see scar.hpp).
#include "dermasim/model/scar.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>

#include "dermasim/core/error.hpp"
#include "dermasim/model/layers.hpp"
#include "dermasim/model/surface.hpp"

namespace dermasim::model {
namespace {

bool is_dermis(Layer l) {
  return l == Layer::kPapillary || l == Layer::kReticular;
}

}  // namespace

double ScarFootprint::distance(const Grid& g, int i, int j) const {
  const double dx = g.x(i) - cx;
  if (!volumetric) return std::abs(dx);
  const double dy = g.y(j) - cy;
  return std::sqrt(dx * dx + dy * dy);
}

ScarFootprint scar_footprint(const Grid& grid, const ScarSpec& scar) {
  return {0.5 * grid.width(), 0.5 * grid.breadth(), 0.5 * scar.width, grid.dimensions() == 3};
}

double scar_profile(const ScarSpec& scar, double r) {
  const double half = 0.5 * scar.width;
  if (r > half || scar.type == ScarType::kNone) return 0.0;
  switch (scar.type) {
    case ScarType::kIcepick:
      return scar.depth * (1.0 - r / half);
    case ScarType::kBoxcar:
      return scar.depth;
    case ScarType::kRolling:
    case ScarType::kHypertrophic: {
      const double c = std::cos(std::numbers::pi * r / scar.width);
      return scar.depth * c * c;
    }
    case ScarType::kNone:
      return 0.0;
  }
  DERMASIM_UNREACHABLE();
}

ScarShape measure_scar(const Grid& g, const ScarSpec& scar, const ScarFootprint& footprint,
                       const std::vector<double>& e) {
  if (scar.type == ScarType::kNone) return {};
  const double column_area = g.dimensions() == 3 ? g.spacing() * g.spacing() : g.spacing();
  double ref_sum = 0.0, ref_count = 0.0;
  for (int j = 0; j < g.ny(); ++j) {
    for (int i = 0; i < g.nx(); ++i) {
      if (!footprint.reference(g, i, j)) continue;
      ref_sum += e[static_cast<std::size_t>(j) * g.nx() + i];
      ref_count += 1.0;
    }
  }
  const double ref = ref_count > 0.0 ? ref_sum / ref_count : 0.0;
  const double sign = scar.type == ScarType::kHypertrophic ? -1.0 : 1.0;
  ScarShape shape{-std::numeric_limits<double>::infinity(), 0.0};
  for (int j = 0; j < g.ny(); ++j) {
    for (int i = 0; i < g.nx(); ++i) {
      if (!footprint.inside(g, i, j)) continue;
      const double below = sign * (ref - e[static_cast<std::size_t>(j) * g.nx() + i]);
      shape.deficit += below * column_area;
      shape.depth = std::max(shape.depth, below);
    }
  }
  return shape;
}

namespace {

// The amplitude that makes the visible depth of the carved profile equal scar.depth: the
// carving's column volume change is exactly -a d(r) (+a d(r) raised), and the surface is linear
// in it.
double carving_amplitude(const Grid& g, const ScarSpec& scar, const ScarFootprint& fp,
                         const ParameterSet& params) {
  const double sign = scar.type == ScarType::kHypertrophic ? 1.0 : -1.0;
  std::vector<double> unit(g.cells_per_row());
  for (int j = 0; j < g.ny(); ++j)
    for (int i = 0; i < g.nx(); ++i)
      unit[static_cast<std::size_t>(j) * g.nx() + i] =
          sign * scar_profile(scar, fp.distance(g, i, j));
  SurfaceSpreading(g, params[ParamId::surface_smoothing_length]).apply(unit);
  const double visible = measure_scar(g, scar, fp, unit).depth;
  if (!(visible > 0.0)) {
    std::ostringstream os;
    os << "scar.width: " << scar.width << " mm is narrower than one grid cell (" << g.spacing()
       << " mm); refine domain.spacing or widen the scar";
    throw InputError(os.str());
  }
  return scar.depth / visible;
}

}  // namespace

void imprint_scar(const ScarSpec& scar, const TissueBaseline& baseline, const ParameterSet& params,
                  FieldSet& state, CellMaps& maps) {
  if (scar.type == ScarType::kNone) return;
  const Grid& g = state.grid();
  const ScarFootprint fp = scar_footprint(g, scar);
  if (!(scar.width > 0.0) || !(scar.depth > 0.0)) {
    throw InputError("scar: width and depth must be positive for a scar of a type other than none");
  }
  if (2.0 * fp.half_width * 2.0 >= g.width()) {
    std::ostringstream os;
    os << "scar.width: " << scar.width << " mm leaves no reference skin in a " << g.width()
       << " mm wide domain; the domain must be wider than twice the scar width";
    throw InputError(os.str());
  }
  const double h = g.spacing();
  int dermal_rows = 0;
  for (int k = 0; k < g.nz(); ++k) dermal_rows += is_dermis(layer_of(g, k)) ? 1 : 0;
  const double thickness = dermal_rows * h;
  const bool raised = scar.type == ScarType::kHypertrophic;
  const double amplitude = carving_amplitude(g, scar, fp, params);
  // A rolling scar's depression is partly held down by fibrous bands (scar.hpp): the carving
  // and the tether share the profile, so together they still show scar.depth.
  const double tether_share =
      scar.type == ScarType::kRolling ? params[ParamId::scar_rolling_tether_share] : 0.0;
  const double deficit_amplitude = amplitude * (1.0 - tether_share);
  const double carved = deficit_amplitude * scar.depth;  // column deficit (excess), centre, mm
  // The fraction of baseline collagen removed (added) per row; widened when the nominal fraction
  // would need more dermis than there is.
  double phi = params[raised ? ParamId::scar_hypertrophic_excess : ParamId::scar_deficit_fraction];
  phi = std::max(phi, carved / std::max(thickness, 1e-300));
  if (!raised && phi > 0.95) {
    std::ostringstream os;
    os << "scar.depth: " << scar.depth << " mm needs a " << carved
       << " mm collagen deficit below the centre (the skin spreads a " << scar.width
       << " mm wide pit), more than a " << thickness
       << " mm dermis can lose (95 % of its collagen); choose a shallower or wider scar";
    throw InputError(os.str());
  }
  const double m_hyp =
      params[ParamId::scar_hypertrophic_myofibroblasts] * baseline.fibroblasts_dermis;
  const double apoptosis = params[ParamId::myofibroblast_apoptosis_rate];
  const double apoptosis_factor = params[ParamId::scar_hypertrophic_apoptosis_factor];

  for (int j = 0; j < g.ny(); ++j) {
    for (int i = 0; i < g.nx(); ++i) {
      const double profile = scar_profile(scar, fp.distance(g, i, j));
      double remaining = deficit_amplitude * profile;
      const double pull = amplitude * tether_share * profile;
      for (int k = 0; k < g.nz(); ++k) {
        if (!is_dermis(layer_of(g, k))) continue;
        if (remaining <= 0.0) {
          // The bands run from the deficit's base through the dermis to the subcutis.
          if (pull > 0.0) state[kScarTether][g.index(i, j, k)] = pull;
          continue;
        }
        const double row_phi = std::min(phi, remaining / h);
        remaining -= row_phi * h;
        const std::size_t c = g.index(i, j, k);
        const double factor = raised ? 1.0 + row_phi : 1.0 - row_phi;
        state[kCollagenImmature][c] *= factor;
        state[kCollagenMature][c] *= factor;
        if (scar.type == ScarType::kIcepick && layer_of(g, k) == Layer::kReticular) {
          // The icepick's tract below the papillary dermis is an epithelium-lined sinus, not
          // dermis with room for new matrix: its capacity is the collagen it holds.
          const double held = state[kCollagenImmature][c] + state[kCollagenMature][c];
          maps.inv_capacity[c] = held > 0.0 ? 1.0 / held : maps.inv_capacity[c];
        }
        if (raised) {
          const double weight = row_phi / phi;
          state[kMyofibroblasts][c] = m_hyp * weight;
          maps.myofibroblast_apoptosis[c] = apoptosis * (1.0 - (1.0 - apoptosis_factor) * weight);
          maps.inv_capacity[c] /= factor;
        }
      }
    }
  }
}

}  // namespace dermasim::model
