#include "dermasim/core/grid.hpp"

#include <gtest/gtest.h>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

TEST(Grid, IndexIsCOrderWithXFastest) {
  Grid g(3, 4, 3, 2, 0.01);
  EXPECT_EQ(g.cells(), 24u);
  EXPECT_EQ(g.index(1, 0, 0), 1u);
  EXPECT_EQ(g.index(0, 1, 0), 4u);
  EXPECT_EQ(g.index(0, 0, 1), 12u);
  EXPECT_EQ(g.index(3, 2, 1), 23u);
  EXPECT_EQ(g.stride_y(), 4u);
  EXPECT_EQ(g.stride_z(), 12u);
}

TEST(Grid, CellCentresAndExtent) {
  Grid g(2, 300, 1, 150, 0.02);
  EXPECT_DOUBLE_EQ(g.x(0), 0.01);
  EXPECT_DOUBLE_EQ(g.z(149), 2.99);
  EXPECT_DOUBLE_EQ(g.width(), 6.0);
  EXPECT_DOUBLE_EQ(g.depth(), 3.0);
  EXPECT_DOUBLE_EQ(g.cell_volume(), 0.0004);
}

TEST(Grid, RowLabelsFollowDepthBoundaries) {
  Grid g(2, 2, 1, 100, 0.02);  // 2 mm deep
  EXPECT_EQ(g.row_label(50), 0);
  g.set_row_labels_from_depths({0.06, 0.30, 1.70});
  EXPECT_EQ(g.row_label(0), 0);   // centre 0.01
  EXPECT_EQ(g.row_label(2), 0);   // centre 0.05
  EXPECT_EQ(g.row_label(3), 1);   // centre 0.07
  EXPECT_EQ(g.row_label(14), 1);  // centre 0.29
  EXPECT_EQ(g.row_label(15), 2);  // centre 0.31
  EXPECT_EQ(g.row_label(84), 2);  // centre 1.69
  EXPECT_EQ(g.row_label(85), 3);
  EXPECT_EQ(g.row_labels().size(), 100u);
}

TEST(Grid, RejectsBadSizes) {
  EXPECT_THROW(Grid(4, 2, 1, 2, 0.1), InputError);
  EXPECT_THROW(Grid(2, 0, 1, 2, 0.1), InputError);
  EXPECT_THROW(Grid(2, 2, 2, 2, 0.1), InputError);
  EXPECT_THROW(Grid(3, 2, 2, 2, -0.1), InputError);
}

}  // namespace
}  // namespace dermasim
