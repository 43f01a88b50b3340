// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/internal/tok_chars.h"

#include <unicode/uchar.h>

namespace kroniek::text::internal {

namespace {

constexpr CharClass S = CharClass::kSpace, L = CharClass::kLetter,
                    D = CharClass::kDigit, A = CharClass::kApostrophe,
                    H = CharClass::kHyphen, P = CharClass::kPunct,
                    Y = CharClass::kSymbol, O = CharClass::kOther;

}  // namespace

// NOTE(tok): '/', '@', '&', '_' are symbols here; the word scanner decides
// when they join two word parts (en/of, CD&V, a@b.nl).
const CharClass kAsciiClass[128] = {
    O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O,  // 0x00
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O,  // 0x10
    S, P, P, Y, Y, Y, Y, A, P, P, Y, Y, CharClass::kComma, H,
    CharClass::kPeriod, Y,                            // 0x20  !"#$%&'()*+,-./
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P,  // 0x30  0-9 :;<=>?
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x40  @A-O
    L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, Y,  // 0x50  P-Z [\]^_
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // 0x60  `a-o
    L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, O,  // 0x70  p-z {|}~ DEL
};

namespace {

CharClass ClassifyNonAscii(char32_t c) {
  switch (c) {
    case 0x2019: case 0x2018: case 0x02BC: return CharClass::kApostrophe;
    case 0x2010: case 0x2011: return CharClass::kHyphen;
    case 0x200B: case 0xFEFF: case 0x0085: return CharClass::kSpace;
    case 0x200D: return CharClass::kExtend;
    default: break;
  }
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
      (c >= 0xE0020 && c <= 0xE007F)) {
    return CharClass::kExtend;
  }
  if (u_isUWhiteSpace(static_cast<UChar32>(c))) return CharClass::kSpace;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return CharClass::kLetter;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
      return CharClass::kPunct;
    case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL:
      return CharClass::kSymbol;
    case U_OTHER_SYMBOL:
      // Pictographs and emoji are kOther (see TokenType); older symbols
      // (°, ©, ®, №) are kSymbol.
      return c < 0x2190 ? CharClass::kSymbol : CharClass::kOther;
    default:
      return CharClass::kOther;
  }
}

}  // namespace

CodeUnit DecodeAt(std::string_view s, uint32_t pos) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const size_t n = s.size();
  const uint8_t c = b(pos);
  if (c < 0x80) return {c, 1, kAsciiClass[c]};
  auto cont = [&](size_t k) { return k < n && (b(k) & 0xC0) == 0x80; };
  char32_t cp = 0;
  uint8_t len = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    if (cont(pos + 1)) {
      cp = (char32_t(c & 0x1F) << 6) | (b(pos + 1) & 0x3F);
      len = 2;
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (cont(pos + 1) && cont(pos + 2) && !(c == 0xE0 && b(pos + 1) < 0xA0) &&
        !(c == 0xED && b(pos + 1) >= 0xA0)) {
      cp = (char32_t(c & 0x0F) << 12) | (char32_t(b(pos + 1) & 0x3F) << 6) |
           (b(pos + 2) & 0x3F);
      len = 3;
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (cont(pos + 1) && cont(pos + 2) && cont(pos + 3) &&
        !(c == 0xF0 && b(pos + 1) < 0x90) && !(c == 0xF4 && b(pos + 1) >= 0x90)) {
      cp = (char32_t(c & 0x07) << 18) | (char32_t(b(pos + 1) & 0x3F) << 12) |
           (char32_t(b(pos + 2) & 0x3F) << 6) | (b(pos + 3) & 0x3F);
      len = 4;
    }
  }
  if (len == 0) return {0xFFFD, 1, CharClass::kInvalid};
  return {cp, len, ClassifyNonAscii(cp)};
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

}  // namespace kroniek::text::internal
