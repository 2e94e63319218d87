#include "dermasim/core/grid.hpp"

#include <string>

#include "dermasim/core/error.hpp"

namespace dermasim {

Grid::Grid(int dimensions, int nx, int ny, int nz, double spacing_mm, LateralBoundary lateral)
    : dimensions_(dimensions), nx_(nx), ny_(ny), nz_(nz), spacing_(spacing_mm), lateral_(lateral) {
  if (dimensions != 2 && dimensions != 3) {
    throw InputError("grid: dimensions must be 2 or 3, got " + std::to_string(dimensions));
  }
  if (nx < 1 || ny < 1 || nz < 1) {
    throw InputError("grid: cell counts must be positive, got " + std::to_string(nx) + " x " +
                     std::to_string(ny) + " x " + std::to_string(nz));
  }
  if (dimensions == 2 && ny != 1) throw InputError("grid: a 2D grid has ny = 1");
  if (!(spacing_mm > 0.0)) throw InputError("grid: spacing must be positive");
  row_labels_.assign(nz, 0);
}

double Grid::cell_volume() const {
  return dimensions_ == 3 ? spacing_ * spacing_ * spacing_ : spacing_ * spacing_;
}

void Grid::set_row_labels_from_depths(const std::vector<double>& bottoms_mm) {
  if (bottoms_mm.size() > 255) throw InputError("grid: at most 255 row boundaries");
  for (int k = 0; k < nz_; ++k) {
    std::size_t label = bottoms_mm.size();
    for (std::size_t l = 0; l < bottoms_mm.size(); ++l) {
      if (z(k) < bottoms_mm[l]) {
        label = l;
        break;
      }
    }
    row_labels_[k] = static_cast<std::uint8_t>(label);
  }
}

}  // namespace dermasim
