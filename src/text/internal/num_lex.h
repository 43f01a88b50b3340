// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Lexical helpers shared by the number and date finders (numbers.h, dates.h):
// word folding, a TSV reader that validates line by line, a longest-match
// phrase index over folded tokens, and the digit-string parser.
//
// Folding. Lookups never touch ICU at run time for ASCII words: FoldWord()
// lowercases ASCII in place and only calls ICU's case mapping when a byte is
// >= 0x80. Typographic apostrophes (U+2018, U+2019, U+02BC) become "'" and
// soft hyphens (U+00AD) are dropped, so "Zo’n" and "zo'n" fold alike.
//
// Thread-safety: every function here is pure; PhraseIndex is immutable after
// construction and its const methods may be called concurrently.
#ifndef KRONIEK_TEXT_INTERNAL_NUM_LEX_H_
#define KRONIEK_TEXT_INTERNAL_NUM_LEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kroniek/status.h"
#include "kroniek/token.h"

namespace kroniek::text::internal {

// Lowercased, apostrophe-normalised form of a word (see file comment).
std::string FoldWord(std::string_view word);

// The folded words of a multi-word TSV key, joined with single spaces.
std::string FoldPhrase(std::string_view phrase);

// FoldWord() of every token's text, in order.
std::vector<std::string> FoldTokens(const std::vector<Token>& tokens);

// One non-comment, non-blank line of a TSV resource file.
struct TsvLine {
  int line_no = 0;                  // 1-based
  std::string text;                 // the line without comment/newline
  std::vector<std::string> fields;  // tab-separated, trimmed of spaces
};

// Reads `dir`/`rel_path`, dropping `#` comments and blank lines. Returns
// NotFound when the file cannot be read and InvalidArgument
// ("<rel_path>:<line>: invalid UTF-8 in '<snippet>'") for bad bytes.
StatusOr<std::vector<TsvLine>> ReadTsv(const std::string& dir,
                                       const std::string& rel_path);

// InvalidArgument("<rel_path>:<line>: <what> in '<snippet>'").
Status TsvError(const std::string& rel_path, const TsvLine& line,
                std::string_view what);

// Parses a finite decimal number ("12", "-3.5") for resource fields; false
// when `s` is not one.
bool ParseDoubleField(std::string_view s, double* out);
bool ParseIntField(std::string_view s, int* out);

// Parses a digit string with the given decimal and group separators (the
// language's convention). See ParseDigits in num_lex.cc for the rule applied
// to ambiguous strings. Returns false when `s` is not a plain number.
bool ParseDigits(std::string_view s, char decimal_sep, char group_sep,
                 double* out);

// Longest-match index of multi-word phrases over folded tokens. A phrase is
// added as its folded words separated by single spaces ("vorige week").
class PhraseIndex {
 public:
  // Adds or replaces `phrase` with `payload`.
  void Add(std::string_view phrase, int payload);

  // The longest phrase starting at folded[i]: returns its word count and sets
  // *payload, or returns 0 when none starts there.
  size_t Match(const std::vector<std::string>& folded, size_t i,
               int* payload) const;

  bool empty() const { return by_first_.empty(); }

 private:
  struct Entry {
    std::vector<std::string> words;
    int payload = 0;
  };
  // Keyed by the first word; entries sorted longest first.
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
};

}  // namespace kroniek::text::internal

#endif  // KRONIEK_TEXT_INTERNAL_NUM_LEX_H_
