// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/internal/num_lex.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::text::internal {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string FoldWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    for (char c : word) {
      out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a')
                                           : c);
    }
    return out;
  }
  // Non-ASCII: map apostrophes and soft hyphens first, then lowercase with
  // ICU (root locale: no Turkish dotless-i surprises).
  std::string mapped;
  mapped.reserve(word.size());
  size_t pos = 0;
  while (pos < word.size()) {
    char32_t cp = base::DecodeUtf8(word, &pos);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      mapped.push_back('\'');
    } else if (cp != 0x00AD) {
      base::AppendUtf8(cp, &mapped);
    }
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(mapped);
  u.toLower(icu::Locale::getRoot());
  u.toUTF8String(out);
  return out;
}

std::vector<std::string> FoldTokens(const std::vector<Token>& tokens) {
  std::vector<std::string> folded;
  folded.reserve(tokens.size());
  for (const Token& t : tokens) folded.push_back(FoldWord(t.text));
  return folded;
}

StatusOr<std::vector<TsvLine>> ReadTsv(const std::string& dir,
                                       const std::string& rel_path) {
  const std::string path = dir + "/" + rel_path;
  std::string data;
  if (!base::ReadFileToString(path, &data)) {
    return NotFoundError("cannot read resource file '" + path + "'");
  }
  std::vector<TsvLine> lines;
  size_t start = 0;
  int line_no = 0;
  while (start < data.size()) {
    size_t nl = data.find('\n', start);
    if (nl == std::string::npos) nl = data.size();
    std::string_view raw(data.data() + start, nl - start);
    start = nl + 1;
    ++line_no;
    TsvLine line;
    line.line_no = line_no;
    if (size_t bad = base::FindInvalidUtf8(raw);
        bad != std::string_view::npos) {
      line.text = std::string(raw);
      return TsvError(rel_path, line,
                      "invalid UTF-8 at byte " + std::to_string(bad));
    }
    if (size_t hash = raw.find('#'); hash != std::string_view::npos) {
      raw = raw.substr(0, hash);
    }
    while (!raw.empty() &&
           (raw.back() == '\r' || raw.back() == ' ' || raw.back() == '\t')) {
      raw.remove_suffix(1);
    }
    if (Trim(raw).empty()) continue;
    line.text = std::string(raw);
    size_t f = 0;
    while (true) {
      size_t tab = raw.find('\t', f);
      std::string_view field = raw.substr(
          f, tab == std::string_view::npos ? std::string_view::npos : tab - f);
      line.fields.emplace_back(Trim(field));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

Status TsvError(const std::string& rel_path, const TsvLine& line,
                std::string_view what) {
  return InvalidArgumentError(rel_path + ":" + std::to_string(line.line_no) +
                              ": " + std::string(what) + " in '" +
                              base::Snippet(line.text, 60) + "'");
}

bool ParseDoubleField(std::string_view s, double* out) {
  if (s.empty()) return false;
  const char* b = s.data();
  if (*b == '+') ++b;
  auto [p, ec] = std::from_chars(b, s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

bool ParseIntField(std::string_view s, int* out) {
  if (s.empty()) return false;
  const char* b = s.data();
  if (*b == '+') ++b;
  auto [p, ec] = std::from_chars(b, s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// The ambiguity rule, in order:
//  1. Only digits -> integer.
//  2. One separator kind only:
//     a. it is `group_sep` and the groups are well formed (1-3 digits, then
//        groups of exactly 3) -> grouped integer ("3.500" nl, "3,500" en);
//     b. it occurs once -> decimal mark, whichever character it is ("3,5" nl,
//        "3.5" nl as foreign notation, "3,5" en as foreign notation);
//     c. it occurs more than once with well-formed groups -> grouped integer
//        in the other convention ("1,000,000" in Dutch text);
//     d. otherwise not a number ("1.2.3").
//  3. Both kinds: the last separator is the decimal mark and must occur once;
//     the other is the group mark with well-formed groups before it
//     ("1.000,5" nl, "1,000.5" en; either convention is accepted).
bool ParseDigits(std::string_view s, char decimal_sep, char group_sep,
                 double* out) {
  if (s.empty() || s.size() > 40) return false;
  if (s.front() < '0' || s.front() > '9') return false;
  if (s.back() < '0' || s.back() > '9') return false;
  int n_dot = 0, n_comma = 0;
  for (char c : s) {
    if (c == '.') {
      ++n_dot;
    } else if (c == ',') {
      ++n_comma;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  // Checks `part` (digits and `sep` only) for well-formed thousands groups.
  auto groups_ok = [](std::string_view part, char sep) {
    size_t first = part.find(sep);
    if (first == std::string_view::npos) return true;
    if (first == 0 || first > 3) return false;
    size_t pos = first;
    while (pos != std::string_view::npos) {
      size_t next = part.find(sep, pos + 1);
      size_t len =
          (next == std::string_view::npos ? part.size() : next) - pos - 1;
      if (len != 3) return false;
      pos = next;
    }
    return true;
  };
  auto to_double = [out](std::string_view int_part, char group,
                         std::string_view frac) {
    std::string digits;
    digits.reserve(int_part.size() + frac.size() + 1);
    for (char c : int_part) {
      if (c != group) digits.push_back(c);
    }
    if (!frac.empty()) {
      digits.push_back('.');
      digits.append(frac);
    }
    auto [p, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), *out);
    return ec == std::errc() && p == digits.data() + digits.size();
  };
  if (n_dot == 0 && n_comma == 0) return to_double(s, '\0', {});
  if (n_dot == 0 || n_comma == 0) {
    const char sep = n_dot ? '.' : ',';
    const int count = n_dot ? n_dot : n_comma;
    if (sep == group_sep && groups_ok(s, sep)) return to_double(s, sep, {});
    if (count == 1) {
      size_t at = s.find(sep);
      return to_double(s.substr(0, at), '\0', s.substr(at + 1));
    }
    if (groups_ok(s, sep)) return to_double(s, sep, {});
    return false;
  }
  const size_t last_dot = s.rfind('.'), last_comma = s.rfind(',');
  const char dec = last_dot > last_comma ? '.' : ',';
  const char grp = dec == '.' ? ',' : '.';
  if ((dec == '.' ? n_dot : n_comma) != 1) return false;
  const size_t at = s.rfind(dec);
  std::string_view int_part = s.substr(0, at);
  if (!groups_ok(int_part, grp)) return false;
  (void)decimal_sep;  // both conventions accepted when both marks appear
  return to_double(int_part, grp, s.substr(at + 1));
}

void PhraseIndex::Add(std::string_view phrase, int payload) {
  Entry e;
  e.payload = payload;
  size_t pos = 0;
  while (pos <= phrase.size()) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    if (sp > pos) e.words.emplace_back(phrase.substr(pos, sp - pos));
    pos = sp + 1;
  }
  if (e.words.empty()) return;
  auto& list = by_first_[e.words.front()];
  for (Entry& old : list) {
    if (old.words == e.words) {
      old.payload = payload;
      return;
    }
  }
  list.push_back(std::move(e));
  std::stable_sort(list.begin(), list.end(),
                   [](const Entry& a, const Entry& b) {
                     return a.words.size() > b.words.size();
                   });
}

size_t PhraseIndex::Match(const std::vector<std::string>& folded, size_t i,
                          int* payload) const {
  if (i >= folded.size()) return 0;
  auto it = by_first_.find(folded[i]);
  if (it == by_first_.end()) return 0;
  for (const Entry& e : it->second) {
    if (i + e.words.size() > folded.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < e.words.size(); ++k) {
      if (folded[i + k] != e.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      *payload = e.payload;
      return e.words.size();
    }
  }
  return 0;
}

std::string FoldPhrase(std::string_view phrase) {
  std::string out;
  size_t pos = 0;
  while (pos <= phrase.size()) {
    size_t sp = phrase.find(' ', pos);
    if (sp == std::string_view::npos) sp = phrase.size();
    if (sp > pos) {
      if (!out.empty()) out.push_back(' ');
      out += FoldWord(phrase.substr(pos, sp - pos));
    }
    pos = sp + 1;
  }
  return out;
}

}  // namespace kroniek::text::internal
