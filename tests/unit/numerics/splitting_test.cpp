#include "dermasim/numerics/splitting.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dermasim/core/error.hpp"

namespace dermasim {
namespace {

// Records which operator ran, from when and for how long.
struct Call {
  std::string name;
  double t, dt;
  bool operator==(const Call&) const = default;
};

class Recorder : public Operator {
 public:
  Recorder(std::string name, std::vector<Call>& log) : name_(std::move(name)), log_(log) {}
  void advance(FieldSet&, double t, double dt) override { log_.push_back({name_, t, dt}); }

 private:
  std::string name_;
  std::vector<Call>& log_;
};

TEST(SplittingStepper, ComposesAListSymmetrically) {
  std::vector<Call> log;
  Recorder a("a", log), b("b", log), c("c", log);
  SplittingStepper stepper({&a, &b, &c});
  FieldSet s(Grid(2, 1, 1, 1, 1.0));
  stepper.step(s, 2.0, 0.5);
  const std::vector<Call> expected{
      {"a", 2.0, 0.25}, {"b", 2.0, 0.25}, {"c", 2.0, 0.5}, {"b", 2.25, 0.25}, {"a", 2.25, 0.25}};
  EXPECT_EQ(log, expected);
}

TEST(SplittingStepper, TwoOperatorsAreStrangAndOneIsAFullStep) {
  std::vector<Call> log;
  Recorder r("r", log), t("t", log);
  FieldSet s(Grid(2, 1, 1, 1, 1.0));
  SplittingStepper(r, t).step(s, 0.0, 1.0);
  EXPECT_EQ(log, (std::vector<Call>{{"r", 0.0, 0.5}, {"t", 0.0, 1.0}, {"r", 0.5, 0.5}}));
  log.clear();
  SplittingStepper({&t}).step(s, 1.0, 2.0);
  EXPECT_EQ(log, (std::vector<Call>{{"t", 1.0, 2.0}}));
  EXPECT_THROW(SplittingStepper({}), Error);
  EXPECT_THROW(SplittingStepper({&r, nullptr}), Error);
}

}  // namespace
}  // namespace dermasim
