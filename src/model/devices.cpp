// Device defaults from the parameter registry (see devices.hpp).
#include "dermasim/model/devices.hpp"

#include "dermasim/core/error.hpp"

namespace dermasim::model {

NeedleSession default_session(Device device, double needle_length, int passes,
                              const ParameterSet& params) {
  NeedleSession s;
  s.device = device;
  s.needle_length = needle_length;
  s.passes = passes;
  s.needle_radius = params[ParamId::needle_radius];
  switch (device) {
    case Device::kPen:
    case Device::kRfPen:
      s.penetration_fraction = params[ParamId::pen_penetration_fraction];
      s.density = params[ParamId::pen_density];
      return s;
    case Device::kRoller:
      s.penetration_fraction = params[ParamId::roller_penetration_fraction];
      s.density = params[ParamId::roller_density];
      return s;
    case Device::kHomeRoller:
      s.penetration_fraction = params[ParamId::home_roller_penetration_fraction];
      s.density = params[ParamId::roller_density];
      return s;
  }
  DERMASIM_UNREACHABLE();
}

}  // namespace dermasim::model
