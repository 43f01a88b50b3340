// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "ingest/internal/emitter.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "base/hash.h"
#include "base/utf8.h"

namespace kroniek::ingest::internal {

std::string NormaliseForId(std::string_view body) {
  std::string collapsed;
  collapsed.reserve(body.size());
  bool pending_space = false;
  bool ascii = true;
  size_t i = 0;
  while (i < body.size()) {
    size_t start = i;
    char32_t cp = base::DecodeUtf8(body, &i);
    if (cp >= 0x80) ascii = false;
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(' ');
    pending_space = false;
    collapsed.append(body.substr(start, i - start));
  }
  if (ascii) return collapsed;  // ASCII is always NFC
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return collapsed;  // ids stay stable within a build
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(collapsed);
  if (nfc->isNormalized(u, err) && U_SUCCESS(err)) return collapsed;
  err = U_ZERO_ERROR;
  icu::UnicodeString n = nfc->normalize(u, err);
  if (U_FAILURE(err)) return collapsed;
  std::string out;
  n.toUTF8String(out);
  return out;
}

int64_t LineOfOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + std::count(text.begin(),
                        text.begin() + static_cast<std::ptrdiff_t>(offset),
                        '\n');
}

void Emitter::Document(kroniek::Document doc, std::string_view source_key,
                       std::string_view given_lang) {
  doc.id = base::ContentId({NormaliseForId(doc.body()), source_key});
  if (!opts_.lang.empty()) {
    doc.lang = opts_.lang;
    doc.lang_detected = false;
  } else if (!given_lang.empty()) {
    doc.lang = std::string(given_lang);
    doc.lang_detected = false;
  } else {
    doc.lang = DetectLanguage(doc.body());
    doc.lang_detected = true;
  }
  if (stats_ != nullptr) ++stats_->documents;
  sink_->OnDocument(std::move(doc));
}

void Emitter::Quarantine(StatusCode code, std::string_view source, int64_t line,
                         std::optional<size_t> byte_offset,
                         std::string_view what, std::string_view context,
                         std::string_view raw) {
  // Appends piece by piece: gcc 12 -O3 reports a false -Wrestrict for
  // `"literal" + std::string` here.
  std::string msg(source);
  if (line > 0) msg.append(":").append(std::to_string(line));
  msg.append(": ").append(what);
  if (byte_offset) msg.append(" at byte ").append(std::to_string(*byte_offset));
  if (!context.empty()) msg.append(": '").append(base::Snippet(context)).append("'");
  QuarantineItem item;
  item.source = std::string(source);
  item.line = line;
  item.byte_offset = byte_offset ? static_cast<int64_t>(*byte_offset) : 0;
  item.reason = Status(code, std::move(msg));
  item.raw = std::string(raw.substr(0, opts_.max_doc_bytes));
  if (stats_ != nullptr) ++stats_->quarantined;
  sink_->OnQuarantine(std::move(item));
}

}  // namespace kroniek::ingest::internal
