// Runs every malformed scenario of tests/scenario_errors/ through the real binary and checks the
// exact error line and exit code 2 (see tests/scenario_errors/README.md).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path kCorpus = fs::path(DERMASIM_TEST_DATA_DIR) / "scenario_errors";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Outcome {
  int exit_code;
  std::string stderr_text;
};

/// Runs `dermasim validate` in `dir` and returns its exit code and stderr.
Outcome validate(const fs::path& dir, const std::string& file,
                 const std::vector<std::string>& args) {
  std::string err_name = "dermasim_corpus_";
  err_name += std::to_string(::getpid());
  const fs::path err = fs::temp_directory_path() / err_name;
  std::string command = "cd ";
  command += shell_quote(dir.string());
  command += " && ";
  command += shell_quote(DERMASIM_BINARY);
  command += " validate ";
  command += shell_quote(file);
  for (const auto& a : args) {
    command += ' ';
    command += shell_quote(a);
  }
  command += " > /dev/null 2> ";
  command += shell_quote(err.string());
  const int status = std::system(command.c_str());
  Outcome out{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read(err)};
  fs::remove(err);
  return out;
}

TEST(ScenarioErrors, EveryCaseGivesItsExactMessageAndExitCode2) {
  int cases = 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kCorpus)) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& yaml : files) {
    SCOPED_TRACE(yaml.filename().string());
    fs::path expected_file = yaml;
    expected_file.replace_extension(".expected");
    ASSERT_TRUE(fs::exists(expected_file));
    fs::path args_file = yaml;
    args_file.replace_extension(".args");
    std::vector<std::string> args;
    if (fs::exists(args_file)) {
      std::istringstream lines(read(args_file));
      for (std::string line; std::getline(lines, line);) args.push_back(line);
    }
    const Outcome out = validate(kCorpus, yaml.filename().string(), args);
    EXPECT_EQ(out.exit_code, 2);
    EXPECT_EQ(read(expected_file), out.stderr_text);
    ++cases;
  }
  EXPECT_GE(cases, 40);
}

TEST(ScenarioErrors, FileLargerThanOneMebibyte) {
  const fs::path dir = fs::temp_directory_path();
  const std::string name = "dermasim_huge_" + std::to_string(::getpid()) + ".yaml";
  {
    std::ofstream out(dir / name);
    out << "name: huge\n";
    for (int i = 0; i < 40000; ++i) out << "# padding padding padding padding\n";
  }
  const Outcome out = validate(dir, name, {});
  fs::remove(dir / name);
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_EQ(out.stderr_text,
            "error: " + name + ": 1.3 MiB is too large for a scenario file; the limit is 1 MiB\n");
}

TEST(ScenarioErrors, MissingFileAndDirectory) {
  Outcome out = validate(kCorpus, "no-such-scenario.yaml", {});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_EQ(out.stderr_text, "error: no-such-scenario.yaml: cannot read: no such file\n");
  out = validate(kCorpus, ".", {});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_EQ(out.stderr_text, "error: .: is a directory; give a scenario .yaml file\n");
}

TEST(ScenarioErrors, ValidScenarioPrintsWarningsAndExitsZero) {
  const fs::path presets = kCorpus.parent_path().parent_path() / "scenarios";
  const Outcome out = validate(presets, "boxcar-weekly.yaml", {});
  EXPECT_EQ(out.exit_code, 0);
  EXPECT_EQ(out.stderr_text,
            "warning: boxcar-weekly.yaml:26:48: treatment.sessions.spacing: sessions 7 days apart "
            "(under 2 weeks) risk incomplete remodeling, prolonged inflammation and "
            "post-inflammatory hyperpigmentation (PIH)\n");
}

}  // namespace
