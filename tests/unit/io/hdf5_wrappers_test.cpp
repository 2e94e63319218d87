// The RAII HDF5 wrappers: failures become IoError naming the file and the object (plus
// HDF5's innermost reason), handles close exactly once, attributes and strings round-trip.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "dermasim/core/error.hpp"
#include "dermasim/io/hdf5_attribute.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io::h5 {
namespace {

using testing::ScratchDir;

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const IoError& e) {
    return e.what();
  }
  return "(no IoError)";
}

TEST(Hdf5Wrappers, FailuresNameTheFileAndTheObject) {
  const ScratchDir dir("h5-errors");
  const std::string path = (dir / "data.h5").string();
  {
    const Handle file = create_file(path);
    const Handle group = create_group(file, "fields");
    const std::string missing = message_of([&] { open_dataset(group, "nope"); });
    // One line "FILE: cannot ACTION OBJECT: reason" (issue 14), the file first.
    EXPECT_EQ(missing.rfind(path + ": cannot open dataset /fields/nope: ", 0), 0u) << missing;
    const std::string twice = message_of([&] { create_group(file, "fields"); });
    EXPECT_EQ(twice.rfind(path + ": cannot create group /fields: ", 0), 0u) << twice;
    write_attribute(group, "label", std::string_view("text"));
    const std::string wrong_type = message_of([&] { read_double_attribute(group, "label"); });
    EXPECT_NE(wrong_type.find(path + ":/fields@label"), std::string::npos) << wrong_type;
  }
  const std::string text = (dir / "notes.txt").string();
  std::ofstream(text) << "plain text\n";
  EXPECT_FALSE(is_hdf5_file(text));
  EXPECT_TRUE(is_hdf5_file(path));
  const std::string not_hdf5 = message_of([&] { open_file(text, false); });
  EXPECT_NE(not_hdf5.find(text), std::string::npos) << not_hdf5;
  EXPECT_NE(not_hdf5.find("not an HDF5 file"), std::string::npos) << not_hdf5;
}

TEST(Hdf5Wrappers, HandlesCloseOnceAndMoveOwnership) {
  const ScratchDir dir("h5-handles");
  Handle file = create_file((dir / "data.h5").string());
  const hid_t id = file.id();
  Handle moved = std::move(file);
  EXPECT_FALSE(file);
  EXPECT_EQ(moved.id(), id);
  EXPECT_GT(H5Iis_valid(id), 0);
  moved.close();
  EXPECT_FALSE(moved);
  EXPECT_LE(H5Iis_valid(id), 0);
  moved.close();  // closing twice is a no-op, not a double close
}

TEST(Hdf5Wrappers, AttributesAndStringsRoundTrip) {
  const ScratchDir dir("h5-attributes");
  const std::string path = (dir / "data.h5").string();
  {
    const Handle file = create_file(path);
    write_attribute(file, "status", std::string_view("running"));
    write_attribute(file, "status", std::string_view("complete"));  // replaced in place
    write_attribute(file, "seed", std::int64_t{-7});
    const std::vector<double> values = {0.5, 1e-300};
    write_attribute(file, "values", std::span<const double>(values));
    write_string_dataset(file, "text", "\xc2\xb5m: micrometre\n");
  }
  const Handle file = open_file(path, false);
  EXPECT_EQ(read_string_attribute(file, "status"), "complete");
  EXPECT_EQ(read_int_attribute(file, "seed"), -7);
  EXPECT_EQ(read_double_array_attribute(file, "values"), (std::vector<double>{0.5, 1e-300}));
  EXPECT_EQ(read_string_dataset(open_dataset(file, "text")), "\xc2\xb5m: micrometre\n");
  EXPECT_EQ(attribute_names(file), (std::vector<std::string>{"seed", "status", "values"}));
}

// Reads a 1D variable-length string dataset with the plain C API, as any HDF5 reader would.
std::vector<std::string> read_strings(const Handle& dataset) {
  const std::vector<hsize_t> dims = shape(dataset);
  EXPECT_EQ(dims.size(), 1u);
  const Handle type = utf8_string_type();
  std::vector<char*> pointers(dims.at(0));
  if (!pointers.empty()) {
    EXPECT_GE(H5Dread(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), 0);
  }
  std::vector<std::string> values;
  for (char* p : pointers) {
    values.emplace_back(p != nullptr ? p : "");
    H5free_memory(p);
  }
  return values;
}

TEST(Hdf5Wrappers, StringArrayAndEmptyDatasetsRoundTrip) {
  const ScratchDir dir("h5-string-arrays");
  const std::string path = (dir / "data.h5").string();
  const std::vector<std::string> keys = {"ok", "", "\xc2\xb5m, \"quoted\"\nnew line"};
  {
    const Handle file = create_file(path);
    write_string_array_dataset(file, "keys", keys);
    write_string_array_dataset(file, "none", std::vector<std::string>{});
    write_dataset<double>(file, "no_numbers", std::span<const double>());
  }
  const Handle file = open_file(path, false);
  const Handle dataset = open_dataset(file, "keys");
  const Handle type(H5Dget_type(dataset.id()), H5Tclose, "type");
  EXPECT_EQ(H5Tget_class(type.id()), H5T_STRING);
  EXPECT_GT(H5Tis_variable_str(type.id()), 0);
  EXPECT_EQ(H5Tget_cset(type.id()), H5T_CSET_UTF8);
  EXPECT_EQ(read_strings(dataset), keys);
  const Handle none = open_dataset(file, "none");
  EXPECT_EQ(shape(none), (std::vector<hsize_t>{0}));
  EXPECT_TRUE(read_strings(none).empty());
  EXPECT_TRUE(read_all<double>(open_dataset(file, "no_numbers")).empty());
}

}  // namespace
}  // namespace dermasim::io::h5
