// Version and the git commit the build was configured from (cmake/Version.cmake).
#pragma once
#include <string_view>

namespace dermasim {
std::string_view version();
std::string_view git_commit();
}  // namespace dermasim
