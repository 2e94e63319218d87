// A scenario problem as data, in the pattern of protocol::ScheduleError: where it is, which key,
// and what is wrong, so that a caller (the sweep's check of every run, say) decides by the key
// and never by reading the message. what() is the one-line diagnostic
// "FILE:LINE:COL: key.path: what is wrong; what is allowed".
#pragma once
#include <string>
#include <utility>

#include "dermasim/core/error.hpp"
#include "dermasim/scenario/document.hpp"

namespace dermasim::scenario {

class ScenarioError : public InputError {
 public:
  ScenarioError(Location where, std::string key, std::string reason)
      : InputError(where.str() + ": " + key + ": " + reason),
        where_(std::move(where)),
        key_(std::move(key)),
        reason_(std::move(reason)) {}

  /// Where the offending value is (its file position, or "--set" for an override).
  const Location& where() const { return where_; }
  /// The key path it concerns, e.g. "treatment.sessions[2].needle_length".
  const std::string& key() const { return key_; }
  /// What is wrong and what is allowed, without location and key.
  const std::string& reason() const { return reason_; }

 private:
  Location where_;
  std::string key_;
  std::string reason_;
};

}  // namespace dermasim::scenario
