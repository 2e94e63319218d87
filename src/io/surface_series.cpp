// The skin surface series of a results file (see surface_series.hpp).
#include "dermasim/io/surface_series.hpp"

#include "dermasim/core/error.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace {

constexpr std::string_view kElevation = "elevation_mm";

}  // namespace

SurfaceSeries SurfaceSeries::create(h5::Handle surface_group) {
  SurfaceSeries series;
  series.group_ = std::move(surface_group);
  return series;
}

SurfaceSeries SurfaceSeries::reopen(const h5::Handle& file, std::size_t keep) {
  SurfaceSeries series;
  series.recorded_ = h5::has_link(file, kGroup);
  if (!series.recorded_) return series;
  series.group_ = h5::open_group(file, kGroup);
  if (h5::has_link(series.group_, kElevation)) {
    series.dataset_ = h5::open_dataset(series.group_, kElevation);
    h5::resize_rows(series.dataset_, keep);
  }
  return series;
}

void SurfaceSeries::append(const Grid& grid, std::size_t snapshot,
                           std::span<const double> elevation_mm) {
  if (!recorded_) return;
  const std::size_t rows = dataset_ ? h5::shape(dataset_).at(0) : 0;
  if (rows != snapshot) {
    throw Error("append_snapshot: a surface for snapshot " + std::to_string(snapshot) + ", but " +
                std::to_string(rows) + " snapshots before it have one");
  }
  if (elevation_mm.size() != grid.cells_per_row()) {
    throw Error("append_snapshot: " + std::to_string(elevation_mm.size()) + " surface values for " +
                std::to_string(grid.cells_per_row()) + " columns");
  }
  if (!dataset_) {
    const std::vector<std::int64_t> shape = grid_shape(grid);  // (nz, [ny,] nx)
    std::vector<hsize_t> dims = {0};
    dims.insert(dims.end(), shape.begin() + 1, shape.end());
    h5::Storage storage;
    storage.extendible = true;
    storage.chunk = dims;
    storage.chunk[0] = 1;
    storage.fletcher32 = true;
    dataset_ = h5::create_dataset(group_, kElevation, h5::TypeOf<double>::file(), dims, storage);
    describe(dataset_, "mm",
             "skin surface elevation against the resting skin at each snapshot (row s belongs "
             "to /fields/time_days[s]; negative: depressed)");
  }
  h5::append<double>(dataset_, elevation_mm);
}

void SurfaceSeries::abandon() noexcept {
  dataset_.release();
  group_.release();
}

}  // namespace dermasim::io
