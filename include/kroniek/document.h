// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Document: one article as read by ingest, before any analysis.
//
// Offsets. `raw` holds the original bytes the user gave us: for the dated-text
// ("date 2020-09") format the whole file, for JSONL the UTF-8 bytes of the
// `text` field, for plain .txt the whole file. The article body is
// raw[body_begin, raw.size()). Every Span produced downstream is a byte range
// into `raw`, so offsets of the sample format point into the file itself.
//
// QuarantineItem: an input that could not become a Document, with the reason
// and its bytes, so nothing is ever lost silently.
#ifndef KRONIEK_DOCUMENT_H_
#define KRONIEK_DOCUMENT_H_

#include <cstdint>
#include <string>

#include "kroniek/date.h"
#include "kroniek/status.h"

namespace kroniek {

struct Document {
  std::string id;           // content id: hash of normalised text + source
  std::string external_id;  // id given by the input (JSONL `id`), else empty
  std::string source;       // where it came from: path, "path:LINE", "-"
  std::string format;       // "dated-text", "jsonl", "txt"
  std::string raw;          // original bytes (see file comment)
  uint32_t body_begin = 0;  // article text is raw[body_begin, raw.size())
  PartialDate date;         // document date, precision kept
  std::string lang;         // "nl", "en"; detected unless given
  bool lang_detected = false;  // true when `lang` was guessed, not given
  std::string title;        // optional (JSONL)
  std::string url;          // optional (JSONL)
  std::string outlet;       // optional (JSONL `source`)

  std::string_view body() const {
    return std::string_view(raw).substr(body_begin);
  }
};

struct QuarantineItem {
  std::string source;       // path or "-" (stdin)
  int64_t line = 0;         // 1-based line, 0 when not line-oriented
  int64_t byte_offset = 0;  // offset of the problem within the source
  Status reason;            // never OK; message names source, line, offset
  std::string raw;          // the offending bytes (may be truncated)
};

}  // namespace kroniek

#endif  // KRONIEK_DOCUMENT_H_
