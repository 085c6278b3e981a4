#!/usr/bin/env bash
# Single sign-on end to end (docs/sso.md): a real, certified OpenID provider (the npm
# oidc-provider, tests/oidc/provider.mjs) on 127.0.0.1 and `hearth serve` on localhost — two sites,
# as Hearth and Microsoft Entra ID are — then web/e2e/sso.mjs signs in through Chromium and
# tries what must be refused.
# Usage: scripts/sso-e2e.sh HEARTH_BINARY [ARTIFACT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
artifacts="${2:-$root/build/e2e-artifacts}"
if [ ! -d "$root/tests/oidc/node_modules/oidc-provider" ]; then
  echo "tests/oidc has no node_modules: run scripts/oidc-provider-deps.sh (make test does)" >&2
  exit 1
fi
work="$(mktemp -d)"
op_pid=""
pid=""
trap 'for p in $pid $op_pid; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
# shellcheck source=scripts/lib/wait-for.sh
source "$root/scripts/lib/wait-for.sh"
free_port() { /usr/bin/python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

export HEARTH_DEMO_PASSWORD="sso-demo-password"
store="sqlite:$work/demo.db"
"$bin" --store "$store" demo --children 60 --years 1 >/dev/null
# The demo's worker signs in only through the provider (their password stops working).
"$bin" --store "$store" user sso-only demo-worker >/dev/null

port="$(free_port)"
hearth="http://localhost:$port"
# The provider's people: matched to Hearth accounts by email (the demo's users are
# <username>@example.org); one has no Hearth account, one is a young person's, and one has been
# given the worker's email address after the worker's account was linked.
cat >"$work/accounts.json" <<JSON
[
  {"sub": "w-0001", "email": "demo-worker@example.org", "preferred_username": "wendy", "name": "Wendy Worker", "groups": ["hearth-workers"]},
  {"sub": "x-0002", "email": "stranger@elsewhere.example", "preferred_username": "stranger", "name": "No Hearth Account", "groups": []},
  {"sub": "y-0003", "email": "demo-yp@example.org", "preferred_username": "young", "name": "A Young Person", "groups": []},
  {"sub": "w-0004", "email": "demo-worker@example.org", "preferred_username": "newcomer", "name": "Given Wendy's Old Address", "groups": []}
]
JSON
OIDC_ACCOUNTS="$work/accounts.json" OIDC_CLIENT_SECRET="sso-test-secret" \
  OIDC_REDIRECT_URIS="$hearth/auth/oidc/callback" \
  OIDC_POST_LOGOUT_REDIRECT_URIS="$hearth/login?signed_out=1" OIDC_TEST_HOOKS=1 \
  node "$root/tests/oidc/provider.mjs" 0 >"$work/op.out" 2>"$work/op.err" &
op_pid=$!
wait_for_line "$work/op.out" "^ready " "$op_pid" 300 || true
issuer="$(sed -n 's/^ready //p' "$work/op.out")"
if [ -z "$issuer" ]; then
  echo "the OpenID provider did not start:" >&2
  cat "$work/op.err" >&2
  exit 1
fi

printf 'sso-test-secret\n' >"$work/client-secret"
cat >"$work/hearth.toml" <<TOML
[sso]
issuer = "$issuer"
client_id = "hearth"
client_secret_file = "$work/client-secret"
redirect_uri = "$hearth/auth/oidc/callback"
match_claim = "email"
match_account = "email"
TOML
"$bin" --store "$store" --config "$work/hearth.toml" serve --listen "127.0.0.1:$port" \
  --web "$root/web/dist" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
if ! wait_for_line "$work/serve.out" "http://127.0.0.1:" "$pid"; then
  echo "hearth serve did not start:" >&2
  cat "$work/serve.out" "$work/serve.err" >&2
  exit 1
fi
mkdir -p "$artifacts"
status=0
HEARTH_URL="$hearth" OIDC_ISSUER="$issuer" HEARTH_ARTIFACTS="$artifacts" HEARTH_BIN="$bin" \
  HEARTH_STORE="$store" node "$root/web/e2e/sso.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- hearth serve's log (last 40 lines)" >&2
  tail -40 "$work/serve.err" >&2
  echo "--- the provider's log (last 20 lines)" >&2
  tail -20 "$work/op.err" >&2
fi
exit "$status"
