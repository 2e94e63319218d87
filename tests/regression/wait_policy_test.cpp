// The binary waits passively unless the user chose an OpenMP wait policy. GCC's runtime
// prints what it read with OMP_DISPLAY_ENV=VERBOSE (GOMP_SPINCOUNT 0 = passive), once per
// start of the process image: twice when dermasim re-executed itself to set the policy.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace dermasim::testing {
namespace {

std::string spin_counts(const std::string& environment) {
  const auto r = run_command("env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT OMP_DISPLAY_ENV=VERBOSE " +
                             environment + " " + dermasim("presets"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  std::string counts;
  for (std::size_t at = r.output.find("GOMP_SPINCOUNT = '"); at != std::string::npos;
       at = r.output.find("GOMP_SPINCOUNT = '", at + 1)) {
    const std::size_t begin = at + 18;
    if (!counts.empty()) counts += ',';
    counts += r.output.substr(begin, r.output.find('\'', begin) - begin);
  }
  return counts;
}

TEST(WaitPolicy, PassiveWhenTheUserSetNone) {
  const std::string counts = spin_counts("");
  ASSERT_FALSE(counts.empty()) << "the OpenMP runtime printed no GOMP_SPINCOUNT";
  EXPECT_EQ(counts.substr(counts.rfind(',') + 1), "0") << counts;
}

TEST(WaitPolicy, TheUsersPolicyIsKept) {
  EXPECT_EQ(spin_counts("OMP_WAIT_POLICY=ACTIVE"), "30000000000");
  EXPECT_EQ(spin_counts("GOMP_SPINCOUNT=1000"), "1000");
}

}  // namespace
}  // namespace dermasim::testing
