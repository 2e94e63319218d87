// SIGINT/SIGTERM handling for long runs: the handler only records the signal; the run loop
// polls interrupted() between steps, finishes cleanly (last snapshot, status "interrupted")
// and exits with 128 + signal. The flag is process-wide because signals are.
#pragma once

namespace dermasim::cli {

class InterruptGuard {
 public:
  /// Installs the handlers; the destructor restores the previous ones.
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  bool interrupted() const;
  /// The signal received (SIGINT or SIGTERM), or 0.
  int signal_number() const;
};

}  // namespace dermasim::cli
