// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// libFuzzer target: the input is read as-is (arbitrary bytes, often gzip
// with a corrupted body when seeded from .gz files), and gzip-compressed.
// Invariants: every run accounts for its input, and reading the compressed
// bytes yields exactly the documents of reading the plain bytes (same ids,
// same counts), since gzip is transparent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/internal/fuzz_util.h"
#include "ingest/internal/gzip.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kroniek::ingest;  // NOLINT(google-build-using-namespace)
  std::string_view bytes = internal::FuzzBytes(data, size);
  ReadOptions opts;
  opts.max_input_bytes = 1 << 20;  // bombs stop here, well under rss limit
  opts.date = kroniek::PartialDate{2021, 0, 0, kroniek::DatePrecision::kYear};

  InvariantSink as_is(opts);
  internal::ReadChecked(bytes, opts, &as_is);

  if (internal::IsGzip(bytes)) return 0;  // compressing it again proves little
  InvariantSink zipped(opts);
  internal::ReadChecked(internal::Gzip(bytes), opts, &zipped);
  if (zipped.documents != as_is.documents) __builtin_trap();
  if (zipped.quarantined != as_is.quarantined) __builtin_trap();
  if (zipped.ids != as_is.ids) __builtin_trap();
  return 0;
}
