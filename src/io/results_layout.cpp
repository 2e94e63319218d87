// Static groups of the results file: /parameters and /grid (see results_layout.hpp).
#include "dermasim/io/results_layout.hpp"

#include <string>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"

namespace dermasim::io {
namespace {

void write_centres(const h5::Handle& grid_group, std::string_view name, int n, double spacing,
                   std::string_view description) {
  std::vector<double> centres(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) centres[i] = (i + 0.5) * spacing;
  describe(h5::write_dataset<double>(grid_group, name, centres), "mm", description);
}

std::string_view boundary_name(LateralBoundary boundary) {
  switch (boundary) {
    case LateralBoundary::kNoFlux:
      return "no-flux";
    case LateralBoundary::kPeriodic:
      return "periodic";
  }
  DERMASIM_UNREACHABLE();
}

}  // namespace

std::vector<std::int64_t> grid_shape(const Grid& grid) {
  std::vector<std::int64_t> shape = {grid.nz()};
  if (grid.dimensions() == 3) shape.push_back(grid.ny());
  shape.push_back(grid.nx());
  return shape;
}

void describe(const h5::Handle& dataset, std::string_view unit, std::string_view description) {
  h5::write_attribute(dataset, "units", unit);
  h5::write_attribute(dataset, "description", description);
}

void write_parameters_group(const h5::Handle& file, std::span<const ParameterValue> parameters) {
  const h5::Handle group = h5::create_group(file, "parameters");
  for (const ParameterValue& p : parameters) {
    h5::write_attribute(group, p.name, p.value);
    h5::write_attribute(group, p.name + ".units", std::string_view(p.unit));
  }
}

void write_grid_group(const h5::Handle& file, const Grid& grid, const RowLabels& rows) {
  const h5::Handle group = h5::create_group(file, "grid");
  h5::write_attribute(group, "dimensions", std::int64_t{grid.dimensions()});
  const std::vector<std::int64_t> shape = grid_shape(grid);
  h5::write_attribute(group, "shape", std::span<const std::int64_t>(shape));
  h5::write_attribute(group, "spacing_mm", grid.spacing());
  h5::write_attribute(group, "lateral_boundary", boundary_name(grid.lateral_boundary()));
  write_centres(group, "x_mm", grid.nx(), grid.spacing(), "lateral cell-centre coordinate");
  if (grid.dimensions() == 3) {
    write_centres(group, "y_mm", grid.ny(), grid.spacing(),
                  "second lateral cell-centre coordinate");
  }
  write_centres(group, "z_mm", grid.nz(), grid.spacing(),
                "cell-centre depth below the skin surface");
  if (rows.name.empty()) return;
  const std::vector<std::int32_t> labels(grid.row_labels().begin(), grid.row_labels().end());
  describe(h5::write_dataset<std::int32_t>(group, rows.name, labels), "1", rows.description);
}

}  // namespace dermasim::io
