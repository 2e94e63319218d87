// XDMF 3 sidecar for a results file, so ParaView (and VisIt) open every field as a time series.
//
// Layout: one Domain holding a Temporal collection of Uniform grids, one per snapshot, each
// with a <Time>. The mesh is a 2DCoRectMesh (2D: nz+1 x nx+1 nodes, axes z, x) or a
// 3DCoRectMesh (nz+1 x ny+1 x nx+1) with ORIGIN_DXDY / ORIGIN_DXDYDZ geometry (slowest axis
// first, origin 0 at the skin surface corner), and the fields are Cell-centred Attributes,
// one HyperSlab per snapshot into the (S, nz[, ny], nx) dataset /fields/<name> of the .h5.
// Depth z grows along the mesh's second axis: in ParaView's default view depth points up.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace dermasim::io {

struct XdmfSeries {
  std::string h5_file_name;  ///< as written in the DataItems, relative to the .xdmf
  int dimensions = 2;        ///< 2 or 3
  int nx = 1, ny = 1, nz = 1;
  double spacing_mm = 1.0;
  std::vector<std::string> fields;  ///< dataset names under /fields
  std::vector<double> times_days;   ///< one per snapshot
};

/// The XDMF document text.
std::string xdmf_document(const XdmfSeries& series);
/// Writes the document to `path` (through a temporary name and a rename). Throws IoError.
void write_xdmf(const std::filesystem::path& path, const XdmfSeries& series);

}  // namespace dermasim::io
