// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "kroniek/token.h"

namespace kroniek {

std::string_view TokenTypeName(TokenType t) {
  switch (t) {
    case TokenType::kWord: return "word";
    case TokenType::kNumber: return "number";
    case TokenType::kPunct: return "punct";
    case TokenType::kSymbol: return "symbol";
    case TokenType::kUrl: return "url";
    case TokenType::kEmail: return "email";
    case TokenType::kDate: return "date";
    case TokenType::kAbbreviation: return "abbreviation";
    case TokenType::kOther: return "other";
  }
  return "other";
}

}  // namespace kroniek
