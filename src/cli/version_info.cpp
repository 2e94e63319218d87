#include <string>

#include "commands.hpp"
#include "dermasim/core/version.hpp"

namespace dermasim::cli {

void add_version_info(CLI::App& app) {
  app.set_version_flag("--version", std::string("dermasim ") + std::string(version()) +
                                        " (commit " + std::string(git_commit()) + ")");
}

}  // namespace dermasim::cli
