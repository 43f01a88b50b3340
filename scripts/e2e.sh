#!/usr/bin/env bash
# Browser end-to-end test against the real server: codes samples/ into a
# fresh store, starts `kroniek serve` on a free loopback port, runs the web
# UI's e2e suite (web/e2e/run.mjs, Debian Chromium via playwright-core) and
# stops the server. Bounded in time; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"./$build/kroniek" ingest --quiet --db "$work/e2e.db" samples/nl samples/en samples/feed.jsonl
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"./$build/kroniek" serve --db "$work/e2e.db" --host 127.0.0.1 --port "$port" --web web/dist \
  >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null && break
  sleep 0.2
done
(cd web && KRONIEK_URL="http://127.0.0.1:$port" timeout 300 node e2e/run.mjs)
