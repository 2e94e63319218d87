#include "dermasim/numerics/step_error.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <mutex>
#include <vector>

#include "dermasim/core/threads.hpp"
#include "dermasim/numerics/reaction.hpp"
#include "dermasim/numerics/splitting.hpp"

namespace dermasim {
namespace {

// 2D, 7 x 3 rows of cells, two fields with different scales.
FieldSet layout() {
  FieldSet s(Grid(2, 7, 1, 3, 1.0));
  s.add({"a", "1", "test", 1.0});
  s.add({"b", "1", "test", 10.0});
  return s;
}

// Field f, cell c of a state that varies from cell to cell and from state to state.
void fill(FieldSet& s, double offset) {
  for (int f = 0; f < s.size(); ++f) {
    for (std::size_t c = 0; c < s.grid().cells(); ++c) {
      s[f][c] = (f + 1) * (1.0 + 0.1 * c) + offset * std::sqrt(1.0 + c + f);
    }
  }
}

constexpr StepErrorSettings kSettings{1e-3, 1e-3, true};

TEST(StepErrorEstimate, IsTheWeightedMaxOfTheSecondDividedDifference) {
  FieldSet before = layout(), start = layout(), state = layout();
  fill(before, 0.0);
  fill(start, 0.3);
  fill(state, 0.7);
  const double dt = 0.2, previous = 0.1;
  StepErrorEstimate error(kSettings, 2);
  error.begin(state, start, before, dt, previous);
  error.cells_done(0, state.grid().cells());
  double expected = 0.0;
  for (int f = 0; f < 2; ++f) {
    for (std::size_t c = 0; c < state.grid().cells(); ++c) {
      const double du = state[f][c] - start[f][c], dprev = start[f][c] - before[f][c];
      const double local = dt / (dt + previous) * std::abs(du - dt / previous * dprev);
      expected =
          std::max(expected, local / (1e-3 * std::abs(state[f][c]) + 1e-3 * state[f].info().scale));
    }
  }
  EXPECT_NEAR(error.largest(), expected, 1e-12 * expected);
  EXPECT_GT(expected, 0.0);
}

TEST(StepErrorEstimate, DoesNotDependOnHowTheRowsAreHandedOver) {
  FieldSet before = layout(), start = layout(), state = layout();
  fill(before, 0.0);
  fill(start, 0.2);
  fill(state, 0.9);
  StepErrorEstimate whole(kSettings, 2), by_rows(kSettings, 2);
  whole.begin(state, start, before, 0.3, 0.1);
  whole.cells_done(0, state.grid().cells());
  by_rows.begin(state, start, before, 0.3, 0.1);
  for (int k = 2; k >= 0; --k) by_rows.cells_done(state.grid().index(0, 0, k), 7);
  EXPECT_EQ(std::bit_cast<std::uint64_t>(whole.largest()),
            std::bit_cast<std::uint64_t>(by_rows.largest()));
}

TEST(StepErrorEstimate, NegativeValuesAreInfiniteAndANanWins) {
  FieldSet before = layout(), start = layout(), state = layout();
  fill(before, 0.0);
  fill(start, 0.0);
  fill(state, 0.0);
  StepErrorEstimate error(kSettings, 2);
  error.begin(state, start, before, 0.1, 0.1);
  error.cells_done(0, state.grid().cells());
  EXPECT_EQ(error.largest(), 0.0);
  state[1][3] = -1.0;
  error.begin(state, start, before, 0.1, 0.1);
  error.cells_done(0, state.grid().cells());
  EXPECT_EQ(error.largest(), std::numeric_limits<double>::infinity());
  state[0][20] = std::numeric_limits<double>::quiet_NaN();
  error.begin(state, start, before, 0.1, 0.1);
  error.cells_done(0, 14);
  error.cells_done(14, 7);
  EXPECT_TRUE(std::isnan(error.largest()));
  // Without history (previous dt 0) a finite, non-negative state has no error.
  state[1][3] = 1.0;
  state[0][20] = 1.0;
  error.begin(state, start, before, 0.1, 0.0);
  error.cells_done(0, state.grid().cells());
  EXPECT_EQ(error.largest(), 0.0);
}

// Counts how often each cell is handed over; safe for concurrent calls.
class CountingObserver : public CellObserver {
 public:
  explicit CountingObserver(std::size_t cells) : counts_(cells, 0) {}
  void cells_done(std::size_t first, std::size_t count) override {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t c = first; c < first + count; ++c) ++counts_[c];
  }
  const std::vector<int>& counts() const { return counts_; }

 private:
  std::mutex mutex_;
  std::vector<int> counts_;
};

struct Logistic {
  static constexpr int kFields = 1;
  void rates(const ReactionCell&, const double* u, double* p, double* l) const {
    p[0] = 2.0 * u[0];
    l[0] = 2.0 * u[0] + 0.5;
  }
};

TEST(ReactionOperator, HandsEachCellOverOnceAndGivesTheResultsOfAdvance) {
  for (const int threads : {1, 2}) {
    const Grid grid(3, 5, 4, 6, 1.0);
    FieldSet plain(grid), observed(grid);
    plain.add({"u", "1", "test", 1.0});
    observed.add({"u", "1", "test", 1.0});
    for (std::size_t c = 0; c < grid.cells(); ++c) plain[0][c] = observed[0][c] = 0.01 * c;
    ReactionOperator<Logistic> reaction(Logistic{}, Threads(threads));
    CountingObserver counter(grid.cells());
    reaction.advance(plain, 0.0, 0.4);
    reaction.advance_observed(observed, 0.0, 0.4, counter);
    for (std::size_t c = 0; c < grid.cells(); ++c) {
      ASSERT_EQ(counter.counts()[c], 1) << "cell " << c << ", " << threads << " threads";
      ASSERT_EQ(plain[0][c], observed[0][c]);
    }
  }
}

TEST(SplittingStepper, StepFromHandsEachCellOverOnceWithTheSameResult) {
  const Grid grid(2, 9, 1, 4, 1.0);
  FieldSet start(grid), plain(grid), observed(grid);
  for (FieldSet* s : {&start, &plain, &observed}) s->add({"u", "1", "test", 1.0});
  for (std::size_t c = 0; c < grid.cells(); ++c) start[0][c] = 0.02 * c;
  ReactionOperator<Logistic> reaction(Logistic{}, Threads(2));
  ReactionOperator<Logistic> inner(Logistic{}, Threads(1));
  SplittingStepper stepper(reaction, inner);
  CountingObserver counter(grid.cells());
  stepper.step_from(start, plain, 0.0, 0.3);
  stepper.step_from(start, observed, 0.0, 0.3, counter);
  for (std::size_t c = 0; c < grid.cells(); ++c) {
    ASSERT_EQ(counter.counts()[c], 1) << "cell " << c;
    ASSERT_EQ(plain[0][c], observed[0][c]);
  }
  // A one-operator list hands over every cell after its single step.
  SplittingStepper single({&reaction});
  CountingObserver all(grid.cells());
  single.step_from(start, observed, 0.0, 0.3, all);
  for (std::size_t c = 0; c < grid.cells(); ++c) ASSERT_EQ(all.counts()[c], 1);
}

}  // namespace
}  // namespace dermasim
