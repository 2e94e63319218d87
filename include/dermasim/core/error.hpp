// Typed errors and assertions (three tiers):
//  - InputError / NumericalError / IoError: always-on checks, thrown, mapped to exit codes
//    by the CLI (2 bad input, 3 numerical failure, 1 anything else);
//  - DERMASIM_ASSERT: debug-only invariant checks;
//  - DERMASIM_UNREACHABLE: the failing `default:` of every enum switch.
#pragma once
#include <stdexcept>
#include <string>

namespace dermasim {

/// Base of every error dermasim throws on purpose. `exit_code()` is what the CLI returns.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what) : std::runtime_error(what) {}
  virtual int exit_code() const { return 1; }
};

/// Bad user input (scenario, sweep, arguments). The message is the whole one-line diagnostic,
/// conventionally "FILE:LINE:COL: key.path: what is wrong; what is allowed".
class InputError : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return 2; }
};

/// The numerics failed: NaN, a negative density, or time-step collapse.
class NumericalError : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return 3; }
};

/// File system or HDF5 failure.
class IoError : public Error {
 public:
  using Error::Error;
  int exit_code() const override { return 1; }
};

[[noreturn]] void assertion_failed(const char* expr, const char* file, int line);

}  // namespace dermasim

#ifdef NDEBUG
#define DERMASIM_ASSERT(expr) ((void)0)
#else
#define DERMASIM_ASSERT(expr) \
  ((expr) ? (void)0 : ::dermasim::assertion_failed(#expr, __FILE__, __LINE__))
#endif
#define DERMASIM_UNREACHABLE() ::dermasim::assertion_failed("unreachable", __FILE__, __LINE__)
