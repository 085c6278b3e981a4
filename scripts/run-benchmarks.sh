#!/usr/bin/env bash
# Runs every benchmark on this machine and prints the figures for docs/performance.md.
# `make bench` builds the release preset (which includes bench/) and runs this. PostgreSQL figures use a throwaway server.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r)"
build/release/bench/bench_csv --benchmark_min_time=1
build/release/bench/bench_timescales
build/release/bench/bench_indicators
build/release/bench/bench_validation
build/release/bench/bench_postcodes
build/release/bench/bench_import --only dataset
build/release/bench/bench_import --only council
scripts/with-postgres.sh bash -c '
  psql "$HEARTH_TEST_PG_URL" -qc "CREATE DATABASE bench_council" &&
  psql "$HEARTH_TEST_PG_URL" -qc "CREATE DATABASE bench_national" &&
  base=${HEARTH_TEST_PG_URL%/*} &&
  build/release/bench/bench_import --pg-council "$base/bench_council" --pg-national "$base/bench_national"'
echo "# web: dashboard API under load (wrk), a new client meanwhile"
bench/web_load.sh 20
echo "# start-up on a national store (made on first use: about ten minutes)"
bench/startup.sh build/release/bin/hearth /tmp/hearth-national.db 3
