// Internal to the scenario layer: reads `scar:` with defaults and ranges per scar type
// (docs/model.md "Scars", Jacob, Dover & Kaminer 2001 J Am Acad Dermatol 45:109) and checks that
// the domain leaves reference skin beside the scar.
#pragma once
#include "dermasim/model/specs.hpp"
#include "dermasim/scenario/scenario.hpp"
#include "reader.hpp"

namespace dermasim::scenario::detail {

model::ScarSpec read_scar(Reader& reader, const Domain& domain);

}  // namespace dermasim::scenario::detail
