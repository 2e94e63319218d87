#include "progress_display.hpp"

namespace dermasim::cli {
namespace {

constexpr std::chrono::milliseconds kRedrawInterval{250};

const char* kind_name(protocol::EventKind kind) {
  return kind == protocol::EventKind::kSession ? "session" : "maintenance session";
}

}  // namespace

ProgressDisplay::ProgressDisplay(std::FILE* out, bool live)
    : out_(out), live_(live), start_(Clock::now()), last_draw_(start_ - kRedrawInterval) {}

void ProgressDisplay::update(const sim::Progress& p, double step_days) {
  if (!live_) return;
  const auto now = Clock::now();
  if (now - last_draw_ < kRedrawInterval && p.time < p.duration) return;
  last_draw_ = now;
  const double fraction = p.duration > 0.0 ? p.time / p.duration : 1.0;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double eta = fraction > 0.0 ? elapsed * (1.0 - fraction) / fraction : 0.0;
  std::fprintf(
      // \033[K clears what a longer earlier line left behind (no "ETA 0 s  s").
      out_, "\r  day %7.1f / %.1f  %3.0f%%  steps %ld (%ld rejected)  dt %.3g d  ETA %.0f s\033[K",
      p.time, p.duration, 100.0 * fraction, p.accepted_steps, p.rejected_steps, step_days, eta);
  std::fflush(out_);
  line_open_ = true;
}

void ProgressDisplay::session(const sim::EventRecord& r) {
  finish();
  std::fprintf(out_, "day %.1f: %s %zu: %.2f mm needles reach %.2f mm, %ld punctures\n",
               r.event.time_days, kind_name(r.event.kind), r.index + 1,
               r.event.session.needle_length, r.outcome.penetration, r.outcome.punctures);
  std::fflush(out_);
}

void ProgressDisplay::finish() {
  if (!line_open_) return;
  std::fputc('\n', out_);
  line_open_ = false;
}

}  // namespace dermasim::cli
