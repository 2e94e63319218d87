// Device defaults with their sources (docs/model.md parameter table, rows f_pen, r_n and density).
#include "dermasim/protocol/devices.hpp"

#include "dermasim/core/error.hpp"

namespace dermasim::protocol {
namespace {

using model::Device;

constexpr std::string_view name_of(Device device) {
  return kDeviceNames[static_cast<int>(device)];
}

// clang-format off
constexpr DeviceDefaults kDevices[] = {
    {Device::kPen, name_of(Device::kPen), "motorised pen stamping perpendicular to the skin",
     1.5, 0.1, 3.5, "[M] 1.5 mm is the standard depth for atrophic acne scars (Dogra 2014; Asif 2016)",
     0.7, "[M] 0.5-0.7 in pig skin, upper end for perpendicular entry (Lima 2013)",
     0.25, "[M] 0.25 mm needles (Schwarz & Laaff 2011)",
     100.0, 3, "[M] pens 100-1000 /cm2 per session (Fernandes 2005/2008); 3 passes of 100 /cm2",
     0.0, "no RF"},
    {Device::kRoller, name_of(Device::kRoller), "drum roller, oblique needle entry",
     1.5, 0.1, 3.0, "[M] 1.5 mm rollers for acne scars (Dogra 2014)",
     0.5, "[M] oblique entry tents the skin: 0.5 (Kalluri 2011; Lima 2013)",
     0.25, "[M] 0.25 mm Dermaroller needles (Schwarz & Laaff 2011)",
     62.5, 4, "[M] ~250 /cm2 per session from rolling in 4 directions (Fernandes 2005/2008)",
     0.0, "no RF"},
    {Device::kHomeRoller, name_of(Device::kHomeRoller), "cosmetic roller for home use, 0.2-0.5 mm",
     0.25, 0.2, 0.5, "[M] home rollers are 0.2-0.5 mm, epidermis only in practice",
     0.2, "[M] 0.2: a hand-held, low-force roller tents the skin as in Kalluri 2011 (a 0.77 mm needle reached 0.15 mm), so 0.2-0.5 mm needles stay in the epidermis and upper papillary dermis",
     0.25, "[M] 0.25 mm needles (Schwarz & Laaff 2011)",
     62.5, 4, "[M] ~250 /cm2 per session as for the clinical roller (Fernandes 2005/2008)",
     0.0, "no RF"},
    {Device::kRfPen, name_of(Device::kRfPen), "insulated needles with RF energy at the tips",
     2.0, 0.5, 3.5, "[A] fractional RF for acne scars is usually set to 1.5-3.5 mm",
     0.7, "[A] motor-driven perpendicular insertion as in a pen; no RF-specific measurement",
     0.25, "[A] typical insulated RF needle diameter, as for pens",
     49.0, 2, "[A] a 7 x 7 needle tip per cm2, 2 passes, as in common fractional RF devices",
     5.0, "[A] a few mJ per needle per pulse; calibrate against coagulation zone sizes"},
};
// clang-format on

}  // namespace

std::span<const DeviceDefaults> devices() {
  return kDevices;
}

const DeviceDefaults& device_defaults(model::Device device) {
  for (const auto& d : kDevices) {
    if (d.device == device) return d;
  }
  DERMASIM_UNREACHABLE();
}

const DeviceDefaults* find_device(std::string_view name) {
  for (const auto& d : kDevices) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

std::string_view pattern_name(model::TrackPattern pattern) {
  return kPatternNames[static_cast<int>(pattern)];
}

}  // namespace dermasim::protocol
