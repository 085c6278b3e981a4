#!/usr/bin/env bash
# Builds the libFuzzer targets under fuzz/ with clang (ASan + UBSan + libFuzzer) and runs each
# for SECONDS (default 60), seeded with the test fixtures. `make fuzz`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=build/fuzz
mkdir -p "$out"
srcs="src/ssda903/csv.cpp src/ssda903/tables.cpp src/ssda903/reader.cpp src/ssda903/xml_reader.cpp
      src/model/dates.cpp src/model/finding.cpp src/model/codes.cpp"
for target in csv xml; do
  clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isrc \
    "fuzz/${target}_fuzz.cpp" $srcs -lpugixml -o "$out/${target}_fuzz"
  corpus="$out/${target}_corpus"
  mkdir -p "$corpus"
  if [ "$target" = csv ]; then
    build/release/bin/hearth synth --children 20 --years 1 --seed 1 --last-year 2025 \
      --out "$out/seed" >/dev/null 2>&1 && cp "$out"/seed/*/*.csv "$corpus"/ || true
  else
    cp tests/data/ssda903/xml/*.xml "$corpus"/
  fi
  "$out/${target}_fuzz" -max_total_time="$seconds" -max_len=65536 "$corpus"
done
