// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "base/utf8.h"

namespace kroniek::text {

namespace {

const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return U_SUCCESS(err) ? nfc : nullptr;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  }
  return true;
}

void AppendIdentity(std::string_view raw, uint32_t begin, uint32_t end,
                    NormalizedText* out) {
  out->text.append(raw.data() + begin, end - begin);
  for (uint32_t i = begin; i < end; ++i) out->to_raw.push_back(i);
}

// Normalises a well-formed run raw[begin, end) and appends it with its map.
bool AppendRun(const icu::Normalizer2& nfc, std::string_view raw,
               uint32_t begin, uint32_t end, NormalizedText* out) {
  std::string_view run = raw.substr(begin, end - begin);
  UErrorCode err = U_ZERO_ERROR;
  if (IsAscii(run) ||
      nfc.isNormalizedUTF8(icu::StringPiece(run.data(), run.size()), err)) {
    if (U_FAILURE(err)) return false;
    AppendIdentity(raw, begin, end, out);
    return true;
  }
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  icu::Edits edits;
  err = U_ZERO_ERROR;
  nfc.normalizeUTF8(0, icu::StringPiece(run.data(), run.size()), sink, &edits,
                    err);
  if (U_FAILURE(err)) return false;
  icu::Edits::Iterator it = edits.getCoarseIterator();
  while (it.next(err)) {
    const auto src = static_cast<uint32_t>(begin + it.sourceIndex());
    const auto dst = static_cast<size_t>(it.destinationIndex());
    if (!it.hasChange()) {
      AppendIdentity(raw, src, src + it.oldLength(), out);
    } else {
      out->text.append(normalized, dst, it.newLength());
      out->to_raw.insert(out->to_raw.end(), it.newLength(), src);
    }
  }
  return U_SUCCESS(err);
}

}  // namespace

StatusOr<NormalizedText> NormalizeNfc(std::string_view raw, uint32_t begin,
                                      uint32_t end) {
  if (begin > end || end > raw.size()) {
    return InvalidArgumentError("NormalizeNfc: range [" + std::to_string(begin) +
                                ", " + std::to_string(end) +
                                ") outside text of " +
                                std::to_string(raw.size()) + " bytes");
  }
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return InternalError("NormalizeNfc: ICU NFC unavailable");
  NormalizedText out;
  out.text.reserve(end - begin);
  out.to_raw.reserve(end - begin + 1);
  // Split at ill-formed bytes: ICU gets well-formed runs only.
  uint32_t run_begin = begin;
  uint32_t pos = begin;
  while (pos < end) {
    std::string_view rest = raw.substr(pos, end - pos);
    size_t bad = base::FindInvalidUtf8(rest);
    if (bad == std::string_view::npos) {
      pos = end;
      break;
    }
    const uint32_t bad_pos = pos + static_cast<uint32_t>(bad);
    if (!AppendRun(*nfc, raw, run_begin, bad_pos, &out)) {
      return InternalError("NormalizeNfc: ICU failed near byte " +
                           std::to_string(run_begin));
    }
    out.text.append("\xEF\xBF\xBD");
    out.to_raw.insert(out.to_raw.end(), 3, bad_pos);
    pos = run_begin = bad_pos + 1;
  }
  if (!AppendRun(*nfc, raw, run_begin, end, &out)) {
    return InternalError("NormalizeNfc: ICU failed near byte " +
                         std::to_string(run_begin));
  }
  out.to_raw.push_back(end);
  return out;
}

bool IsNfc(std::string_view s) {
  if (IsAscii(s)) return true;
  if (base::FindInvalidUtf8(s) != std::string_view::npos) return false;
  const icu::Normalizer2* nfc = Nfc();
  if (nfc == nullptr) return false;
  UErrorCode err = U_ZERO_ERROR;
  bool yes = nfc->isNormalizedUTF8(icu::StringPiece(s.data(), s.size()), err);
  return U_SUCCESS(err) && yes;
}

bool ToNfc(std::string_view s, std::string* out) {
  if (IsNfc(s)) {
    out->assign(s);
    return true;
  }
  auto n = NormalizeNfc(s, 0, static_cast<uint32_t>(s.size()));
  if (!n.ok()) {
    out->assign(s);
    return false;
  }
  *out = std::move(n->text);
  return true;
}

}  // namespace kroniek::text
