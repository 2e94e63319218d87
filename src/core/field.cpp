#include "dermasim/core/field.hpp"

#include <algorithm>

#include "dermasim/core/error.hpp"

namespace dermasim {

void Field::fill(double v) {
  std::fill(data_.begin(), data_.end(), v);
}

int FieldSet::add(FieldInfo info, double initial) {
  if (find(info.name) >= 0) throw Error("field '" + info.name + "' added twice");
  fields_.emplace_back(std::move(info), grid_.cells(), initial);
  return size() - 1;
}

int FieldSet::find(const std::string& name) const {
  for (int f = 0; f < size(); ++f) {
    if (fields_[f].name() == name) return f;
  }
  return -1;
}

void FieldSet::assign_values(const FieldSet& other) {
  DERMASIM_ASSERT(other.size() == size());
  for (int f = 0; f < size(); ++f) {
    DERMASIM_ASSERT(other[f].size() == fields_[f].size());
    std::copy(other[f].data(), other[f].data() + other[f].size(), fields_[f].data());
  }
}

void copy_values(const FieldSet& from, FieldSet& to, int first_field, Threads threads) {
  DERMASIM_ASSERT(from.size() == to.size());
  const std::size_t n = from.grid().cells();
#pragma omp parallel num_threads(threads.count())
  for (int f = first_field; f < from.size(); ++f) {
    const double* source = from[f].data();
    double* target = to[f].data();
#pragma omp for schedule(static) nowait
    for (std::size_t c = 0; c < n; ++c) target[c] = source[c];
  }
}

}  // namespace dermasim
