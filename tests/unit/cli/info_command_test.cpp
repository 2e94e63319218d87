// `dermasim info` run as a process on files the writer produced, on a truncated copy, on a
// text file, on a foreign HDF5 file and on a missing path: output and exit codes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "unit/io/run_command.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io {
namespace {

using testing::run_command;
using testing::ScratchDir;
using testing::shell_quote;

testing::CommandResult info(const std::filesystem::path& path) {
  return run_command(shell_quote(DERMASIM_BINARY) + " info " + shell_quote(path.string()));
}

bool one_error_line(const std::string& output) {
  return output.rfind("error: ", 0) == 0 && std::count(output.begin(), output.end(), '\n') == 1;
}

TEST(InfoCommand, DescribesAResultsFile) {
  const ScratchDir dir("info");
  const auto out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0, 7.0, 9.0, 35.0, 63.0});
  const auto result = info(out);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  for (const char* expected :
       {"synthetic-test (seed 42, 2 threads)", "status       complete", "2D, 8 x 12 cells at 50 um",
        "snapshots    5, day 0 .. 63", "fibroblasts [cells/mm3]",
        "events       2 (2 sessions, 0 other)", "metrics      64 samples, day 0 .. 63",
        "improvement_pct.final", "scar_depth_mm"}) {
    EXPECT_NE(result.output.find(expected), std::string::npos) << expected << "\n" << result.output;
  }
}

TEST(InfoCommand, RejectsTruncatedFileAsIoFailure) {
  const ScratchDir dir("info-truncated");
  const auto out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0, 7.0});
  const auto cut = dir / "cut.h5";
  std::filesystem::copy_file(out, cut);
  std::filesystem::resize_file(cut, std::filesystem::file_size(out) / 2);
  const auto result = info(cut);
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_TRUE(one_error_line(result.output)) << result.output;
  EXPECT_NE(result.output.find("truncated"), std::string::npos) << result.output;
}

TEST(InfoCommand, SaysWhenARunIsStillWritingTheFile) {
  const ScratchDir dir("info-locked");
  const auto out = dir / "run.h5";
  testing::write_synthetic_results(out, {0.0});
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t writer = fork();
  ASSERT_GE(writer, 0);
  if (writer == 0) {  // holds the file open for writing, as a running simulation does
    const h5::Handle file = h5::open_file(out.string(), true);
    if (write(ready[1], "r", 1) != 1) _exit(1);
    pause();
    _exit(0);
  }
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  const auto result = info(out);
  kill(writer, SIGKILL);
  waitpid(writer, nullptr, 0);
  close(ready[0]);
  close(ready[1]);
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_TRUE(one_error_line(result.output)) << result.output;
  EXPECT_NE(result.output.find("another process is writing it"), std::string::npos)
      << result.output;
}

TEST(InfoCommand, RejectsFilesThatAreNotDermasimResultsAsBadInput) {
  const ScratchDir dir("info-foreign");
  const auto text = dir / "notes.txt";
  std::ofstream(text) << "name: not results\n";
  auto result = info(text);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_TRUE(one_error_line(result.output)) << result.output;
  EXPECT_NE(result.output.find("not a dermasim results file"), std::string::npos);

  const auto foreign = dir / "foreign.h5";
  {
    const h5::Handle file = h5::create_file(foreign.string());
    h5::write_attribute(file, "creator", std::string_view("someone else"));
  }
  result = info(foreign);
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_TRUE(one_error_line(result.output)) << result.output;

  result = info(dir / "missing.h5");  // bad input, as a missing scenario for `run`
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_TRUE(one_error_line(result.output)) << result.output;
}

}  // namespace
}  // namespace dermasim::io
