// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Emitter: the single place where ingest results leave the stage. It fills
// the derived Document fields (content id, language), formats quarantine
// messages uniformly and keeps ReadStats in step with the sink, so the
// "every unit counted exactly once" invariant holds by construction.
//
// Thread-safety: not thread-safe; one Emitter per reading thread.
#ifndef KRONIEK_INGEST_INTERNAL_EMITTER_H_
#define KRONIEK_INGEST_INTERNAL_EMITTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/reader.h"
#include "kroniek/document.h"
#include "kroniek/status.h"

namespace kroniek::ingest::internal {

// White-space runs (ASCII and Unicode White_Space) collapsed to one space,
// trimmed, then NFC. Used for content ids only; Document.raw is never changed.
std::string NormaliseForId(std::string_view body);

// 1-based line number of byte `offset` in `text`.
int64_t LineOfOffset(std::string_view text, size_t offset);

class Emitter {
 public:
  Emitter(const ReadOptions& opts, DocumentSink* sink, ReadStats* stats)
      : opts_(opts), sink_(sink), stats_(stats) {}

  const ReadOptions& options() const { return opts_; }

  // Sets doc.id from body and `source_key`, doc.lang (opts.lang, else
  // `given_lang`, else detected) and passes the document on.
  void Document(kroniek::Document doc, std::string_view source_key,
                std::string_view given_lang = {});

  // Quarantines one unit. Message:
  //   "<source>[:<line>]: <what>[ at byte <offset>][: '<snippet of context>']"
  // `line` 0 and `byte_offset` nullopt leave those parts out; an empty
  // `context` leaves out the snippet. `raw` is kept, cut to max_doc_bytes.
  void Quarantine(StatusCode code, std::string_view source, int64_t line,
                  std::optional<size_t> byte_offset, std::string_view what,
                  std::string_view context, std::string_view raw);

 private:
  const ReadOptions& opts_;
  DocumentSink* sink_;
  ReadStats* stats_;
};

}  // namespace kroniek::ingest::internal

#endif  // KRONIEK_INGEST_INTERNAL_EMITTER_H_
