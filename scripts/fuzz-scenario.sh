#!/usr/bin/env bash
# Builds the scenario fuzzer (fuzz/scenario_fuzzer.cpp) with clang-14, libFuzzer, AddressSanitizer
# (with leak detection) and UndefinedBehaviorSanitizer, compiling only the sources the parser and
# validator need, then fuzzes for SECONDS seconds seeded with the presets and the error corpus.
# Exit status 0 means no crash, hang, leak or sanitizer report; otherwise the failing input is
# saved as BUILD_DIR/crash-*, leak-* or timeout-* (replay: BUILD_DIR/scenario_fuzzer FILE).
# Usage: scripts/fuzz-scenario.sh [SECONDS=30] [BUILD_DIR=build-fuzz]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
out=$(mkdir -p "${2:-$root/build-fuzz}" && cd "${2:-$root/build-fuzz}" && pwd)
compiler=${CLANGXX:-clang++-14}
command -v "$compiler" > /dev/null || {
  echo "fuzz-scenario: $compiler not found; install the Debian packages clang-14 libfuzzer-14-dev" >&2
  exit 1
}

sources=("$root"/fuzz/scenario_fuzzer.cpp "$root"/src/core/units.cpp "$root"/src/core/strings.cpp
         "$root"/src/core/error.cpp "$root"/src/core/grid.cpp "$root"/src/model/parameters.cpp
         "$root"/src/protocol/*.cpp "$root"/src/scenario/*.cpp)
binary="$out/scenario_fuzzer"
if [[ ! -x "$binary" ]] || [[ -n "$(find "${sources[@]}" "$root/include" "$root/src/scenario" \
                                     -newer "$binary" -print -quit)" ]]; then
  echo "fuzz-scenario: building $binary"
  "$compiler" -std=c++20 -O1 -g -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I "$root/include" -DDERMASIM_SOURCE_DIR="\"$root\"" \
    "${sources[@]}" -lyaml-cpp -o "$binary"
fi

mkdir -p "$out/corpus" "$out/seeds"
cp "$root"/scenarios/*.yaml "$root"/scenarios/ci/*.yaml "$root"/tests/scenario_errors/*.yaml \
  "$out/seeds/"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -dict="$root/fuzz/scenario.dict" -artifact_prefix="$out/" -print_final_stats=1 \
  "$out/corpus" "$out/seeds"
