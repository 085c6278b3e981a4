#!/usr/bin/env bash
# Monitoring as an operator meets it (issue 19 item 4): a Prometheus scrape of GET /metrics on the
# demo council after some traffic (the whole reply: the server's request figures and the store's
# counts), and what counting every request costs — the same requests timed on a server without
# metrics and on one with them. N times after one to warm up, median and slowest. Release build,
# 127.0.0.1.   Usage: bench/metrics.sh [BIN] [N]    results in docs/performance.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/bin/hearth}"
n="${2:-100}"
export HEARTH_DEMO_PASSWORD="bench-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
report() {
  sort -n | awk -v p="$1" '{a[NR]=$1} END {
    printf "%-58s median %6.2f ms  slowest %6.2f ms\n", p, a[int((NR+1)/2)]*1000, a[NR]*1000 }'
}
time_get() {  # label, url path, jar
  curl -s -o /dev/null -b "$3" -w '%{http_code} %{time_total}\n' "$url$2" |
    awk '$1 != 200 { print "bench: answered " $1 > "/dev/stderr"; exit 1 } { print $2 }'
}
load() {  # label
  local jar="$work/board.jar"
  curl -s -c "$jar" -H 'Content-Type: application/json' \
    -d '{"username":"demo-board","password":"bench-password-1"}' "$url/api/v1/session" >/dev/null
  for path in /api/v1/info /api/v1/board; do
    time_get x "$path" "$jar" >/dev/null
    for _ in $(seq 1 "$n"); do time_get x "$path" "$jar"; done | report "$1 board GET $path"
  done
}
demo_server "$bin" ""
load "metrics off:"
kill "$pid"; wait "$pid" 2>/dev/null || true; rm -rf "$work"; pid=""
demo_server "$bin" "" --metrics
load "metrics on: "
time_get x /metrics "" >/dev/null
for _ in $(seq 1 "$n"); do time_get x /metrics ""; done | report "GET /metrics (a scrape)"
curl -s "$url/metrics" -o "$work/m.txt"
echo "(the scrape: $(wc -c <"$work/m.txt") bytes, $(grep -vc '^#' "$work/m.txt") samples)"
