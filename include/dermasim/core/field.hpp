// Field storage: one contiguous, cache-line aligned array of doubles per field on a Grid,
// with its metadata (name as written to HDF5, unit, description, and the magnitude used to
// scale absolute errors in step control). A FieldSet is the whole simulation state.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "dermasim/core/aligned.hpp"
#include "dermasim/core/grid.hpp"
#include "dermasim/core/threads.hpp"

namespace dermasim {

struct FieldInfo {
  std::string name;         ///< e.g. "collagen_mature" (the HDF5 dataset name)
  std::string unit;         ///< e.g. "mg/mm3"
  std::string description;  ///< one line, written as an HDF5 attribute
  double scale = 1.0;       ///< typical magnitude (field unit): absolute error tolerance scale
};

class Field {
 public:
  Field(FieldInfo info, std::size_t cells, double initial = 0.0)
      : info_(std::move(info)), data_(cells, initial) {}
  const FieldInfo& info() const { return info_; }
  const std::string& name() const { return info_.name; }
  double* data() { return data_.data(); }
  const double* data() const { return data_.data(); }
  std::span<double> values() { return {data_.data(), data_.size()}; }
  std::span<const double> values() const { return {data_.data(), data_.size()}; }
  std::size_t size() const { return data_.size(); }
  double& operator[](std::size_t c) { return data_[c]; }
  double operator[](std::size_t c) const { return data_[c]; }
  void fill(double v);

 private:
  FieldInfo info_;
  AlignedVector<double> data_;
};

/// The fields of a simulation, in a fixed order; indices are stable once added.
class FieldSet {
 public:
  explicit FieldSet(Grid grid) : grid_(std::move(grid)) {}
  const Grid& grid() const { return grid_; }
  /// Adds a field filled with `initial`; returns its index. Names must be unique.
  int add(FieldInfo info, double initial = 0.0);
  int size() const { return static_cast<int>(fields_.size()); }
  Field& operator[](int f) { return fields_[f]; }
  const Field& operator[](int f) const { return fields_[f]; }
  /// Index of the field called `name`, or -1.
  int find(const std::string& name) const;
  /// Copies the values (not the metadata) of `other`, which must have the same layout.
  void assign_values(const FieldSet& other);

 private:
  Grid grid_;
  std::vector<Field> fields_;
};

/// to = from for fields first_field .. from.size()-1 (same layout), in one parallel region on
/// `threads` threads (FieldSet::assign_values copies every field serially).
void copy_values(const FieldSet& from, FieldSet& to, int first_field, Threads threads);

}  // namespace dermasim
