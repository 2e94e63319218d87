// Small CI-sized configurations for the validation targets (docs/model.md), built directly as
// sim::RunConfig: a 2D cheek cross-section at 50 um, 8 mm wide (a 2.5 mm scar leaves 3 mm of
// reference skin, about five track spacings, so the reference elevation averages over the
// track pattern) and shallow (1.8 mm: the cheek dermis ends at 1.70 mm; 1.5 mm needles reach
// 1.05 mm). The step controller runs at its default tolerance. Halving the spacing changes the
// headline metric by < 0.1 percentage point (docs/validation.md).
#pragma once
#include <cmath>
#include <functional>
#include <vector>

#include "dermasim/model/fields.hpp"
#include "dermasim/sim/simulation.hpp"

namespace dermasim::validation {

inline sim::RunConfig ci_config(double duration_days) {
  sim::RunConfig c;
  c.grid.dimensions = 2;
  c.grid.nx = 160;  // 8 mm at 50 um
  c.grid.nz = 36;   // 1.8 mm
  c.grid.spacing = 0.05;
  c.skin.site = model::Site::kCheek;
  c.skin.age_years = 30.0;
  c.duration = duration_days;
  c.seed = 42;
  c.output.snapshot_interval = 0.0;
  c.output.snapshot_before_session = false;
  c.output.post_session_snapshot = -1.0;
  return c;
}

/// The standard session of docs/model.md: 1.5 mm pen, f_pen 0.7, 0.25 mm needles, 100 /cm2 x 3
/// passes.
inline sim::Event pen_session(double time_days) {
  sim::Event e;
  e.time_days = time_days;
  e.session.device = model::Device::kPen;
  e.session.needle_length = 1.5;
  e.session.penetration_fraction = 0.7;
  e.session.needle_radius = 0.125;
  e.session.density = 1.0;
  e.session.passes = 3;
  return e;
}

/// `count` sessions `spacing` days apart from `start`.
inline std::vector<sim::Event> course(int count, double start, double spacing) {
  std::vector<sim::Event> events;
  for (int i = 0; i < count; ++i) events.push_back(pen_session(start + i * spacing));
  return events;
}

/// Sum of field f over the dermal cells (papillary and reticular) above `depth` mm (all dermis
/// for depth <= 0).
inline double dermal_total(const FieldSet& s, int f, double depth = 0.0) {
  const Grid& g = s.grid();
  double total = 0.0;
  for (int k = 0; k < g.nz(); ++k) {
    const model::Layer l = model::layer_of(g, k);
    if (l != model::Layer::kPapillary && l != model::Layer::kReticular) continue;
    if (depth > 0.0 && g.z(k) >= depth) continue;
    for (std::size_t p = 0; p < g.cells_per_row(); ++p) total += s[f][k * g.cells_per_row() + p];
  }
  return total;
}

/// Mean of field f over the epidermal cells.
inline double epidermal_mean(const FieldSet& s, int f) {
  const Grid& g = s.grid();
  double total = 0.0, n = 0.0;
  for (int k = 0; k < g.nz(); ++k) {
    if (model::layer_of(g, k) != model::Layer::kEpidermis) continue;
    for (std::size_t p = 0; p < g.cells_per_row(); ++p) {
      total += s[f][k * g.cells_per_row() + p];
      n += 1.0;
    }
  }
  return total / n;
}

/// Runs `sim` through `times` (increasing), calling `probe(sim)` at each.
inline void run_through(sim::Simulation& sim, const std::vector<double>& times,
                        const std::function<void(const sim::Simulation&)>& probe) {
  sim::Observer quiet;
  for (double t : times) {
    sim.run_until(t, quiet);
    probe(sim);
  }
}

}  // namespace dermasim::validation
