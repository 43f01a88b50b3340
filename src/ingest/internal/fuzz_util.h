// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Setup shared by the reader fuzz targets (src/ingest/*_fuzz.cc): one read of
// the fuzzer's bytes into an InvariantSink (fuzz_sink.h) with the accounting
// checked, and the "forced format, then auto-detection" run of the
// per-format targets. A violated invariant traps, which libFuzzer reports as
// a crash with the input saved.
//
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
//     internal::FuzzFormatThenAuto(internal::FuzzBytes(data, size), "jsonl");
//     return 0;
//   }
//
// Header-only: the fuzz targets are built outside the kroniek_ingest library.
#ifndef KRONIEK_INGEST_INTERNAL_FUZZ_UTIL_H_
#define KRONIEK_INGEST_INTERNAL_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/fuzz_sink.h"
#include "ingest/reader.h"
#include "kroniek/date.h"

namespace kroniek::ingest::internal {

// The fuzzer's input as bytes.
inline std::string_view FuzzBytes(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Reads `bytes` as one input named "fuzz" into `sink` (built with `opts`),
// then checks that the run accounted for the input.
inline void ReadChecked(std::string_view bytes, const ReadOptions& opts,
                        InvariantSink* sink) {
  ReadStats stats;
  ReadBuffer("fuzz", bytes, opts, sink, &stats);
  CheckAccounting(*sink, stats);
}

// Reads `bytes` with the format forced to `format`, then with "auto"
// detection; both runs must account for the input and agree with their
// stats.
inline void FuzzFormatThenAuto(std::string_view bytes, const char* format) {
  for (const char* f : {format, "auto"}) {
    ReadOptions opts;
    opts.format = f;
    opts.max_doc_bytes = 4096;  // exercise the over-long path too
    opts.max_input_bytes = 1 << 20;
    opts.date = PartialDate{2020, 1, 0, DatePrecision::kMonth};
    InvariantSink sink(opts);
    ReadChecked(bytes, opts, &sink);
  }
}

}  // namespace kroniek::ingest::internal

#endif  // KRONIEK_INGEST_INTERNAL_FUZZ_UTIL_H_
