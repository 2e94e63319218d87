#include "dermasim/core/field.hpp"

#include <gtest/gtest.h>

#include <cstdint>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

TEST(FieldSet, AddsAlignedFieldsWithMetadata) {
  FieldSet s(Grid(2, 5, 1, 3, 0.1));
  const int a = s.add({"growth_factor", "ng/mL", "active TGF-beta", 10.0}, 2.5);
  const int b = s.add({"mmp", "1", "collagenase", 1.0});
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 1);
  EXPECT_EQ(s.find("mmp"), 1);
  EXPECT_EQ(s.find("nope"), -1);
  EXPECT_EQ(s[a].size(), 15u);
  EXPECT_EQ(s[a][7], 2.5);
  EXPECT_EQ(s[a].info().unit, "ng/mL");
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(s[b].data()) % kCacheLine, 0u);
  EXPECT_THROW(s.add({"mmp", "1", "again", 1.0}), Error);
}

TEST(FieldSet, AssignValuesCopiesData) {
  FieldSet a(Grid(2, 3, 1, 2, 0.1)), b(Grid(2, 3, 1, 2, 0.1));
  a.add({"u", "1", "", 1.0}, 1.0);
  b.add({"u", "1", "", 1.0}, 4.0);
  a.assign_values(b);
  EXPECT_EQ(a[0][5], 4.0);
}

}  // namespace
}  // namespace dermasim
