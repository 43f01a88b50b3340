// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// libFuzzer target: ReadBuffer with the format forced to jsonl, then with
// "auto" detection; both runs must account for the input and agree with
// their stats.
#include <cstddef>
#include <cstdint>

#include "ingest/internal/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kroniek::ingest::internal;  // NOLINT(google-build-using-namespace)
  FuzzFormatThenAuto(FuzzBytes(data, size), "jsonl");
  return 0;
}
