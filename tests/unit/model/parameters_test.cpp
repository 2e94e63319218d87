// The parameter registry: complete, consistent, overridable by name, and documented in
// docs/parameters.md exactly as rendered from the registry.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/model/parameter_doc.hpp"
#include "dermasim/model/parameters.hpp"

namespace dermasim::model {
namespace {

TEST(ParameterRegistry, EveryEntryIsCompleteAndWithinItsRange) {
  std::set<std::string_view> names;
  for (const ParameterSpec& p : parameter_registry()) {
    EXPECT_TRUE(names.insert(p.name).second) << "duplicate " << p.name;
    EXPECT_NE(p.name.find('.'), std::string_view::npos) << p.name << " is not dotted";
    EXPECT_FALSE(p.unit.empty()) << p.name;
    EXPECT_FALSE(p.source.empty()) << p.name;
    EXPECT_FALSE(p.meaning.empty()) << p.name;
    EXPECT_LE(p.min, p.default_value) << p.name;
    EXPECT_GE(p.max, p.default_value) << p.name;
  }
  EXPECT_GE(kParameterCount, 60);
}

TEST(ParameterRegistry, KeepsTheOriginalNames) {
  for (const char* name :
       {"fibroblast.baseline_density", "fibroblast.proliferation_rate", "fibroblast.motility"}) {
    EXPECT_NE(find_parameter(name), nullptr) << name;
  }
}

TEST(ParameterSet, OverridesByNameAndRejectsOutOfRange) {
  ParameterSet p;
  p.set("fibroblast.proliferation_rate", 0.8);
  EXPECT_DOUBLE_EQ(p[ParamId::fibroblast_proliferation_rate], 0.8);
  try {
    p.set("collagen.capacity_factor", 0.5);
    FAIL() << "out-of-range value accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("collagen.capacity_factor"), std::string::npos);
  }
  try {
    p.set("collagen.maturation_rat", 0.02);
    FAIL() << "unknown name accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("collagen.maturation_rate"), std::string::npos);
  }
}

TEST(ParameterDoc, MatchesRegistry) {
  const std::string path = std::string(DERMASIM_SOURCE_DIR) + "/docs/parameters.md";
  const std::string rendered = render_parameters_markdown();
  if (std::getenv("DERMASIM_REGENERATE_DOCS")) {
    std::ofstream(path) << rendered;
  }
  std::ifstream in(path);
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), rendered)
      << "docs/parameters.md is stale; regenerate it with\n"
         "  DERMASIM_REGENERATE_DOCS=1 build/tests/dermasim_unit_tests "
         "--gtest_filter=ParameterDoc.*";
  EXPECT_NE(rendered.find("`collagen.growth_factor_boost`"), std::string::npos);
}

}  // namespace
}  // namespace dermasim::model
