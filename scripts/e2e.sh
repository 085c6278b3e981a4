#!/usr/bin/env bash
# The browser tests: a fresh demo store, `hearth serve` on a free port with the built front end,
# then web/e2e/run.mjs (Playwright driving Debian's Chromium, axe-core on every page).
# Usage: scripts/e2e.sh HEARTH_BINARY [ARTIFACT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$1"
artifacts="${2:-$root/build/e2e-artifacts}"
work="$(mktemp -d)"
cleanup() {
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export HEARTH_DEMO_PASSWORD="e2e-demo-password"
store="sqlite:$work/e2e.db"
"$bin" --store "$store" demo --children 300 --years 3 >/dev/null
"$bin" --store "$store" serve --listen 127.0.0.1:0 --web "$root/web/dist" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 1 100); do
  grep -q "http://127.0.0.1:" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -1)"
if [ -z "$url" ]; then echo "hearth serve did not start:"; cat "$work/serve.out" "$work/serve.err"; exit 1; fi
mkdir -p "$artifacts"
# HEARTH_BIN: the test writes the 903 return it imports with `hearth synth`
bin_abs="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
HEARTH_URL="$url" HEARTH_ARTIFACTS="$artifacts" HEARTH_BIN="$bin_abs" node "$root/web/e2e/run.mjs"
