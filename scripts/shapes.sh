#!/usr/bin/env bash
# What the users of the CLI and the API get, written to files so two builds can be compared byte
# for byte (issue 14: a change of shape must be deliberate and listed in docs/api.md).
#   scripts/shapes.sh BIN OUTDIR
# Makes the demo council in a throwaway SQLite store with "today" fixed (HEARTH_TODAY), writes the
# CLI's JSON and CSV answers, serves the store and fetches the API's answers as each demo role.
# Compare two runs with `diff -r OLD NEW` (or scripts/shapes.sh's caller, docs/architecture.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "$1")"
out="$(realpath -m "$2")"
mkdir -p "$out/cli" "$out/api"
export HEARTH_TODAY="${HEARTH_TODAY:-2026-04-30}"
export HEARTH_DEMO_PASSWORD="shapes-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" "" --io-threads 1 --workers 2
store="sqlite:$work/demo.db"
h() { "$bin" --store "$store" "$@"; }

h scorecard --as-of 2025-03-31 --format json >"$out/cli/scorecard-2025-03-31.json"
h scorecard --format json >"$out/cli/scorecard.json"
h scorecard --period year --suppressed --format csv >"$out/cli/scorecard-year-suppressed.csv"
h worklist --format json >"$out/cli/worklist.json"
h worklist --format csv >"$out/cli/worklist.csv"
h indicators list --format json >"$out/cli/indicators.json"
h rules list --format json >"$out/cli/rules.json"
h imports --format json >"$out/cli/imports.json"
h export --out "$work/export" >/dev/null
latest=$(find "$work/export" -type d -name '20[0-9][0-9]-[0-9][0-9]' | sort | tail -1)
h validate "$latest" --format json >"$out/cli/validate.json" || true
h validate "$latest" --format csv >"$out/cli/validate.csv" || true
child=$(node -e "const w=JSON.parse(require('fs').readFileSync('$out/cli/worklist.json'));const i=(w.overdue??[]).concat(w.due_soon??[])[0];console.log(i.child_id)")
h timescales --child "$child" --format json >"$out/cli/timescales-child.json"
h imports --findings 1 --format json >"$out/cli/import-1-findings.json" || true

node "$root/scripts/lib/shapes-api.mjs" "$url" "$HEARTH_DEMO_PASSWORD" "$child" "$out/api"
# What differs from run to run whatever the build: instants (sign-ins, imports) and the
# throwaway folder's name.
find "$out" -type f -exec sed -E -i \
  -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z?/<instant>/g' \
  -e "s#$work#<work>#g" {} +
echo "shapes: $(find "$out" -type f | wc -l) files in $out"
