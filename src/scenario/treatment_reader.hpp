// Internal to the scenario layer: reads the `treatment:` section into a protocol::TreatmentPlan
// and builds the schedule, turning protocol problems into located errors and warnings.
#pragma once
#include <string>
#include <vector>

#include "dermasim/protocol/schedule.hpp"
#include "reader.hpp"

namespace dermasim::scenario::detail {

struct TreatmentResult {
  protocol::TreatmentPlan plan;
  protocol::Schedule schedule;
  std::vector<std::string> warnings;  ///< located, "FILE:L:C: key: message"
};

/// Reads treatment.* (everything but the simulation duration, given in days) and builds the
/// event schedule. Records echo lines in `reader`.
TreatmentResult read_treatment(Reader& reader, double duration_days,
                               const std::string& duration_text);

}  // namespace dermasim::scenario::detail
