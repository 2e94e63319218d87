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

/// The inclusive range of one session setting, in the unit the scenario writes it in.
struct SettingRange {
  double min, max;
};

/// The needling the model is meant for, decided here once: the scenario schema takes these as
/// its key ranges (with located messages), validate_session enforces them on every session
/// however it was built. Each device narrows the needle length further (protocol/devices).
namespace session_limits {
inline constexpr SettingRange kNeedleLength{0.1, 3.5};          ///< mm, nominal
inline constexpr SettingRange kNeedleDiameter{0.05, 0.5};       ///< mm (radius = half)
inline constexpr SettingRange kPenetrationFraction{0.05, 1.0};  ///< 1
inline constexpr SettingRange kDensity{1.0, 5000.0};            ///< punctures per cm2 per pass
inline constexpr SettingRange kPasses{1.0, 20.0};               ///< passes per session
inline constexpr SettingRange kRfEnergy{0.0, 200.0};            ///< mJ per needle and pulse
}  // namespace session_limits

}  // namespace dermasim::model
