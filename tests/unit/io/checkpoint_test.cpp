// Checkpoints: bitwise round trip of fields and driver state; rejection of foreign files and
// of a FieldSet that does not match.
#include "dermasim/io/checkpoint.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>

#include "dermasim/core/error.hpp"
#include "unit/io/synthetic_results.hpp"

namespace dermasim::io {
namespace {

using testing::ScratchDir;

CheckpointState sample_state() {
  CheckpointState state;
  state.time_days = 123.456789012345678;
  state.next_event_index = 3;
  state.scenario_text = "name: \xc2\xb5m-test\nseed: 7\n";  // UTF-8 survives
  state.scalars = {{"dt_proposed", 0.1 / 3.0}, {"dt_previous", 1e-300}};
  state.integers = {{"steps_accepted", 123456789012},
                    {"rng_word_0", std::bit_cast<std::int64_t>(0xfedcba9876543210ull)}};
  state.arrays = {{"error_history", {1.0 / 7.0, -0.0, 5e-324}}};
  return state;
}

// Values that are hard to preserve: thirds, subnormals, negative zero, huge magnitudes.
FieldSet awkward_fields(const Grid& grid) {
  FieldSet fields = testing::synthetic_fields(grid, 2.0);
  fields[0][0] = 5e-324;
  fields[0][1] = -0.0;
  fields[1][2] = 1.0 / 3.0;
  fields[2][3] = 1.7976931348623157e308;
  return fields;
}

TEST(Checkpoint, FieldsAndStateRoundTripBitwise) {
  const ScratchDir dir("checkpoint");
  const auto path = dir / "run.ckpt.h5";
  const Grid grid = testing::small_grid(3);
  const FieldSet original = awkward_fields(grid);
  write_checkpoint(path, sample_state(), original);
  EXPECT_FALSE(std::filesystem::exists(partial_path(path)));

  const CheckpointState state = read_checkpoint_state(path);
  const CheckpointState expected = sample_state();
  EXPECT_EQ(std::bit_cast<std::uint64_t>(state.time_days),
            std::bit_cast<std::uint64_t>(expected.time_days));
  EXPECT_EQ(state.next_event_index, 3);
  EXPECT_EQ(state.scenario_text, expected.scenario_text);
  ASSERT_EQ(state.scalars.size(), 2u);
  for (const NamedValue& want : expected.scalars) {
    const auto got = std::find_if(state.scalars.begin(), state.scalars.end(),
                                  [&](const NamedValue& v) { return v.name == want.name; });
    ASSERT_NE(got, state.scalars.end()) << want.name;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(got->value), std::bit_cast<std::uint64_t>(want.value));
  }
  ASSERT_EQ(state.integers.size(), 2u);
  EXPECT_EQ(std::bit_cast<std::uint64_t>(state.integers[0].value), 0xfedcba9876543210ull);
  EXPECT_EQ(state.integers[1].value, 123456789012);
  ASSERT_EQ(state.arrays.size(), 1u);
  EXPECT_EQ(std::memcmp(state.arrays[0].values.data(), expected.arrays[0].values.data(),
                        3 * sizeof(double)),
            0);

  FieldSet restored = testing::synthetic_fields(grid, 99.0);
  read_checkpoint_fields(path, restored);
  for (int f = 0; f < original.size(); ++f) {
    EXPECT_EQ(std::memcmp(restored[f].data(), original[f].data(), original[f].size() * 8), 0)
        << original[f].name();
  }
}

TEST(Checkpoint, RejectsForeignFilesAndMismatchedFields) {
  const ScratchDir dir("checkpoint-bad");
  const auto text = dir / "notes.txt";
  std::ofstream(text) << "not a checkpoint\n";
  EXPECT_THROW(read_checkpoint_state(text), InputError);
  EXPECT_THROW(read_checkpoint_state(dir / "missing.h5"), IoError);

  const auto results = dir / "run.h5";
  testing::write_synthetic_results(results, {0.0});
  EXPECT_THROW(read_checkpoint_state(results), InputError);

  const auto path = dir / "run.ckpt.h5";
  write_checkpoint(path, sample_state(), awkward_fields(testing::small_grid(2)));
  FieldSet other_grid = testing::synthetic_fields(testing::small_grid(3), 0.0);
  EXPECT_THROW(read_checkpoint_fields(path, other_grid), InputError);
  FieldSet extra_field = testing::synthetic_fields(testing::small_grid(2), 0.0);
  extra_field.add({"damage", "1", "tissue disruption", 1.0});
  EXPECT_THROW(read_checkpoint_fields(path, extra_field), InputError);
}

}  // namespace
}  // namespace dermasim::io
