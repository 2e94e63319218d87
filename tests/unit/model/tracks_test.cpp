// Track placement (density, determinism) and deposition (volume fractions, never dropped).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <numeric>

#include "dermasim/model/tracks.hpp"

namespace dermasim::model {
namespace {

double deposited_volume(const Grid& g, const std::vector<double>& f) {
  return std::accumulate(f.begin(), f.end(), 0.0) * g.cell_volume();
}

TEST(Tracks, TwoDimensionalLineDensityIsTheSquareRootOfTheArealDensity) {
  const Grid g(2, 500, 1, 10, 0.02);  // 10 mm wide
  for (TrackPattern pattern : {TrackPattern::kJitteredLattice, TrackPattern::kRandom}) {
    Rng rng(42, 1000);
    const auto tracks = place_columns(g, 4.0, 0.5, 0.1, pattern, rng);  // 2 lines per mm
    EXPECT_NEAR(static_cast<double>(tracks.size()), 20.0, 1.0);
    for (const Column& t : tracks) {
      EXPECT_GE(t.x, 0.0);
      EXPECT_LT(t.x, g.width());
    }
  }
}

TEST(Tracks, ThreeDimensionalCountFollowsTheArealDensity) {
  const Grid g(3, 100, 100, 10, 0.04);  // 4 x 4 mm
  Rng rng(42, 1000);
  const auto lattice = place_columns(g, 3.0, 0.5, 0.1, TrackPattern::kJitteredLattice, rng);
  EXPECT_NEAR(static_cast<double>(lattice.size()), 48.0, 8.0);
  Rng rng2(42, 1000);
  EXPECT_EQ(place_columns(g, 3.0, 0.5, 0.1, TrackPattern::kRandom, rng2).size(), 48u);
}

TEST(Tracks, PatternsAreSeededAndStreamsIndependent) {
  const Grid g(2, 300, 1, 10, 0.02);
  Rng a(42, 1000), b(42, 1000), c(42, 1001);
  const auto ta = place_columns(g, 3.0, 0.5, 0.1, TrackPattern::kJitteredLattice, a);
  const auto tb = place_columns(g, 3.0, 0.5, 0.1, TrackPattern::kJitteredLattice, b);
  const auto tc = place_columns(g, 3.0, 0.5, 0.1, TrackPattern::kJitteredLattice, c);
  ASSERT_EQ(ta.size(), tb.size());
  for (std::size_t i = 0; i < ta.size(); ++i) EXPECT_EQ(ta[i].x, tb[i].x);
  EXPECT_NE(ta.front().x, tc.front().x);
}

// A track narrower than the grid spacing is deposited as its volume fraction.
TEST(Tracks, NarrowTracksKeepTheirVolume) {
  const Grid g2(2, 50, 1, 50, 0.02);
  std::vector<double> f2(g2.cells(), 0.0);
  const Column thin{0.513, 0.0, 0.33, 0.004};
  add_columns(g2, std::span(&thin, 1), f2);
  EXPECT_NEAR(deposited_volume(g2, f2), 2 * 0.004 * 0.33, 1e-12);

  const Grid g3(3, 30, 30, 30, 0.02);
  std::vector<double> f3(g3.cells(), 0.0);
  const Column pin{0.3, 0.3, 0.2, 0.006};
  add_columns(g3, std::span(&pin, 1), f3);
  EXPECT_NEAR(deposited_volume(g3, f3), std::numbers::pi * 0.006 * 0.006 * 0.2, 1e-12);

  const Column wide{0.3, 0.3, 0.2, 0.11};
  std::vector<double> f4(g3.cells(), 0.0);
  add_columns(g3, std::span(&wide, 1), f4);
  EXPECT_NEAR(deposited_volume(g3, f4), std::numbers::pi * 0.11 * 0.11 * 0.2, 1e-9);
  for (double v : f4) ASSERT_LE(v, 1.0);
}

TEST(Tracks, BallsKeepTheirVolume) {
  const Grid g3(3, 30, 30, 30, 0.02);
  std::vector<double> f(g3.cells(), 0.0);
  add_ball(g3, 0.3, 0.3, 0.3, 0.1, f);
  EXPECT_NEAR(deposited_volume(g3, f), 4.0 / 3.0 * std::numbers::pi * 1e-3, 1e-9);
  const Grid g2(2, 30, 1, 30, 0.02);
  std::vector<double> d(g2.cells(), 0.0);
  add_ball(g2, 0.3, 0.0, 0.3, 0.005, d);
  EXPECT_NEAR(deposited_volume(g2, d), std::numbers::pi * 0.005 * 0.005, 1e-12);
}

TEST(Tracks, PeriodicSidesWrapTracks) {
  const Grid g(2, 50, 1, 10, 0.02, LateralBoundary::kPeriodic);
  std::vector<double> f(g.cells(), 0.0);
  const Column edge{0.01, 0.0, 0.2, 0.05};
  add_columns(g, std::span(&edge, 1), f);
  EXPECT_GT(f[g.index(49, 0, 0)], 0.0);
  EXPECT_NEAR(deposited_volume(g, f), 0.1 * 0.2, 1e-12);
}

}  // namespace
}  // namespace dermasim::model
