// Device defaults (MODEL.md "Injury, devices, adjuncts"): a session of a given device starts
// from these and the scenario overrides what it sets. pen and rf-pen stamp perpendicularly
// (deepest penetration), rollers enter obliquely (lower f_pen); home rollers use the roller
// values with their short needles.
#pragma once
#include "dermasim/model/parameters.hpp"
#include "dermasim/model/specs.hpp"

namespace dermasim::model {

/// A session of `device` with `needle_length` (mm), `passes`, and every other field at the
/// device's default from `params` (f_pen, needle radius, density per pass).
NeedleSession default_session(Device device, double needle_length, int passes,
                              const ParameterSet& params);

}  // namespace dermasim::model
