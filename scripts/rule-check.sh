#!/bin/sh
# Builds the validation rules and runs their cases quickly (no sanitizers, no optimisation), for
# work on one rule group: scripts/rule-check.sh ['gtest filter', e.g. '*/103_*:*/208_*'].
# Builds share one lock so that parallel work trees never run two compilers at once.
set -e
cd "$(dirname "$0")/.."
B=build/rules
if [ ! -f $B/build.ninja ]; then
  flock /tmp/hearth-build.lock cmake -S . -B $B -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DHEARTH_SANITIZE=OFF -DHEARTH_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g0" >/dev/null
fi
flock /tmp/hearth-build.lock cmake --build $B --target unit_validation -- -j2 | grep -v '^\[' || true
exec $B/tests/unit_validation --gtest_brief=1 --gtest_filter="${1:-*}"
