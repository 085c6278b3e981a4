#!/usr/bin/env bash
# Builds the libFuzzer targets (the "fuzz" preset: clang, ASan, UBSan, libFuzzer) and runs each
# for SECONDS (default 60), seeded from the test fixtures and a small synthetic council.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      targets: csv xml local toml http (default: all)
# FUZZ_JOBS=2 runs two targets at a time. Each run's log and any crashing input go to
# build/fuzz/runs/; one summary line per target goes to build/fuzz/runs/summary.txt. Exits 1
# when any target found something. docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=${*:-csv xml local toml http}
jobs=${FUZZ_JOBS:-1}

command -v clang++ >/dev/null || { apt-get update -qq && apt-get install -y -qq clang; }
if [ "${FUZZ_BUILD:-1}" = 1 ]; then  # FUZZ_BUILD=0: run what build/fuzz already holds
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$(nproc)" --target hearth $(for t in $targets; do echo "${t}_fuzz"; done)
fi

bin=build/fuzz
runs=$bin/runs
rm -rf "$runs"
mkdir -p "$runs"
hearth=$bin/bin/hearth
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

# Seeds: a small synthetic council as 903 CSVs and local records, the XML fixtures, the
# configuration keys with their defaults, and a request for every kind of route.
seeds=$runs/seeds
"$hearth" synth --children 20 --years 1 --seed 1 --last-year 2025 --out "$seeds/council" \
  --local-out "$seeds/local" >/dev/null 2>&1
mkdir -p "$seeds/csv" "$seeds/xml" "$seeds/local-csv" "$seeds/toml" "$seeds/http"
cp "$seeds"/council/*/*.csv "$seeds/csv/"
cp tests/data/ssda903/xml/*.xml "$seeds/xml/"
cp "$seeds"/local/*.csv "$seeds/local-csv/"
{
  echo "[timescales]"
  "$hearth" timescales --show-config 2>/dev/null | awk 'NF>=2 && $1 ~ /^[a-z_]+$/ {print $1 " = " $2}' || true
} >"$seeds/toml/timescales.toml"
printf '[timescales]\nfirst_review_working_days = 15\npep_terms = [{name="Autumn", start="09-01", end="12-31"}]\n[scorecard]\nperiod = "quarter"\n' \
  >"$seeds/toml/mixed.toml"
n=0
http_seed() {  # ROLE-BYTE REQUEST
  n=$((n + 1))
  { printf "\\x$(printf %02x "$1")"; printf '%b' "$2"; } >"$seeds/http/seed$n"
}
H='HTTP/1.1\r\nHost: 127.0.0.1\r\n'
http_seed 0 "GET /healthz $H\r\n"
http_seed 0 "GET /readyz $H\r\n"
http_seed 0 "GET /api/v1/openapi.json $H\r\n"
http_seed 0 "POST /api/v1/session $H""Content-Type: application/json\r\nContent-Length: 45\r\n\r\n{\"username\":\"demo-board\",\"password\":\"nope\"}"
http_seed 0 "POST /api/v1/session $H""Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n[1]\r\n0\r\n\r\n"
http_seed 1 "GET /api/v1/scorecard?as_of=2025-03-31 $H\r\n"
http_seed 1 "GET /api/v1/indicators $H\r\n"
http_seed 2 "GET /api/v1/worklist?scope=all&status=overdue $H\r\n"
http_seed 2 "GET /api/v1/children?q=a&page=2&per_page=10 $H\r\n"
http_seed 2 "GET /api/v1/findings $H\r\n"
http_seed 2 "GET /api/v1/imports $H\r\n"
http_seed 2 "POST /api/v1/imports $H""Content-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"year\":2025}"
http_seed 3 "GET /api/v1/worklist $H\r\n"
http_seed 3 "GET /api/v1/session $H\r\n"
http_seed 6 "GET /api/v1/users $H\r\n"
http_seed 8 "GET /api/v1/info $H\r\n"
http_seed 2 "GET /api/v1/children/1000001?year=2025 $H\r\n"
http_seed 2 "PUT /api/v1/imports/1/files/header.csv $H""Content-Type: application/octet-stream\r\nContent-Length: 10\r\n\r\nCHILD,SEX\n"
http_seed 1 "GET /api/v1/scorecard/ceased_by_adoption?as_of=2024-03-31 $H\r\n"
http_seed 2 "DELETE /api/v1/session $H\r\n"
http_seed 2 "GET /api/v1/rules?year=2025 $H\r\n"

password=fuzz-demo-password-1
# The HTTP target's store lives in memory where it can (/dev/shm): every signed-in request
# writes the audit log, and a disk's fsync per request would make the fuzzer a hundred times
# slower without finding anything more.
shm=/dev/shm
[ -d "$shm" ] && [ -w "$shm" ] || shm=$runs
store=$(mktemp -u "$shm/hearth-fuzz-XXXXXX.db")
trap 'rm -f "$store" "$store"-*' EXIT
HEARTH_DEMO_PASSWORD=$password "$hearth" --store "sqlite:$store" demo --children 40 --years 2 \
  >/dev/null
export HEARTH_FUZZ_STORE="sqlite:$store" HEARTH_DEMO_PASSWORD=$password

run_one() {
  local t=$1 corpus=$runs/$1-corpus dict=()
  mkdir -p "$corpus"
  case $t in
    csv) cp "$seeds"/csv/* "$corpus"/ ;;
    xml) cp "$seeds"/xml/* "$corpus"/ ;;
    local) cp "$seeds"/local-csv/* "$corpus"/ ;;
    toml) cp "$seeds"/toml/* "$corpus"/ ;;
    http) cp "$seeds"/http/* "$corpus"/ ;;
  esac
  local status=0
  "$bin/fuzz/${t}_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$runs/$t-" "$corpus" >"$runs/$t.log" 2>&1 || status=$?
  local execs
  execs=$(awk '/stat::number_of_executed_units/ {print $NF}' "$runs/$t.log" | tail -1)
  local found=none
  if [ "$status" -ne 0 ]; then found="FOUND (exit $status, see $runs/$t.log)"; fi
  echo "fuzz: $t ${seconds}s, ${execs:-0} executions, corpus $(ls "$corpus" | wc -l) inputs, findings: $found" |
    tee -a "$runs/summary.txt"
  [ "$status" -eq 0 ]
}

failed=0
running=0
for t in $targets; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
