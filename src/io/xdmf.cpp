// XDMF 3 sidecar (see xdmf.hpp for the layout and why).
#include "dermasim/io/xdmf.hpp"

#include <charconv>
#include <sstream>
#include <vector>

#include "dermasim/io/atomic_file.hpp"

namespace dermasim::io {
namespace {

// Shortest text that reads back as the same double (0.05, not 0.050000000000000003).
std::string number(double value) {
  char text[32];
  const auto result = std::to_chars(text, text + sizeof text, value);
  return std::string(text, result.ptr);
}

std::string escape_xml(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Always a 3DCoRectMesh: Xdmf3 lays a 2DCoRectMesh into ParaView's Y-Z plane (the default
// camera then sees it edge-on), while nodes "1 (nz+1) (nx+1)" give an image in the X-Y plane.
// The depth axis gets a negative step, so depth points down and the surface (0) is on top:
// ParaView's Y in 2D, Z in 3D.
void write_mesh(std::ostream& os, const XdmfSeries& s) {
  const bool three = s.dimensions == 3;
  os << "        <Topology TopologyType=\"3DCoRectMesh\" Dimensions=\"" << (three ? s.nz + 1 : 1)
     << ' ' << (three ? s.ny + 1 : s.nz + 1) << ' ' << s.nx + 1 << "\"/>\n";
  const std::string h = number(s.spacing_mm);
  const std::string down = number(-s.spacing_mm);
  os << "        <Geometry GeometryType=\"ORIGIN_DXDYDZ\">\n"
     << "          <DataItem Format=\"XML\" NumberType=\"Float\" Precision=\"8\" "
        "Dimensions=\"3\">0 0 0</DataItem>\n"
     << "          <DataItem Format=\"XML\" NumberType=\"Float\" Precision=\"8\" "
        "Dimensions=\"3\">"
     << (three ? down + " " + h : h + " " + down) << ' ' << h << "</DataItem>\n"
     << "        </Geometry>\n";
}

// Numbers separated by spaces.
std::string join(const std::vector<std::size_t>& values) {
  std::ostringstream os;
  for (std::size_t d = 0; d < values.size(); ++d) os << (d ? " " : "") << values[d];
  return os.str();
}

// Snapshot k of /fields/<field> as an HDF DataItem with Xdmf 3's selection suffix
// "|start:stride:count:dataset dimensions" (one entry per axis, snapshot axis first).
// ParaView's default reader (Xdmf3) reads this form; from a HyperSlab DataItem it reads no
// array at all.
void write_attribute(std::ostream& os, const XdmfSeries& s, const std::string& field,
                     std::size_t snapshot) {
  std::vector<std::size_t> full{s.times_days.size(), static_cast<std::size_t>(s.nz)};
  if (s.dimensions == 3) full.push_back(static_cast<std::size_t>(s.ny));
  full.push_back(static_cast<std::size_t>(s.nx));
  std::vector<std::size_t> start(full.size(), 0), stride(full.size(), 1), count = full;
  start[0] = snapshot;
  count[0] = 1;
  os << "        <Attribute Name=\"" << escape_xml(field)
     << "\" AttributeType=\"Scalar\" Center=\"Cell\">\n"
     << "          <DataItem Dimensions=\"" << join(count)
     << "\" NumberType=\"Float\" Precision=\"4\" Format=\"HDF\">" << escape_xml(s.h5_file_name)
     << ":/fields/" << escape_xml(field) << '|' << join(start) << ':' << join(stride) << ':'
     << join(count) << ':' << join(full) << "</DataItem>\n"
     << "        </Attribute>\n";
}

}  // namespace

std::string xdmf_document(const XdmfSeries& s) {
  std::ostringstream os;
  os << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
     << "<Xdmf xmlns:xi=\"http://www.w3.org/2001/XInclude\" Version=\"3.0\">\n"
     << "  <Domain>\n"
     << "    <Grid Name=\"dermasim\" GridType=\"Collection\" CollectionType=\"Temporal\">\n";
  for (std::size_t k = 0; k < s.times_days.size(); ++k) {
    os << "      <Grid Name=\"snapshot_" << k << "\" GridType=\"Uniform\">\n"
       << "        <Time Value=\"" << number(s.times_days[k]) << "\"/>\n";
    write_mesh(os, s);
    for (const std::string& field : s.fields) write_attribute(os, s, field, k);
    os << "      </Grid>\n";
  }
  os << "    </Grid>\n  </Domain>\n</Xdmf>\n";
  return os.str();
}

void write_xdmf(const std::filesystem::path& path, const XdmfSeries& series) {
  AtomicFile file(path);
  file.write(xdmf_document(series));
  file.commit();
}

}  // namespace dermasim::io
