#!/usr/bin/env bash
# The browser tests: a fresh demo store, `hearth serve` on a free port with the built front end,
# then web/e2e/run.mjs (Playwright driving Debian's Chromium, axe-core on every page).
# Usage: scripts/e2e.sh HEARTH_BINARY [ARTIFACT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$1"
artifacts="${2:-$root/build/e2e-artifacts}"
export HEARTH_DEMO_PASSWORD="e2e-demo-password"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" "--children 300 --years 3" --web "$root/web/dist"
mkdir -p "$artifacts"
# HEARTH_BIN: the test writes the 903 return it imports with `hearth synth`
bin_abs="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
HEARTH_URL="$url" HEARTH_ARTIFACTS="$artifacts" HEARTH_BIN="$bin_abs" node "$root/web/e2e/run.mjs"
