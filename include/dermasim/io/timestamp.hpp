// The creation time every file dermasim writes carries (results, sweep summaries), in one
// format so that tools can sort and compare them: ISO 8601 in UTC to the second,
// "2026-11-21T14:03:07Z".
#pragma once
#include <string>

namespace dermasim::io {

/// The current time as "YYYY-MM-DDThh:mm:ssZ" (UTC).
std::string iso8601_now();

}  // namespace dermasim::io
