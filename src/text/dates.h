// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Dates: finds date expressions in a token stream and resolves them against
// the document date, keeping honest precision.
//
//   kroniek::StatusOr<kroniek::text::DateRules> rules =
//       kroniek::text::LoadDateRules(kroniek::base::ResourceDir(), "nl");
//   if (!rules.ok()) return rules.status();
//   kroniek::PartialDate doc = *kroniek::ParsePartialDate("2020-09");
//   std::vector<kroniek::text::DateMention> dates;
//   kroniek::text::FindDates(raw, tokens, doc, *rules, &dates);
//   // "maandag" -> kind "weekday", 2020-09-07..2020-09-28, precision "range",
//   //              weekday 0
//
// Expressions (word lists from <lang>/text/dates.tsv):
//   absolute  "27 september 2020", "27 sept.", "op 27/9", "27-09-2020",
//             "2020-09-27", "september 2020", "September 27, 2020", "in mei"
//             (a day-month or month without a year takes the year that puts
//             it nearest the document date); numeric D/M order comes from the
//             `order` setting (dmy | mdy; mdy falls back to dmy when the first
//             number is > 12).
//   weekday   "maandag", "maandagavond", "Monday night", "volgende maandag".
//   relative  "gisteren", "vorige week", "afgelopen weekend", "last month".
//   period    "in 1994" (year), "in de jaren negentig", "the 1990s" (decade).
//   since     "sinds zondag": from the expression's start to the document
//             date's end, precision "range".
//   until     "tot 2044": from the document date's start to the expression's
//             end, precision "range".
// A preposition listed as `prep` ("in", "op", "in de") directly before an
// expression is included in the span. A bare 4-digit number is a year only
// after a prep, since or until word.
//
// Resolution. Let [lo, hi] be the days the document date covers (one day, a
// month, or a year).
//   weekday, no modifier: day document -> the most recent such weekday on or
//     before it (same day counts), precision "day"; coarser document -> first
//     to last such weekday within [lo, hi], precision "range". "last"/"next"
//     modifiers move strictly before lo / after hi.
//   relative day/week/month/year offsets shift [lo, hi]; the result has the
//     unit's precision when it is one unit, else "range" (e.g. "gisteren"
//     with document month 2020-09 -> 2020-08-31..2020-09-29, "range").
//   decades without a century take the latest decade starting on or before
//     the document year ("jaren twintig" in 2020 -> 2020s, in 2019 -> 1920s).
//   historical = kind absolute or period and the end lies more than 365 days
//     before lo ("in 1994" yes, "vorig jaar" no, "in 2044" no).
// With no valid document date, expressions that need one keep empty start/end
// and precision "unresolved" (they are still reported).
//
// Thread-safety: DateRules is immutable after loading and cheap to copy;
// FindDates is a pure function and may run concurrently on the same rules.
#ifndef KRONIEK_TEXT_DATES_H_
#define KRONIEK_TEXT_DATES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/date.h"
#include "kroniek/span.h"
#include "kroniek/status.h"
#include "kroniek/token.h"

namespace kroniek::text {

namespace internal {
struct DateTables;
}  // namespace internal

struct ResolvedDate {
  std::string start, end;    // inclusive, "YYYY-MM-DD"
  std::string precision;     // day|week|month|year|decade|range|unresolved
  int weekday = -1;          // 0=Monday..6=Sunday when a weekday is named
  std::string derived_from;  // human-readable explanation of the resolution
  bool historical = false;   // clearly before the document period
};

struct DateMention {
  Span span;  // bytes into raw, all tokens of the expression
  uint32_t token_begin = 0, token_end = 0;  // token indices, end exclusive
  std::string text;                         // raw bytes of the span
  std::string kind;  // absolute|weekday|relative|period|since|until
  ResolvedDate date;
};

// Loaded date resources for one language; copies share immutable tables.
class DateRules {
 public:
  DateRules() = default;  // empty: numeric dates only (dmy)
  const std::string& lang() const { return lang_; }

 private:
  friend StatusOr<DateRules> LoadDateRules(const std::string&,
                                           const std::string&);
  friend void FindDates(std::string_view, const std::vector<Token>&,
                        const PartialDate&, const DateRules&,
                        std::vector<DateMention>*);
  std::string lang_;
  std::shared_ptr<const internal::DateTables> tables_;
};

// Loads `resource_dir`/<lang>/text/dates.tsv. Errors:
//   NotFound         the file cannot be read;
//   InvalidArgument  a bad line: "<lang>/text/dates.tsv:<line>: <what> in
//                    '<snippet>'" (unknown kind, wrong field count, month not
//                    1-12, weekday not 0-6, unknown unit, bad offset, ...).
StatusOr<DateRules> LoadDateRules(const std::string& resource_dir,
                                  const std::string& lang);

// Appends to *out every date expression in `tokens`, left to right,
// non-overlapping. `doc_date` is the document date (any precision). *out is
// not cleared.
void FindDates(std::string_view raw, const std::vector<Token>& tokens,
               const PartialDate& doc_date, const DateRules& rules,
               std::vector<DateMention>* out);

}  // namespace kroniek::text

#endif  // KRONIEK_TEXT_DATES_H_
