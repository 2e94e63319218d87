#!/usr/bin/env bash
# Builds dermasim with tests (Release) and runs the whole CTest suite.
# Usage: bash scripts/run-tests.sh [extra ctest args, e.g. -L unit]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
cmake -S . -B build-tests -DCMAKE_BUILD_TYPE=Release -DDERMASIM_TESTS=ON -DDERMASIM_BENCH=ON \
  -DDERMASIM_FUZZ=ON
cmake --build build-tests -j"$jobs"
ctest --test-dir build-tests --output-on-failure -j"$jobs" "$@"
