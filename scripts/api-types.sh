#!/usr/bin/env bash
# The front end's types of the API (web/src/api-types.ts), generated from the OpenAPI document a
# hearth binary prints (`hearth openapi`: the route table and src/web/schemas/*.json).
#   scripts/api-types.sh BIN            regenerate web/src/api-types.ts (after changing a reply)
#   scripts/api-types.sh BIN --check    exit 1, naming what differs, when the checked-in file is
#                                       not what BIN's document generates (ctest web.api_types)
# The generated file is checked in so the front end builds before any C++ does (make web).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$1"
shift
doc="$(mktemp)"
trap 'rm -f "$doc"' EXIT
"$bin" openapi >"$doc"
if ! node "$root/web/scripts/api-types.mjs" "$doc" "$root/web/src/api-types.ts" "$@"; then
  echo "web/src/api-types.ts has drifted from the API: run scripts/api-types.sh $bin" >&2
  exit 1
fi
