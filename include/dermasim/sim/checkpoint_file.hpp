// A run's checkpoint on disk: the run's state, the driver's Checkpoint (schedule position, step
// controller history), the resolved scenario it belongs to, and how far the results file had
// got, in the generic io checkpoint format. `dermasim run --checkpoint-every` writes these;
// `dermasim run --resume` reads them and continues bit for bit.
#pragma once
#include <filesystem>
#include <string>

#include "dermasim/io/results_writer.hpp"
#include "dermasim/sim/simulation.hpp"

namespace dermasim::sim {

/// What a checkpoint file says about the run, read before the simulation is rebuilt.
struct CheckpointHeader {
  std::string resolved_scenario;  ///< canonical YAML (names the output): rebuilds the run
  io::SeriesCounts marks;         ///< how far the results file had got
};

/// Writes `simulation`'s checkpoint to `path` atomically (replacing an older one).
void save_checkpoint(const std::filesystem::path& path, const Simulation& simulation,
                     const std::string& resolved_scenario, const io::SeriesCounts& marks);

/// Verifies the checkpoint's checksum and reads its header. Throws InputError if `path` is not
/// a dermasim checkpoint, io::FileError if it is damaged.
CheckpointHeader read_checkpoint_header(const std::filesystem::path& path);

/// Restores `simulation` (built from the header's scenario) to the checkpoint in `path`.
void restore_checkpoint(const std::filesystem::path& path, Simulation& simulation);

/// Starts `simulation` from the state in `path` although its scenario may differ from the one
/// that wrote it (a sweep's branching what-if: same history, another protocol afterwards).
/// The grid and fields must match; the next event is the first of this run's events after
/// the checkpoint's time, and the step controller starts afresh there.
void branch_from_checkpoint(const std::filesystem::path& path, Simulation& simulation);

/// Default checkpoint path of a results file: "<out>.checkpoint.h5".
std::filesystem::path checkpoint_path_for(const std::filesystem::path& output);

}  // namespace dermasim::sim
