#!/usr/bin/env bash
# tests/package/verify_unit.sh [UNIT]: `systemd-analyze verify` of packaging/hearth.service on a
# machine where the package is not installed. verify insists that every Exec*= program exists, so
# it checks a copy in which /usr/bin/hearth and /usr/lib/hearth/hearth-ready are /bin/true (the
# unit itself, with the real paths, is verified installed by tests/package/deb_test.sh).
set -euo pipefail
unit=${1:-$(dirname "$0")/../../packaging/hearth.service}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -E 's#^(Exec[A-Za-z]*=[-+!@:]*)(/usr/bin/hearth|/usr/lib/hearth/hearth-ready)#\1/bin/true#' \
  "$unit" >"$tmp/hearth.service"
# verify exits 0 on an unknown key or a value it cannot parse (it ignores them, as systemd would):
# any message at all is a failure here.
if ! systemd-analyze verify "$tmp/hearth.service" >"$tmp/out" 2>&1 || [ -s "$tmp/out" ]; then
  sed "s#$tmp/##" "$tmp/out"
  echo "FAIL: systemd-analyze verify $(basename "$unit")"
  exit 1
fi
echo "PASS: systemd-analyze verify $(basename "$unit") (no warnings)"
systemd-analyze security --offline=yes "$tmp/hearth.service" 2>/dev/null | tail -n 1 || true
