// What the model is asked to simulate, in engine units (mm, day): the patient's skin, the scar,
// and one session's needling. The scenario and protocol layers fill these from user input;
// the model turns them into initial fields and injuries. Plain data, no behaviour.
#pragma once

namespace dermasim::model {

enum class Site { kCheek, kForehead, kTemple, kBack };

struct SkinSpec {
  Site site = Site::kCheek;
  double age_years = 30.0;
  int fitzpatrick = 3;       ///< 1..6 (I..VI)
  bool active_acne = false;  ///< inflammatory foci before and during treatment
  bool aging = false;        ///< slow intrinsic collagen loss (k_age); off = strict homeostasis
};

enum class ScarType { kNone, kIcepick, kBoxcar, kRolling, kHypertrophic };

struct ScarSpec {
  ScarType type = ScarType::kNone;
  double width = 0.0;  ///< mm, footprint diameter (3D) or width (2D)
  double depth = 0.0;  ///< mm, volume-equivalent depth (elevation for hypertrophic)
};

enum class Device { kPen, kRoller, kHomeRoller, kRfPen };
enum class TrackPattern { kJitteredLattice, kRandom };

/// One session's needling, fully resolved (device defaults already applied).
struct NeedleSession {
  Device device = Device::kPen;
  double needle_length = 1.5;         ///< mm, nominal
  double penetration_fraction = 0.7;  ///< f_pen: reached depth / nominal length
  double needle_radius = 0.125;       ///< mm
  double density = 1.0;               ///< punctures per mm^2 per pass (100 /cm2 = 1 /mm2)
  int passes = 3;
  TrackPattern pattern = TrackPattern::kJitteredLattice;
  bool prp = false;        ///< platelet-rich plasma applied after needling
  double rf_energy = 0.0;  ///< mJ per needle and pulse (rf-pen only)
};

}  // namespace dermasim::model
