#!/usr/bin/env bash
# Installs the packages of the test OpenID provider (tests/oidc: the npm oidc-provider, pinned by
# its lock file) when the lock file changed; `make test` runs it before the tests.
set -euo pipefail
cd "$(dirname "$0")/../tests/oidc"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the test OpenID provider's packages (tests/oidc, npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
