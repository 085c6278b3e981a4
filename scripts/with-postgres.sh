#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a temporary data directory, a free port
# on 127.0.0.1, trust authentication for a `hearth` superuser, stopped and deleted at the end
# whatever happens. The command sees HEARTH_TEST_PG_URL=postgresql://hearth@127.0.0.1:PORT/postgres.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "error: PostgreSQL server binaries not found under /usr/lib/postgresql (run scripts/install-deps.sh)" >&2
  exit 3
fi

datadir=$(mktemp -d /tmp/hearth-pg.XXXXXX)
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: use the postgres system user the package created.
  chown postgres:postgres "$datadir"
  run_as=(runuser -u postgres --)
fi

cleanup() {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$datadir"
}
trap cleanup EXIT INT TERM

"${run_as[@]}" "$bindir/initdb" -D "$datadir/data" -U hearth --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$datadir/initdb.log" 2>&1 || { cat "$datadir/initdb.log" >&2; exit 3; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
started=""
for attempt in $(seq 1 20); do
  port=$(( 20000 + (RANDOM % 30000) ))
  port_in_use "$port" && continue
  if "${run_as[@]}" "$bindir/pg_ctl" -D "$datadir/data" -w -t 30 -l "$datadir/server.log" \
      -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
      start >/dev/null 2>&1; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "error: could not start PostgreSQL" >&2
  cat "$datadir/server.log" >&2 || true
  exit 3
fi

export HEARTH_TEST_PG_URL="postgresql://hearth@127.0.0.1:$port/postgres"
export HEARTH_REQUIRE_PG=1
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $datadir)"
set +e
"$@"
rc=$?
set -e
exit $rc
