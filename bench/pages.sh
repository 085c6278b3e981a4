#!/usr/bin/env bash
# The API's pages as a browser meets them: one signed-in analyst asking, one request at a time,
# for the children list, a child's journey, the imports list, the worklist (whole, and the page
# of 50 the browser asks for), the scorecard, the Board paper's downloads (XLSX; PDF through
# headless Chromium), the data quality summary and the findings' downloads (CSV, XLSX), each
# N times (after one request to warm its cache) — the median and slowest time of the whole reply
# (curl's time_total, gzip as browsers ask). Release build, demo council, 127.0.0.1.
# Usage: bench/pages.sh [BIN] [N]          results in docs/performance.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/bin/hearth}"
n="${2:-30}"
export HEARTH_DEMO_PASSWORD="bench-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" ""
curl -s -c "$work/jar" -H 'Content-Type: application/json' \
  -d '{"username":"demo-analyst","password":"bench-password-1"}' "$url/api/v1/session" >/dev/null
cookie="hearth_session=$(awk '$6=="hearth_session"{print $7}' "$work/jar")"
ask() { curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" -H "Accept-Encoding: gzip" "$url$1"; }
child=$(curl -s -H "Cookie: $cookie" "$url/api/v1/children?per_page=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
for path in "/api/v1/children" "/api/v1/children?status=all&per_page=500" "/api/v1/children/$child" \
            "/api/v1/imports" "/api/v1/worklist?scope=all" "/api/v1/worklist?scope=all&page=1&per_page=50" \
            "/api/v1/scorecard" "/api/v1/scorecard/paper?format=xlsx" "/api/v1/scorecard/paper?format=pdf" \
            "/api/v1/findings" "/api/v1/findings/export?format=csv" "/api/v1/findings/export?format=xlsx"; do
  ask "$path" >/dev/null
  for _ in $(seq 1 "$n"); do ask "$path"; done | sort -n | awk -v p="$path" '{a[NR]=$1} END {
    printf "%-48s median %6.1f ms  slowest %6.1f ms\n", p, a[int((NR+1)/2)]*1000, a[NR]*1000 }'
done
