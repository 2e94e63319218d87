// The rows a resumed results file keeps, and how they are judged.
//
// A run killed between two checkpoints leaves a .partial whose series go past the last
// checkpoint's marks; resume cuts them back. Two kinds of series need two kinds of check:
// - a field snapshot is one chunk per row, written once, so its Fletcher32 checksum holds
//   for every kept row, and a mismatch is real damage;
// - times, metric samples and events are appended in place: their chunks hold many rows and
//   are rewritten with every append. A kill in the middle of such a rewrite (even one inside
//   the flush of a checkpoint) leaves a chunk whose kept rows are intact, as both versions
//   hold the same bytes there, but whose checksum matches neither. For these the checkpoint
//   stores a CRC-32 of the kept rows (digest_in_place_series), and resume compares it and
//   rewrites the rows with a fresh checksum.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "dermasim/io/hdf5_handle.hpp"
#include "dermasim/io/results_writer.hpp"

namespace dermasim::io {

/// CRC-32 of rows [0, counts) of every series appended in place, named by path.
std::vector<RowDigest> digest_in_place_series(const h5::Handle& file, const SeriesCounts& counts);

/// Checks that every series holds at least the rows `keep` names and that those rows are
/// intact (a snapshot by its checksums, an in-place series by its digest in `keep`, or by its
/// checksums when `keep` has none for it), then rewrites the in-place series' kept rows so that
/// their chunks carry valid checksums again. Throws FileError naming `file_name` before
/// changing anything when a check fails.
void restore_kept_rows(const h5::Handle& file, const SeriesCounts& keep,
                       const std::string& file_name);

}  // namespace dermasim::io
