#!/usr/bin/env bash
# Regenerates testdata/tokenizer/<case>.tokens.tsv from <case>.txt by running
# the golden test in update mode (KRONIEK_UPDATE_GOLDEN=1). Review the diff.
# Usage: scripts/update-golden.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target kroniek_text_test -j2
KRONIEK_UPDATE_GOLDEN=1 KRONIEK_RESOURCES="$PWD/src/lang" \
  "$build/src/text/kroniek_text_test" --gtest_filter='TokenizerGolden.*'
git --no-pager diff --stat -- testdata/tokenizer || true
