// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The tokenizer is a single left-to-right pass over the bytes of
// raw[begin, end). At each position it classifies one code point
// (internal/tok_chars.h) and dispatches:
//   white space      skipped
//   letter or digit  a word: runs of word characters joined by connectors
//                    (hyphen, inner apostrophe, inner period, digit,digit,
//                    digit:digit, slash, ampersand, underscore), then an
//                    optional abbreviation period; or a URL / e-mail
//   apostrophe       a leading elision ('s, 't, '30) or a quote
//   anything else    one punctuation / symbol / other token (with a few
//                    multi-character marks: ,, '' ... --)
// Glue code points (ZWJ, variation selectors, skin tones) join the token
// before them. Each branch consumes at least one byte and hands the next
// position on, so tokens never overlap and no byte is skipped except white
// space: that is the coverage invariant the tests and the fuzzer check.
// No allocation happens beyond each Token's text (small strings stay inline).
#include "text/tokenizer.h"

#include <algorithm>
#include <utility>

#include "base/resources.h"
#include "base/utf8.h"
#include "text/internal/tok_chars.h"
#include "text/normalizer.h"

namespace kroniek::text {

namespace {

using internal::CharClass;
using internal::CodeUnit;
using internal::IsWordChar;
using internal::PeekAt;

inline bool AsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline char ToLowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ToLowerAscii(s[i]) != prefix[i]) return false;
  }
  return true;
}

// Parses an unsigned decimal of 1..4 ASCII digits; -1 otherwise.
int SmallNumber(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// 27-09-2020, 27/9/2020, 2020-09-27, 27/9 (not 27-9: that reads as a range).
bool LooksLikeDate(std::string_view s) {
  const char sep = s.find('/') != std::string_view::npos ? '/' : '-';
  std::string_view parts[4];
  size_t n = 0;
  size_t from = 0;
  while (n < 4) {
    size_t at = s.find(sep, from);
    parts[n++] = s.substr(from, at == std::string_view::npos ? at : at - from);
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  if (n < 2 || n > 3) return false;
  int v[3];
  for (size_t i = 0; i < n; ++i) {
    v[i] = SmallNumber(parts[i]);
    if (v[i] < 0) return false;
  }
  auto dm = [](int d, int m) { return d >= 1 && d <= 31 && m >= 1 && m <= 12; };
  if (n == 2) return sep == '/' && parts[0].size() <= 2 &&
                     parts[1].size() <= 2 && dm(v[0], v[1]);
  if (parts[0].size() == 4) {
    return parts[1].size() <= 2 && parts[2].size() <= 2 && dm(v[2], v[1]);
  }
  return parts[0].size() <= 2 && parts[1].size() <= 2 &&
         (parts[2].size() == 2 || parts[2].size() == 4) && dm(v[0], v[1]);
}

// "U.S", "d.w.z", "Ph.D": two or more groups of one or two letters.
bool IsDottedLetterGroups(std::string_view s) {
  size_t groups = 0;
  size_t letters = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<uint8_t>(s[i]);
    if (b == '.') {
      if (letters == 0) return false;
      ++groups;
      letters = 0;
    } else if ((b & 0xC0) == 0x80) {
      continue;  // continuation byte
    } else {
      if (b < 0x80 && internal::kAsciiClass[b] != CharClass::kLetter) return false;
      if (++letters > 2) return false;
    }
  }
  return groups >= 1 && letters >= 1 && letters <= 2;
}

bool IsUrlTrailer(char32_t c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '\'':
    case '"': case ')': case ']': case '}': case '>': case 0x2019:
    case 0x201D: case 0x00BB: case 0x2026:
      return true;
    default:
      return false;
  }
}

inline bool IsEmailLocalByte(uint8_t b) {
  return (b < 0x80 && IsWordChar(internal::kAsciiClass[b])) || b == '.' ||
         b == '_' || b == '%' || b == '+' || b == '-';
}
inline bool IsDomainByte(uint8_t b) {
  return (b < 0x80 && IsWordChar(internal::kAsciiClass[b])) || b == '.' ||
         b == '-';
}

class Scanner {
 public:
  Scanner(const Tokenizer& tokenizer, std::string_view raw, uint32_t end,
          std::vector<Token>* out)
      : tokenizer_(tokenizer), s_(raw.substr(0, end)), end_(end), out_(out) {}

  void Run(uint32_t begin) {
    uint32_t p = begin;
    while (p < end_) {
      const CodeUnit u = PeekAt(s_, p);
      if (u.cls == CharClass::kSpace) {
        p += u.length;
        continue;
      }
      TokenType type = TokenType::kPunct;
      ascii_ = u.cp < 0x80;
      uint32_t e = p + u.length;
      switch (u.cls) {
        case CharClass::kLetter:
        case CharClass::kDigit:
          e = ScanWord(p, p, &type);
          break;
        case CharClass::kApostrophe:
          e = ScanApostrophe(p, u, &type);
          break;
        case CharClass::kPeriod:
          while (e < end_ && s_[e] == '.') ++e;
          break;
        case CharClass::kComma:
          if (e < end_ && s_[e] == ',') ++e;  // ,, opening quote
          break;
        case CharClass::kHyphen:
          if (e < end_ && PeekAt(s_, e).cls == CharClass::kDigit &&
              !PrecededByWordChar(p)) {
            e = ScanWord(p, e, &type);  // -5
          } else {
            while (e < end_ && s_[e] == '-') ++e;  // --
          }
          break;
        case CharClass::kPunct:
          break;
        case CharClass::kSymbol:
          type = TokenType::kSymbol;
          break;
        case CharClass::kExtend:
        case CharClass::kOther:
        case CharClass::kInvalid:
          type = TokenType::kOther;
          break;
        case CharClass::kSpace:
          break;  // handled above
      }
      e = AbsorbGlue(e);
      Emit(p, e, type);
      p = e;
    }
  }

 private:
  bool PrecededByWordChar(uint32_t p) const {
    if (p == 0) return false;
    const auto b = static_cast<uint8_t>(s_[p - 1]);
    return b >= 0x80 || IsWordChar(internal::kAsciiClass[b]);
  }

  // Zero-width joiners, variation selectors and emoji modifiers belong to
  // the token before them; a ZWJ also pulls in the pictograph after it.
  uint32_t AbsorbGlue(uint32_t e) {
    while (e < end_ && static_cast<uint8_t>(s_[e]) >= 0x80) {
      CodeUnit u = internal::DecodeAt(s_, e);
      if (u.cls != CharClass::kExtend) break;
      ascii_ = false;
      e += u.length;
      if (u.cp == 0x200D && e < end_) {
        CodeUnit v = PeekAt(s_, e);
        if (v.cls == CharClass::kOther) e += v.length;
      }
    }
    return e;
  }

  void Emit(uint32_t b, uint32_t e, TokenType type) {
    Token& t = out_->emplace_back();
    t.span = Span{b, e};
    t.type = type;
    std::string_view bytes = s_.substr(b, e - b);
    if (ascii_) {
      t.text.assign(bytes);
    } else {
      ToNfc(bytes, &t.text);
    }
  }

  uint32_t ScanApostrophe(uint32_t p, const CodeUnit& u, TokenType* type) {
    const uint32_t after = p + u.length;
    std::string_view rest = s_.substr(after);
    for (const std::string& el : tokenizer_.rules().elisions) {
      std::string_view tail = std::string_view(el).substr(1);
      if (!StartsWithNoCase(rest, tail)) continue;
      const uint32_t q = after + static_cast<uint32_t>(tail.size());
      if (q < end_ && IsWordChar(PeekAt(s_, q).cls)) continue;
      return ScanWord(p, q, type);
    }
    // '30, ’90: a year with its century elided.
    if (rest.size() >= 2 && rest[0] >= '0' && rest[0] <= '9' && rest[1] >= '0' &&
        rest[1] <= '9' && (rest.size() == 2 || !IsWordChar(PeekAt(s_, after + 2).cls))) {
      *type = TokenType::kNumber;
      return after + 2;
    }
    if (u.cp == '\'' && !rest.empty() && rest[0] == '\'') return after + 1;  // ''
    return after;
  }

  // A word starting at `start`; scanning resumes at `pos` (past an elision
  // or a minus sign already accepted).
  uint32_t ScanWord(uint32_t start, uint32_t pos, TokenType* type) {
    if (start == pos) {
      std::string_view rest = s_.substr(start);
      const char c = ToLowerAscii(rest[0]);
      if ((c == 'h' || c == 'w' || c == 'f') &&
          (StartsWithNoCase(rest, "http://") || StartsWithNoCase(rest, "https://") ||
           StartsWithNoCase(rest, "ftp://") || StartsWithNoCase(rest, "www."))) {
        return ScanUrl(start, type);
      }
    }
    bool has_letter = pos > start && s_[start] != '-';  // elision
    bool has_period = false, has_range = false,
         has_apostrophe = false;
    CharClass last = pos > start ? CharClass::kLetter : CharClass::kSpace;
    uint32_t q = pos;
    bool abbreviation = false;
    for (;;) {  // one pass per abbreviation-hyphen continuation (St.-Jan)
    abbreviation = false;
    while (true) {
      while (q < end_) {
        const CodeUnit u = PeekAt(s_, q);
        if (!IsWordChar(u.cls)) break;
        if (u.cls == CharClass::kLetter) has_letter = true;
        if (u.cp >= 0x80) ascii_ = false;
        last = u.cls;
        q += u.length;
      }
      if (q >= end_ || !IsWordChar(last)) break;
      const CodeUnit u = PeekAt(s_, q);
      const uint32_t r = q + u.length;
      const CodeUnit v = r < end_ ? PeekAt(s_, r) : CodeUnit{0, 1, CharClass::kSpace};
      const bool next_word = IsWordChar(v.cls);
      bool join = false;
      switch (u.cls) {
        case CharClass::kHyphen:
          if (next_word) {
            join = has_range = true;
          } else if (last == CharClass::kLetter &&
                     (v.cls == CharClass::kSpace || v.cls == CharClass::kComma ||
                      v.cp == '/')) {
            // Truncated compound: "land- en tuinbouw".
            if (u.cp >= 0x80) ascii_ = false;
            q = r;
            *type = TokenType::kWord;
            return q;
          }
          break;
        case CharClass::kApostrophe:
          join = last == CharClass::kLetter && v.cls == CharClass::kLetter;
          has_apostrophe |= join;
          break;
        case CharClass::kPeriod:
          join = next_word;
          has_period |= join;
          break;
        case CharClass::kComma:
          join = last == CharClass::kDigit && v.cls == CharClass::kDigit;
          break;
        case CharClass::kPunct:
          join = u.cp == ':' && last == CharClass::kDigit &&
                 v.cls == CharClass::kDigit;
          break;
        case CharClass::kSymbol:
          if (u.cp == '@') {
            uint32_t e = ScanEmailDomain(start, r);
            if (e != 0) {
              *type = TokenType::kEmail;
              return e;
            }
          } else if (u.cp == '/') {
            join = next_word;
            has_range |= join;
          } else if (u.cp == '+' || u.cp == '=' || u.cp == '^') {
            // Formulas written without spaces stay whole (a+b=b+a), as in UD.
            join = next_word;
          } else if (u.cp == '&' || u.cp == '_') {
            join = last == CharClass::kLetter && v.cls == CharClass::kLetter;
          }
          break;
        default:
          break;
      }
      if (!join) break;
      if (u.cp >= 0x80) ascii_ = false;
      q = r;
    }
    // An abbreviation keeps its period; an ellipsis never joins.
    if (q < end_ && s_[q] == '.' && !(q + 1 < end_ && s_[q + 1] == '.') &&
        has_letter) {
      std::string_view word = s_.substr(start, q - start);
      const CodeUnit first = PeekAt(s_, start);
      const bool initial = first.length == word.size() &&
                           first.cls == CharClass::kLetter && internal::IsUpper(first.cp);
      abbreviation =
          initial || tokenizer_.IsListedAbbreviation(s_.substr(start, q + 1 - start)) ||
          (has_period && !has_apostrophe && IsDottedLetterGroups(word));
    }
    if (!abbreviation) break;
    ++q;
    // "St.-Janstraat", "O.L.V.-college": the compound goes on.
    if (q + 1 < end_ && s_[q] == '-' && IsWordChar(PeekAt(s_, q + 1).cls)) {
      ++q;
      continue;
    }
    *type = TokenType::kAbbreviation;
    return q;
    }  // for
    if (has_letter) {
      *type = TokenType::kWord;
    } else if (has_range && s_[start] != '-' &&
               LooksLikeDate(s_.substr(start, q - start))) {
      *type = TokenType::kDate;
    } else {
      *type = TokenType::kNumber;
    }
    return q;
  }

  // Returns the end of an e-mail address whose '@' is at at_end - 1, or 0
  // when the local part s_[start, at) or the domain does not fit.
  uint32_t ScanEmailDomain(uint32_t start, uint32_t after_at) const {
    for (uint32_t i = start; i + 1 < after_at; ++i) {
      if (!IsEmailLocalByte(static_cast<uint8_t>(s_[i]))) return 0;
    }
    uint32_t e = after_at;
    bool dot = false;
    while (e < end_ && IsDomainByte(static_cast<uint8_t>(s_[e]))) ++e;
    while (e > after_at && (s_[e - 1] == '.' || s_[e - 1] == '-')) --e;
    for (uint32_t i = after_at; i < e; ++i) dot |= s_[i] == '.';
    if (!dot || e == after_at || s_[after_at] == '.') return 0;
    return e;
  }

  uint32_t ScanUrl(uint32_t start, TokenType* type) {
    uint32_t e = start;
    uint32_t last_start = start;
    int open_parens = 0;
    while (e < end_) {
      CodeUnit u = PeekAt(s_, e);
      if (u.cls == CharClass::kSpace || u.cls == CharClass::kInvalid) break;
      if (u.cp >= 0x80) ascii_ = false;
      if (u.cp == '(') ++open_parens;
      if (u.cp == ')') --open_parens;
      last_start = e;
      e += u.length;
    }
    // Strip trailing punctuation, one code point at a time.
    while (e > start) {
      CodeUnit u = internal::DecodeAt(s_, last_start);
      if (!IsUrlTrailer(u.cp) || (u.cp == ')' && open_parens >= 0)) break;
      if (u.cp == ')') ++open_parens;
      e = last_start;
      if (e == start) break;
      do { --last_start; } while (last_start > start &&
                                  (static_cast<uint8_t>(s_[last_start]) & 0xC0) == 0x80);
    }
    if (e == start) {  // only punctuation after all: cannot happen for a prefix
      e = start + 1;
    }
    *type = TokenType::kUrl;
    return e;
  }

  const Tokenizer& tokenizer_;
  std::string_view s_;  // raw cut at `end`, so no code point straddles it
  uint32_t end_;
  std::vector<Token>* out_;
  bool ascii_ = true;  // the token being scanned is pure ASCII
};

constexpr std::string_view kAbbreviationsFile = "abbreviations.txt";
constexpr std::string_view kElisionsFile = "tok_elisions.txt";

Status LineError(const std::string& file, size_t line, std::string_view what,
                 std::string_view text) {
  return InvalidArgumentError(file + ":" + std::to_string(line) + ": " +
                              std::string(what) + " in '" + base::Snippet(text) +
                              "'");
}

// Calls fn(line_number, line) for each non-comment, non-blank line.
template <typename Fn>
Status ForEachLine(const std::string& file, std::string_view content, Fn fn) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    if (base::FindInvalidUtf8(line) != std::string_view::npos) {
      return LineError(file, line_no, "invalid UTF-8", line);
    }
    KRONIEK_RETURN_IF_ERROR(fn(line_no, line));
  }
  return Status::OK();
}

bool HasSpace(std::string_view s) {
  return s.find_first_of(" \t\v\f") != std::string_view::npos;
}

}  // namespace

StatusOr<TokenizerRules> LoadTokenizerRules(const std::string& resource_dir,
                                            const std::string& lang) {
  TokenizerRules rules;
  rules.lang = lang;
  const std::string dir = resource_dir + "/" + lang + "/text/";
  const std::string abbr_path = dir + std::string(kAbbreviationsFile);
  std::string content;
  if (!base::ReadFileToString(abbr_path, &content)) {
    return NotFoundError("tokenizer rules for language '" + lang +
                         "': cannot read " + abbr_path);
  }
  const std::string abbr_name = lang + "/text/" + std::string(kAbbreviationsFile);
  KRONIEK_RETURN_IF_ERROR(ForEachLine(
      abbr_name, content, [&](size_t n, std::string_view line) -> Status {
        std::string_view entry = line, flag;
        if (size_t tab = line.find('\t'); tab != std::string_view::npos) {
          entry = line.substr(0, tab);
          flag = line.substr(tab + 1);
        }
        if (entry.empty()) return LineError(abbr_name, n, "empty abbreviation", line);
        if (HasSpace(entry)) return LineError(abbr_name, n, "white space inside abbreviation", line);
        if (entry.back() != '.' || entry.size() < 2) {
          return LineError(abbr_name, n, "abbreviation must end in '.'", line);
        }
        if (!flag.empty() && flag != "final") {
          return LineError(abbr_name, n, "unknown flag (expected 'final')", line);
        }
        if (!rules.abbreviations.emplace(entry).second) {
          return LineError(abbr_name, n, "duplicate abbreviation", line);
        }
        if (flag == "final") rules.final_abbreviations.emplace(entry);
        return Status::OK();
      }));
  const std::string el_path = dir + std::string(kElisionsFile);
  if (base::ReadFileToString(el_path, &content)) {
    const std::string el_name = lang + "/text/" + std::string(kElisionsFile);
    KRONIEK_RETURN_IF_ERROR(ForEachLine(
        el_name, content, [&](size_t n, std::string_view line) -> Status {
          if (line.size() < 2 || line[0] != '\'') {
            return LineError(el_name, n, "elision must be an apostrophe and letters", line);
          }
          for (char c : line.substr(1)) {
            if (!AsciiLower(c)) {
              return LineError(el_name, n, "elision letters must be ASCII lower case", line);
            }
          }
          for (const std::string& e : rules.elisions) {
            if (e == line) return LineError(el_name, n, "duplicate elision", line);
          }
          rules.elisions.emplace_back(line);
          return Status::OK();
        }));
  }
  // Longest first, so "'ns" is tried before "'n".
  std::stable_sort(rules.elisions.begin(), rules.elisions.end(),
                   [](const std::string& a, const std::string& b) {
                     return a.size() > b.size();
                   });
  return rules;
}

Tokenizer::Tokenizer(TokenizerRules rules) : rules_(std::move(rules)) {}

bool Tokenizer::IsListedAbbreviation(std::string_view w) const {
  if (rules_.abbreviations.count(w) != 0) return true;
  // "Bijv." matches the entry "bijv.".
  if (w.size() < 2 || w.size() > 32 || w[0] < 'A' || w[0] > 'Z') return false;
  char buf[32];
  w.copy(buf, w.size());
  buf[0] = ToLowerAscii(buf[0]);
  return rules_.abbreviations.count(std::string_view(buf, w.size())) != 0;
}

bool Tokenizer::IsFinalAbbreviation(std::string_view w) const {
  if (rules_.final_abbreviations.count(w) != 0) return true;
  if (w.size() < 2 || w.size() > 32 || w[0] < 'A' || w[0] > 'Z') return false;
  char buf[32];
  w.copy(buf, w.size());
  buf[0] = ToLowerAscii(buf[0]);
  return rules_.final_abbreviations.count(std::string_view(buf, w.size())) != 0;
}

void Tokenizer::Tokenize(std::string_view raw, uint32_t begin, uint32_t end,
                         std::vector<Token>* tokens) const {
  if (end > raw.size()) end = static_cast<uint32_t>(raw.size());
  if (begin >= end) return;
  Scanner(*this, raw, end, tokens).Run(begin);
}

}  // namespace kroniek::text
