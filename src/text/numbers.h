// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Numbers: finds quantities in a token stream and gives each a value.
//
//   kroniek::StatusOr<kroniek::text::NumberRules> rules =
//       kroniek::text::LoadNumberRules(kroniek::base::ResourceDir(), "nl");
//   if (!rules.ok()) return rules.status();
//   std::vector<kroniek::text::NumberMention> numbers;
//   kroniek::text::FindNumbers(raw, tokens, *rules, &numbers);
//   // "zo'n 3.500 soldaten" -> {text "zo'n 3.500", value 3500,
//   //                           approximate, qualifier "zo'n"}
//
// What is recognised (all word lists come from <lang>/text/numbers.tsv):
//  - digit strings in the language's notation: Dutch "3.500" = 3500,
//    "3,5" = 3.5, "1.000.000"; English "3,500", "3.5". Ambiguous strings
//    follow one rule (text/internal/num_lex.cc, ParseDigits): a single
//    group separator followed by exactly three digits groups ("3.500" nl is
//    3500, "3,500" en is 3500); a single other separator is a decimal mark
//    ("3,500" nl is 3.5; "3.5" nl is 3.5). Years ("1994", "2044") are numbers.
//  - number words, generated at load time from ICU's rule-based spell-out for
//    0..9999 and for thousands up to 999000 ("negen", "drieëntwintig",
//    "honderdtwintig", "tienduizend", "nine", "twenty-three"), plus extra
//    words from the file ("één"). No ICU parsing happens at run time.
//  - composites: number + multiplier ("3 miljoen", "1,5 miljard",
//    "twee dozijn" = 24, "tien duizend", "one hundred twenty-three"),
//    article + multiplier ("een miljoen", "a dozen"), and English split tens
//    ("twenty three").
//  - vague quantities with a range ("tientallen" 20..99, "honderden",
//    "talloze", "dozens", "tens of thousands"): vague = true, value = min.
//  - a qualifier directly before a number ("ongeveer", "zo'n", "minstens",
//    "about", "at least"): approximate = true, included in the span.
// Not numbers: determiners on their own ("een", "a"; listed as `exclude`),
// ordinals ("derde", "27e", "third": a position, not a quantity; dates handle
// "27 september"), digits inside words ("26-jarige"), kDate tokens, and a
// number right after a `not_after` word ("jaren negentig" is a decade).
// Numbers inside dates ("27 september 2020") ARE reported; callers that want
// only quantities drop mentions overlapping a DateMention.
//
// Thread-safety: NumberRules is immutable after loading and cheap to copy
// (shared tables); FindNumbers is a pure function and may run concurrently on
// the same rules.
#ifndef KRONIEK_TEXT_NUMBERS_H_
#define KRONIEK_TEXT_NUMBERS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/span.h"
#include "kroniek/status.h"
#include "kroniek/token.h"

namespace kroniek::text {

namespace internal {
struct NumberTables;
}  // namespace internal

struct NumberMention {
  Span span;  // bytes into raw, covering all tokens of the expression
  uint32_t token_begin = 0, token_end = 0;  // token indices, end exclusive
  std::string text;                         // raw bytes of the span, as written
  double value = 0;          // best single value (for ranges: the low end)
  double min = 0, max = 0;   // equal for exact numbers; range when vague
  bool vague = false;        // tientallen, honderden, talloze, dozens, ...
  bool approximate = false;  // preceded by a qualifier (ongeveer, zo'n, ...)
  std::string qualifier;     // folded qualifier ("ongeveer", "zo'n"), or ""
};

// Loaded number resources for one language. Copies share the same immutable
// tables.
class NumberRules {
 public:
  NumberRules() = default;  // empty: finds digit strings only (nl notation)
  const std::string& lang() const { return lang_; }
  // Number of single-word number forms known (spell-out + extra words).
  size_t word_count() const;

 private:
  friend StatusOr<NumberRules> LoadNumberRules(const std::string&,
                                               const std::string&);
  friend void FindNumbers(std::string_view, const std::vector<Token>&,
                          const NumberRules&, std::vector<NumberMention>*);
  std::string lang_;
  std::shared_ptr<const internal::NumberTables> tables_;
};

// Loads `resource_dir`/<lang>/text/numbers.tsv and generates the spell-out
// table with ICU for the locale it names. Errors:
//   NotFound         the file cannot be read;
//   InvalidArgument  a bad line: "<lang>/text/numbers.tsv:<line>: <what> in
//                    '<snippet>'" (unknown kind, missing field, bad number,
//                    min > max, unknown setting);
//   Internal         ICU could not build the spell-out formatter.
StatusOr<NumberRules> LoadNumberRules(const std::string& resource_dir,
                                      const std::string& lang);

// Appends to *out every number expression in `tokens`, left to right,
// non-overlapping (longest expression wins). `raw` is the text the token
// spans point into; spans outside it are skipped. *out is not cleared.
void FindNumbers(std::string_view raw, const std::vector<Token>& tokens,
                 const NumberRules& rules, std::vector<NumberMention>* out);

}  // namespace kroniek::text

#endif  // KRONIEK_TEXT_NUMBERS_H_
