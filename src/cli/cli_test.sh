#!/usr/bin/env bash
# End-to-end tests of the kroniek command line (registered with ctest).
# Usage: cli_test.sh PATH/TO/kroniek
# Prints one line per check and a closing "N passed, M failed" line.
set -uo pipefail
k=$(realpath "$1")
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
check() {  # name, then a command that must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok - $name"
  else fail=$((fail + 1)); echo "not ok - $name"; fi
}
json() { python3 -c "import json,sys; $1" ; }

# analyze: the seed article (when ../shared/data is there), else a sample.
seed=../shared/data/seed/seed-article.txt
if [[ -f $seed ]]; then
  "$k" analyze --no-entities -q "$seed" > "$work/seed.json" 2>/dev/null
  check "analyze: seed article has 21 sentences" \
    json "d=json.load(open('$work/seed.json')); sys.exit(len(d['sentences'])!=21)"
  check "analyze: every token's offsets point at its text in the file" \
    json "d=json.load(open('$work/seed.json')); raw=open('$seed','rb').read(); sys.exit(any(raw[t['start']:t['end']].decode()!=t['text'] for s in d['sentences'] for t in s['tokens']))"
  check "analyze: maandag and zondag resolved within September 2020" \
    json "d=json.load(open('$work/seed.json')); ds=[x for x in d['dates'] if x['text'].lower() in ('maandag','sinds zondag')]; sys.exit(not ds or any(not('2020-09-01'<=x['resolved']['start']<=x['resolved']['end']<='2020-09-30') for x in ds))"
  check "analyze: 26, 89, negen, 3500 are numbers" \
    json "d=json.load(open('$work/seed.json')); v={n['value'] for n in d['numbers']}; sys.exit(not {26,89,9,3500} <= v)"
else
  echo "# skipped seed checks: $seed absent"
fi

# Mixed input with broken files: every broken one reported, the rest read.
"$k" analyze --no-entities -q testdata/ingest/mixed > "$work/mixed.json" 2> "$work/mixed.err"
rc=$?
check "mixed input: exit status 0 although inputs were quarantined" test "$rc" -eq 0
check "mixed input: 4 documents processed" test "$(wc -l < "$work/mixed.json")" -eq 4
check "mixed input: 7 inputs quarantined and listed" test "$(grep -c '^quarantined: ' "$work/mixed.err")" -eq 7
check "mixed input: summary reconciles read = processed + quarantined" grep -q "11 read = 4 processed + 7 quarantined" "$work/mixed.err"

# Exit codes.
"$k" analyze -q /nonexistent/path >/dev/null 2>&1; rc=$?
check "missing input path: exit 1" test "$rc" -eq 1
"$k" analyze -q --date 2020-13 samples/nl >/dev/null 2>&1; rc=$?
check "bad --date: exit 2" test "$rc" -eq 2
"$k" analyze --no-such-flag >/dev/null 2>&1; rc=$?
check "unknown flag: exit 2" test "$rc" -eq 2

# Output order does not depend on -j.
"$k" code -q -j 1 samples/nl samples/en samples/feed.jsonl > "$work/j1.jsonl" 2>/dev/null
"$k" code -q -j 3 samples/nl samples/en samples/feed.jsonl > "$work/j3.jsonl" 2>/dev/null
check "code: output identical with -j 1 and -j 3" cmp -s "$work/j1.jsonl" "$work/j3.jsonl"
check "code: the samples yield events" test "$(wc -l < "$work/j1.jsonl")" -gt 20

# stdin and gzip.
gzip -c samples/nl/$(ls samples/nl | head -1) > "$work/a.txt.gz"
check "stdin gzip input is read" bash -c "'$k' analyze --no-entities -q - < '$work/a.txt.gz' | grep -q doc_id"

# ingest is idempotent.
"$k" ingest -q --db "$work/k.db" samples/nl samples/feed.jsonl > /dev/null 2>&1
"$k" ingest -q --db "$work/k.db" samples/nl samples/feed.jsonl > /dev/null 2> "$work/ingest2.err"
check "ingest twice: nothing stored twice" grep -q "0 new documents" "$work/ingest2.err"

# dict check passes on the shipped dictionaries.
check "dict check passes" bash -c "'$k' dict check > /dev/null 2>&1"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
