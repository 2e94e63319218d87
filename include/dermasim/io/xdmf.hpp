// XDMF 3 sidecar for a results file, so ParaView (and VisIt) open every field as a time series.
//
// Layout: one Domain holding a Temporal collection of Uniform grids, one per snapshot, each
// with a <Time> (days). The mesh is a 3DCoRectMesh with ORIGIN_DXDYDZ geometry in mm, origin 0
// at the skin surface corner: in 2D "1 (nz+1) (nx+1)" nodes, x along ParaView's X and depth
// along -Y; in 3D "(nz+1) (ny+1) (nx+1)" nodes, x along X, y along Y and depth along -Z. The
// fields are Cell-centred Attributes, each an HDF DataItem with a "|start:stride:count:dims"
// selection of snapshot k of the (S, nz[, ny], nx) dataset /fields/<name> in the .h5: the form
// ParaView's default reader (Xdmf3) opens with every field.
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
