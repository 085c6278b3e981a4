#!/usr/bin/env bash
# Lighthouse on each role's main page, signed in, as a phone meets it: Lighthouse 12's mobile
# preset (simulated slow 4G and a 4x slower CPU), then its desktop preset for the layout shift a
# desktop sees. A throwaway demo council (the `make run` size: 480 children, 5 years) is served
# with the built front end (web/dist); each role signs in with curl and Lighthouse sends that
# session's cookie with every request (--extra-headers). Prints one row per page.
# Usage: bench/lighthouse.sh [BIN] [OUT_DIR]        results in docs/performance.md
#   LIGHTHOUSE   the lighthouse command (default: lighthouse on PATH, else npx lighthouse@12);
#                install it outside web/, e.g. `npm install lighthouse@12` in a folder of its own
#   CHROME_PATH  the browser (default /usr/bin/chromium, Debian's)
#   WEB_DIST     the built front end to serve (default web/dist)
#   PAGES        "role:/path ..." to run only those (role "none" is signed out)
#   BEFORE_DIST  another build of the front end (e.g. from the commit before a change) to measure
#                in the same sitting: a second server on the same store serves it, and each page
#                is measured with it and then with WEB_DIST, alternately, so both meet the same
#                machine load; its reports go to OUT_DIR/before and its table is printed first
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/bin/hearth}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
chrome="${CHROME_PATH:-/usr/bin/chromium}"
if [ -n "${LIGHTHOUSE:-}" ]; then lh=("$LIGHTHOUSE")
elif command -v lighthouse >/dev/null; then lh=(lighthouse)
else lh=(npx --yes lighthouse@12); fi
export HEARTH_DEMO_PASSWORD="bench-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" "" --web "${WEB_DIST:-$root/web/dist}"
variants=("$url|$out")
if [ -n "${BEFORE_DIST:-}" ]; then
  mkdir -p "$out/before"
  "$bin" --store "sqlite:$work/demo.db" serve --listen 127.0.0.1:0 --web "$BEFORE_DIST" >"$work/before.out" 2>"$work/before.err" &
  before_pid=$!
  trap 'kill "$pid" "$before_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 600); do grep -q "http://127.0.0.1:" "$work/before.out" 2>/dev/null && break; sleep 0.1; done
  variants=("$(grep -o 'http://127.0.0.1:[0-9]*' "$work/before.out" | head -1)|$out/before" "$url|$out")
fi

# Each role's main page: where it lands after signing in, or the page its daily work is on.
pages="${PAGES:-none:/login board:/ analyst:/ manager:/worklist/team iro:/worklist worker:/worklist worker:/children admin:/users participation:/indicators young_person:/my-record}"

# POST /api/v1/session as the demo user: the reply sets hearth_session (HttpOnly) and hearth_csrf.
cookie_for() {
  local user="demo-${1//_/-}"
  [ "$1" = young_person ] && user=demo-yp
  curl -s -c "$work/jar-$1" -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$HEARTH_DEMO_PASSWORD\"}" "$url/api/v1/session"
  printf 'hearth_session=%s; hearth_csrf=%s' \
    "$(awk '$6=="hearth_session"{print $7}' "$work/jar-$1")" "$(awk '$6=="hearth_csrf"{print $7}' "$work/jar-$1")"
}

for entry in $pages; do
  role="${entry%%:*}" path="${entry#*:}"
  name="$role$(echo "$path" | tr '/' '-')"
  headers='{}'
  if [ "$role" != none ]; then headers="{\"Cookie\":\"$(cookie_for "$role")\"}"; fi
  for variant in "${variants[@]}"; do
  base="${variant%%|*}" dir="${variant#*|}"
  for preset in mobile desktop; do
    args=(--output=json --output-path="$dir/$name.$preset.json" --quiet
          --chrome-path="$chrome" --chrome-flags="--headless=new --no-sandbox"
          --extra-headers="$headers")
    if [ "$preset" = desktop ]; then args+=(--preset=desktop --only-categories=performance)
    else args+=(--only-categories=performance,accessibility,best-practices); fi
    # Lighthouse now and then fails to record a trace (NO_NAVSTART) on a busy machine: try again
    for try in 1 2 3; do
      CHROME_PATH="$chrome" "${lh[@]}" "$base$path" "${args[@]}" >/dev/null 2>"$dir/$name.$preset.log" && break
      [ "$try" = 3 ] && { echo "lighthouse failed on $path as $role: $dir/$name.$preset.log" >&2; exit 1; }
    done
  done
  done
done
if [ -n "${BEFORE_DIST:-}" ]; then
  echo "Before ($BEFORE_DIST):"
  node "$root/bench/lighthouse-table.mjs" "$out/before" $pages
  echo "After (${WEB_DIST:-$root/web/dist}):"
fi
node "$root/bench/lighthouse-table.mjs" "$out" $pages
