// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// NFC normalisation that remembers where every output byte came from.
//
//   StatusOr<NormalizedText> n = NormalizeNfc(raw, 0, raw.size());
//   if (!n.ok()) return n.status();
//   // n->text is NFC; byte i of n->text came from raw[n->to_raw[i]].
//
// Text that is already NFC (all ASCII, or ICU's quick check says so) is
// copied with an identity map; only the runs that change go through ICU.
// Ill-formed UTF-8 bytes are replaced by U+FFFD (3 output bytes mapped to the
// offending raw byte), so nothing is dropped and the output is valid UTF-8.
//
// Thread-safety: free functions, no shared mutable state (ICU's NFC instance
// is an immutable process-wide singleton).
#ifndef KRONIEK_TEXT_NORMALIZER_H_
#define KRONIEK_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/status.h"

namespace kroniek::text {

struct NormalizedText {
  std::string text;  // NFC, valid UTF-8
  // to_raw.size() == text.size() + 1. to_raw[i] is the offset into `raw` of
  // the first byte of the raw code point sequence text[i] was produced from;
  // to_raw.back() is `end`. Non-decreasing.
  std::vector<uint32_t> to_raw;
};

// NFC of raw[begin, end). Errors: InvalidArgument when begin > end or
// end > raw.size(); Internal when ICU fails (out of memory). On error nothing
// is returned.
StatusOr<NormalizedText> NormalizeNfc(std::string_view raw, uint32_t begin,
                                      uint32_t end);

// True when `s` is well-formed UTF-8 and already NFC. ASCII is answered
// without calling ICU.
bool IsNfc(std::string_view s);

// Sets *out to the NFC form of `s` (ill-formed bytes become U+FFFD). Returns
// false only when ICU fails, leaving *out holding `s` unchanged.
bool ToNfc(std::string_view s, std::string* out);

}  // namespace kroniek::text

#endif  // KRONIEK_TEXT_NORMALIZER_H_
