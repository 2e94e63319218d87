#include "dermasim/core/strings.hpp"

#include <gtest/gtest.h>

#include <array>

namespace dermasim {
namespace {

TEST(Strings, EditDistance) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(Strings, DidYouMeanSuggestsOnlyCloseNames) {
  const std::array<std::string_view, 3> names{"needle_length", "needle_diameter", "density"};
  EXPECT_EQ(did_you_mean("needle_lenght", names), "; did you mean 'needle_length'?");
  EXPECT_EQ(did_you_mean("zzzzzzzzzzzz", names), "");
}

}  // namespace
}  // namespace dermasim
