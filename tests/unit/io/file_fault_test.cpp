// The pieces of issue 14 that need no faulty machine: escaped names, the wording of OS
// errors, atomic replacement, and the Fletcher32 checksum appended to hand-encoded chunks
// (HDF5 itself verifies it on reading).
#include <gtest/gtest.h>
#include <sys/file.h>

#include <cerrno>
#include <fstream>

#include "dermasim/io/atomic_file.hpp"
#include "dermasim/io/chunk_codec.hpp"
#include "dermasim/io/file_error.hpp"
#include "dermasim/io/file_lock.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io {
namespace {

using testing::ScratchDir;

TEST(FileFault, EscapesControlBytesAndInvalidUtf8ButKeepsText) {
  EXPECT_EQ(escape_name("collagen_mature"), "collagen_mature");
  EXPECT_EQ(escape_name("\xc2\xb5m"), "\xc2\xb5m");  // µm stays readable
  EXPECT_EQ(escape_name("a\x1b[2Jb"), "a\\x1b[2Jb");
  EXPECT_EQ(escape_name("x\xff\xc2"), "x\\xff\\xc2");
  EXPECT_EQ(escape_name(std::string("n\0m", 3)), "n\\x00m");
  EXPECT_EQ(escape_name("back\\slash"), "back\\x5cslash");
}

TEST(FileFault, OsErrorsAreOneLowerCaseReasonWithTheirFault) {
  EXPECT_EQ(os_reason(ENOSPC), "no space left on device");
  EXPECT_EQ(os_reason(EROFS), "read-only file system");
  try {
    throw_os_error("out/x.h5", "write", ENOSPC);
    FAIL();
  } catch (const FileError& e) {
    EXPECT_STREQ(e.what(), "out/x.h5: cannot write: no space left on device");
    EXPECT_EQ(e.fault(), FileError::Fault::no_space);
    EXPECT_EQ(e.file(), "out/x.h5");
  }
}

TEST(FileFault, AtomicFileReplacesOnCommitAndLeavesNoTemporaryOnFailure) {
  const ScratchDir dir("atomic");
  const auto target = dir / "summary.csv";
  std::ofstream(target) << "old\n";
  {
    AtomicFile file(target);
    file.write("half");
    EXPECT_TRUE(std::filesystem::exists(file.temporary()));
  }  // not committed: a failed write
  EXPECT_FALSE(std::filesystem::exists(target.string() + ".partial"));
  std::ifstream before(target);
  std::string line;
  std::getline(before, line);
  EXPECT_EQ(line, "old");
  {
    AtomicFile file(target);
    file.write("new\n");
    file.commit();
  }
  std::ifstream after(target);
  std::getline(after, line);
  EXPECT_EQ(line, "new");
  AtomicFile nowhere(dir / "missing" / "x.csv");
  EXPECT_THROW(nowhere.write("x"), FileError);
}

TEST(FileFault, AppendedFletcher32IsWhatHdf5Verifies) {
  const ScratchDir dir("fletcher");
  const h5::Handle file = h5::create_file((dir / "f.h5").string());
  std::vector<float> values(1000);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = 0.5f + 1e-3f * (i % 13);
  const hsize_t dims[] = {1, values.size()};
  h5::Storage storage{
      .chunk = {1, values.size()}, .shuffle = true, .gzip_level = 1, .fletcher32 = true};
  const h5::Handle d = h5::create_dataset(file, "x", h5::TypeOf<float>::file(), dims, storage);
  std::vector<unsigned char> chunk = shuffle_deflate(values, 1);
  append_fletcher32(chunk);
  const hsize_t offset[] = {0, 0};
  h5::write_filtered_chunk(d, offset, chunk);
  std::vector<float> back(values.size());
  h5::read_rows(d, H5T_NATIVE_FLOAT, back.data(), 0, 1);  // throws on a checksum mismatch
  EXPECT_EQ(back, values);

  // An odd number of bytes: the last one counts as the high half of a 16-bit word.
  std::vector<unsigned char> bytes(777);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(i * 7);
  const hsize_t odd[] = {1, bytes.size()};
  const h5::Handle u = h5::create_dataset(
      file, "odd", H5T_STD_U8LE, odd, h5::Storage{.chunk = {1, bytes.size()}, .fletcher32 = true});
  std::vector<unsigned char> odd_chunk = bytes;
  append_fletcher32(odd_chunk);
  h5::write_filtered_chunk(u, offset, odd_chunk);
  std::vector<unsigned char> odd_back(bytes.size());
  h5::read_rows(u, H5T_NATIVE_UCHAR, odd_back.data(), 0, 1);
  EXPECT_EQ(odd_back, bytes);
}

TEST(FileFault, ALockedFileIsRefusedWithItsHolder) {
  const ScratchDir dir("locked");
  const auto path = dir / "busy.h5.partial";
  std::ofstream(path) << "being written";
  const int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  // flock locks belong to the open file description: a second open conflicts even here.
  try {
    refuse_if_locked(path);
    FAIL() << "not refused";
  } catch (const FileError& e) {
    EXPECT_EQ(e.fault(), FileError::Fault::busy);
    EXPECT_NE(std::string(e.what()).find("(pid " + std::to_string(getpid())), std::string::npos)
        << e.what();
  }
  ::close(fd);
  EXPECT_NO_THROW(refuse_if_locked(path));
}

}  // namespace
}  // namespace dermasim::io
