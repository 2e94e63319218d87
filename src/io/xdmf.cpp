// XDMF 3 sidecar (see xdmf.hpp for the layout and why).
#include "dermasim/io/xdmf.hpp"

#include <charconv>
#include <sstream>

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

// Cell counts, slowest axis first, as in the HDF5 datasets.
std::string cell_dims(const XdmfSeries& s) {
  std::ostringstream os;
  os << s.nz << ' ';
  if (s.dimensions == 3) os << s.ny << ' ';
  os << s.nx;
  return os.str();
}

void write_mesh(std::ostream& os, const XdmfSeries& s) {
  const bool three = s.dimensions == 3;
  os << "        <Topology TopologyType=\"" << (three ? "3DCoRectMesh" : "2DCoRectMesh")
     << "\" Dimensions=\"" << s.nz + 1 << ' ';
  if (three) os << s.ny + 1 << ' ';
  os << s.nx + 1 << "\"/>\n";
  const int rank = three ? 3 : 2;
  os << "        <Geometry GeometryType=\"" << (three ? "ORIGIN_DXDYDZ" : "ORIGIN_DXDY") << "\">\n"
     << "          <DataItem Format=\"XML\" NumberType=\"Float\" Precision=\"8\" Dimensions=\""
     << rank << "\">" << (three ? "0 0 0" : "0 0") << "</DataItem>\n"
     << "          <DataItem Format=\"XML\" NumberType=\"Float\" Precision=\"8\" Dimensions=\""
     << rank << "\">";
  for (int d = 0; d < rank; ++d) os << (d ? " " : "") << number(s.spacing_mm);
  os << "</DataItem>\n        </Geometry>\n";
}

void write_attribute(std::ostream& os, const XdmfSeries& s, const std::string& field,
                     std::size_t snapshot) {
  const std::string cells = cell_dims(s);
  const int rank = s.dimensions + 1;
  const std::size_t count = s.times_days.size();
  os << "        <Attribute Name=\"" << escape_xml(field)
     << "\" AttributeType=\"Scalar\" Center=\"Cell\">\n"
     << "          <DataItem ItemType=\"HyperSlab\" Dimensions=\"" << cells
     << "\" Type=\"HyperSlab\">\n"
     << "            <DataItem Dimensions=\"3 " << rank << "\" Format=\"XML\">" << snapshot;
  for (int d = 1; d < rank; ++d) os << " 0";
  for (int d = 0; d < rank; ++d) os << " 1";
  os << " 1 " << cells << "</DataItem>\n"
     << "            <DataItem Dimensions=\"" << count << ' ' << cells
     << "\" NumberType=\"Float\" Precision=\"4\" Format=\"HDF\">" << escape_xml(s.h5_file_name)
     << ":/fields/" << escape_xml(field) << "</DataItem>\n"
     << "          </DataItem>\n        </Attribute>\n";
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
