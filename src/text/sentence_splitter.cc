// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Tokenizer::SplitSentences: a decision at each token, looking one token
// ahead. A candidate boundary is a terminal mark (. ! ? … ...) or an
// abbreviation flagged `final`; closing quotes and brackets glued to it
// (no white space between; after white space only for marks that cannot
// open a quotation, like '' and ”) stay in the sentence. The boundary holds unless
// the next token continues the sentence: it starts with a lower-case letter,
// or is a comma-like mark. A blank line (two line breaks, or U+2029) always
// ends a sentence, whatever precedes it.
#include "kroniek/token.h"
#include "text/internal/tok_chars.h"
#include "text/tokenizer.h"

namespace kroniek::text {

namespace {

bool IsTerminal(const Token& t) {
  if (t.type != TokenType::kPunct) return false;
  std::string_view s = t.text;
  if (s == "." || s == "!" || s == "?" || s == "\xE2\x80\xA6") return true;
  return s.size() >= 2 && s.find_first_not_of('.') == std::string_view::npos;
}

bool IsClosing(const Token& t) {
  if (t.type != TokenType::kPunct) return false;
  std::string_view s = t.text;
  return s == ")" || s == "]" || s == "}" || s == "\"" || s == "'" ||
         s == "''" || s == "\xE2\x80\x99" /* ’ */ || s == "\xE2\x80\x9D" /* ” */ ||
         s == "\xC2\xBB" /* » */ || s == "\xE2\x80\xBA" /* › */;
}

// Marks that only ever close a quotation: glued to the sentence even after
// white space (`gegaan. ''`), unlike the ambiguous straight quotes.
bool IsUnambiguousCloser(const Token& t) {
  if (t.type != TokenType::kPunct) return false;
  std::string_view s = t.text;
  return s == "''" || s == "\xE2\x80\x9D" /* ” */ || s == "\xC2\xBB" /* » */ ||
         s == "\xE2\x80\xBA" /* › */;
}

bool ContinuesSentence(const Token& t) {
  if (t.type == TokenType::kPunct) {
    std::string_view s = t.text;
    return s == "," || s == ";" || s == ":" || s == ")" || s == "]";
  }
  const internal::CodeUnit u = internal::PeekAt(t.text, 0);
  return internal::IsLower(u.cp);
}

bool StartsUpper(const Token& t) {
  return !t.text.empty() && internal::IsUpper(internal::PeekAt(t.text, 0).cp);
}

// Two or more line breaks (or a paragraph separator) in the gap.
bool BlankLineBetween(std::string_view raw, uint32_t from, uint32_t to) {
  if (to > raw.size()) to = static_cast<uint32_t>(raw.size());
  int breaks = 0;
  for (uint32_t i = from; i < to; ++i) {
    if (raw[i] == '\n') {
      if (++breaks >= 2) return true;
    } else if (raw[i] == '\xE2' && i + 2 < to && raw[i + 1] == '\x80' &&
               raw[i + 2] == '\xA9') {
      return true;
    }
  }
  return false;
}

}  // namespace

void Tokenizer::SplitSentences(std::string_view raw,
                               const std::vector<Token>& tokens,
                               std::vector<Sentence>* sentences) const {
  const auto n = static_cast<uint32_t>(tokens.size());
  uint32_t first = 0;
  auto close = [&](uint32_t last_exclusive) {
    Sentence s;
    s.token_begin = first;
    s.token_end = last_exclusive;
    s.span = Span{tokens[first].span.begin, tokens[last_exclusive - 1].span.end};
    sentences->push_back(s);
    first = last_exclusive;
  };
  uint32_t i = 0;
  while (i < n) {
    const Token& t = tokens[i];
    uint32_t j = i + 1;
    bool boundary = false;
    if (IsTerminal(t)) {
      // Glue ?! ..." ). and the like onto the sentence.
      while (j < n && ((tokens[j].span.begin == tokens[j - 1].span.end &&
                        (IsTerminal(tokens[j]) || IsClosing(tokens[j]))) ||
                       (IsUnambiguousCloser(tokens[j]) &&
                        !BlankLineBetween(raw, tokens[j - 1].span.end,
                                          tokens[j].span.begin)))) {
        ++j;
      }
      boundary = j == n || !ContinuesSentence(tokens[j]);
    } else if (t.type == TokenType::kAbbreviation && j < n) {
      boundary = IsFinalAbbreviation(t.text) && StartsUpper(tokens[j]);
    }
    if (!boundary && j < n &&
        BlankLineBetween(raw, tokens[j - 1].span.end, tokens[j].span.begin)) {
      boundary = true;
    }
    if (boundary || j == n) close(j);
    i = j;
  }
}

}  // namespace kroniek::text
