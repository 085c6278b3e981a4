#!/usr/bin/env bash
# Start-up on a national store as an operator meets it (issue 19 item 6; docs/performance.md,
# "Start-up on a national store"): from starting `hearth serve` to its first answer (GET /healthz,
# which the server answers only once the data is loaded), and its resident memory then. Each kind
# of start RUNS times: with the saved dataset deleted first (built from the rows, as on the first
# start after an import), and with it there (read back as saved, as on every other start). Also
# how long the server took to save it, and how much it adds to the store. Release build.
#
#   Usage: bench/startup.sh [BIN] [STORE] [RUNS]
#     BIN    hearth (default build/release/bin/hearth)
#     STORE  a SQLite file (default /tmp/hearth-national.db); made when absent: every council's
#            synthetic returns for three years (`hearth synth --national --years 3`, imported;
#            about ten minutes on two cores)
#     RUNS   starts of each kind (default 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/release/bin/hearth}"
db="${2:-/tmp/hearth-national.db}"
runs="${3:-3}"
work="$(mktemp -d)"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=scripts/lib/wait-for.sh
source "$root/scripts/lib/wait-for.sh"

if [ ! -f "$db" ]; then
  echo "making the national store $db (synth --national --years 3, then import)..." >&2
  "$bin" synth --national --years 3 --out "$work/national" >/dev/null
  "$bin" --store "sqlite:$db" db upgrade >/dev/null
  "$bin" --store "sqlite:$db" import "$work/national" --accept-with-findings --progress none \
    --format csv >/dev/null
  rm -rf "$work/national"
fi

sql() { /usr/bin/python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchall(); c.commit()
print(*(r[0] if r else []))' "$db" "$1"; }
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

# One start: prints "seconds resident_MiB read_back_as_saved(yes/no)". With "wait-save", keeps the
# server until it has saved the data (its watcher saves a few seconds after the start).
start() {
  local port log t0 t1 rss saved
  port="$(free_port)"
  log="$work/serve.log"
  t0="$(now)"
  "$bin" --store "sqlite:$db" serve --listen "127.0.0.1:$port" >"$log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "bench: the server stopped" >&2; exit 1; }
    sleep 0.05
  done
  t1="$(now)"
  rss="$(ps -o rss= -p "$pid")"
  saved=no
  grep -q "read back as saved" "$log" && saved=yes
  if [ "${1:-}" = wait-save ]; then
    wait_for_line "$log" '"snapshot_saved"' "$pid" || { cat "$log" >&2; exit 1; }
    grep -o '"event":"snapshot_saved","seconds":[0-9.]*' "$log" | sed 's/.*://' >"$work/save_s"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  awk -v a="$t0" -v b="$t1" -v r="$rss" -v s="$saved" \
    'BEGIN { printf "%.2f s  %d MiB  read back as saved: %s\n", b - a, r / 1024, s }'
}

echo "store: $db ($(du -m "$db" | cut -f1) MB; $(sql 'SELECT COUNT(*) FROM returns') returns)"
for i in $(seq 1 "$runs"); do
  sql 'DELETE FROM saved_snapshot' >/dev/null
  echo "built from the rows:   $(start)"
done
sql 'DELETE FROM saved_snapshot' >/dev/null
start wait-save >/dev/null
echo "saved by the server in $(cat "$work/save_s") s: $(sql 'SELECT COUNT(*) - 1 FROM saved_snapshot') parts," \
  "$(sql 'SELECT SUM(LENGTH(data)) / 1048576 FROM saved_snapshot') MiB as stored"
for i in $(seq 1 "$runs"); do
  echo "read back as saved:    $(start)"
done
