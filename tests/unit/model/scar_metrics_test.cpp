// Scar imprinting (the visible depth of the spread surface equals the requested depth) and the
// metrics.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "dermasim/core/error.hpp"
#include "dermasim/model/metrics.hpp"

namespace dermasim::model {
namespace {

Grid wide_grid() {
  return Grid(2, 160, 1, 40, 0.05);
}  // 8 mm x 2 mm

TEST(Scar, InitialDepthEqualsTheRequestedDepthForEveryType) {
  for (ScarType type :
       {ScarType::kIcepick, ScarType::kBoxcar, ScarType::kRolling, ScarType::kHypertrophic}) {
    const ScarSpec scar{type, 2.0, 0.3};
    const TissueModel m(wide_grid(), SkinSpec{}, scar, ParameterSet{}, 1);
    const FieldSet s = m.initial_state();
    const MetricsCalculator metrics(m, 1.05, s, Threads(1));
    const MetricValues v = metrics.compute(s);
    // The centre lies on a cell face, so V and cos^2 profiles are sampled half a cell off-centre.
    const double tolerance = type == ScarType::kIcepick ? 0.3 * 0.025 / 1.0 : 2e-3;
    EXPECT_NEAR(v[kScarDepth], 0.3, tolerance) << static_cast<int>(type);
    EXPECT_GT(v[kScarDeficit], 0.0);
    EXPECT_EQ(v[kImprovement], 0.0);
    // The skin spreads the carved volume without changing it: the surface's total equals the
    // column integral of the collagen deficit (excess) plus a rolling scar's tether pull (the
    // same along each band), and most of it stays in the footprint.
    const Grid& g = m.grid();
    double carved = 0.0;
    for (int i = 0; i < g.nx(); ++i) {
      double pull = 0.0;
      for (int k = 0; k < g.nz(); ++k) {
        const std::size_t c = g.index(i, 0, k);
        pull = std::max(pull, s[kScarTether][c]);
        if (layer_of(g, k) != Layer::kPapillary && layer_of(g, k) != Layer::kReticular) continue;
        const double cbar = m.row_collagen()[k];
        carved += (s[kCollagenImmature][c] + s[kCollagenMature][c] - cbar) / cbar * g.spacing();
      }
      carved -= pull;
    }
    if (type == ScarType::kRolling) {
      EXPECT_LT(carved, 0.0);
    }
    double surface = 0.0;
    for (double e : metrics.elevation(s)) surface += e;
    EXPECT_NEAR(surface, carved, 1e-9 * std::abs(carved));
    EXPECT_LT(v[kScarDeficit], std::abs(carved) * g.spacing());
    EXPECT_GT(v[kScarDeficit], 0.8 * std::abs(carved) * g.spacing());
  }
}

TEST(Scar, HypertrophicScarHoldsPersistentMyofibroblasts) {
  const TissueModel m(wide_grid(), SkinSpec{}, ScarSpec{ScarType::kHypertrophic, 2.0, 0.3},
                      ParameterSet{}, 1);
  const FieldSet s = m.initial_state();
  const std::size_t centre = m.grid().index(80, 0, 4);
  EXPECT_GT(s[kMyofibroblasts][centre], 0.0);
  const TissueKernel kernel = m.kernel();
  EXPECT_LT(kernel.maps().myofibroblast_apoptosis[centre], 0.06);
  EXPECT_EQ(s[kMyofibroblasts][m.grid().index(5, 0, 4)], 0.0);
}

TEST(Scar, RefusesScarsThatDoNotFit) {
  EXPECT_THROW(TissueModel(Grid(2, 80, 1, 40, 0.05), SkinSpec{},
                           ScarSpec{ScarType::kBoxcar, 2.5, 0.3}, ParameterSet{}, 1),
               InputError);  // no reference skin left in 4 mm
  EXPECT_THROW(TissueModel(wide_grid(), SkinSpec{}, ScarSpec{ScarType::kBoxcar, 2.0, 1.9},
                           ParameterSet{}, 1),
               InputError);  // deeper than the dermis can lose
}

TEST(Metrics, RestingSkinIsAtBaseline) {
  const TissueModel m(wide_grid(), SkinSpec{}, ScarSpec{}, ParameterSet{}, 1);
  const FieldSet s = m.initial_state();
  const MetricValues v = MetricsCalculator(m, 1.05, s, Threads(1)).compute(s);
  EXPECT_NEAR(v[kCollagenPapillaryRel], 1.0, 1e-12);
  EXPECT_NEAR(v[kCollagenReticularRel], 1.0, 1e-12);
  EXPECT_NEAR(v[kFibroblastsRel], 1.0, 1e-12);
  EXPECT_EQ(v[kMyofibroblastsRel], 0.0);
  EXPECT_EQ(v[kScarDepth], 0.0);
  EXPECT_EQ(v[kGrowthFactorPeak], 0.0);
  EXPECT_EQ(v[kFibrosisFlag], 0.0);
  const LayerBaseline& ret = m.baseline()[Layer::kReticular];
  EXPECT_GT(v[kCollagenType3Fraction], 0.12);
  EXPECT_LT(v[kCollagenType3Fraction], 0.13);
  EXPECT_NEAR(type3_fraction(ret.immature, ret.mature), 0.12 + 0.23 * ret.immature / 0.25, 1e-12);
}

TEST(Metrics, RespondToTheState) {
  const TissueModel m(wide_grid(), SkinSpec{}, ScarSpec{ScarType::kBoxcar, 2.0, 0.3},
                      ParameterSet{}, 1);
  const FieldSet initial = m.initial_state();
  const MetricsCalculator metrics(m, 1.05, initial, Threads(1));
  FieldSet s = m.initial_state();
  // Fill half of the scar's collagen deficit everywhere.
  const FieldSet rest =
      TissueModel(wide_grid(), SkinSpec{}, ScarSpec{}, ParameterSet{}, 1).initial_state();
  for (std::size_t c = 0; c < s[kCollagenMature].size(); ++c) {
    s[kCollagenMature][c] += 0.5 * (rest[kCollagenMature][c] - s[kCollagenMature][c]);
    s[kCollagenImmature][c] += 0.5 * (rest[kCollagenImmature][c] - s[kCollagenImmature][c]);
    s[kFibroblasts][c] *= 300.0;  // far above the autocrine threshold
  }
  const MetricValues v = metrics.compute(s);
  EXPECT_NEAR(v[kImprovement], 50.0, 1e-6);
  EXPECT_NEAR(v[kScarDepth], 0.15, 1e-6);
  EXPECT_EQ(v[kFibrosisFlag], 1.0);
  EXPECT_NEAR(v[kFibroblastsRel], 300.0, 1e-9);
}

TEST(Metrics, NamesAreThoseOfModelMd) {
  const std::set<std::string> expected = {"scar_depth_mm",
                                          "scar_deficit_mm2",
                                          "improvement_pct",
                                          "collagen_papillary_rel",
                                          "collagen_reticular_rel",
                                          "collagen_type3_fraction",
                                          "fibroblasts_rel",
                                          "myofibroblasts_rel",
                                          "growth_factor_peak",
                                          "inflammation_mean",
                                          "pih_risk_index",
                                          "fibrosis_flag",
                                          "elastin_rel"};
  std::set<std::string> names;
  for (const MetricInfo& info : metric_infos()) {
    names.insert(std::string(info.name));
    EXPECT_FALSE(info.unit.empty());
    EXPECT_FALSE(info.description.empty());
  }
  EXPECT_EQ(names, expected);
}

}  // namespace
}  // namespace dermasim::model
