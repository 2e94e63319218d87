// Names and static groups of the results file layout (docs/cli.md and docs/file-format.md "Results
// file"), shared by the writer, the checkpoint files and the `info` reader.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "dermasim/core/grid.hpp"
#include "dermasim/io/hdf5_handle.hpp"
#include "dermasim/io/results_writer.hpp"

namespace dermasim::io {

/// Root attribute that tells dermasim files apart from other HDF5 files, and its values.
inline constexpr std::string_view kFileKindAttribute = "file_kind";
inline constexpr std::string_view kResultsFileKind = "dermasim results";
inline constexpr std::string_view kCheckpointFileKind = "dermasim checkpoint";
/// Bumped when the layout changes incompatibly.
inline constexpr std::int64_t kResultsFormatVersion = 1;

/// The groups whose datasets are series (one row per snapshot: fields, surface; per metric
/// sample: metrics). With the /events table they are every series of a results file, which
/// `info` verifies and a resume cuts back. /surface is absent from older files.
inline constexpr std::string_view kSeriesGroups[] = {"fields", "surface", "metrics"};

/// The HDF5 dimensions of one field on `grid`, slowest-varying first: (nz, nx) in 2D,
/// (nz, ny, nx) in 3D. Snapshots, checkpoints and /grid/shape all use it, so they agree.
std::vector<std::int64_t> grid_shape(const Grid& grid);

/// Writes the "units" and "description" attributes every dataset carries.
void describe(const h5::Handle& dataset, std::string_view unit, std::string_view description);

/// /parameters: attribute "<name>" = value and "<name>.units" for each of `parameters`.
void write_parameters_group(const h5::Handle& file, std::span<const ParameterValue> parameters);

/// /grid: attributes dimensions, shape (nz, nx) or (nz, ny, nx), spacing_mm,
/// lateral_boundary; datasets x_mm, z_mm [, y_mm] (cell centres) and, when `rows` names one,
/// the grid's row labels (int32 per z row) with the given description.
void write_grid_group(const h5::Handle& file, const Grid& grid, const RowLabels& rows);

}  // namespace dermasim::io
