# Sourced by scripts/e2e.sh and bench/web_load.sh: a throwaway demo store served on a free port.
#   demo_server BIN "DEMO ARGS" [SERVE ARGS...]
# makes the store in a temporary folder ($work, removed on exit with the server), starts
# `hearth serve` on 127.0.0.1:0 and sets $url (http://127.0.0.1:PORT). Needs HEARTH_DEMO_PASSWORD.
# shellcheck source=scripts/lib/wait-for.sh
source "$(dirname "${BASH_SOURCE[0]}")/wait-for.sh"

demo_server() {
  local bin="$1" demo_args="$2"
  shift 2
  work="$(mktemp -d)"
  trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
  local store="sqlite:$work/demo.db"
  # shellcheck disable=SC2086
  "$bin" --store "$store" demo $demo_args >/dev/null
  "$bin" --store "$store" serve --listen 127.0.0.1:0 "$@" >"$work/serve.out" 2>"$work/serve.err" &
  pid=$!
  # Up to five minutes: a sanitizer build on a busy machine loads the demo council slowly; a
  # server that has exited stops the wait at once.
  wait_for_line "$work/serve.out" "http://127.0.0.1:" "$pid" || true
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -1)"
  if [ -z "$url" ]; then
    echo "hearth serve did not start:" >&2
    cat "$work/serve.out" "$work/serve.err" >&2
    exit 1
  fi
}
