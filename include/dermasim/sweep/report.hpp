// Text for people: the progress line and the ranked sensitivity table. The library returns
// strings; the command decides where they go.
#pragma once
#include <string>
#include <vector>

#include "dermasim/sweep/runner.hpp"
#include "dermasim/sweep/sensitivity.hpp"

namespace dermasim::sweep {

/// "37/100 runs done, 2 failed, 4m12s elapsed, ETA 7m05s" (no newline).
std::string format_progress(const Progress& progress);

/// One table per output column: Sobol keys ranked by total index ST (S1 beside it), Morris keys
/// by mu* (sigma beside it), with the bootstrap intervals. Empty when there is nothing to show.
std::string format_sensitivity(const std::vector<ColumnSensitivity>& sensitivity,
                               double confidence = 0.95);

/// "1h02m", "4m12s", "9s".
std::string format_duration(double seconds);

}  // namespace dermasim::sweep
