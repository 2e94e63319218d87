#include "dermasim/core/field.hpp"

#include <algorithm>

#include "dermasim/core/error.hpp"

namespace dermasim {

void Field::fill(double v) { std::fill(data_.begin(), data_.end(), v); }

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

}  // namespace dermasim
