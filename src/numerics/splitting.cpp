// Symmetric composition of a list of operators (splitting.hpp).
#include "dermasim/numerics/splitting.hpp"

#include "dermasim/core/error.hpp"

namespace dermasim {

SplittingStepper::SplittingStepper(std::vector<Operator*> operators)
    : operators_(std::move(operators)) {
  if (operators_.empty()) throw Error("splitting: no operators");
  for (const Operator* op : operators_) {
    if (op == nullptr) throw Error("splitting: null operator");
  }
}

void SplittingStepper::step(FieldSet& state, double t, double dt) {
  const std::size_t last = operators_.size() - 1;
  for (std::size_t i = 0; i < last; ++i) operators_[i]->advance(state, t, 0.5 * dt);
  operators_[last]->advance(state, t, dt);
  for (std::size_t i = last; i-- > 0;) operators_[i]->advance(state, t + 0.5 * dt, 0.5 * dt);
}

void SplittingStepper::step_from(const FieldSet& from, FieldSet& to, double t, double dt) {
  const std::size_t last = operators_.size() - 1;
  if (last == 0) {
    operators_[0]->advance_from(from, to, t, dt);
    return;
  }
  operators_[0]->advance_from(from, to, t, 0.5 * dt);
  for (std::size_t i = 1; i < last; ++i) operators_[i]->advance(to, t, 0.5 * dt);
  operators_[last]->advance(to, t, dt);
  for (std::size_t i = last; i-- > 0;) operators_[i]->advance(to, t + 0.5 * dt, 0.5 * dt);
}

}  // namespace dermasim
