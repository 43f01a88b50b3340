#!/usr/bin/env bash
# Builds the web UI into web/dist with npm (pinned by web/package-lock.json).
# Skips the work when web/dist is newer than every source file.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "build-web: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [[ -f dist/index.html ]] && [[ -z "$(find src index.html vite.config.ts package.json -newer dist/index.html -print -quit)" ]]; then
  exit 0
fi
echo "build-web: npm run build"
npm run build --silent
