// ISO 8601 creation timestamps (see timestamp.hpp).
#include "dermasim/io/timestamp.hpp"

#include <ctime>

namespace dermasim::io {

std::string iso8601_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace dermasim::io
