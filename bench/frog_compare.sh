#!/usr/bin/env bash
# Throughput of `kroniek analyze` (everything on: tokens, numbers, dates,
# UPOS, NER, actors, places) and `kroniek code` (the whole coder, JSON out)
# side by side with Frog (`frog --skip=mp`, the Dutch reference, run as a
# separate program; GPL, never linked) on the SAME Dutch text in one run, all
# pinned to one core. Prints tokens/s and the ratios. Then, on a larger text,
# kroniek alone: tokens/s per core with -j 1 and the scaling with -j 2.
#
# The text: real Dutch news articles (CoNLL-2002, read from ../shared/data)
# or, without it, our own articles, shuffled with a fixed seed; as JSONL
# articles for kroniek and as plain paragraphs for Frog (same words). See
# the pool below for why the text should not repeat.
#
# Usage: bench/frog_compare.sh [BUILD_DIR]   (default: build)
#   FROG_BYTES   size of the shared text (default 120000; Frog is slow)
#   BIG_BYTES    size of the kroniek-only text (default 1400000: CoNLL once)
#   KRONIEK_RUNS kroniek's times are the best of this many runs (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
frog_bytes=${FROG_BYTES:-120000}
big_bytes=${BIG_BYTES:-1400000}
k="$build/kroniek"
[[ -x $k ]] || { echo "build $k first (make build)" >&2; exit 1; }
command -v frog >/dev/null || { echo "frog not installed: apt-get install frog frogdata" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One article per line. Real news when ../shared/data has it: the articles of
# CoNLL-2002 Dutch (De Morgen, 2000; research use, read in place, never
# copied), tokens joined by spaces, ~1.5 MB without a repeat. Otherwise our
# own articles (samples/nl, testdata/events/dev: ~120 KB), which a larger
# text must repeat -- and a repeated text favours Kroniek, whose decoders
# memoise per-word sums (Frog gains nothing from repeats).
pool="$work/pool"
conll=../shared/data/conll2002-ned
if [[ -f $conll/ned.train ]]; then
  cat "$conll/ned.train" "$conll/ned.testa" "$conll/ned.testb" | python3 -c '
import sys
doc = []
def flush():
    if doc: print(" ".join(doc))
    doc.clear()
for line in sys.stdin:
    w = line.split()
    if not w: continue
    if w[0] == "-DOCSTART-": flush(); continue
    doc.append(w[0])
flush()' > "$pool"
  echo "text: CoNLL-2002 Dutch articles (real news, $conll)"
else
  for f in samples/nl/*.txt testdata/events/dev/*.txt; do
    [[ -f $f ]] || continue
    tail -n +2 "$f" | sed 's/^[[:space:]]*date [0-9-]*//' | tr '\n' ' ' | sed 's/  */ /g'
    echo
  done | grep -v '^ *$' > "$pool"
  echo "text: the project's own articles (../shared/data absent)"
fi

make_corpus() {  # $1 min bytes, $2 output prefix (.txt for Frog, .jsonl for kroniek)
  python3 - "$pool" "$1" "$2" <<'PY'
import json, random, sys
pool = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
need, out = int(sys.argv[2]), sys.argv[3]
size, n, rnd, rounds = 0, 0, random.Random(7), 0
with open(out + ".txt", "w", encoding="utf-8") as t, open(out + ".jsonl", "w", encoding="utf-8") as j:
    while size < need:
        rounds += 1
        if rounds == 2:
            print(f"warning: {out}: the text repeats (pool {size} bytes < {need}); repeats "
                  "favour Kroniek's per-word memo", file=sys.stderr)
        order = pool[:]
        rnd.shuffle(order)
        for line in order:
            if size >= need:
                break
            t.write(line + "\n\n")
            j.write(json.dumps({"id": str(n), "date": "2024-05-01", "text": line, "lang": "nl"},
                               ensure_ascii=False) + "\n")
            size += len(line.encode()) + 2
            n += 1
PY
}
now() { date +%s.%N; }
tokens_of() {  # token count of a JSONL corpus by kroniek's tokenizer
  "$k" analyze --no-entities --no-tokens -q -j 2 "$1" 2>/dev/null |
    python3 -c 'import json,sys; print(sum(s["token_count"] for l in sys.stdin for s in json.loads(l)["sentences"]))'
}
timed() {  # prints seconds for a command
  local t0 t1
  t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}
# Kroniek's runs take a fraction of a second to a few seconds, so a noisy
# neighbour on a shared machine can add tens of percent to one run: its
# times are the best of KRONIEK_RUNS runs (default 3). Frog runs a minute
# and is timed once.
runs=${KRONIEK_RUNS:-3}
timed_best() {
  local best="" t
  for _ in $(seq "$runs"); do
    t=$(timed "$@")
    if [[ -z $best ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  echo "$best"
}

make_corpus "$frog_bytes" "$work/small"
tok=$(tokens_of "$work/small.jsonl")
echo "shared text: $(stat -c %s "$work/small.txt") bytes, $tok tokens"
printf '{"id":"t","date":"2024-05-01","text":"Rusland riep Armenie op.","lang":"nl"}\n' > "$work/tiny.jsonl"
printf 'Rusland riep Armenie op.\n' > "$work/tiny.txt"
# Each tool twice: on one sentence (start-up) and on the shared text; the
# marginal rate tokens / (t_text - t_tiny) leaves start-up out.
a0=$(timed_best taskset -c 0 "$k" analyze -q -j 1 "$work/tiny.jsonl")
a_s=$(timed_best taskset -c 0 "$k" analyze -q -j 1 "$work/small.jsonl")
c0=$(timed_best taskset -c 0 "$k" code -q -j 1 "$work/tiny.jsonl")
c_s=$(timed_best taskset -c 0 "$k" code -q -j 1 "$work/small.jsonl")
f0=$(timed taskset -c 0 frog --skip=mp -t "$work/tiny.txt" -o "$work/frog0.out")
f_s=$(timed taskset -c 0 frog --skip=mp -t "$work/small.txt" -o "$work/frog.out")
[[ -s $work/frog.out ]] || { echo "frog produced no output" >&2; exit 1; }
rate() { echo "$tok / ($1 - $2)" | bc -l; }
printf '%-32s start-up %6.2f s  total %7.2f s  %10.0f tokens/s (with start-up)  %10.0f tokens/s (marginal)\n' \
  "kroniek analyze (all on), -j 1" "$a0" "$a_s" "$(echo "$tok / $a_s" | bc -l)" "$(rate "$a_s" "$a0")"
printf '%-32s start-up %6.2f s  total %7.2f s  %10.0f tokens/s (with start-up)  %10.0f tokens/s (marginal)\n' \
  "kroniek code, -j 1" "$c0" "$c_s" "$(echo "$tok / $c_s" | bc -l)" "$(rate "$c_s" "$c0")"
printf '%-32s start-up %6.2f s  total %7.2f s  %10.0f tokens/s (with start-up)  %10.0f tokens/s (marginal)\n' \
  "frog --skip=mp" "$f0" "$f_s" "$(echo "$tok / $f_s" | bc -l)" "$(rate "$f_s" "$f0")"
printf 'ratio with start-up: analyze/frog %.0fx, code/frog %.0fx\n' \
  "$(echo "$f_s / $a_s" | bc -l)" "$(echo "$f_s / $c_s" | bc -l)"
printf 'ratio of marginal rates: analyze/frog %.0fx, code/frog %.0fx\n' \
  "$(echo "($f_s - $f0) / ($a_s - $a0)" | bc -l)" "$(echo "($f_s - $f0) / ($c_s - $c0)" | bc -l)"

make_corpus "$big_bytes" "$work/big"
tok=$(tokens_of "$work/big.jsonl")
echo "large text: $(stat -c %s "$work/big.jsonl") bytes, $tok tokens"
for cmd in analyze code; do
  s1=$(timed_best taskset -c 0 "$k" $cmd -q -j 1 "$work/big.jsonl")
  s2=$(timed_best "$k" $cmd -q -j 2 "$work/big.jsonl")
  printf '%-8s -j 1: %9.0f tokens/s per core   -j 2: %9.0f tokens/s (x%.2f)\n' "$cmd" \
    "$(echo "$tok / $s1" | bc -l)" "$(echo "$tok / $s2" | bc -l)" "$(echo "$s1 / $s2" | bc -l)"
done
# Start-up: load every resource, code one tiny article.
printf 'date 2020-09\nRusland riep Armenie op.\n' > "$work/one.txt"
printf 'start-up (load all resources, code one sentence): %.2f s\n' "$(timed "$k" code -q "$work/one.txt")"
/usr/bin/time -f 'peak memory, code -j 1 on the large text: %M KB' "$k" code -q -j 1 "$work/big.jsonl" >/dev/null
