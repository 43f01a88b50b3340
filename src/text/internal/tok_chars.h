// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Character classes for the tokenizer's byte scanner.
//
// The scanner looks at one code point at a time. ASCII bytes are classified
// through a 128-entry table (the common case in Dutch and English news);
// other code points are decoded here and classified with ICU's general
// category. Ill-formed UTF-8 decodes as a one-byte kInvalid unit, so every
// byte of the input is covered by exactly one unit.
//
// Thread-safety: pure functions over constant tables.
#ifndef KRONIEK_TEXT_INTERNAL_TOK_CHARS_H_
#define KRONIEK_TEXT_INTERNAL_TOK_CHARS_H_

#include <cstdint>
#include <string_view>

namespace kroniek::text::internal {

enum class CharClass : uint8_t {
  kSpace,       // white space, incl. NBSP, ZWSP and BOM
  kLetter,      // letters, combining marks, non-decimal numbers (², ½)
  kDigit,       // decimal digits
  kApostrophe,  // ' ’ ‘ ʼ
  kHyphen,      // - and U+2010/U+2011 (dashes are kPunct)
  kPeriod,      // .
  kComma,       // ,
  kPunct,       // other punctuation: quotes, brackets, dashes, ; : ! ? …
  kSymbol,      // % € $ + = < > ...
  kExtend,      // ZWJ, variation selectors, emoji modifiers: glue
  kOther,       // controls, emoji, private use, unassigned
  kInvalid,     // a byte that does not start a well-formed UTF-8 sequence
};

struct CodeUnit {
  char32_t cp;     // U+FFFD for kInvalid
  uint8_t length;  // bytes, 1..4
  CharClass cls;
};

// Classification table for ASCII.
extern const CharClass kAsciiClass[128];

// Decodes and classifies the code point at s[pos]. Requires pos < s.size().
// Ill-formed input yields {U+FFFD, 1, kInvalid}.
CodeUnit DecodeAt(std::string_view s, uint32_t pos);

inline CodeUnit PeekAt(std::string_view s, uint32_t pos) {
  const auto b = static_cast<uint8_t>(s[pos]);
  if (b < 0x80) return {b, 1, kAsciiClass[b]};
  return DecodeAt(s, pos);
}

inline bool IsWordChar(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit;
}

// True for a code point that starts with an upper-case letter / lower-case
// letter (ICU properties; ASCII fast path).
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);

}  // namespace kroniek::text::internal

#endif  // KRONIEK_TEXT_INTERNAL_TOK_CHARS_H_
