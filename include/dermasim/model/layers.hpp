// The skin's tissue layers: the model labels every z row of its grid with one (Grid keeps the
// labels as plain numbers and knows nothing of skin), and the results file stores them as
// /grid/layer with the description below.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "dermasim/core/grid.hpp"

namespace dermasim::model {

/// Tissue layers, top down; the numbers are the grid's row labels and /grid/layer's values.
enum class Layer : std::uint8_t { kEpidermis = 0, kPapillary = 1, kReticular = 2, kHypodermis = 3 };
inline constexpr int kLayerCount = 4;

/// What /grid/layer holds, for the results file.
inline constexpr std::string_view kLayerRowsDescription =
    "tissue layer of each z row: 0 epidermis, 1 papillary dermis, 2 reticular dermis, "
    "3 hypodermis";

/// The layer of z row k of a grid the model labelled (set_layers).
inline Layer layer_of(const Grid& grid, int k) {
  return static_cast<Layer>(grid.row_label(k));
}

/// Labels the rows of `grid` from the depths (mm) of the bottoms of the epidermis, papillary
/// and reticular dermis; rows below are hypodermis.
inline void set_layers(Grid& grid, double epidermis, double papillary, double reticular) {
  grid.set_row_labels_from_depths({epidermis, papillary, reticular});
}

}  // namespace dermasim::model
