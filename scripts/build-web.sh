#!/usr/bin/env bash
# Builds the web front end (web/ → web/dist): installs its npm packages when the lock file
# changed, and rebuilds only when a source is newer than the last build.
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null; then
  echo "error: npm is missing (scripts/install-deps.sh installs Node.js and npm)" >&2
  exit 1
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the web front end's packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ -f dist/index.html ] && [ -z "$(find src index.html public vite.config.ts tsconfig.json package-lock.json -newer dist/index.html -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "Building the web front end (web/dist)"
npm run --silent build
