#!/usr/bin/env bash
# The Board's papers as their users meet them (issue 18): the last meeting's pack and the year's
# annual report downloaded by a Board member (small numbers suppressed) as HTML, PDF (headless
# Chromium) and the XLSX appendix, each the whole reply (curl's time_total), N times after one to
# warm up, median and slowest; then the whole commands `hearth pack` and `hearth annual-report`
# (reading the store, working out the figures, writing the file). Goals: HTML under 2 s, PDF under
# 5 s. Release build, demo council, 127.0.0.1.
#   Usage: bench/papers.sh [BIN] [N]    results in docs/performance.md
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/bin/hearth}"
n="${2:-10}"
export HEARTH_DEMO_PASSWORD="bench-password-1"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" ""
store="sqlite:$work/demo.db"
curl -s -c "$work/board.jar" -H 'Content-Type: application/json' \
  -d '{"username":"demo-board","password":"bench-password-1"}' "$url/api/v1/session" >/dev/null
report() {
  sort -n | awk -v p="$1" '{a[NR]=$1} END {
    printf "%-62s median %7.1f ms  slowest %7.1f ms\n", p, a[int((NR+1)/2)]*1000, a[NR]*1000 }'
}
get() {
  curl -s -o "$work/out" -w '%{http_code} %{time_total}\n' -b "$work/board.jar" "$url$1" |
    awk '$1 != 200 { print "bench: answered " $1 > "/dev/stderr"; exit 1 } { print $2 }'
}
meeting=$("$bin" --store "$store" meetings --format json |
  /usr/bin/python3 -c 'import json,sys; print([m["id"] for m in json.load(sys.stdin)["items"] if m["status"]=="held"][-1])')
year=$(/usr/bin/python3 -c 'import datetime as d; t=d.date.today(); e=t.year if (t.month,t.day)>=(3,31) else t.year-1; print(f"{e-1}-{e%100:02d}")')
for f in html xlsx pdf; do
  for path in "/api/v1/meetings/$meeting/pack?format=$f" "/api/v1/annual-report?year=$year&format=$f"; do
    get "$path" >/dev/null
    for _ in $(seq 1 "$n"); do get "$path"; done | report "board GET ${path%%\?*} ($f)"
  done
done
pages=$(pdfinfo "$work/out" | awk '/^Pages/ {print $2}')
echo "(the annual report's PDF: $pages pages; the pack's: see below)"
whole() {  # label, command...
  local label="$1"
  shift
  for _ in $(seq 1 "$n"); do
    /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
  done | sort -n | awk -v p="$label" '{t[NR]=$1; m[NR]=$2} END {
    printf "%-62s median %7.1f ms  slowest %7.1f ms  peak RSS %d MB\n", p, t[int((NR+1)/2)]*1000, t[NR]*1000, m[NR]/1024 }'
}
whole "hearth pack --html (whole command)" "$bin" --store "$store" pack --meeting "$meeting" --html "$work/p.html"
whole "hearth pack --pdf (whole command)" "$bin" --store "$store" pack --meeting "$meeting" --pdf "$work/p.pdf"
whole "hearth pack --xlsx (whole command)" "$bin" --store "$store" pack --meeting "$meeting" --xlsx "$work/p.xlsx"
whole "hearth annual-report --pdf (whole command)" "$bin" --store "$store" annual-report --year "$year" --pdf "$work/a.pdf"
echo "(the pack's PDF: $(pdfinfo "$work/p.pdf" | awk '/^Pages/ {print $2}') pages)"
