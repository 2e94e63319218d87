// Synthetic FieldSets, metrics and events for the io tests, independent of the biology: every
// value is a closed-form function of position and time, so a test can recompute it.
#pragma once
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/io/results_writer.hpp"
#include "dermasim/sim/results_recorder.hpp"

namespace dermasim::io::testing {

inline Grid small_grid(int dimensions = 2) {
  Grid grid(dimensions, 12, dimensions == 3 ? 5 : 1, 8, 0.05);
  grid.set_row_labels_from_depths({0.06, 0.2, 0.35});
  return grid;
}

/// Value of field f at cell c and time t; distinct per field, cell and time.
inline double synthetic_value(int f, std::size_t c, double t) {
  return (f + 1) * 0.25 + 1e-3 * static_cast<double>(c) + 0.01 * t * std::sin(0.1 * c + f);
}

inline FieldSet synthetic_fields(const Grid& grid, double t) {
  FieldSet fields(grid);
  fields.add({"collagen_mature", "mg/mm3", "crosslinked, I-rich collagen", 0.25});
  fields.add({"fibroblasts", "cells/mm3", "fibroblasts (resident + activated)", 5e3});
  fields.add({"growth_factor", "ng/mL", "active TGF-beta1/PDGF, lumped", 1.0});
  for (int f = 0; f < fields.size(); ++f) {
    for (std::size_t c = 0; c < fields[f].size(); ++c) fields[f][c] = synthetic_value(f, c, t);
  }
  return fields;
}

/// In the order of every sample's values.
inline std::vector<MetricDeclaration> synthetic_metric_infos() {
  return {{"improvement_pct", "%", "100 (1 - deficit / initial deficit)"},
          {"scar_depth_mm", "mm", "reference elevation minus lowest elevation in the scar"}};
}

inline double improvement_at(double t) {
  return 40.0 * (1.0 - std::exp(-t / 30.0));
}
inline double scar_depth_at(double t) {
  return 0.4 - 0.002 * t;
}

/// A scar-like dip in the surface (mm) that fills in over time, per column (x fastest).
inline std::vector<double> synthetic_surface(const Grid& grid, double t) {
  std::vector<double> surface(grid.cells_per_row());
  for (std::size_t c = 0; c < surface.size(); ++c) {
    const double x = grid.x(static_cast<int>(c % grid.nx()));
    surface[c] = -0.3 * std::exp(-t / 60.0) * std::exp(-std::pow((x - 0.3) / 0.1, 2));
  }
  return surface;
}

/// Writes a complete results file at `out` with snapshots at `times`, a metric sample each day
/// up to the last time, and two sessions.
inline void write_synthetic_results(const std::filesystem::path& out,
                                    const std::vector<double>& times, int dimensions = 2) {
  ResultsWriter writer(out, {"synthetic-test", 42}, {.overwrite = true, .threads = Threads(2)});
  writer.write_scenario("name: synthetic-test\n", "name: synthetic-test\nseed: 42\n");
  writer.write_parameters(sim::parameter_values(model::ParameterSet{}));
  const Grid grid = small_grid(dimensions);
  writer.write_grid(grid, {"layer", "synthetic row labels"});
  writer.declare_metrics(synthetic_metric_infos());
  writer.add_event({7.0, "session", "pen", 1.5, 1.05, 600});
  writer.add_event({35.0, "session", "pen", 1.5, 1.05, 600});
  double next_metric = 0.0;
  for (const double t : times) {
    for (; next_metric <= t; next_metric += 1.0) {
      const double row[] = {improvement_at(next_metric), scar_depth_at(next_metric)};
      writer.append_metrics(next_metric, row);
    }
    writer.append_snapshot(t, synthetic_fields(grid, t), synthetic_surface(grid, t));
  }
  writer.add_summary("improvement_pct_at_end", improvement_at(times.back()), "%");
  writer.close("complete", 1.5);
}

}  // namespace dermasim::io::testing

namespace dermasim::io::testing {

/// A fresh, empty directory for one test, removed when the test ends.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag)
      : path_(std::filesystem::temp_directory_path() /
              ("dermasim-io-" + tag + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace dermasim::io::testing
