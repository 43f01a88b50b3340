#!/usr/bin/env bash
# Load test of `kroniek serve` on loopback with wrk (bounded: 10 s per
# endpoint, 64 connections, 2 threads). Builds a synthetic store of about
# N incidents (default 101000, i.e. >= 100,000 events after dedup) once,
# starts the server on a free 127.0.0.1 port, runs wrk against the events
# list, a filtered query and the weekly timeseries, prints requests/s, p99
# latency, non-2xx responses and socket errors, then stops the server.
#
#   bench/load/run.sh                  # uses build/kroniek
#   KRONIEK_BIN=build-serve/kroniek-serve-dev N=101000 bench/load/run.sh
#   DB=/tmp/other.db DURATION=5s CONNECTIONS=32 bench/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BIN=${KRONIEK_BIN:-build/kroniek}
N=${N:-101000}
DB=${DB:-${TMPDIR:-/tmp}/kroniek-load-$N.db}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { echo "run.sh: wrk missing (apt-get install wrk)" >&2; exit 1; }
[[ -x $BIN ]] || { echo "run.sh: $BIN missing; build first (make build)" >&2; exit 1; }

if [[ ! -s $DB ]]; then
  echo "# building $DB with $N synthetic incidents"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  /usr/bin/time -f "# built in %e s, max RSS %M KiB" \
    "$BIN" dedup --db "$DB" --synthetic "$N" --seed 1
fi

LOG=$(mktemp)
"$BIN" serve --db "$DB" --host 127.0.0.1 --port 0 --threads "$CONNECTIONS" 2>"$LOG" &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -f "$LOG"' EXIT
URL=
for _ in $(seq 100); do
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$LOG" || true)
  [[ -n $URL ]] && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.1
done
[[ -n $URL ]] || { echo "run.sh: server did not start" >&2; cat "$LOG" >&2; exit 1; }
echo "# $URL  $(curl -s "$URL/v1/health")"

printf '%-62s %10s %10s %8s %8s\n' endpoint req/s p99 non-2xx sock-err
for path in \
  "/v1/events?limit=100" \
  "/v1/events?country=UKR&plover=ASSAULT&start=2020-01-01&end=2021-12-31&limit=100" \
  "/v1/stats/timeseries?interval=week"; do
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$URL$path")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  sock=$(grep -o 'Socket errors:.*' <<<"$out" || echo 0)
  printf '%-62s %10s %10s %8s %8s\n' "${path:0:62}" "$rps" "$p99" "$non2xx" "${sock#Socket errors: }"
done
kill -0 "$PID" 2>/dev/null && echo "# server still running after the load: ok" || { echo "# server died" >&2; exit 1; }
