// XDMF sidecar: the document's structure, and a read-back through python3-meshio
// (tests/unit/io/xdmf_meshio_check.py) that compares every field at every time with the .h5.
// ParaView itself reads it in tests/interop.
#include "dermasim/io/xdmf.hpp"

#include <gtest/gtest.h>

#include "unit/io/run_command.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io {
namespace {

using testing::run_command;
using testing::shell_quote;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(Xdmf, TwoDimensionalDocumentSelectsEverySnapshotOfEveryField) {
  XdmfSeries series{"run.h5", 2, 4, 1, 3, 0.02, {"damage", "mmp"}, {0.0, 0.5, 7.0}};
  const std::string doc = xdmf_document(series);
  EXPECT_NE(doc.find("Version=\"3.0\""), std::string::npos);
  EXPECT_NE(doc.find("CollectionType=\"Temporal\""), std::string::npos);
  // One layer of cells in ParaView's X-Y plane, depth pointing down (-Y).
  EXPECT_EQ(count(doc, "TopologyType=\"3DCoRectMesh\" Dimensions=\"1 4 5\""), 3u);
  EXPECT_EQ(count(doc, ">0.02 -0.02 0.02</DataItem>"), 3u);
  EXPECT_NE(doc.find("<Time Value=\"0.5\"/>"), std::string::npos);
  EXPECT_EQ(count(doc, "Center=\"Cell\""), 6u);
  EXPECT_EQ(count(doc, ">run.h5:/fields/mmp|"), 3u);
  EXPECT_NE(doc.find(">run.h5:/fields/mmp|2 0 0:1 1 1:1 3 4:3 3 4</DataItem>"), std::string::npos);
  EXPECT_NE(doc.find("Dimensions=\"1 3 4\" NumberType=\"Float\" Precision=\"4\""),
            std::string::npos);
  EXPECT_EQ(doc.find("HyperSlab"), std::string::npos);
}

TEST(Xdmf, ThreeDimensionalDocumentPutsDepthAlongMinusZ) {
  XdmfSeries series{"a&b.h5", 3, 4, 2, 3, 0.02, {"damage"}, {1.0}};
  const std::string doc = xdmf_document(series);
  EXPECT_NE(doc.find("TopologyType=\"3DCoRectMesh\" Dimensions=\"4 3 5\""), std::string::npos);
  EXPECT_NE(doc.find("GeometryType=\"ORIGIN_DXDYDZ\""), std::string::npos);
  EXPECT_NE(doc.find(">-0.02 0.02 0.02</DataItem>"), std::string::npos);
  EXPECT_NE(doc.find(">a&amp;b.h5:/fields/damage|0 0 0 0:1 1 1 1:1 3 2 4:1 3 2 4<"),
            std::string::npos);
}

class XdmfMeshio : public ::testing::TestWithParam<int> {};

TEST_P(XdmfMeshio, MeshioReadsEveryFieldAndTimeOfTheSidecar) {
  const testing::ScratchDir dir("meshio" + std::to_string(GetParam()));
  const auto out = dir / "results.h5";
  testing::write_synthetic_results(out, {0.0, 7.0, 9.0, 35.0}, GetParam());
  const auto result = run_command(
      "/usr/bin/python3 " + shell_quote(DERMASIM_TEST_DATA_DIR "/unit/io/xdmf_meshio_check.py") +
      " " + shell_quote((dir / "results.xdmf").string()) + " " + shell_quote(out.string()));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("passed: 4 steps x 3 fields"), std::string::npos) << result.output;
}

INSTANTIATE_TEST_SUITE_P(Dimensions, XdmfMeshio, ::testing::Values(2, 3));

}  // namespace
}  // namespace dermasim::io
