#!/usr/bin/env bash
# The child's voice as its users meet it (issue 16): a young person's pages on /my (server-
# rendered HTML) and sending a statement through the form, "I don't feel safe" through the API
# (the statement, its alert, who is told and their mail in one transaction), a worker's inbox, one
# statement and the alerts list, the Board's Listening to you; each N times after one to warm up —
# the median and slowest time of the whole reply (curl's time_total, gzip as browsers ask). Then
# the whole commands: `hearth alerts run` and `hearth sar export`. Release build, demo council,
# 127.0.0.1.  Usage: bench/voice.sh [BIN] [N]          results in docs/performance.md
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
for u in demo-yp demo-worker demo-board; do signin "$u"; done
jar_value() { awk -v k="$2" '$6==k{print $7}' "$work/$1.jar"; }
report() {
  sort -n | awk -v p="$1" '{a[NR]=$1} END {
    printf "%-52s median %6.1f ms  slowest %6.1f ms\n", p, a[int((NR+1)/2)]*1000, a[NR]*1000 }'
}
# Each reply's status is checked: a refused request is fast and would flatter the figures.
expect() {  # status: reads "code time" lines, prints the times, fails on any other status
  awk -v want="$1" '$1 != want { print "bench: answered " $1 ", not " want > "/dev/stderr"; exit 1 }
                    { print $2 }'
}
get() {  # user path
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/$1.jar" \
    -H "Accept-Encoding: gzip" "$url$2" | expect 200
}
for path in /my /my/say /my/messages /my/surveys/wellbeing /my/standards; do
  get demo-yp "$path" >/dev/null
  for _ in $(seq 1 "$n"); do get demo-yp "$path"; done | report "young person GET $path"
done
csrf="$(jar_value demo-yp hearth_csrf)"
for _ in $(seq 1 "$n"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/demo-yp.jar" -H "Origin: $url" \
    --data-urlencode "csrf=$csrf" --data-urlencode "mood=good" --data-urlencode "topic=school" \
    --data-urlencode "text=I got a merit in maths today" "$url/my/say" | expect 303
done | report "young person POST /my/say (then 303)"
for _ in $(seq 1 "$n"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$work/demo-yp.jar" \
    -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"mood":"scared","topic":"home","text":"please come","unsafe":true}' \
    "$url/api/v1/statements" | expect 201
done | report "young person POST /api/v1/statements (unsafe)"
id=$(curl -s -b "$work/demo-worker.jar" "$url/api/v1/statements?per_page=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
for path in "/api/v1/statements" "/api/v1/statements/$id" "/api/v1/alerts" "/api/v1/alerts?state=all"; do
  get demo-worker "$path" >/dev/null
  for _ in $(seq 1 "$n"); do get demo-worker "$path"; done | report "worker GET $path"
done
get demo-board /api/v1/listening >/dev/null
for _ in $(seq 1 "$n"); do get demo-board /api/v1/listening; done | report "board GET /api/v1/listening"
child=$(curl -s -b "$work/demo-yp.jar" "$url/api/v1/session" | grep -o '"child":"[^"]*"' | cut -d'"' -f4)
for what in "alerts run" "sar export"; do
  for _ in $(seq 1 5); do
    start=$(date +%s.%N)
    if [ "$what" = "alerts run" ]; then
      "$bin" --store "$store" alerts run >/dev/null
    else
      "$bin" --store "$store" sar export --child "$child" --out "$work/sar.zip" >/dev/null
    fi
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
  done | report "hearth $what (whole command)"
done
