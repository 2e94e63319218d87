// docs/parameters.md, rendered from the parameter registry (the unit test ParameterDoc keeps the
// committed file identical to this rendering).
#pragma once
#include <string>

namespace dermasim::model {

/// The whole Markdown page: a header and one table row per parameter (name, symbol, default,
/// unit, range, tag, meaning, source).
std::string render_parameters_markdown();

}  // namespace dermasim::model
