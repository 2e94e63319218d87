// Judging and restoring the rows a resumed results file keeps (see kept_rows.hpp).
#include "dermasim/io/kept_rows.hpp"

#include <zlib.h>

#include <algorithm>

#include "dermasim/io/file_error.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace {

struct KeptSeries {
  std::string path;
  h5::Handle dataset;
  std::size_t rows = 0;
  bool in_place = false;  // chunks of several rows, rewritten by every append
};

// Every series of a results file with the number of rows `counts` keeps of it.
std::vector<KeptSeries> kept_series(const h5::Handle& file, const SeriesCounts& counts) {
  std::vector<KeptSeries> series;
  auto add = [&](std::string path, h5::Handle dataset, std::size_t rows) {
    const bool in_place = h5::chunk_rows(dataset) > 1;
    series.push_back({std::move(path), std::move(dataset), rows, in_place});
  };
  for (const std::string_view group : kSeriesGroups) {
    if (!h5::has_link(file, group)) continue;  // /surface: only in files that record it
    const std::size_t rows = group == "metrics" ? counts.metric_samples : counts.snapshots;
    const h5::Handle g = h5::open_group(file, group);
    for (const std::string& name : h5::link_names(g)) {
      add(std::string(group) + "/" + name, h5::open_dataset(g, name), rows);
    }
  }
  add("events", h5::open_dataset(file, "events"), counts.events);
  return series;
}

std::uint32_t crc32_of(const std::vector<unsigned char>& bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  for (std::size_t at = 0; at < bytes.size();) {
    const auto n = static_cast<uInt>(std::min<std::size_t>(bytes.size() - at, 1u << 30));
    crc = crc32(crc, bytes.data() + at, n);
    at += n;
  }
  return static_cast<std::uint32_t>(crc);
}

const RowDigest* digest_for(const SeriesCounts& keep, const std::string& path) {
  const auto it = std::find_if(keep.digests.begin(), keep.digests.end(),
                               [&](const RowDigest& d) { return d.path == path; });
  return it == keep.digests.end() ? nullptr : &*it;
}

}  // namespace

std::vector<RowDigest> digest_in_place_series(const h5::Handle& file, const SeriesCounts& counts) {
  std::vector<RowDigest> digests;
  for (const KeptSeries& s : kept_series(file, counts)) {
    if (!s.in_place) continue;
    digests.push_back({s.path, crc32_of(h5::read_rows_unverified(s.dataset, s.rows))});
  }
  return digests;
}

void restore_kept_rows(const h5::Handle& file, const SeriesCounts& keep,
                       const std::string& file_name) {
  std::vector<KeptSeries> series = kept_series(file, keep);
  for (const KeptSeries& s : series) {
    if (h5::shape(s.dataset).at(0) < s.rows) {
      throw FileError(file_name, "cannot resume: /" + s.path +
                                     " holds fewer than the checkpoint's " +
                                     std::to_string(s.rows) + " rows");
    }
    // A kill inside a flush can leave a chunk index that lost entries (a node split whose new
    // half never reached the disk): those rows would read back as zeros, not as an error.
    const hsize_t missing = h5::first_unallocated_row(s.dataset, s.rows);
    if (missing < s.rows) {
      throw FileError(file_name,
                      "damaged: row " + std::to_string(missing) + " of /" + s.path +
                          ", which the checkpoint keeps, is missing from the file's chunk index; "
                          "use an intact copy, or run again",
                      FileError::Fault::damaged);
    }
  }
  std::vector<std::pair<const KeptSeries*, std::vector<unsigned char>>> rewrites;
  for (const KeptSeries& s : series) {
    const RowDigest* digest = s.in_place ? digest_for(keep, s.path) : nullptr;
    if (digest == nullptr) {
      if (h5::has_filter(s.dataset, H5Z_FILTER_FLETCHER32)) h5::verify_rows(s.dataset, s.rows);
      continue;
    }
    std::vector<unsigned char> bytes = h5::read_rows_unverified(s.dataset, s.rows);
    if (crc32_of(bytes) != digest->crc32) {
      throw FileError(file_name,
                      "damaged: the first " + std::to_string(s.rows) + " rows of /" + s.path +
                          " differ from those the checkpoint recorded; use an intact copy, or "
                          "run again",
                      FileError::Fault::damaged);
    }
    rewrites.emplace_back(&s, std::move(bytes));
  }
  for (const auto& [s, bytes] : rewrites) h5::rewrite_rows(s->dataset, bytes, s->rows);
}

}  // namespace dermasim::io
