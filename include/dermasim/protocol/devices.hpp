// Microneedling devices and their defaults (docs/model.md "Injury, devices, adjuncts"): penetration
// fraction f_pen, needle diameter (r_n = diameter / 2), puncture density per pass, passes per
// session, nominal needle length and its allowed range, RF energy. Every default carries its
// source; a scenario may override each one.
#pragma once
#include <span>
#include <string_view>

#include "dermasim/model/specs.hpp"

namespace dermasim::protocol {

/// Device names as written in scenarios and results files, in model::Device order.
inline constexpr std::string_view kDeviceNames[] = {"pen", "roller", "home-roller", "rf-pen"};
/// Track pattern names, in model::TrackPattern order.
inline constexpr std::string_view kPatternNames[] = {"lattice", "random"};

struct DeviceDefaults {
  model::Device device;
  std::string_view name;  ///< kDeviceNames[device]
  std::string_view what;  ///< one line

  double needle_length_mm;      ///< default nominal needle length
  double min_needle_length_mm;  ///< allowed range of nominal needle lengths for this device
  double max_needle_length_mm;
  std::string_view length_source;

  double penetration_fraction;  ///< f_pen = reached depth / nominal length
  std::string_view penetration_source;

  double needle_diameter_mm;  ///< r_n = needle_diameter_mm / 2
  std::string_view diameter_source;

  double density_per_cm2;  ///< punctures per cm2 per pass
  int passes;              ///< passes per session
  std::string_view density_source;

  double rf_energy_mj;  ///< energy per needle and pulse; 0 for devices without RF
  std::string_view rf_source;
};

/// Every device, in the order of model::Device.
std::span<const DeviceDefaults> devices();
const DeviceDefaults& device_defaults(model::Device device);
/// The device called `name`, or nullptr.
const DeviceDefaults* find_device(std::string_view name);

/// kPatternNames of `pattern`.
std::string_view pattern_name(model::TrackPattern pattern);

}  // namespace dermasim::protocol
