// libFuzzer target over the scenario parser and validator (scripts/fuzz.sh scenario builds and
// runs it with AddressSanitizer and UndefinedBehaviorSanitizer). Whatever the bytes, loading
// must either succeed or throw InputError: any other exception, crash, hang or leak is a bug.
// Three entry points are exercised per input:
//  1. the bytes as a scenario file;
//  2. each of the first lines as a `--set` override of a small valid scenario;
//  3. the bytes as a quantity with a unit.
// A scenario that loads must load again from its own resolved echo, to the same events.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "dermasim/core/error.hpp"
#include "dermasim/core/units.hpp"
#include "dermasim/scenario/scenario.hpp"

namespace {

constexpr std::string_view kBase =
    "name: base\nscar: {type: boxcar}\n"
    "treatment: {device: pen, sessions: {count: 2, start: 1 week, spacing: 4 weeks}}\n"
    "simulation: {duration: 3 months}\n";

void load_and_reload(std::string_view text, const std::vector<std::string>& overrides) {
  using dermasim::scenario::parse_scenario;
  try {
    const auto first = parse_scenario(text, "fuzz.yaml", overrides);
    const auto second = parse_scenario(first.resolved, "fuzz.yaml");
    if (second.events.size() != first.events.size() || second.domain.nx != first.domain.nx ||
        second.name != first.name) {
      std::abort();  // the echo does not describe the scenario it came from
    }
  } catch (const dermasim::InputError&) {
    // Bad input, reported as such: the expected outcome for most inputs.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  load_and_reload(text, {});

  std::vector<std::string> overrides;
  for (std::size_t start = 0; start < text.size() && overrides.size() < 3;) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    overrides.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  load_and_reload(kBase, overrides);

  try {
    (void)dermasim::units::convert(text, "mm2/(day*ng/mL)");
  } catch (const dermasim::InputError&) {
  }
  return 0;
}
