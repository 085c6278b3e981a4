#!/usr/bin/env bash
# tests/package/deb_test.sh HEARTH.deb: installs the Debian package on this machine and checks it
# as an administrator would use it, then removes it. Needs root, and a machine where hearth is not
# installed and /var/lib/hearth does not exist (a CI machine or a container): it refuses to run
# anywhere real data could be.
#
#  1. dpkg -i (apt-get -f install only when dependencies are missing); the files, the conffile,
#     the hearth user and /var/lib/hearth; systemd-analyze verify of the installed unit.
#  2. A first run from the installed paths only, as the hearth user: the source tree this script
#     is in (and so the build tree, whose paths are compiled into a development binary) is hidden
#     under an empty read-only tmpfs in a mount namespace of its own. db upgrade, demo --if-empty
#     (twice), the store named by /etc/hearth/hearth.toml, serve on a free port: the readiness
#     check the unit uses (/usr/lib/hearth/hearth-ready), /healthz, /readyz, / (the installed
#     index.html), a demo user's sign-in; a PDF through Chromium as the hearth user when Chromium
#     is installed; a graceful stop.
#  3. dpkg -r: no file of the package left but /etc/hearth/hearth.toml (dpkg -L taken before);
#     the data in /var/lib/hearth kept. dpkg -P: /etc/hearth gone, the data still kept. Installed
#     again over the kept data, then purged with HEARTH_PURGE_DATA=yes: /var/lib/hearth gone.
#
# Prints PASS/FAIL/SKIP per check and exits 1 if any failed (2: could not run at all). Leaves
# nothing behind: the package purged, and the hearth user and group removed if it made them.
set -uo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 HEARTH.deb" >&2
  exit 2
fi
deb=$(readlink -f "$1")
if [ "$(id -u)" -ne 0 ]; then
  echo "$0: run as root (it installs and removes a package)" >&2
  exit 2
fi
if dpkg-query -W -f='${Status}' hearth 2>/dev/null | grep -qv "not-installed"; then
  echo "$0: hearth is installed (or its configuration is): refusing to touch it" >&2
  exit 2
fi
if [ -e /var/lib/hearth ] || [ -e /etc/hearth ]; then
  echo "$0: /var/lib/hearth or /etc/hearth exists: refusing to run where real data could be" >&2
  exit 2
fi

source_tree=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
log=$work/log
passed=0
failed=0
server=""
made_user=no
getent passwd hearth >/dev/null || made_user=yes
made_group=no
getent group hearth >/dev/null || made_group=yes
export HEARTH_DEMO_PASSWORD="deb-test-$$-Passw0rd!"

pass() {
  echo "PASS: $*"
  passed=$((passed + 1))
}
fail() {
  echo "FAIL: $*"
  failed=$((failed + 1))
}
skip() { echo "SKIP: $*"; }
show_log() { [ -s "$log" ] && tail -n 15 "$log" | sed 's/^/    | /'; }
# check DESCRIPTION COMMAND...: PASS when the command succeeds, else FAIL with its output.
check() {
  local what=$1
  shift
  if "$@" >"$log" 2>&1; then
    pass "$what"
  else
    fail "$what (exit $?)"
    show_log
  fi
}

# As the hearth user, with a clean environment, from /var/lib/hearth, with the source tree
# hidden: only the installed files can be found. as_hearth runs a command under runuser;
# as_hearth_exec under setpriv, which execs (no process in between), so the server's pid is
# hearth's own and SIGTERM reaches it directly.
# HEARTH_DEB_TEST_HIDE_SOURCES=no leaves the source tree visible: for diagnosis only (a binary
# that still reads its build tree then passes).
hide_sources=${HEARTH_DEB_TEST_HIDE_SOURCES:-yes}
if [ "$hide_sources" = yes ] && ! unshare -m true 2>/dev/null; then
  hide_sources=no
fi
hearth_env=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/var/lib/hearth USER=hearth
  LOGNAME=hearth LANG=C.UTF-8)
in_installed_view() {
  # shellcheck disable=SC2016 # $1 and $@ are the inner shell's
  if [ "$hide_sources" = yes ]; then
    exec unshare -m --propagation private sh -c \
      'mount -t tmpfs -o ro,size=4k,mode=0755 hearth-sources-hidden "$1" && cd /var/lib/hearth &&
       shift && exec "$@"' sh "$source_tree" "$@"
  else
    cd /var/lib/hearth && exec "$@"
  fi
}
as_hearth() {
  (in_installed_view runuser -u hearth -- "${hearth_env[@]}" \
    HEARTH_DEMO_PASSWORD="$HEARTH_DEMO_PASSWORD" "$@")
}
as_hearth_exec() {
  in_installed_view setpriv --reuid=hearth --regid=hearth --init-groups -- "${hearth_env[@]}" "$@"
}

# Stops the server with SIGTERM: its exit status, or 125 when it had already stopped.
stop_server() {
  [ -n "$server" ] || return 0
  if ! kill -TERM "$server" 2>/dev/null; then
    wait "$server" 2>/dev/null
    server=""
    return 125
  fi
  for _ in $(seq 1 60); do
    kill -0 "$server" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$server" 2>/dev/null; then
    kill -KILL "$server" 2>/dev/null
  fi
  wait "$server" 2>/dev/null
  local rc=$?
  server=""
  return $rc
}

cleanup() {
  stop_server
  if dpkg-query -W -f='${Status}' hearth 2>/dev/null | grep -qv "not-installed"; then
    HEARTH_PURGE_DATA=yes dpkg --purge hearth >/dev/null 2>&1
  fi
  rm -rf /var/lib/hearth /etc/hearth
  [ "$made_user" = yes ] && getent passwd hearth >/dev/null && userdel hearth 2>/dev/null
  [ "$made_group" = yes ] && getent group hearth >/dev/null && groupdel hearth 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    return
  fi
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  return 1
}

echo "== hearth package test: $deb"
echo "   package $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)" \
  "($(dpkg-deb -f "$deb" Architecture)), $(stat -c %s "$deb") bytes," \
  "$(dpkg-deb -c "$deb" | grep -vc '^d') files"
if [ "$hide_sources" = yes ]; then
  echo "   the source tree $source_tree is hidden from hearth's commands"
else
  echo "   NOTE: the source tree $source_tree is NOT hidden: installed paths are not proven"
fi

# ---- 1. install -------------------------------------------------------------------------------
if dpkg -i "$deb" >"$log" 2>&1; then
  pass "dpkg -i $(basename "$deb")"
elif grep -q "dependency problems" "$log" && command -v apt-get >/dev/null; then
  echo "    (missing dependencies: apt-get -f install)"
  grep -i "depends on" "$log" | sed 's/^/    | /'
  if DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq >"$log" 2>&1 &&
    dpkg-query -W -f='${Status}' hearth | grep -q "install ok installed"; then
    pass "dpkg -i $(basename "$deb") (dependencies installed by apt-get -f install)"
  else
    fail "dpkg -i (apt-get -f install could not complete it)"
    show_log
    exit 1
  fi
else
  fail "dpkg -i"
  show_log
  exit 1
fi

version=$(dpkg-deb -f "$deb" Version)
if out=$(/usr/bin/hearth --version 2>&1) && [ "$out" = "hearth ${version%%-*}" ]; then
  pass "hearth --version: $out"
else
  fail "hearth --version said '$out', expected 'hearth ${version%%-*}'"
fi
check "hearth is on PATH as /usr/bin/hearth" test "$(command -v hearth)" = /usr/bin/hearth
check "/etc/hearth/hearth.toml exists" test -f /etc/hearth/hearth.toml
check "/etc/hearth/hearth.toml is a conffile" \
  sh -c "dpkg-query -W -f='\${Conffiles}' hearth | grep -q '^ /etc/hearth/hearth.toml '"
check "/usr/share/hearth/web/index.html exists" test -f /usr/share/hearth/web/index.html
check "/usr/share/hearth/reference holds reference data" \
  sh -c 'test -f /usr/share/hearth/reference/local_authorities.csv &&
         test -d /usr/share/hearth/reference/comparators'
check "/lib/systemd/system/hearth.service exists" test -f /lib/systemd/system/hearth.service
check "/usr/lib/hearth/hearth-ready is executable" test -x /usr/lib/hearth/hearth-ready
# shellcheck disable=SC2016 # awk's fields
check "the hearth system user exists (home /var/lib/hearth, no login shell)" \
  sh -c 'getent passwd hearth | awk -F: '\''$3 < 1000 && $6 == "/var/lib/hearth" &&
         $7 ~ /nologin$/ { ok = 1 } END { exit !ok }'\'''
check "the hearth group exists" getent group hearth
check "/var/lib/hearth is hearth:hearth 0750" \
  test "$(stat -c '%U:%G %a' /var/lib/hearth)" = "hearth:hearth 750"
if command -v systemd-analyze >/dev/null; then
  # verify exits 0 on unknown keys and values it cannot parse: any message is a failure.
  # shellcheck disable=SC2016 # the inner shell's $out
  check "systemd-analyze verify /lib/systemd/system/hearth.service (no warnings)" \
    sh -c 'out=$(systemd-analyze verify /lib/systemd/system/hearth.service 2>&1) &&
           [ -z "$out" ] || { echo "$out"; exit 1; }'
else
  skip "systemd-analyze verify (systemd-analyze is not installed)"
fi

# ---- 2. a first run from the installed paths --------------------------------------------------
store=sqlite:/var/lib/hearth/hearth.db
check "hearth --store $store db upgrade (as hearth)" as_hearth hearth --store "$store" db upgrade
check "hearth --store $store demo --if-empty (as hearth)" \
  as_hearth hearth --store "$store" demo --if-empty
check "demo --if-empty again does nothing and succeeds" \
  as_hearth hearth --store "$store" demo --if-empty
check "the database is the hearth user's" test "$(stat -c %U /var/lib/hearth/hearth.db)" = hearth
# The postcodes ship in /usr/share/hearth/reference, found beside the installed binary.
if as_hearth hearth reference postcode "ME4 4TR" >"$log" 2>&1 && grep -q "council E06000035" "$log"; then
  pass "hearth reference postcode ME4 4TR: Medway, from the installed postcode index"
else
  fail "hearth reference postcode ME4 4TR did not find Medway"
  show_log
fi
if as_hearth hearth --store "$store" scorecard --format json >"$log" 2>/dev/null &&
  python3 -c 'import json,sys; d={i["id"]: i for i in json.load(open(sys.argv[1]))["indicators"]}; sys.exit(0 if all(d[k]["available"] and d[k]["value"] is not None for k in ("placed_over_20_miles","placed_outside_la")) else 1)' "$log"; then
  pass "the demo's scorecard has placed_over_20_miles and placed_outside_la"
else
  fail "the demo's scorecard lacks placed_over_20_miles or placed_outside_la"
fi
# No --store: the one in /etc/hearth/hearth.toml ([store] url), found without --config.
if as_hearth hearth info --format json >"$log" 2>&1 && grep -q '"sqlite:/var/lib/hearth/hearth.db"' "$log"; then
  pass "hearth info uses [store] url from /etc/hearth/hearth.toml (no --store, no --config)"
else
  fail "hearth info did not use [store] url from /etc/hearth/hearth.toml"
  show_log
fi

port=$(free_port)
if [ -z "$port" ]; then
  fail "no free port for hearth serve"
else
  (as_hearth_exec hearth --config /etc/hearth/hearth.toml --store "$store" serve \
    --listen "127.0.0.1:$port" >"$work/serve.log" 2>&1) &
  server=$!
  if env -i PATH="$PATH" HEARTH_READY_LISTEN="127.0.0.1:$port" HEARTH_READY_TIMEOUT=60 \
    MAINPID="$server" /usr/lib/hearth/hearth-ready /etc/hearth/hearth.toml >"$log" 2>&1; then
    pass "hearth serve on 127.0.0.1:$port is ready (/usr/lib/hearth/hearth-ready)"
  else
    fail "hearth serve on 127.0.0.1:$port did not become ready"
    show_log
    tail -n 10 "$work/serve.log" | sed 's/^/    | /'
  fi
  base=http://127.0.0.1:$port
  check "GET /healthz: 200 {\"status\":\"ok\"}" \
    sh -c "curl -fsS --max-time 10 $base/healthz | grep -q '\"status\":\"ok\"'"
  check "GET /readyz: 200" curl -fsS --max-time 10 -o /dev/null "$base/readyz"
  if curl -fsS --max-time 10 -o "$work/index.html" "$base/" 2>"$log" &&
    cmp -s "$work/index.html" /usr/share/hearth/web/index.html; then
    pass "GET /: the index page from /usr/share/hearth/web"
  else
    fail "GET / did not serve /usr/share/hearth/web/index.html"
    [ -f "$work/index.html" ] && head -c 300 "$work/index.html" | sed 's/^/    | /' && echo
    show_log
  fi
  if curl -fsS --max-time 20 -c "$work/cookies" -H 'Content-Type: application/json' \
    --data "{\"username\":\"demo-admin\",\"password\":\"$HEARTH_DEMO_PASSWORD\"}" \
    "$base/api/v1/session" >"$log" 2>&1 &&
    curl -fsS --max-time 10 -b "$work/cookies" "$base/api/v1/session" 2>&1 | grep -q demo-admin; then
    pass "demo-admin signs in with HEARTH_DEMO_PASSWORD"
  else
    fail "demo-admin could not sign in"
    show_log
  fi
  stop_server
  rc=$?
  if [ $rc -eq 0 ]; then
    pass "hearth serve stops on SIGTERM (exit 0)"
  elif [ $rc -eq 125 ]; then
    fail "hearth serve had stopped by itself before SIGTERM (its log:)"
    tail -n 10 "$work/serve.log" | sed 's/^/    | /'
  else
    fail "hearth serve did not stop cleanly on SIGTERM (exit $rc)"
    tail -n 10 "$work/serve.log" | sed 's/^/    | /'
  fi
fi

# Chromium as the hearth user, with HOME=/var/lib/hearth as the unit sets it.
if [ -x /usr/bin/chromium ]; then
  pdf=/var/lib/hearth/deb-test-scorecard.pdf
  if as_hearth hearth --store "$store" scorecard --format pdf -o "$pdf" >"$log" 2>&1 &&
    head -c 5 "$pdf" | grep -q "%PDF-"; then
    pass "a scorecard PDF through Chromium (as hearth, HOME=/var/lib/hearth): $(stat -c %s "$pdf") bytes"
  else
    fail "no scorecard PDF through Chromium as the hearth user"
    show_log
  fi
  rm -f /var/lib/hearth/deb-test-scorecard.pdf
else
  skip "PDF through Chromium (/usr/bin/chromium is not installed)"
fi

# ---- 3. remove, purge -------------------------------------------------------------------------
dpkg -L hearth >"$work/files"
conffiles=$(dpkg-query -W -f='${Conffiles}' hearth | awk '{print $1}')
check "dpkg -r hearth" dpkg -r hearth
check "after dpkg -r: the package is in state config-files" \
  test "$(dpkg-query -W -f='${Status}' hearth)" = "deinstall ok config-files"
left=()
while IFS= read -r f; do
  if [ -z "$f" ] || [ "$f" = "/." ]; then continue; fi
  if printf '%s\n' "$conffiles" | grep -qxF "$f"; then continue; fi
  if [ -d "$f" ]; then
    # A folder of the package's own (not shared with other packages) must go.
    case $f in
      /usr/share/hearth | /usr/share/hearth/* | /usr/share/doc/hearth | /usr/lib/hearth) ;;
      *) continue ;;
    esac
  fi
  if [ -e "$f" ] || [ -L "$f" ]; then left+=("$f"); fi
done <"$work/files"
if [ ${#left[@]} -eq 0 ]; then
  pass "after dpkg -r: none of the package's $(grep -c . "$work/files") paths left but its conffile"
else
  fail "after dpkg -r: ${#left[@]} package paths left: ${left[*]:0:10}"
fi
check "after dpkg -r: /etc/hearth/hearth.toml kept" test -f /etc/hearth/hearth.toml
check "after dpkg -r: the data in /var/lib/hearth kept" test -f /var/lib/hearth/hearth.db

check "dpkg -P hearth" dpkg -P hearth
check "after dpkg -P: the package is gone" \
  sh -c "! dpkg-query -W -f='\${Status}' hearth 2>/dev/null | grep -qv not-installed"
check "after dpkg -P: /etc/hearth is gone" test ! -e /etc/hearth
check "after dpkg -P: the data in /var/lib/hearth is still kept (it holds a database)" \
  test -f /var/lib/hearth/hearth.db

check "dpkg -i again, over the kept data" dpkg -i "$deb"
check "the kept database is still there and the hearth user's" \
  test "$(stat -c %U /var/lib/hearth/hearth.db 2>/dev/null)" = hearth
check "HEARTH_PURGE_DATA=yes dpkg -P hearth" env HEARTH_PURGE_DATA=yes dpkg -P hearth
check "after HEARTH_PURGE_DATA=yes dpkg -P: /var/lib/hearth and /etc/hearth are gone" \
  sh -c 'test ! -e /var/lib/hearth && test ! -e /etc/hearth'

echo "== $passed passed, $failed failed"
[ "$failed" -eq 0 ] && echo "PASS: hearth package test" || echo "FAIL: hearth package test"
[ "$failed" -eq 0 ]
