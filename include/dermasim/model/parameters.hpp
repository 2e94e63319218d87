// Typed model parameters with unit, valid range and source, generated from parameter_list.hpp.
// Values are held in engine units (mm, day). Access is by ParamId (typed, no string lookups in
// kernels); scenarios override by dotted name through ParameterSet::set.
#pragma once
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "dermasim/model/parameter_list.hpp"

namespace dermasim::model {

/// Where a value comes from (docs/model.md tags).
enum class SourceTag { M, P, A };

struct ParameterSpec {
  std::string_view name;    ///< dotted scenario name, e.g. "fibroblast.proliferation_rate"
  std::string_view symbol;  ///< symbol in docs/model.md, e.g. "r_F"
  double default_value;     ///< engine units
  std::string_view unit;    ///< engine unit, e.g. "/day"; "1" if dimensionless
  double min, max;          ///< valid range, inclusive, engine units
  SourceTag tag;
  std::string_view source;   ///< citation, or the reason for an assumption
  std::string_view meaning;  ///< one line
};

#define DERMASIM_PARAM_ENUM(id, ...) id,
enum class ParamId : int { DERMASIM_PARAMETERS(DERMASIM_PARAM_ENUM) kCount };
#undef DERMASIM_PARAM_ENUM
inline constexpr int kParameterCount = static_cast<int>(ParamId::kCount);

/// Every parameter, in declaration order (index = ParamId).
std::span<const ParameterSpec> parameter_registry();
/// The spec called `name`, or nullptr.
const ParameterSpec* find_parameter(std::string_view name);
/// "[M]", "[P]" or "[A]".
std::string_view tag_label(SourceTag tag);

/// One value per registered parameter, initialised to the defaults.
class ParameterSet {
 public:
  ParameterSet();
  double operator[](ParamId id) const { return values_[static_cast<int>(id)]; }
  /// Overrides a parameter by dotted name (value in its engine unit). Throws InputError
  /// "name: value is outside min .. max" or "unknown parameter 'name'; did you mean ...?".
  void set(std::string_view name, double value);
  void set(ParamId id, double value);
  double get(std::string_view name) const;

 private:
  std::array<double, kParameterCount> values_;
};

}  // namespace dermasim::model
