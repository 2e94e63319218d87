// Field snapshots of a results file (see snapshot_series.hpp).
#include "dermasim/io/snapshot_series.hpp"

#include <algorithm>
#include <exception>

#include "dermasim/core/error.hpp"
#include "dermasim/io/chunk_codec.hpp"
#include "dermasim/io/hdf5_dataset.hpp"
#include "dermasim/io/hdf5_file.hpp"
#include "dermasim/io/results_layout.hpp"

namespace dermasim::io {
namespace {

constexpr std::string_view kTimes = "time_days";

std::vector<std::size_t> snapshot_shape(const Grid& grid) {
  const std::vector<std::int64_t> shape = grid_shape(grid);
  return {shape.begin(), shape.end()};
}

}  // namespace

SnapshotSeries SnapshotSeries::create(h5::Handle fields_group, int gzip_level, Threads threads) {
  SnapshotSeries series;
  series.group_ = std::move(fields_group);
  series.gzip_level_ = gzip_level;
  series.threads_ = threads;
  series.encoded_ = gzip_level > 0;
  const hsize_t dims[] = {0};
  h5::Storage storage;
  storage.extendible = true;
  storage.chunk = {1024};
  storage.fletcher32 = true;
  series.times_dataset_ =
      h5::create_dataset(series.group_, kTimes, h5::TypeOf<double>::file(), dims, storage);
  describe(series.times_dataset_, "day", "simulated time of each snapshot");
  return series;
}

SnapshotSeries SnapshotSeries::reopen(h5::Handle fields_group, std::size_t keep, double spacing_mm,
                                      int gzip_level, Threads threads) {
  SnapshotSeries series;
  series.group_ = std::move(fields_group);
  series.threads_ = threads;
  series.spacing_mm_ = spacing_mm;
  series.encoded_ = gzip_level > 0;
  series.times_dataset_ = h5::open_dataset(series.group_, kTimes);
  if (h5::shape(series.times_dataset_).at(0) < keep) {
    throw IoError("cannot resume " + series.group_.where() + ": it holds fewer than " +
                  std::to_string(keep) + " snapshots");
  }
  h5::resize_rows(series.times_dataset_, keep);
  series.times_ = h5::read_all<double>(series.times_dataset_);
  for (const std::string& name : h5::link_names(series.group_)) {
    if (name == kTimes) continue;
    h5::Handle dataset = h5::open_dataset(series.group_, name);
    h5::resize_rows(dataset, keep);
    const std::vector<hsize_t> dims = h5::shape(dataset);
    series.shape_.assign(dims.begin() + 1, dims.end());
    series.encoded_ = h5::has_filter(dataset, H5Z_FILTER_DEFLATE);
    // Files written before chunks were checksummed are continued without checksums.
    series.checksummed_ = h5::has_filter(dataset, H5Z_FILTER_FLETCHER32);
    series.datasets_.push_back({name, std::move(dataset)});
  }
  series.gzip_level_ = series.encoded_ ? std::max(1, gzip_level) : 0;
  return series;
}

void SnapshotSeries::create_datasets(const FieldSet& fields) {
  const std::vector<std::size_t> shape = snapshot_shape(fields.grid());
  std::vector<hsize_t> dims = {0};
  dims.insert(dims.end(), shape.begin(), shape.end());
  h5::Storage storage;
  storage.extendible = true;
  storage.chunk = dims;
  storage.chunk[0] = 1;
  storage.shuffle = encoded_;
  storage.gzip_level = gzip_level_;
  storage.fletcher32 = checksummed_;
  for (int f = 0; f < fields.size(); ++f) {
    const FieldInfo& info = fields[f].info();
    h5::Handle dataset =
        h5::create_dataset(group_, info.name, h5::TypeOf<float>::file(), dims, storage);
    describe(dataset, info.unit, info.description);
    datasets_.push_back({info.name, std::move(dataset)});
  }
  shape_ = shape;
  spacing_mm_ = fields.grid().spacing();
}

// Puts the datasets in the FieldSet's order (a reopened series lists them by name).
void SnapshotSeries::order_like(const FieldSet& fields) {
  bool same = fields.size() == static_cast<int>(datasets_.size()) &&
              snapshot_shape(fields.grid()) == shape_;
  for (int f = 0; same && f < fields.size(); ++f) {
    const auto match = std::find_if(datasets_.begin() + f, datasets_.end(),
                                    [&](const Dataset& d) { return d.name == fields[f].name(); });
    same = match != datasets_.end();
    if (same) std::iter_swap(datasets_.begin() + f, match);
  }
  if (!same) throw Error("append_snapshot: the fields or grid differ from the first snapshot");
}

void SnapshotSeries::append(double time_days, const FieldSet& fields) {
  if (datasets_.empty()) {
    create_datasets(fields);
  } else {
    order_like(fields);
  }
  if (!times_.empty() && time_days < times_.back()) {
    throw Error("append_snapshot: time " + std::to_string(time_days) + " d is before the last");
  }
  write_fields(fields);
  h5::append<double>(times_dataset_, std::span<const double>(&time_days, 1));
  times_.push_back(time_days);
}

// Encodes a group of as many fields as threads at a time (bounding the extra memory to
// threads x (one float32 snapshot + its encoding)), then writes them serially.
void SnapshotSeries::write_fields(const FieldSet& fields) {
  const int count = fields.size();
  const hsize_t row = times_.size();
  std::vector<hsize_t> offset(shape_.size() + 1, 0);
  offset[0] = row;
  if (encoded_) {
    for (const Dataset& d : datasets_) h5::resize_rows(d.handle, row + 1);
  }
  const int group = threads_.count();
  std::vector<std::vector<float>> floats(static_cast<std::size_t>(group));
  std::vector<std::vector<unsigned char>> encoded(static_cast<std::size_t>(group));
  for (int first = 0; first < count; first += group) {
    const int last = std::min(count, first + group);
    std::exception_ptr error;
#pragma omp parallel for schedule(dynamic) num_threads(threads_.count()) if (last - first > 1)
    for (int f = first; f < last; ++f) {
      try {
        const std::span<const double> values = fields[f].values();
        std::vector<float>& buffer = floats[f - first];
        buffer.resize(values.size());
        std::transform(values.begin(), values.end(), buffer.begin(),
                       [](double v) { return static_cast<float>(v); });
        if (encoded_) {
          encoded[f - first] = shuffle_deflate(buffer, std::max(1, gzip_level_));
          if (checksummed_) append_fletcher32(encoded[f - first]);
        }
      } catch (...) {
#pragma omp critical(dermasim_io_encode_error)
        error = std::current_exception();
      }
    }
    if (error) std::rethrow_exception(error);
    for (int f = first; f < last; ++f) {
      if (encoded_) {
        h5::write_filtered_chunk(datasets_[f].handle, offset, encoded[f - first]);
      } else {
        h5::append<float>(datasets_[f].handle, floats[f - first]);
      }
    }
  }
}

std::size_t SnapshotSeries::scratch_bytes(std::size_t cells, int fields, int threads) {
  constexpr std::size_t kZlibState = 300 * 1024;
  const auto encoders = static_cast<std::size_t>(std::max(1, std::min(fields, threads)));
  return encoders * (3 * sizeof(float) * cells + kZlibState);
}

void SnapshotSeries::abandon() noexcept {
  group_.release();
  times_dataset_.release();
  for (Dataset& d : datasets_) d.handle.release();
}

XdmfSeries SnapshotSeries::xdmf(const std::string& h5_file_name) const {
  XdmfSeries series;
  series.h5_file_name = h5_file_name;
  series.dimensions = shape_.size() == 3 ? 3 : 2;
  series.nz = shape_.empty() ? 1 : static_cast<int>(shape_.front());
  series.nx = shape_.empty() ? 1 : static_cast<int>(shape_.back());
  series.ny = shape_.size() == 3 ? static_cast<int>(shape_[1]) : 1;
  series.spacing_mm = spacing_mm_;
  for (const Dataset& d : datasets_) series.fields.push_back(d.name);
  series.times_days = times_;
  return series;
}

}  // namespace dermasim::io
