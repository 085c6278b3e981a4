#!/usr/bin/env bash
# The browser tests: a fresh demo store, `hearth serve` on a free port with the built front end,
# then web/e2e/run.mjs (Playwright driving Debian's Chromium, axe-core on every page).
# Usage: scripts/e2e.sh HEARTH_BINARY [ARTIFACT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$1"
artifacts="${2:-$root/build/e2e-artifacts}"
export HEARTH_DEMO_PASSWORD="e2e-demo-password"
# "I don't feel safe" emails go to a real SMTP server (Debian's python3-aiosmtpd) keeping them in
# a Maildir the tests read; the server's configuration names it and the out-of-hours number.
mail="$(mktemp -d)"
smtp_port="$(/usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
export HEARTH_E2E_OUT_OF_HOURS="01632 960000"
printf '[mail]\nsmtp = "smtp://127.0.0.1:%s"\nfrom = "hearth@e2e.example"\nbase_url = "http://hearth.e2e.example"\n[voice]\nout_of_hours = "%s"\n' \
  "$smtp_port" "$HEARTH_E2E_OUT_OF_HOURS" >"$mail/hearth.toml"
export HEARTH_CONFIG="$mail/hearth.toml"
# shellcheck source=scripts/lib/demo-server.sh
source "$root/scripts/lib/demo-server.sh"
demo_server "$bin" "--children 300 --years 3" --web "$root/web/dist"
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$mail/Maildir" &
smtp_pid=$!
trap 'kill "$smtp_pid" 2>/dev/null || true; rm -rf "$mail"; if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
export HEARTH_E2E_MAILDIR="$mail/Maildir"
mkdir -p "$artifacts"
# HEARTH_BIN: the test writes the 903 return it imports with `hearth synth`
bin_abs="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
HEARTH_URL="$url" HEARTH_ARTIFACTS="$artifacts" HEARTH_BIN="$bin_abs" node "$root/web/e2e/run.mjs"
