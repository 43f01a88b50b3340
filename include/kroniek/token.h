// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Token and Sentence: the output vocabulary of the text stage. Offsets are
// bytes into Document::raw (see document.h); `text` is the NFC-normalised form
// of those bytes (usually identical).
#ifndef KRONIEK_TOKEN_H_
#define KRONIEK_TOKEN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "kroniek/span.h"

namespace kroniek {

enum class TokenType : uint8_t {
  kWord,          // alphabetic word, incl. hyphenated compounds, elisions
  kNumber,        // 3.500, 3,5, 120, 1e6
  kPunct,         // . , ; : ! ? quotes brackets dashes
  kSymbol,        // % € $ & + = ...
  kUrl,           // https://..., www.example.nl
  kEmail,         // a@b.nl
  kDate,          // 27-09-2020, 27/9, 2020-09-27
  kAbbreviation,  // o.a., bijv., U.S. (token includes its final period)
  kOther,         // anything else (emoji, control, unknown): never dropped
};

// "word", "number", ...
std::string_view TokenTypeName(TokenType t);

struct Token {
  Span span;         // bytes into Document::raw
  std::string text;  // NFC form of the covered bytes
  TokenType type = TokenType::kWord;
};

struct Sentence {
  Span span;                 // first token begin .. last token end
  uint32_t token_begin = 0;  // index into the token vector
  uint32_t token_end = 0;    // exclusive
};

}  // namespace kroniek

#endif  // KRONIEK_TOKEN_H_
