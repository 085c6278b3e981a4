#!/usr/bin/env bash
# Installs the Debian packages Hearth needs to build, test and run; installs nothing that is
# already there, so it is cheap to run on every `make`. Needs root (or sudo) only when
# something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libsoci-dev libsqlite3-dev libpq-dev sqlite3
  nlohmann-json3-dev libpugixml-dev libcsv-dev libsodium-dev libspdlog-dev libfmt-dev
  libcli11-dev libtomlplusplus-dev libxlsxwriter-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev libssl-dev openssl
  postgresql postgresql-client
  curl jq procps clang-format
  libcurl4-openssl-dev libkainjow-mustache-dev python3-aiosmtpd
  chromium wrk poppler-utils libcmark-dev
  systemd dpkg-dev adduser
)
# Node.js and npm build the web front end; a machine that already has them (any source) keeps
# its own.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "error: these packages are missing and you are not root: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists; an old list may not know the versions we ask for.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
