// Site presets, age scaling, phototype weights and the homeostatic baseline.
#include <gtest/gtest.h>

#include <cmath>

#include "dermasim/core/error.hpp"
#include "dermasim/model/skin.hpp"

namespace dermasim::model {
namespace {

TEST(Skin, CheekLayersFollowChopra2015) {
  const LayerDepths d = site_layer_depths(Site::kCheek);
  EXPECT_DOUBLE_EQ(d.epidermis, 0.06);
  EXPECT_DOUBLE_EQ(d.papillary, 0.30);
  EXPECT_DOUBLE_EQ(d.reticular, 1.70);
  for (Site s : {Site::kForehead, Site::kTemple, Site::kBack}) {
    const LayerDepths o = site_layer_depths(s);
    EXPECT_LT(o.epidermis, o.papillary);
    EXPECT_LT(o.papillary, o.reticular);
  }
  EXPECT_GT(site_layer_depths(Site::kBack).reticular, d.reticular);
}

TEST(Skin, AgeScalesAsVarani2006) {
  const ParameterSet p;
  const AgeFactors young = age_factors(20.0, p), old = age_factors(90.0, p),
                   mid = age_factors(55.0, p);
  EXPECT_DOUBLE_EQ(young.fibroblasts, 1.0);
  EXPECT_DOUBLE_EQ(young.synthesis, 1.0);
  EXPECT_NEAR(old.fibroblasts, 0.65, 1e-12);
  EXPECT_NEAR(old.synthesis, 0.30, 1e-12);
  EXPECT_NEAR(mid.synthesis, 0.65, 1e-12);
  EXPECT_LT(old.thickness, 1.0);

  SkinSpec aged;
  aged.age_years = 85.0;
  SkinSpec young_skin;
  young_skin.age_years = 25.0;
  const TissueBaseline a = tissue_baseline(aged, p), y = tissue_baseline(young_skin, p);
  EXPECT_LT(a.depths.reticular, y.depths.reticular);
  EXPECT_DOUBLE_EQ(a.depths.epidermis, y.depths.epidermis);
  // Tissue synthesis (p_C F0 times the resting room) falls by the synthesis factor.
  const auto synthesis = [](const TissueBaseline& b) {
    const LayerBaseline& l = b[Layer::kReticular];
    return l.synthesis * l.fibroblasts * (1.0 - l.collagen / l.capacity);
  };
  EXPECT_NEAR(synthesis(a) / synthesis(y), 0.30, 0.01);
}

TEST(Skin, FitzpatrickWeightRisesWithPhototype) {
  const ParameterSet p;
  EXPECT_DOUBLE_EQ(fitzpatrick_weight(3, p), 1.0);
  for (int t = 1; t < 6; ++t) EXPECT_LT(fitzpatrick_weight(t, p), fitzpatrick_weight(t + 1, p));
  EXPECT_THROW(fitzpatrick_weight(7, p), InputError);
  EXPECT_THROW(fitzpatrick_weight(0, p), InputError);
}

TEST(Skin, BaselineBalancesSynthesisAndTurnoverInEveryLayer) {
  const ParameterSet p;
  const TissueBaseline b = tissue_baseline(SkinSpec{}, p);
  const double k_mat = p[ParamId::collagen_maturation_rate];
  const double k_im = p[ParamId::collagen_immature_degradation];
  for (Layer l : {Layer::kPapillary, Layer::kReticular, Layer::kHypodermis}) {
    const LayerBaseline& lb = b[l];
    ASSERT_GT(lb.collagen, 0.0);
    EXPECT_NEAR(lb.immature + lb.mature, lb.collagen, 1e-15);
    const double production = lb.synthesis * lb.fibroblasts * (1.0 - lb.collagen / lb.capacity);
    EXPECT_NEAR(production, (k_mat + k_im) * lb.immature, 1e-15);
    EXPECT_NEAR(k_mat * lb.immature, lb.mature_turnover * lb.mature, 1e-15);
  }
  EXPECT_EQ(b[Layer::kEpidermis].collagen, 0.0);
  EXPECT_EQ(b[Layer::kEpidermis].fibroblasts, 0.0);
}

TEST(Skin, RefusesCollagenWithoutFibroblasts) {
  ParameterSet p;
  p.set("fibroblast.hypodermis_factor", 0.0);
  try {
    tissue_baseline(SkinSpec{}, p);
    FAIL() << "accepted a hypodermis with collagen and no fibroblasts";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("fibroblast.hypodermis_factor"), std::string::npos);
  }
}

}  // namespace
}  // namespace dermasim::model
