#!/usr/bin/env bash
# Runs every fuzz target in BUILD/fuzz for SECONDS each, seeded from
# testdata/fuzz/<target>/ when present. Fails on any crash, leak or hang.
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-20}
shopt -s nullglob
targets=("$build"/fuzz/*_fuzz)
if ((${#targets[@]} == 0)); then
  echo "fuzz: no targets built in $build/fuzz" >&2
  exit 1
fi
for t in "${targets[@]}"; do
  name=$(basename "$t")
  work=$(mktemp -d)
  seeds=()
  [[ -d testdata/fuzz/$name ]] && seeds+=("testdata/fuzz/$name")
  echo "fuzz: $name for ${seconds}s"
  "$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$work/" "$work" "${seeds[@]}" 2>"$work/log" || {
    tail -40 "$work/log" >&2
    echo "fuzz: $name FAILED (artifacts in $work)" >&2
    exit 1
  }
  grep -E "^#[0-9]+.*DONE" "$work/log" | tail -1 || true
  rm -rf "$work"
done
echo "fuzz: ${#targets[@]} targets, no crash"
