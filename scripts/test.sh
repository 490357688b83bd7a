#!/bin/bash
# Builds syscope and runs the whole test suite with ctest.
#   scripts/test.sh             release build in build/, every test
#   scripts/test.sh --sanitize  ASan+UBSan build in build-asan/: unit tests and a short decoder fuzz run
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--sanitize" ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSYSCOPE_SANITIZE=ON >/dev/null
  ninja -C build-asan unit_tests decoder_fuzz
  ASAN_OPTIONS=detect_leaks=0 ctest --test-dir build-asan -R '^(unit|fuzz_decoders_short)$' --output-on-failure
else
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  ninja -C build
  # Benchmarks (label "bench") report figures, they are not pass/fail tests.
  ctest --test-dir build --output-on-failure -j2 -LE bench
fi
