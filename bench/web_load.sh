#!/usr/bin/env bash
# Load on the dashboard API: wrk with 256 kept-alive connections on GET /api/v1/scorecard as a
# signed-in Board member, and meanwhile a new client (a fresh connection and request each time)
# timed every 200 ms. Release build, demo council, 127.0.0.1. Results go in docs/performance.md.
# Usage: bench/web_load.sh [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/build/release/bin/hearth"
secs="${1:-20}"
export HEARTH_DEMO_PASSWORD="bench-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" "" --io-threads 2 --workers 4
curl -s -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"username":"demo-board","password":"bench-password-1"}' "$url/api/v1/session" >/dev/null
cookie="hearth_session=$(awk '$6=="hearth_session"{print $7}' "$work/jar")"
# Warm the scorecard cache, then measure.
curl -s -o /dev/null -H "Cookie: $cookie" "$url/api/v1/scorecard"
bytes=$(curl -s -H "Cookie: $cookie" "$url/api/v1/scorecard" | wc -c)
gz=$(curl -s -H "Cookie: $cookie" -H "Accept-Encoding: gzip" "$url/api/v1/scorecard" | wc -c)
echo "GET /api/v1/scorecard: $bytes bytes per reply ($gz gzipped, as browsers ask for it)"
(
  sleep 3
  end=$((SECONDS + secs - 6))
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" -H "Accept-Encoding: gzip" \
      "$url/api/v1/scorecard"
    sleep 0.2
  done
) >"$work/probe" &
probe=$!
wrk -t2 -c256 -d"${secs}s" --latency -H "Cookie: $cookie" -H "Accept-Encoding: gzip" \
  "$url/api/v1/scorecard"
wait $probe
sort -n "$work/probe" | awk '{a[NR]=$1} END {
  printf "new client during the load: %d requests, median %.1f ms, max %.1f ms\n", NR, a[int((NR+1)/2)]*1000, a[NR]*1000 }'
