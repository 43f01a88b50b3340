// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Ingest front door: files, directories, stdin or in-memory bytes become
// Documents; everything that cannot become one becomes a QuarantineItem.
//
//   class Collect : public kroniek::ingest::DocumentSink {
//    public:
//     void OnDocument(kroniek::Document doc) override { docs.push_back(doc); }
//     void OnQuarantine(kroniek::QuarantineItem q) override { bad.push_back(q);
//     } std::vector<kroniek::Document> docs;
//     std::vector<kroniek::QuarantineItem> bad;
//   };
//   kroniek::ingest::ReadOptions opts;          // format "auto", lang detected
//   Collect sink;
//   kroniek::ingest::ReadStats stats;
//   kroniek::Status s = kroniek::ingest::ReadInputs({"samples/"}, opts, &sink,
//                                                   &stats);
//   if (!s.ok()) return s;                       // e.g. NotFound "samples/"
//   // stats.documents == sink.docs.size(), stats.quarantined ==
//   sink.bad.size()
//
// Formats, detected per input after gzip decompression (gzip is recognised by
// its magic bytes 1f 8b, whatever the file name), unless `format` forces one:
//   dated-text  optional leading white space, `date YYYY-MM[-DD]`, then the
//               article. Document.raw = the whole (decompressed) file,
//               body_begin = first byte of the article.
//   jsonl       one JSON object per line: `id` (string|number), `date`
//               (YYYY|YYYY-MM|YYYY-MM-DD), `text` required; `title`, `url`,
//               `source`, `lang` optional strings. raw = decoded `text`,
//               body_begin = 0, source = "path:LINE". Blank lines skipped.
//   txt         plain text; the date comes from ReadOptions::date (--date).
// Detection: first non-space byte `{` -> jsonl; `date ` + digit -> dated-text;
// anything else -> txt.
//
// Document ids: base::ContentId({body, source_key}) where body is NFC with
// white-space runs collapsed to one space and trimmed, and source_key is the
// JSONL `source` field when present, else the input path as given. Reading
// the same file twice gives the same ids.
//
// Nothing is lost: each document-sized unit (a dated-text or txt file, a
// non-blank JSONL line, an input that fails before format detection) is
// reported exactly once, to OnDocument or to OnQuarantine. Quarantine
// messages read "<source>:<line>: <what> at byte <offset>: '<snippet>'"
// (parts that do not apply are left out); byte offsets are into the
// (decompressed) input. Reasons use InvalidArgument, except corrupt or
// truncated gzip (DataLoss) and unreadable files inside a directory
// (Unavailable).
//
// Thread-safety: all functions are pure functions of their arguments and may
// run concurrently on different sinks; a sink is called from the calling
// thread only, in input order.
#ifndef KRONIEK_INGEST_READER_H_
#define KRONIEK_INGEST_READER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/date.h"
#include "kroniek/document.h"
#include "kroniek/status.h"

namespace kroniek::ingest {

struct ReadOptions {
  std::string format = "auto";        // auto | dated-text | jsonl | txt
  std::optional<PartialDate> date;    // --date: used for plain .txt only
  std::string lang;                   // --lang: "nl"/"en"; empty = detect
  size_t max_doc_bytes = 8u << 20;    // longer documents are quarantined
  size_t max_input_bytes = 1u << 30;  // decompressed size cap per input
};

// Receives results in input order; called from the reading thread only.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  virtual void OnDocument(Document doc) = 0;
  virtual void OnQuarantine(QuarantineItem item) = 0;
};

// Counters are added to (not reset), so one ReadStats can span several calls.
struct ReadStats {
  int64_t inputs = 0;       // files (after directory expansion) and buffers
  int64_t documents = 0;    // OnDocument calls
  int64_t quarantined = 0;  // OnQuarantine calls
  int64_t bytes = 0;        // input bytes as read (before decompression)
};

// Reads files, directories (recursive; entries sorted by file name, byte
// order, so the order is deterministic; directory symlinks are not followed)
// or "-" (stdin). Per-document problems never fail the call: they go to
// sink->OnQuarantine, as do files inside a directory that cannot be read.
// Returns, before anything is read or reported:
//   InvalidArgument  unknown opts.format, or sink is null;
//   NotFound         an input path that does not exist (message names it).
// Returns Unavailable when a named input file (or stdin) cannot be read; the
// sink has then seen the inputs before it. `stats` may be null.
Status ReadInputs(const std::vector<std::string>& inputs,
                  const ReadOptions& opts, DocumentSink* sink,
                  ReadStats* stats);

// Same for one in-memory input (tests, fuzzers, stdin). `source` names it in
// messages and is its source key; gzip is detected by magic bytes. Never
// fails: an unknown opts.format quarantines the input. `sink` must not be
// null; `stats` may be.
void ReadBuffer(std::string_view source, std::string_view bytes,
                const ReadOptions& opts, DocumentSink* sink, ReadStats* stats);

// "nl", "en", or "und" when neither is credible (too few function words, or
// no clear winner). Counts compiled-in Dutch and English function words in
// the first 4096 words; deterministic, allocation-light, no resources.
std::string DetectLanguage(std::string_view text);

}  // namespace kroniek::ingest

#endif  // KRONIEK_INGEST_READER_H_
