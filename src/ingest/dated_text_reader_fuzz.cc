// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// libFuzzer target: ReadBuffer with the format forced to dated-text, then with
// "auto" detection; both runs must account for the input and agree with
// their stats.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/fuzz_sink.h"
#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kroniek::ingest;  // NOLINT(google-build-using-namespace)
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* format : {"dated-text", "auto"}) {
    ReadOptions opts;
    opts.format = format;
    opts.max_doc_bytes = 4096;  // exercise the over-long path too
    opts.max_input_bytes = 1 << 20;
    opts.date =
        kroniek::PartialDate{2020, 1, 0, kroniek::DatePrecision::kMonth};
    InvariantSink sink(opts);
    ReadStats stats;
    ReadBuffer("fuzz", bytes, opts, &sink, &stats);
    CheckAccounting(sink, stats);
  }
  return 0;
}
