// libFuzzer target over the sweep parser (scripts/fuzz.sh sweep builds and runs it with
// AddressSanitizer and UndefinedBehaviorSanitizer). Whatever the bytes, parsing must either
// succeed or throw InputError: any other exception, crash, hang or leak is a bug. The sweep
// parser reads the same located tree as the scenario loader (scenario/document.hpp), so this
// also drives the shared front end with sweep-shaped input.
// A sweep with an inline base must hand the scenario loader a text (to_yaml) that parses back
// to the base mapping it came from.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dermasim/core/error.hpp"
#include "dermasim/scenario/document.hpp"
#include "dermasim/sweep/spec.hpp"

namespace {

using dermasim::scenario::Node;

// Same shape and text, locations aside.
bool same_tree(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.scalar != b.scalar || a.entries.size() != b.entries.size() ||
      a.items.size() != b.items.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (a.entries[i].key != b.entries[i].key || !same_tree(a.entries[i].value, b.entries[i].value))
      return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same_tree(a.items[i], b.items[i])) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace scenario = dermasim::scenario;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto spec = dermasim::sweep::parse_sweep(text, "fuzz/sweep.yaml");
    (void)spec.outputs.columns();
    if (spec.base_path.empty()) {
      const Node root = scenario::parse_document(text, "fuzz/sweep.yaml", scenario::kSweepDocument);
      const Node again = scenario::parse_document(spec.base_text, "base.yaml");
      if (!same_tree(*root.find("base"), again)) std::abort();  // to_yaml changed the base
    }
  } catch (const dermasim::InputError&) {
    // Bad input, reported as such: the expected outcome for most inputs.
  }
  return 0;
}
