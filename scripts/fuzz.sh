#!/usr/bin/env bash
# Builds one of the fuzzers (fuzz/TARGET_fuzzer.cpp: scenario = the scenario parser and
# validator, sweep = the sweep parser) with clang-14, libFuzzer, AddressSanitizer (with leak
# detection) and UndefinedBehaviorSanitizer, compiling only the sources the parsers need, then
# fuzzes for SECONDS seconds seeded with the bundled files of that kind (and, for scenarios, the
# error corpus). Exit status 0 means no crash, hang, leak or sanitizer report; otherwise the
# failing input is saved as BUILD_DIR/crash-*, leak-* or timeout-* (replay:
# BUILD_DIR/TARGET_fuzzer FILE).
# Usage: scripts/fuzz.sh scenario|sweep [SECONDS=30] [BUILD_DIR=build-fuzz/TARGET]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: scripts/fuzz.sh scenario|sweep [SECONDS] [BUILD_DIR]}
seconds=${2:-30}
case "$target" in
  scenario)
    seeds=("$root"/scenarios/*.yaml "$root"/scenarios/ci/*.yaml "$root"/tests/scenario_errors/*.yaml)
    ;;
  sweep)
    seeds=("$root"/scenarios/sweeps/*.yaml "$root"/scenarios/sweeps/ci/*.yaml "$root"/tests/mpi/*.yaml)
    ;;
  *)
    echo "fuzz: unknown target '$target'; allowed: scenario, sweep" >&2
    exit 2
    ;;
esac
out=$(mkdir -p "${3:-$root/build-fuzz/$target}" && cd "${3:-$root/build-fuzz/$target}" && pwd)
compiler=${CLANGXX:-clang++-14}
command -v "$compiler" > /dev/null || {
  echo "fuzz: $compiler not found; install the Debian packages clang-14 libfuzzer-14-dev" >&2
  exit 1
}

# Both targets link the same parser sources: the sweep parser reads the scenario front end.
sources=("$root/fuzz/${target}_fuzzer.cpp" "$root"/src/core/units.cpp "$root"/src/core/strings.cpp
         "$root"/src/core/error.cpp "$root"/src/core/grid.cpp "$root"/src/model/parameters.cpp
         "$root"/src/protocol/*.cpp "$root"/src/scenario/*.cpp
         "$root"/src/sweep/{quantity,spec,spec_reads,spec_parser,vary_parser,design_parser}.cpp)
binary="$out/${target}_fuzzer"
if [[ ! -x "$binary" ]] || [[ -n "$(find "${sources[@]}" "$root/include" "$root/src/scenario" \
                                     "$root/src/sweep" -newer "$binary" -print -quit)" ]]; then
  echo "fuzz: building $binary"
  "$compiler" -std=c++20 -O1 -g -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I "$root/include" -DDERMASIM_SOURCE_DIR="\"$root\"" \
    "${sources[@]}" -lyaml-cpp -o "$binary"
fi

mkdir -p "$out/corpus" "$out/seeds"
cp "${seeds[@]}" "$out/seeds/"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
  -dict="$root/fuzz/$target.dict" -artifact_prefix="$out/" -print_final_stats=1 \
  "$out/corpus" "$out/seeds"
