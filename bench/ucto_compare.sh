#!/usr/bin/env bash
# Compares tokenizer throughput with ucto on the same >= 5 MB Dutch text, both
# pinned to one core. The text is built from the project's own Dutch texts in
# testdata/tokenizer (paragraphs shuffled with a fixed seed, repeated), plus
# the seed article from ../shared/data when it is present.
#
# Usage: bench/ucto_compare.sh [BUILD_DIR]      (default: build)
#   KRONIEK_TOKENIZE_CMD  command to time instead of BUILD_DIR/bench/tokenize_file;
#                         the text file is appended as last argument. When its
#                         output starts with a number, that is the token count;
#                         otherwise the count from tokenize_file is used.
#   MIN_BYTES             corpus size (default 5242880)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
min_bytes=${MIN_BYTES:-5242880}
ours_bin="$build/bench/tokenize_file"
[[ -x $ours_bin ]] || { echo "build $ours_bin first (-DKRONIEK_BUILD_BENCHMARKS=ON)" >&2; exit 1; }
command -v ucto >/dev/null || { echo "ucto not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Paragraph pool (blank-line separated), one paragraph per line.
sources=(testdata/tokenizer/nl_*.txt)
seed=../shared/data/seed/seed-article.txt
[[ -f $seed ]] && sources+=("$seed")
awk 'BEGIN{RS=""; ORS="\n"} {gsub(/\n/, " "); print}' "${sources[@]}" > "$work/pool"
: > "$work/text"
round=0
while (( $(stat -c %s "$work/text") < min_bytes )); do
  # A different but reproducible order each round.
  shuf --random-source=<(yes "$round") "$work/pool" | sed 's/$/\n/' >> "$work/text"
  round=$((round + 1))
done
bytes=$(stat -c %s "$work/text")
echo "corpus: $bytes bytes from ${#sources[@]} files"

now() { date +%s.%N; }
export KRONIEK_RESOURCES=${KRONIEK_RESOURCES:-$PWD/src/lang}

# Ours (count reference).
t0=$(now)
ours_out=$(taskset -c 0 "$ours_bin" --lang nl "$work/text")
t1=$(now)
ours_tokens=${ours_out%% *}
if [[ -n ${KRONIEK_TOKENIZE_CMD:-} ]]; then
  t0=$(now)
  alt_out=$(taskset -c 0 $KRONIEK_TOKENIZE_CMD "$work/text")
  t1=$(now)
  first=${alt_out%% *}
  [[ $first =~ ^[0-9]+$ ]] && ours_tokens=$first
  label="$KRONIEK_TOKENIZE_CMD"
else
  label="tokenize_file"
fi
ours_s=$(echo "$t1 - $t0" | bc -l)

t0=$(now)
taskset -c 0 ucto -L nld -Q "$work/text" "$work/ucto.out" 2>/dev/null
t1=$(now)
ucto_s=$(echo "$t1 - $t0" | bc -l)
ucto_tokens=$(tr ' ' '\n' < "$work/ucto.out" | grep -cv -e '^$' -e '^<utt>$')

ours_rate=$(echo "$ours_tokens / $ours_s" | bc -l)
ucto_rate=$(echo "$ucto_tokens / $ucto_s" | bc -l)
printf '%-16s %10d tokens %8.3f s %12.0f tokens/s (wall, incl. start-up)\n' \
  "$label" "$ours_tokens" "$ours_s" "$ours_rate"
printf '%-16s %10d tokens %8.3f s %12.0f tokens/s (wall, incl. start-up)\n' \
  "ucto -L nld" "$ucto_tokens" "$ucto_s" "$ucto_rate"
printf 'ratio: %.1fx ucto\n' "$(echo "$ours_rate / $ucto_rate" | bc -l)"
