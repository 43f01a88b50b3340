// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/internal/actor_text.h"

#include "base/utf8.h"

namespace kroniek::entities::internal {
namespace {

char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x130) return 'i';
  if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
  if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;
  if (c == 0x178) return 0xFF;
  if (c >= 0x179 && c <= 0x17E && c % 2 == 1) return c + 1;
  return c;
}

bool IsUpper(char32_t c) { return ToLower(c) != c; }

bool IsLower(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c >= 0x100 && c <= 0x17F) return !IsUpper(c);
  return false;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         c == 0x202F || c == 0x2009;
}

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x2BC || c == '`';
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
  return IsUpper(c) || IsLower(c) || (c >= 0x180 && c <= 0x24F) ||
         (c >= 0x370 && c <= 0x52F);
}

std::string Normalize(std::string_view s, bool fold) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80 && b != ' ' && (b < '\t' || b > '\r') && b != '\'' && b != '`') {
      // ASCII fast path: most of the text.
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(fold && b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32)
                                                : static_cast<char>(b));
      ++pos;
      continue;
    }
    char32_t c = base::DecodeUtf8(s, &pos);
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (IsApostrophe(c)) c = '\'';
    if (c == 0x2010 || c == 0x2011) c = '-';
    if (fold) c = ToLower(c);
    base::AppendUtf8(c, &out);
  }
  return out;
}

char32_t First(std::string_view s) {
  if (s.empty()) return 0;
  size_t pos = 0;
  return base::DecodeUtf8(s, &pos);
}

}  // namespace

std::string NormalizeKey(std::string_view s) { return Normalize(s, false); }
std::string FoldKey(std::string_view s) { return Normalize(s, true); }

bool HasUpper(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (IsUpper(base::DecodeUtf8(s, &pos))) return true;
  }
  return false;
}

bool StartsUpper(std::string_view s) { return IsUpper(First(s)); }
bool StartsLower(std::string_view s) { return IsLower(First(s)); }

std::vector<Token> SimpleTokenize(std::string_view raw) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t start = pos;
    char32_t c = base::DecodeUtf8(raw, &pos);
    if (IsSpace(c)) continue;
    Token t;
    if (IsWordChar(c)) {
      size_t end = pos;
      // Extend over word characters and single inner - or apostrophe.
      while (end < raw.size()) {
        size_t p = end;
        char32_t d = base::DecodeUtf8(raw, &p);
        if (IsWordChar(d)) {
          end = p;
          continue;
        }
        if ((d == '-' || IsApostrophe(d)) && p < raw.size()) {
          size_t q = p;
          if (IsWordChar(base::DecodeUtf8(raw, &q))) {
            end = p;
            continue;
          }
        }
        break;
      }
      pos = end;
      bool digits = true;
      for (size_t i = start; i < end; ++i) {
        if (raw[i] < '0' || raw[i] > '9') digits = false;
      }
      t.type = digits ? TokenType::kNumber : TokenType::kWord;
    } else {
      t.type = TokenType::kPunct;
    }
    t.span = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(pos)};
    t.text = std::string(raw.substr(start, pos - start));
    tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace kroniek::entities::internal
