// Restartable state of a run: every field in double precision (bit-exact), the simulated
// time, the index of the next protocol event, the scenario text, and whatever small state
// the driver needs to continue bit for bit (step controller, counters, RNG words), passed
// as named scalars, integers and double arrays so that this layer stays generic.
//
// File: HDF5, root attributes file_kind = "dermasim checkpoint", format_version,
// dermasim_version, time_days, next_event_index; /scenario (string); /grid attributes
// dimensions, shape, spacing_mm; /fields/<name> (nz, nx) or (nz, ny, nx) float64;
// /state/scalars and /state/integers (one attribute each); /state/arrays/<name> float64;
// root attribute state_crc32, the CRC-32 of all of it (verify_checkpoint).
// Written through AtomicFile ("<path>.partial", synced, renamed), so a crash or a full disk
// never destroys the previous checkpoint.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "dermasim/core/field.hpp"
#include "dermasim/io/results_writer.hpp"

namespace dermasim::io {

struct NamedInteger {
  std::string name;
  std::int64_t value = 0;
};

struct NamedArray {
  std::string name;
  std::vector<double> values;
};

struct CheckpointState {
  double time_days = 0.0;
  std::int64_t next_event_index = 0;  ///< first protocol event not yet applied
  std::string scenario_text;
  std::vector<NamedValue> scalars;
  std::vector<NamedInteger> integers;  ///< e.g. step counts; uint64 RNG words bit-cast
  std::vector<NamedArray> arrays;
};

/// Writes `state` and `fields` to `path` (atomically, replacing an older checkpoint).
/// Throws IoError.
void write_checkpoint(const std::filesystem::path& path, const CheckpointState& state,
                      const FieldSet& fields);

/// True when `path` is an HDF5 file whose file_kind says "dermasim checkpoint".
bool is_checkpoint_file(const std::filesystem::path& path);

/// Reads the whole checkpoint and compares it with its stored checksum. Throws FileError
/// (fault damaged) naming the file when they differ or there is no checksum, InputError when
/// `path` is not a dermasim checkpoint, IoError when it cannot be read.
void verify_checkpoint(const std::filesystem::path& path);

/// Everything but the fields (read first, to rebuild the scenario and the FieldSet); the
/// named scalars, integers and arrays come back sorted by name.
/// Throws InputError when `path` is not a dermasim checkpoint, IoError when unreadable.
CheckpointState read_checkpoint_state(const std::filesystem::path& path);

/// Loads the field values into `fields`, which must have the checkpoint's grid shape and
/// spacing and the same fields (by name; order may differ). Throws InputError on mismatch.
void read_checkpoint_fields(const std::filesystem::path& path, FieldSet& fields);

}  // namespace dermasim::io
