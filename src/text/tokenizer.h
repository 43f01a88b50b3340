// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Tokenizer and sentence splitter for Dutch and English news text: the front
// door of the text stage.
//
//   StatusOr<TokenizerRules> rules =
//       LoadTokenizerRules(base::ResourceDir(), "nl");
//   if (!rules.ok()) return rules.status();
//   const Tokenizer tokenizer(*std::move(rules));
//   std::vector<Token> tokens;
//   tokenizer.Tokenize(raw, 0, raw.size(), &tokens);
//   std::vector<Sentence> sentences;
//   tokenizer.SplitSentences(raw, tokens, &sentences);
//   // tokens[i].span is a byte range of raw; tokens[i].text its NFC form.
//
// Coverage invariant: every byte of raw[begin, end) belongs to exactly one
// token or is white space. Bytes the scanner does not understand (emoji,
// control characters, ill-formed UTF-8) become kOther tokens; nothing is
// dropped. Tokens are appended in text order and never overlap.
//
// What is one token (following the UD Dutch treebanks where they do not
// conflict with the project's requirements):
//   - hyphenated compounds and ranges: staakt-het-vuren, Noord-Korea, 1985-1990
//   - elisions and inner apostrophes: zo’n, auto's, don't, 's-Hertogenbosch,
//     ’s (avonds), 't, '30 (leading elisions come from tok_elisions.txt)
//   - numbers 3.500, 3,5, 1.000.000, 12:30; dates 27-09-2020, 27/9, 2020-09-27
//   - abbreviations with their period: those listed in abbreviations.txt,
//     initials (J.), and dotted letter groups (U.S., d.w.z., e.g.)
//   - URLs (http://, https://, www.) and e-mail addresses, minus trailing
//     punctuation; words joined by / or & (en/of, CD&V)
//   - ,, and '' (Dutch typeset quotes), ... (ellipsis), -- (dash)
// Split off: quotes and brackets, sentence punctuation, % and other symbols
// (12,5% -> 12,5 + %).
//
// Sentences end after . ! ? … (plus closing quotes/brackets glued to them)
// unless the next token starts with a lower-case letter or is a comma-like
// mark; after an abbreviation only when it is marked `final` in the language
// file and the next token is capitalised; and always at a blank line.
//
// Thread-safety: a Tokenizer is immutable after construction; its const
// methods may be called concurrently from any number of threads.
#ifndef KRONIEK_TEXT_TOKENIZER_H_
#define KRONIEK_TEXT_TOKENIZER_H_

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/status.h"
#include "kroniek/token.h"

namespace kroniek::text {

// Language data for the tokenizer. Usually loaded by LoadTokenizerRules; may
// be filled by hand in tests.
struct TokenizerRules {
  std::string lang;  // "nl", "en"
  // Abbreviations with their final period ("o.a.", "dhr.", "Mr."). An entry
  // written in lower case also matches the capitalised form ("Bijv.").
  std::set<std::string, std::less<>> abbreviations;
  // The subset that may end a sentence ("enz.", "etc.").
  std::set<std::string, std::less<>> final_abbreviations;
  // Leading elisions spelled with a straight apostrophe ("'s", "'t"); the
  // curly forms ’ and ‘ match too.
  std::vector<std::string> elisions;
};

// Reads <resource_dir>/<lang>/text/abbreviations.txt (required) and
// <resource_dir>/<lang>/text/tok_elisions.txt (optional). Format: UTF-8, one
// entry per line, `#` starts a comment line, blank lines ignored.
//   abbreviations.txt: <abbreviation ending in '.'>[<TAB>final]
//   tok_elisions.txt:  <apostrophe + letters>, e.g. 's
// Errors: NotFound when abbreviations.txt cannot be read; InvalidArgument
// "<file>:<line>: <what> in '<snippet>'" for a malformed line (bad UTF-8,
// white space inside an entry, missing final period, unknown flag,
// duplicate).
StatusOr<TokenizerRules> LoadTokenizerRules(const std::string& resource_dir,
                                            const std::string& lang);

class Tokenizer {
 public:
  explicit Tokenizer(TokenizerRules rules);

  const TokenizerRules& rules() const { return rules_; }

  // Tokenizes raw[begin, end) and appends the tokens to *tokens; spans are
  // offsets into `raw`. Requires begin <= end <= raw.size() < 2^32. Never
  // fails: unknown and ill-formed bytes become kOther tokens (text U+FFFD
  // for ill-formed bytes).
  void Tokenize(std::string_view raw, uint32_t begin, uint32_t end,
                std::vector<Token>* tokens) const;

  // Groups `tokens` (as produced by Tokenize over `raw`) into sentences and
  // appends them to *sentences. Every token lands in exactly one sentence;
  // sentences are contiguous and in order.
  void SplitSentences(std::string_view raw, const std::vector<Token>& tokens,
                      std::vector<Sentence>* sentences) const;

  // True when `word_with_period` (e.g. "bijv.") is a listed abbreviation,
  // including the capitalised form of a lower-case entry.
  bool IsListedAbbreviation(std::string_view word_with_period) const;

 private:
  bool IsFinalAbbreviation(std::string_view token) const;

  TokenizerRules rules_;
};

}  // namespace kroniek::text

#endif  // KRONIEK_TEXT_TOKENIZER_H_
