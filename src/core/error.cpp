#include "dermasim/core/error.hpp"

#include <cstdio>
#include <cstdlib>

namespace dermasim {

void assertion_failed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "internal error: %s:%d: assertion '%s' failed\n", file, line, expr);
  std::abort();
}

}  // namespace dermasim
