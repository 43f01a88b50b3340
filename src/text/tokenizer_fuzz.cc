// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// libFuzzer target: tokenizes arbitrary bytes (ill-formed UTF-8 included) for
// Dutch and English, splits sentences, and traps when the coverage invariant
// breaks: tokens in order, non-empty, inside the range, and every byte not in
// a token is white space; sentences partition the tokens.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "base/resources.h"
#include "text/internal/tok_chars.h"
#include "text/tokenizer.h"

namespace {

using kroniek::Sentence;
using kroniek::Token;
using kroniek::text::Tokenizer;
namespace internal = kroniek::text::internal;

const Tokenizer* Load(const char* lang) {
  auto rules = kroniek::text::LoadTokenizerRules(kroniek::base::ResourceDir(), lang);
  if (!rules.ok()) __builtin_trap();  // resources missing: nothing to fuzz
  return new Tokenizer(*std::move(rules));
}

void CheckGap(std::string_view raw, uint32_t from, uint32_t to) {
  std::string_view cut = raw.substr(0, to);
  while (from < to) {
    internal::CodeUnit u = internal::PeekAt(cut, from);
    if (u.cls != internal::CharClass::kSpace) __builtin_trap();
    from += u.length;
  }
  if (from != to) __builtin_trap();
}

void Check(const Tokenizer& t, std::string_view raw, uint32_t begin, uint32_t end) {
  std::vector<Token> tokens;
  t.Tokenize(raw, begin, end, &tokens);
  uint32_t pos = begin;
  for (const Token& tok : tokens) {
    if (tok.span.empty() || tok.span.begin < pos || tok.span.end > end) __builtin_trap();
    if (tok.text.empty()) __builtin_trap();
    CheckGap(raw, pos, tok.span.begin);
    pos = tok.span.end;
  }
  CheckGap(raw, pos, end);
  std::vector<Sentence> sentences;
  t.SplitSentences(raw, tokens, &sentences);
  uint32_t next = 0;
  for (const Sentence& s : sentences) {
    if (s.token_begin != next || s.token_end <= s.token_begin) __builtin_trap();
    next = s.token_end;
  }
  if (next != tokens.size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Tokenizer* nl = Load("nl");
  static const Tokenizer* en = Load("en");
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  const auto n = static_cast<uint32_t>(size);
  Check(*nl, raw, 0, n);
  Check(*en, raw, 0, n);
  // A sub-range that may cut a multi-byte character at either end.
  if (n > 2) {
    uint32_t begin = data[0] % n;
    uint32_t end = n - data[n - 1] % (n / 2 + 1);
    if (begin > end) std::swap(begin, end);
    Check(*nl, raw, begin, end);
  }
  return 0;
}
