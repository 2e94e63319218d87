// What a run prints while it works (docs/cli.md and docs/file-format.md "Progress"): on a terminal,
// one line rewritten in place (simulated time, %, steps, step size, ETA), at most a few times a
// second; off a terminal or with --quiet, one line per session. Never a flood.
#pragma once
#include <chrono>
#include <cstdio>

#include "dermasim/sim/simulation.hpp"

namespace dermasim::cli {

class ProgressDisplay {
 public:
  /// `live`: rewrite one line in place (stderr is a terminal and --quiet was not given).
  ProgressDisplay(std::FILE* out, bool live);
  void update(const sim::Progress& progress, double step_days);
  void session(const sim::EventRecord& record);
  /// Ends the live line (if any) so that following output starts on a fresh line.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::FILE* out_;
  bool live_;
  bool line_open_ = false;
  Clock::time_point start_, last_draw_;
};

}  // namespace dermasim::cli
