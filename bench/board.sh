#!/usr/bin/env bash
# The Corporate Parenting Board as its users meet it (issue 17): the Board's home (every priority's
# measures from one scorecard), as at today and as at a past date; the actions, cards, meetings,
# one meeting, the calendar and the arrangements; a card raised by the participation officer, an
# action agreed and closed; a young person's card through the form. Each N times after one to
# warm up — the median and slowest time of the whole reply (curl's time_total). Then the whole
# commands: `hearth governance show` and `hearth import` of another app's statements. Release
# build, demo council, 127.0.0.1.   Usage: bench/board.sh [BIN] [N]    results in docs/performance.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/bin/hearth}"
n="${2:-30}"
export HEARTH_DEMO_PASSWORD="bench-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" ""
store="sqlite:$work/demo.db"
signin() {
  curl -s -c "$work/$1.jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"bench-password-1\"}" "$url/api/v1/session" >/dev/null
}
for u in demo-board demo-officer demo-participation demo-manager demo-yp; do signin "$u"; done
jar_value() { awk -v k="$2" '$6==k{print $7}' "$work/$1.jar"; }
report() {
  sort -n | awk -v p="$1" '{a[NR]=$1} END {
    printf "%-58s median %6.1f ms  slowest %6.1f ms\n", p, a[int((NR+1)/2)]*1000, a[NR]*1000 }'
}
expect() {  # a refused request is fast and would flatter the figures
  awk -v want="$1" '$1 != want { print "bench: answered " $1 ", not " want > "/dev/stderr"; exit 1 }
                    { print $2 }'
}
get() {  # user path
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/$1.jar" \
    -H "Accept-Encoding: gzip" "$url$2" | expect 200
}
post() {  # user path body status
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/$1.jar" \
    -H "X-CSRF-Token: $(jar_value "$1" hearth_csrf)" -H 'Content-Type: application/json' \
    -d "$3" "$url$2" | expect "$4"
}
# The first Board home after the data is read works out the measures' scorecard; later ones (any
# role with the same view and date) find it kept with the snapshot.
get demo-board /api/v1/board | report "board GET /api/v1/board, first (cold)"
meeting=$(curl -s -b "$work/demo-board.jar" "$url/api/v1/meetings" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
for path in "/api/v1/board" "/api/v1/board?as_of=2025-03-31" "/api/v1/actions" "/api/v1/cards" \
  "/api/v1/meetings" "/api/v1/meetings/$meeting" "/api/v1/reports" "/api/v1/governance"; do
  get demo-board "$path" >/dev/null
  for _ in $(seq 1 "$n"); do get demo-board "$path"; done | report "board GET $path"
done
for _ in $(seq 1 "$n"); do
  post demo-participation /api/v1/cards \
    '{"challenge":"More say in where we live","theme":"","addressed_to":"Housing"}' 201
done | report "participation POST /api/v1/cards (checked for a child named)"
for _ in $(seq 1 "$n"); do
  post demo-officer /api/v1/actions \
    '{"title":"Review the housing offer","owner":"demo-manager","owner_name":"Head of Housing","due":"2027-03-31"}' 201
done | report "officer POST /api/v1/actions"
csrf="$(jar_value demo-yp hearth_csrf)"
for _ in $(seq 1 "$n"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/demo-yp.jar" -H "Origin: $url" \
    --data-urlencode "csrf=$csrf" --data-urlencode "challenge=Wifi in every placement" \
    "$url/my/cards" | expect 200
done | report "young person POST /my/cards"
# Another app's statements: 2,000 rows about the demo council's children, as that app would send
# them; loaded again each time (updated in place, never doubled).
ids=$(curl -s -b "$work/demo-manager.jar" "$url/api/v1/children?per_page=100" |
  /usr/bin/python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)["items"]))')
[ -n "$ids" ] || { echo "bench: no children listed" >&2; exit 1; }
{
  echo "stmt_statement_id,stmt_person_id,stmt_made_at,stmt_app,stmt_mood,stmt_topic,stmt_unsafe,stmt_text"
  i=0
  while [ "$i" -lt 2000 ]; do
    for c in $ids; do
      [ "$i" -ge 2000 ] && break
      echo "app-$i,$c,2026-0$((i % 9 + 1))-1$((i % 9)) 10:00,Mind Of My Own,good,school,N,I liked my new school today number $i"
      i=$((i + 1))
    done
  done
} >"$work/statements.csv"
timed() {  # label command...
  local label="$1"
  shift
  for _ in $(seq 1 5); do
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
  done | report "$label"
}
timed "hearth governance show (whole command)" "$bin" --store "$store" governance show
timed "hearth import statements.csv, 2,000 rows (whole command)" \
  "$bin" --store "$store" import "$work/statements.csv" --la 887 --accept-with-findings
