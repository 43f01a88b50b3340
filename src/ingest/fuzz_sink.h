// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Invariant-checking sink shared by the ingest fuzz targets. Any violation
// traps, which libFuzzer reports as a crash with the input saved.
#ifndef KRONIEK_INGEST_FUZZ_SINK_H_
#define KRONIEK_INGEST_FUZZ_SINK_H_

#include <string>

#include "base/utf8.h"
#include "ingest/reader.h"

namespace kroniek::ingest {

class InvariantSink : public DocumentSink {
 public:
  explicit InvariantSink(const ReadOptions& opts) : opts_(opts) {}

  void OnDocument(Document doc) override {
    ++documents;
    if (doc.body_begin > doc.raw.size()) __builtin_trap();
    if (doc.id.size() != 32) __builtin_trap();
    if (doc.format != "dated-text" && doc.format != "jsonl" &&
        doc.format != "txt") {
      __builtin_trap();
    }
    if (doc.lang.empty()) __builtin_trap();
    if (doc.format != "jsonl" &&
        base::FindInvalidUtf8(doc.raw) != std::string_view::npos) {
      __builtin_trap();
    }
    if (doc.raw.size() > opts_.max_doc_bytes) __builtin_trap();
    ids += doc.id;
  }
  void OnQuarantine(QuarantineItem item) override {
    ++quarantined;
    if (item.reason.ok() || item.reason.message().empty()) __builtin_trap();
    if (item.raw.size() > opts_.max_doc_bytes) __builtin_trap();
    if (item.byte_offset < 0 || item.line < 0) __builtin_trap();
  }

  int64_t documents = 0;
  int64_t quarantined = 0;
  std::string ids;  // concatenated document ids, to compare two runs

 private:
  const ReadOptions& opts_;
};

// Checks the sink against the stats and that the input was accounted for.
inline void CheckAccounting(const InvariantSink& sink, const ReadStats& stats) {
  if (stats.documents != sink.documents) __builtin_trap();
  if (stats.quarantined != sink.quarantined) __builtin_trap();
  if (stats.inputs != 1) __builtin_trap();
  // Every input, even an empty one, yields at least one unit.
  if (sink.documents + sink.quarantined < 1) __builtin_trap();
}

}  // namespace kroniek::ingest

#endif  // KRONIEK_INGEST_FUZZ_SINK_H_
