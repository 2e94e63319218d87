// Unless the user chose an OpenMP wait policy, the binary waits passively on a busy machine and
// spins briefly (GOMP_SPINCOUNT 1000) on an idle one. GCC's runtime prints what it read with
// OMP_DISPLAY_ENV=VERBOSE (GOMP_SPINCOUNT 0 = passive), once per start of the process image:
// twice when dermasim re-executed itself to set the policy.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace dermasim::testing {
namespace {

// The spin counts the runtime printed, comma-separated; `before` runs first in the same shell.
std::string spin_counts(const std::string& environment, const std::string& before = "") {
  const auto r = run_command(before + " env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT " +
                             "OMP_DISPLAY_ENV=VERBOSE " + environment + " " + dermasim("presets"));
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

std::string last(const std::string& counts) {
  return counts.substr(counts.rfind(',') + 1);
}

TEST(WaitPolicy, PassiveOnABusyMachine) {
  // One spinning shell per core for 1 s, started before dermasim reads the runnable tasks.
  const std::string busy =
      "for i in $(seq $(nproc)); do timeout 1 sh -c 'while :; do :; done' >/dev/null 2>&1 & "
      "done; sleep 0.3;";
  const std::string counts = spin_counts("", busy);
  ASSERT_FALSE(counts.empty()) << "the OpenMP runtime printed no GOMP_SPINCOUNT";
  EXPECT_EQ(last(counts), "0") << counts;
}

TEST(WaitPolicy, PassiveOrABriefSpinWhenTheUserSetNone) {
  // Whether this machine is idle now is not the test's to decide: one of the two, never
  // libgomp's own default (300000, spinning for a long time on a busy machine).
  const std::string counts = spin_counts("");
  ASSERT_FALSE(counts.empty()) << "the OpenMP runtime printed no GOMP_SPINCOUNT";
  EXPECT_TRUE(last(counts) == "0" || last(counts) == "1000") << counts;
}

TEST(WaitPolicy, TheUsersPolicyIsKept) {
  EXPECT_EQ(spin_counts("OMP_WAIT_POLICY=ACTIVE"), "30000000000");
  EXPECT_EQ(spin_counts("GOMP_SPINCOUNT=1000"), "1000");
}

}  // namespace
}  // namespace dermasim::testing
