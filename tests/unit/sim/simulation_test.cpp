// The driver: events at their times, the output schedule, determinism and restart.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "dermasim/core/error.hpp"
#include "dermasim/sim/simulation.hpp"

namespace dermasim::sim {
namespace {

RunConfig small_run(double duration) {
  RunConfig c;
  c.grid.nx = 40;  // 2 mm at 50 um
  c.grid.nz = 24;  // 1.2 mm
  c.grid.spacing = 0.05;
  c.duration = duration;
  c.steps.rtol = 1e-2;
  c.steps.atol = 1e-2;
  c.output.snapshot_interval = 7.0;
  Event e;
  e.time_days = 3.5;
  c.events = {e};
  return c;
}

struct Log : Observer {
  std::vector<double> metric_times, snapshot_times, event_times;
  std::vector<model::MetricValues> metrics;
  void on_metrics(double t, const model::MetricValues& m) override {
    metric_times.push_back(t);
    metrics.push_back(m);
  }
  void on_snapshot(double t, const FieldSet&) override { snapshot_times.push_back(t); }
  void on_event(double t, const EventRecord& r) override {
    event_times.push_back(t);
    EXPECT_GT(r.outcome.punctures, 0);
  }
};

TEST(Simulation, FollowsTheOutputSchedule) {
  Simulation sim(small_run(10.0));
  Log log;
  sim.run(log);
  EXPECT_TRUE(sim.finished());
  EXPECT_EQ(log.event_times, std::vector<double>{3.5});
  // Daily metrics, one after the event, and the end.
  const std::vector<double> metrics = {0, 1, 2, 3, 3.5, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(log.metric_times, metrics);
  // Start, before the session, 2 days after it, the weekly one, the end.
  const std::vector<double> snapshots = {0, 3.5, 5.5, 7, 10};
  EXPECT_EQ(log.snapshot_times, snapshots);
  // The session shows up in the metrics at once.
  EXPECT_EQ(log.metrics[3][model::kInflammationMean], 0.0);
  EXPECT_GT(log.metrics[4][model::kInflammationMean], 0.0);
}

TEST(Simulation, IsDeterministic) {
  Simulation a(small_run(6.0)), b(small_run(6.0));
  Observer quiet;
  a.run(quiet);
  b.run(quiet);
  for (int f = 0; f < a.state().size(); ++f) {
    ASSERT_TRUE(std::equal(a.state()[f].values().begin(), a.state()[f].values().end(),
                           b.state()[f].values().begin()))
        << a.state()[f].name();
  }
}

// Per-cell updates and deterministic sums: the thread count does not change a single bit.
TEST(Simulation, IsIndependentOfTheThreadCount) {
  Observer quiet;
  RunConfig serial = small_run(4.5), parallel = small_run(4.5);
  serial.threads = Threads(1);
  parallel.threads = Threads(2);
  Simulation one(serial);
  one.run(quiet);
  Simulation two(parallel);
  two.run(quiet);
  for (int f = 0; f < one.state().size(); ++f) {
    ASSERT_TRUE(std::equal(one.state()[f].values().begin(), one.state()[f].values().end(),
                           two.state()[f].values().begin()))
        << one.state()[f].name();
  }
  EXPECT_EQ(one.current_metrics(), two.current_metrics());
}

// A checkpoint restores to a bitwise identical continuation, also when it is taken in the
// middle of the fast phase after an event, where the step controller's history matters.
TEST(Simulation, RestartsFromACheckpointBitForBit) {
  Observer quiet;
  Simulation reference(small_run(8.0));
  reference.run(quiet);

  Simulation first(small_run(8.0));
  first.run_past(4.0, quiet);  // adds no stop: the uninterrupted run ends a step there too
  ASSERT_EQ(first.next_event(), 1u);
  ASSERT_GE(first.time(), 4.0);
  const Checkpoint cp = first.checkpoint();
  Simulation resumed(small_run(8.0));
  resumed.restore(cp, first.state());
  EXPECT_EQ(resumed.time(), first.time());
  resumed.run(quiet);
  EXPECT_EQ(resumed.step_statistics().accepted, reference.step_statistics().accepted);
  EXPECT_EQ(resumed.step_statistics().rejected, reference.step_statistics().rejected);
  for (int f = 0; f < reference.state().size(); ++f) {
    ASSERT_TRUE(std::equal(reference.state()[f].values().begin(),
                           reference.state()[f].values().end(),
                           resumed.state()[f].values().begin()))
        << reference.state()[f].name();
  }
}

TEST(Simulation, RejectsInconsistentConfigurations) {
  RunConfig late = small_run(3.0);  // the session at 3.5 d is after the end
  EXPECT_THROW(Simulation{late}, InputError);
  RunConfig unsorted = small_run(10.0);
  Event early;
  early.time_days = 1.0;
  unsorted.events.push_back(early);
  EXPECT_THROW(Simulation{unsorted}, InputError);
  GridGeometry g;
  g.spacing = 0.0;
  EXPECT_THROW(make_grid(g), InputError);
}

TEST(Simulation, AtSpacingKeepsTheExtentInWholeCells) {
  GridGeometry g;  // 6 x 3 mm at 20 um
  const GridGeometry coarse = at_spacing(g, 0.07);
  EXPECT_EQ(coarse.nx, 86);  // 85.7
  EXPECT_EQ(coarse.nz, 43);  // 42.9
  EXPECT_EQ(coarse.ny, 1);
  EXPECT_DOUBLE_EQ(coarse.spacing, 0.07);
  g.dimensions = 3;
  g.ny = 50;
  EXPECT_EQ(at_spacing(g, 0.04).ny, 25);
  EXPECT_EQ(at_spacing(g, 100.0).nx, 1);
}

}  // namespace
}  // namespace dermasim::sim
