#!/usr/bin/env bash
# The soak: `hearth serve` (release build) on the demo council, then a steady mixed load —
# scorecards, worklists, children lists and journeys, health checks, a sign-in a second, and three
# imports of a collection year through the API (one in the warm-up) — at RATE requests a second
# for SECONDS (bench/soak.mjs). Passes when no request failed, the server's resident memory after
# the warm-up stays within 10% (minute by minute: the median of each minute's six samples, so the
# bodies of the requests in flight at one instant do not count as growth) and
# `hearth audit verify` is clean at the end. A benchmark, not part of `make test`: figures go in
# docs/performance.md.
# Usage: bench/soak.sh [SECONDS=1800] [RATE=1000]   (results: build/soak/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/build/release/bin/hearth"
secs="${1:-1800}"
rate="${2:-1000}"
out="$root/build/soak"
mkdir -p "$out"
export HEARTH_DEMO_PASSWORD="soak-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" "" --io-threads 2 --workers 4
store="sqlite:$work/demo.db"
# The year the imports bring in: the demo council's latest stored year, exported as the council
# would send it (so caseloads stay as they are and every child read stays allowed).
"$bin" --store "$store" export --out "$work/export" >/dev/null
mkdir -p "$work/import"
latest=$(find "$work/export" -type d -name '20[0-9][0-9]-[0-9][0-9]' | sort | tail -1)
cp -r "$latest" "$work/import/"
echo "soak: $secs s at $rate requests/s on $url (server pid $pid)"
status=0
node "$root/bench/soak.mjs" "$url" "$HEARTH_DEMO_PASSWORD" "$secs" "$rate" "$pid" "$work/import" \
  "$out/soak.json" || status=$?
cp "$work/serve.err" "$out/serve.log" 2>/dev/null || true
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=
"$bin" --store "$store" audit verify | tee "$out/audit-verify.txt" || status=1
"$bin" --store "$store" info | tee "$out/info.txt"
spread=$(node -e "console.log(JSON.parse(require('fs').readFileSync('$out/soak.json')).rss_spread_percent)")
echo "soak: resident memory after warm-up varied by $spread%"
node -e "process.exit(JSON.parse(require('fs').readFileSync('$out/soak.json')).rss_spread_percent <= 10 ? 0 : 1)" ||
  { echo "soak: memory grew by more than 10% after the warm-up"; status=1; }
exit $status
