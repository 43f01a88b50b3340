// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Recognition and resolution are separate steps. ParseCore() recognises one
// expression at a token index and returns a day interval [lo, hi] (days since
// 1970-01-01) plus its precision; FindDates() adds the surrounding
// preposition / since / until words and turns the interval into strings. All
// calendar arithmetic is on day numbers (kroniek/date.h), so month and year
// boundaries need no special cases.
#include "text/dates.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "text/internal/num_lex.h"

namespace kroniek::text {

namespace internal {

struct DateRelative {
  std::string unit;  // day|week|weekend|month|year
  int offset = 0;
};

struct DateTables {
  bool mdy = false;
  // Folded month word (no final '.') -> month, and whether a capital is
  // required ("May" vs "may").
  std::unordered_map<std::string, std::pair<int, bool>> months;
  std::unordered_map<std::string, int> weekdays;  // incl. daypart compounds
  std::unordered_set<std::string> dayparts;
  std::unordered_set<std::string> decade_leads;
  PhraseIndex weekday_mods;  // payload -1 last, +1 next
  PhraseIndex relatives;     // payload: index into relative_defs
  std::vector<DateRelative> relative_defs;
  PhraseIndex decades;  // payload: two-digit decade
  PhraseIndex preps, since, until;
};

}  // namespace internal

namespace {

using internal::DateTables;

using internal::FoldPhrase;

}  // namespace

StatusOr<DateRules> LoadDateRules(const std::string& resource_dir,
                                  const std::string& lang) {
  const std::string rel = lang + "/text/dates.tsv";
  KRONIEK_ASSIGN_OR_RETURN(std::vector<internal::TsvLine> lines,
                           internal::ReadTsv(resource_dir, rel));
  auto t = std::make_shared<DateTables>();
  std::vector<std::pair<std::string, int>> weekday_names;
  for (const internal::TsvLine& line : lines) {
    const auto& f = line.fields;
    const std::string& kind = f[0];
    auto need = [&](size_t lo, size_t hi) -> Status {
      if (f.size() < lo || f.size() > hi) {
        return internal::TsvError(
            rel, line,
            "'" + kind + "' takes " + std::to_string(lo - 1) +
                (hi > lo ? "-" + std::to_string(hi - 1) : "") +
                " field(s), got " + std::to_string(f.size() - 1));
      }
      for (size_t k = 1; k < f.size(); ++k) {
        if (f[k].empty()) return internal::TsvError(rel, line, "empty field");
      }
      return Status::OK();
    };
    auto int_in = [&](size_t k, int lo, int hi, const char* what,
                      int* v) -> Status {
      if (!internal::ParseIntField(f[k], v) || *v < lo || *v > hi) {
        return internal::TsvError(rel, line,
                                  std::string(what) + " '" + f[k] +
                                      "' not in " + std::to_string(lo) + ".." +
                                      std::to_string(hi));
      }
      return Status::OK();
    };
    int v = 0;
    if (kind == "setting") {
      KRONIEK_RETURN_IF_ERROR(need(3, 3));
      if (f[1] != "order") {
        return internal::TsvError(rel, line, "unknown setting '" + f[1] + "'");
      }
      if (f[2] != "dmy" && f[2] != "mdy") {
        return internal::TsvError(rel, line, "order must be dmy or mdy");
      }
      t->mdy = f[2] == "mdy";
    } else if (kind == "month") {
      KRONIEK_RETURN_IF_ERROR(need(3, 4));
      KRONIEK_RETURN_IF_ERROR(int_in(2, 1, 12, "month", &v));
      if (f.size() == 4 && f[3] != "cap") {
        return internal::TsvError(rel, line, "flag must be 'cap'");
      }
      t->months[internal::FoldWord(f[1])] = {v, f.size() == 4};
    } else if (kind == "weekday") {
      KRONIEK_RETURN_IF_ERROR(need(3, 3));
      KRONIEK_RETURN_IF_ERROR(int_in(2, 0, 6, "weekday", &v));
      weekday_names.emplace_back(internal::FoldWord(f[1]), v);
    } else if (kind == "daypart" || kind == "decade_lead") {
      KRONIEK_RETURN_IF_ERROR(need(2, 2));
      (kind == "daypart" ? t->dayparts : t->decade_leads)
          .insert(internal::FoldWord(f[1]));
    } else if (kind == "weekday_mod") {
      KRONIEK_RETURN_IF_ERROR(need(3, 3));
      if (f[2] != "last" && f[2] != "next") {
        return internal::TsvError(rel, line, "modifier must be last or next");
      }
      t->weekday_mods.Add(FoldPhrase(f[1]), f[2] == "last" ? -1 : 1);
    } else if (kind == "relative") {
      KRONIEK_RETURN_IF_ERROR(need(4, 4));
      static const char* const kUnits[] = {"day", "week", "weekend", "month",
                                           "year"};
      if (std::find(std::begin(kUnits), std::end(kUnits), f[2]) ==
          std::end(kUnits)) {
        return internal::TsvError(rel, line, "unknown unit '" + f[2] + "'");
      }
      KRONIEK_RETURN_IF_ERROR(int_in(3, -100, 100, "offset", &v));
      t->relatives.Add(FoldPhrase(f[1]),
                       static_cast<int>(t->relative_defs.size()));
      t->relative_defs.push_back({f[2], v});
    } else if (kind == "decade") {
      KRONIEK_RETURN_IF_ERROR(need(3, 3));
      KRONIEK_RETURN_IF_ERROR(int_in(2, 0, 90, "decade", &v));
      if (v % 10 != 0)
        return internal::TsvError(rel, line, "decade not a multiple of 10");
      t->decades.Add(FoldPhrase(f[1]), v);
    } else if (kind == "prep" || kind == "since" || kind == "until") {
      KRONIEK_RETURN_IF_ERROR(need(2, 2));
      (kind == "prep"    ? t->preps
       : kind == "since" ? t->since
                         : t->until)
          .Add(FoldPhrase(f[1]), 0);
    } else {
      return internal::TsvError(rel, line, "unknown kind '" + kind + "'");
    }
  }
  for (const auto& [name, wd] : weekday_names) {
    t->weekdays[name] = wd;
    for (const std::string& part : t->dayparts) t->weekdays[name + part] = wd;
  }
  DateRules rules;
  rules.lang_ = lang;
  rules.tables_ = std::move(t);
  return rules;
}

namespace {

// Day-number helpers (days since 1970-01-01).
int Wd(int64_t days) {
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string Ymd(int64_t days) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int YearOf(int64_t days) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  return y;
}

// First day of the month `delta` months after the month holding `days`.
int64_t MonthStart(int64_t days, int delta) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  int idx = y * 12 + (m - 1) + delta;
  return DaysFromCivil(idx / 12, idx % 12 + 1, 1);
}

int64_t MonthEnd(int64_t days, int delta) {
  int64_t s = MonthStart(days, delta);
  int y = 0, m = 0, d = 0;
  CivilFromDays(s, &y, &m, &d);
  return s + DaysInMonth(y, m) - 1;
}

// The document's day interval; false when the date is not a valid date.
bool DocInterval(const PartialDate& doc, int64_t* lo, int64_t* hi) {
  if (doc.year < 1 || doc.year > 9999) return false;
  switch (doc.precision) {
    case DatePrecision::kYear:
      *lo = DaysFromCivil(doc.year, 1, 1);
      *hi = DaysFromCivil(doc.year, 12, 31);
      return true;
    case DatePrecision::kMonth:
      if (doc.month < 1 || doc.month > 12) return false;
      *lo = DaysFromCivil(doc.year, doc.month, 1);
      *hi = *lo + DaysInMonth(doc.year, doc.month) - 1;
      return true;
    case DatePrecision::kDay:
      if (doc.month < 1 || doc.month > 12 || doc.day < 1 ||
          doc.day > DaysInMonth(doc.year, doc.month)) {
        return false;
      }
      *lo = *hi = DaysFromCivil(doc.year, doc.month, doc.day);
      return true;
  }
  return false;
}

// A recognised expression before since/until/prep handling.
struct Core {
  size_t end = 0;  // exclusive token index
  std::string kind;
  bool resolved = false;
  int64_t lo = 0, hi = 0;
  std::string precision;
  int weekday = -1;
  std::string derived_from;
  bool day_level = false;  // a full calendar date (for weekday merging)
};

// Reads a day number "27", "27e", "27th" (1..31).
bool DayNumber(std::string_view s, int* day) {
  size_t n = 0;
  while (n < s.size() && n < 3 && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > 2) return false;
  std::string_view suffix = s.substr(n);
  if (!suffix.empty() && suffix != "e" && suffix != "ste" && suffix != "de" &&
      suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return false;
  }
  *day = std::stoi(std::string(s.substr(0, n)));
  return *day >= 1 && *day <= 31;
}

bool YearNumber(std::string_view s, int* year) {
  if (s.size() != 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  *year = std::stoi(std::string(s));
  return *year >= 1000 && *year <= 2199;
}

// Splits "27-09-2020", "27/9", "2020-09-27" into numbers; false unless 2 or
// 3 all-digit parts joined by one separator kind.
bool SplitNumeric(std::string_view s, std::vector<std::string_view>* parts,
                  char* sep) {
  parts->clear();
  *sep = 0;
  size_t start = 0;
  for (size_t k = 0; k <= s.size(); ++k) {
    if (k == s.size() || s[k] == '-' || s[k] == '/' || s[k] == '.') {
      if (k < s.size()) {
        if (*sep && *sep != s[k]) return false;
        *sep = s[k];
      }
      if (k == start || k - start > 4) return false;
      parts->push_back(s.substr(start, k - start));
      start = k + 1;
    } else if (s[k] < '0' || s[k] > '9') {
      return false;
    }
  }
  return parts->size() == 2 || parts->size() == 3;
}

class DateFinder {
 public:
  DateFinder(std::string_view raw, const std::vector<Token>& tokens,
             const PartialDate& doc, const DateTables& t)
      : raw_(raw),
        tokens_(tokens),
        folded_(internal::FoldTokens(tokens)),
        doc_(doc),
        t_(t) {
    doc_ok_ = DocInterval(doc, &doc_lo_, &doc_hi_);
    doc_str_ = doc.ToString();
  }

  void Run(std::vector<DateMention>* out) {
    const size_t n = tokens_.size();
    size_t i = 0;
    while (i < n) {
      int payload = 0;
      std::string kind;
      size_t j = i;
      if (size_t k = t_.since.Match(folded_, i, &payload)) {
        kind = "since";
        j = i + k;
      } else if (size_t k2 = t_.until.Match(folded_, i, &payload)) {
        kind = "until";
        j = i + k2;
      }
      bool year_ok = !kind.empty();
      Core c;
      bool got = false;
      if (size_t p = t_.preps.Match(folded_, j, &payload)) {
        got = ParseCore(j + p, /*allow_year=*/true, &c);
      }
      if (!got) got = ParseCore(j, year_ok, &c);
      if (!got) {
        ++i;
        continue;
      }
      DateMention m;
      m.kind = kind.empty() ? c.kind : kind;
      ResolvedDate& d = m.date;
      d.weekday = c.weekday;
      d.derived_from = c.derived_from;
      if (!c.resolved) {
        d.precision = "unresolved";
      } else if (kind == "since") {
        d.start = Ymd(c.lo);
        d.end = doc_ok_ ? Ymd(std::max(doc_hi_, c.lo)) : "";
        d.precision = doc_ok_ ? "range" : "unresolved";
        d.derived_from =
            "since (" + c.derived_from + ") to document date " + doc_str_;
      } else if (kind == "until" && doc_ok_ && c.hi >= doc_lo_) {
        d.start = Ymd(doc_lo_);
        d.end = Ymd(c.hi);
        d.precision = "range";
        d.derived_from =
            "until (" + c.derived_from + ") from document date " + doc_str_;
      } else {
        d.start = Ymd(c.lo);
        d.end = Ymd(c.hi);
        d.precision = c.precision;
        if (kind == "until") d.derived_from = "until (" + c.derived_from + ")";
      }
      // Past periods; and "sinds 1947" (more than five years back): what
      // happened since is a summary of history, not a new event.
      d.historical = c.resolved && doc_ok_ &&
                     (((m.kind == "absolute" || m.kind == "period") && c.hi < doc_lo_ - 365) ||
                      (kind == "since" && c.lo < doc_lo_ - 5 * 365));
      m.token_begin = static_cast<uint32_t>(i);
      m.token_end = static_cast<uint32_t>(c.end);
      m.span = Span{tokens_[i].span.begin, tokens_[c.end - 1].span.end};
      if (m.span.begin <= m.span.end && m.span.end <= raw_.size()) {
        m.text = std::string(m.span.Of(raw_));
        out->push_back(std::move(m));
      }
      i = c.end;
    }
  }

 private:
  std::string Quote(size_t b, size_t e) const {
    if (e <= b) return "''";
    Span s{tokens_[b].span.begin, tokens_[e - 1].span.end};
    if (s.begin > s.end || s.end > raw_.size()) return "''";
    return "'" + std::string(s.Of(raw_)) + "'";
  }

  // Month named by token k (abbreviations may carry a final '.').
  int MonthAt(size_t k) const {
    if (k >= tokens_.size()) return 0;
    std::string_view w = folded_[k];
    if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
    auto it = t_.months.find(std::string(w));
    if (it == t_.months.end()) return 0;
    if (it->second.second) {
      const char c = tokens_[k].text.empty() ? 'a' : tokens_[k].text.front();
      if (!(c >= 'A' && c <= 'Z')) return 0;
    }
    return it->second.first;
  }

  bool IsText(size_t k, std::string_view s) const {
    return k < tokens_.size() && tokens_[k].text == s;
  }

  // Resolves a day-month without a year to the year nearest the document.
  void DayMonth(int day, int month, Core* c) const {
    int best_year = 0;
    int64_t best = 0, best_dist = -1;
    const int base = doc_ok_ ? doc_.year : 0;
    for (int y : {base, base - 1, base + 1}) {
      if (day > DaysInMonth(y, month)) continue;
      const int64_t x = DaysFromCivil(y, month, day);
      const int64_t dist = x < doc_lo_   ? doc_lo_ - x
                           : x > doc_hi_ ? x - doc_hi_
                                         : 0;
      if (best_dist < 0 || dist < best_dist) {
        best_dist = dist;
        best = x;
        best_year = y;
      }
    }
    if (best_dist < 0) return;
    c->resolved = true;
    c->lo = c->hi = best;
    c->precision = "day";
    c->day_level = true;
    c->derived_from += " in year " + std::to_string(best_year) +
                       " nearest document date " + doc_str_;
  }

  void FullDate(int y, int m, int d, Core* c) const {
    if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return;
    c->resolved = true;
    c->lo = c->hi = DaysFromCivil(y, m, d);
    c->precision = "day";
    c->day_level = true;
  }

  bool Numeric(size_t i, Core* c) const {
    std::vector<std::string_view> p;
    char sep = 0;
    if (tokens_[i].type != TokenType::kDate &&
        tokens_[i].type != TokenType::kNumber &&
        tokens_[i].type != TokenType::kWord &&
        tokens_[i].type != TokenType::kOther) {
      return false;
    }
    if (!SplitNumeric(tokens_[i].text, &p, &sep)) return false;
    auto num = [](std::string_view s) { return std::stoi(std::string(s)); };
    c->kind = "absolute";
    c->end = i + 1;
    c->derived_from = "numeric date " + Quote(i, i + 1);
    if (p.size() == 3) {
      if (p[0].size() == 4 && sep != '.') {
        FullDate(num(p[0]), num(p[1]), num(p[2]), c);
      } else if (p[2].size() == 4 && p[0].size() <= 2 && p[1].size() <= 2) {
        int a = num(p[0]), b = num(p[1]);
        if (t_.mdy && a <= 12) std::swap(a, b);
        FullDate(num(p[2]), b, a, c);
      }
      return c->resolved;
    }
    // Two parts: only D/M with a slash ("2-1" is a score, "3.5" a number).
    if (sep != '/' || p[0].size() > 2 || p[1].size() > 2) return false;
    int a = num(p[0]), b = num(p[1]);
    if (t_.mdy && a <= 12) std::swap(a, b);
    if (b < 1 || b > 12 || a < 1 || a > DaysInMonth(2000, b)) return false;
    if (!doc_ok_) return true;  // recognised, unresolved
    DayMonth(a, b, c);
    return true;
  }

  void Weekday(int wd, int mod, Core* c) const {
    c->weekday = wd;
    c->kind = "weekday";
    if (!doc_ok_) return;
    auto on_or_before = [wd](int64_t x) { return x - (Wd(x) - wd + 7) % 7; };
    auto on_or_after = [wd](int64_t x) { return x + (wd - Wd(x) + 7) % 7; };
    int64_t s = 0, e = 0;
    if (mod < 0) {
      s = on_or_before(doc_lo_ - 1);
      e = on_or_before(doc_hi_ - 1);
    } else if (mod > 0) {
      s = on_or_after(doc_lo_ + 1);
      e = on_or_after(doc_hi_ + 1);
    } else if (doc_lo_ == doc_hi_) {
      s = e = on_or_before(doc_lo_);
    } else {
      s = on_or_after(doc_lo_);
      e = on_or_before(doc_hi_);
    }
    c->resolved = true;
    c->lo = s;
    c->hi = e;
    c->precision = s == e ? "day" : "range";
    c->derived_from =
        "weekday " + c->derived_from +
        (mod < 0              ? " before"
         : mod > 0            ? " after"
         : doc_lo_ == doc_hi_ ? " on or before"
                              : " within") +
        " document " +
        (doc_lo_ == doc_hi_
             ? "date "
             : std::string(DatePrecisionName(doc_.precision)) + " ") +
        doc_str_;
  }

  void Relative(const internal::DateRelative& r, Core* c) const {
    c->kind = "relative";
    c->derived_from =
        "relative " + c->derived_from + " to document date " + doc_str_;
    if (!doc_ok_) return;
    const int o = r.offset;
    int64_t s = 0, e = 0;
    std::string unit_precision = r.unit;
    if (r.unit == "day") {
      s = doc_lo_ + o;
      e = doc_hi_ + o;
    } else if (r.unit == "week") {
      s = doc_lo_ + 7 * o - Wd(doc_lo_);
      e = doc_hi_ + 7 * o + (6 - Wd(doc_hi_));
    } else if (r.unit == "weekend") {
      auto saturday = [o](int64_t x) -> int64_t {
        if (o == 0) return x - Wd(x) + 5;
        if (o < 0) return x - 1 - (Wd(x - 1) - 5 + 7) % 7 + 7 * (o + 1);
        return x + 1 + (5 - Wd(x + 1) + 7) % 7 + 7 * (o - 1);
      };
      s = saturday(doc_lo_);
      e = saturday(doc_hi_) + 1;
      unit_precision = "range";
    } else if (r.unit == "month") {
      s = MonthStart(doc_lo_, o);
      e = MonthEnd(doc_hi_, o);
    } else {
      s = DaysFromCivil(YearOf(doc_lo_) + o, 1, 1);
      e = DaysFromCivil(YearOf(doc_hi_) + o, 12, 31);
    }
    // One unit -> the unit's precision; several possible units -> "range".
    bool one_unit = doc_lo_ == doc_hi_;
    if (r.unit == "week") one_unit = e - s == 6;
    if (r.unit == "month") one_unit = MonthStart(s, 0) == MonthStart(e, 0);
    if (r.unit == "year") one_unit = YearOf(s) == YearOf(e);
    c->resolved = true;
    c->lo = s;
    c->hi = e;
    c->precision = one_unit ? unit_precision : "range";
  }

  void Decade(int two_digit_or_full, Core* c) const {
    int start = two_digit_or_full;
    if (start < 100) {
      const int ref = doc_ok_ ? doc_.year : 2000;
      start = (ref / 100) * 100 + start;
      if (start > ref) start -= 100;
    }
    c->kind = "period";
    c->resolved = true;
    c->lo = DaysFromCivil(start, 1, 1);
    c->hi = DaysFromCivil(start + 9, 12, 31);
    c->precision = "decade";
    c->derived_from =
        "decade " + c->derived_from + " = " + std::to_string(start) + "s";
  }

  // "1990s", "90s", "'90s" -> decade (1990 or 90); else -1.
  static int DecadeToken(std::string_view s) {
    if (!s.empty() && (s.front() == '\'')) s.remove_prefix(1);
    if (s.size() < 3 || s.back() != 's') return -1;
    s.remove_suffix(1);
    if (s.size() == 5 && s.back() == '\'') s.remove_suffix(1);
    if (s.size() != 2 && s.size() != 4) return -1;
    for (char ch : s) {
      if (ch < '0' || ch > '9') return -1;
    }
    const int v = std::stoi(std::string(s));
    return v % 10 == 0 ? v : -1;
  }

  // Recognises one expression starting at token i.
  bool ParseCore(size_t i, bool allow_year, Core* c) const {
    const size_t n = tokens_.size();
    if (i >= n) return false;
    *c = Core();
    int payload = 0;
    if (size_t k = t_.relatives.Match(folded_, i, &payload)) {
      c->end = i + k;
      c->derived_from = Quote(i, i + k);
      Relative(t_.relative_defs[payload], c);
      return true;
    }
    int mod = 0;
    size_t w = i;
    if (size_t k = t_.weekday_mods.Match(folded_, i, &payload)) {
      mod = payload;
      w = i + k;
    }
    if (w < n) {
      if (auto it = t_.weekdays.find(folded_[w]); it != t_.weekdays.end()) {
        size_t end = w + 1;
        if (end < n && t_.dayparts.count(folded_[end])) ++end;
        c->end = end;
        c->derived_from = Quote(i, end);
        // "maandag 28 september": the date wins, the weekday is kept.
        if (mod == 0) {
          size_t k = end;
          if (IsText(k, ",")) ++k;
          Core abs;
          if (k < n && ParseCore(k, false, &abs) && abs.day_level) {
            abs.weekday = it->second;
            abs.derived_from += " (weekday " + Quote(i, end) + ")";
            *c = abs;
            return true;
          }
        }
        Weekday(it->second, mod, c);
        return true;
      }
    }
    if (Numeric(i, c)) return true;
    *c = Core();
    int day = 0, year = 0;
    // Day Month [Year]
    if (DayNumber(tokens_[i].text, &day)) {
      if (int month = MonthAt(i + 1)) {
        c->kind = "absolute";
        if (i + 2 < n && YearNumber(tokens_[i + 2].text, &year)) {
          c->end = i + 3;
          c->derived_from = "date " + Quote(i, c->end);
          FullDate(year, month, day, c);
          if (c->resolved) return true;
        }
        *c = Core();
        c->kind = "absolute";
        c->end = i + 2;
        c->derived_from = "day-month " + Quote(i, i + 2);
        if (day <= DaysInMonth(2000, month)) {
          if (doc_ok_) DayMonth(day, month, c);
          return true;
        }
        return false;
      }
    }
    if (int month = MonthAt(i)) {
      c->kind = "absolute";
      // Month Day[,] [Year] (month-first languages only).
      if (t_.mdy && i + 1 < n && DayNumber(tokens_[i + 1].text, &day) &&
          day <= DaysInMonth(2000, month)) {
        size_t k = i + 2;
        if (IsText(k, ",")) ++k;
        if (k < n && YearNumber(tokens_[k].text, &year) &&
            day <= DaysInMonth(year, month)) {
          c->end = k + 1;
          c->derived_from = "date " + Quote(i, c->end);
          FullDate(year, month, day, c);
          return true;
        }
        c->end = i + 2;
        c->derived_from = "month-day " + Quote(i, i + 2);
        if (doc_ok_) DayMonth(day, month, c);
        return true;
      }
      if (i + 1 < n && YearNumber(tokens_[i + 1].text, &year)) {
        c->end = i + 2;
        c->derived_from = "month " + Quote(i, i + 2);
        c->resolved = true;
        c->lo = DaysFromCivil(year, month, 1);
        c->hi = c->lo + DaysInMonth(year, month) - 1;
        c->precision = "month";
        return true;
      }
      c->end = i + 1;
      c->derived_from = "month " + Quote(i, i + 1);
      if (doc_ok_) {
        int best_y = doc_.year;
        int64_t best_dist = -1;
        for (int y : {doc_.year, doc_.year - 1, doc_.year + 1}) {
          int64_t s = DaysFromCivil(y, month, 1);
          int64_t e = s + DaysInMonth(y, month) - 1;
          int64_t dist = e < doc_lo_   ? doc_lo_ - e
                         : s > doc_hi_ ? s - doc_hi_
                                       : 0;
          if (best_dist < 0 || dist < best_dist) {
            best_dist = dist;
            best_y = y;
          }
        }
        c->resolved = true;
        c->lo = DaysFromCivil(best_y, month, 1);
        c->hi = c->lo + DaysInMonth(best_y, month) - 1;
        c->precision = "month";
        c->derived_from += " in year " + std::to_string(best_y) +
                           " nearest document date " + doc_str_;
      }
      return true;
    }
    // Decades.
    if (size_t k = t_.decades.Match(folded_, i, &payload)) {
      c->end = i + k;
      c->derived_from = Quote(i, i + k);
      Decade(payload, c);
      return true;
    }
    if (int dec = DecadeToken(folded_[i]); dec >= 0) {
      c->end = i + 1;
      c->derived_from = Quote(i, i + 1);
      Decade(dec, c);
      return true;
    }
    if (t_.decade_leads.count(folded_[i]) && i + 1 < n) {
      size_t k = i + 1;
      if (IsText(k, "'") || IsText(k, "\xE2\x80\x99")) ++k;
      std::string_view s = k < n ? std::string_view(tokens_[k].text) : "";
      if (!s.empty() && (s.front() == '\'')) s.remove_prefix(1);
      if (s.size() == 3 && s.substr(0, 3) == "\xE2\x80\x99") s = "";
      if ((s.size() == 2 || s.size() == 4) &&
          std::all_of(s.begin(), s.end(),
                      [](char ch) { return ch >= '0' && ch <= '9'; })) {
        const int v = std::stoi(std::string(s));
        if (v % 10 == 0) {
          c->end = k + 1;
          c->derived_from = Quote(i, k + 1);
          Decade(v, c);
          return true;
        }
      }
    }
    // A bare year, only after a preposition / since / until.
    if (allow_year && YearNumber(tokens_[i].text, &year) &&
        (tokens_[i].type == TokenType::kNumber ||
         tokens_[i].type == TokenType::kWord)) {
      c->kind = "period";
      c->end = i + 1;
      c->derived_from = "year " + Quote(i, i + 1);
      c->resolved = true;
      c->lo = DaysFromCivil(year, 1, 1);
      c->hi = DaysFromCivil(year, 12, 31);
      c->precision = "year";
      return true;
    }
    return false;
  }

  std::string_view raw_;
  const std::vector<Token>& tokens_;
  std::vector<std::string> folded_;
  PartialDate doc_;
  const DateTables& t_;
  bool doc_ok_ = false;
  int64_t doc_lo_ = 0, doc_hi_ = 0;
  std::string doc_str_;
};

}  // namespace

void FindDates(std::string_view raw, const std::vector<Token>& tokens,
               const PartialDate& doc_date, const DateRules& rules,
               std::vector<DateMention>* out) {
  static const DateTables kEmpty;  // const, never mutated: thread-safe
  DateFinder finder(raw, tokens, doc_date,
                    rules.tables_ ? *rules.tables_ : kEmpty);
  finder.Run(out);
}

}  // namespace kroniek::text
