#include "interrupt.hpp"

#include <csignal>

namespace dermasim::cli {
namespace {

volatile std::sig_atomic_t received_signal = 0;

extern "C" void record_signal(int signal) {
  received_signal = signal;
}

struct sigaction previous_int, previous_term;

}  // namespace

InterruptGuard::InterruptGuard() {
  received_signal = 0;
  struct sigaction action {};
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous_int);
  sigaction(SIGTERM, &action, &previous_term);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &previous_int, nullptr);
  sigaction(SIGTERM, &previous_term, nullptr);
}

bool InterruptGuard::interrupted() const {
  return received_signal != 0;
}
int InterruptGuard::signal_number() const {
  return received_signal;
}

}  // namespace dermasim::cli
