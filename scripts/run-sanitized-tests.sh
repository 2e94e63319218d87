#!/usr/bin/env bash
# Builds dermasim with AddressSanitizer and UndefinedBehaviorSanitizer (optimised, with debug info) and runs the
# unit, verification, validation and fault-injection tests under them. Slower than scripts/run-tests.sh, so it
# is not part of CI; run it before merging changes to numerics, model or io.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDERMASIM_TESTS=ON -DDERMASIM_SANITIZE=ON
cmake --build build-sanitize -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)" -L "unit|verification|validation|faults" \
  -LE mpi "$@"  # Open MPI and libcrypto leak inside MPI_Init: not ours, and not suppressible here
