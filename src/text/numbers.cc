// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The finder is a left-to-right scan over folded tokens. At each token it
// tries, in order: [qualifier] (vague phrase | article + multiplier | atom
// {multiplier | smaller word after a multiplier}). An atom is a digit string
// or a single number word found in a hash map built at load time from ICU's
// spell-out, so the hot path is one hash lookup per word and never calls ICU
// (FoldWord only calls ICU for non-ASCII tokens).
#include "text/numbers.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "text/internal/num_lex.h"

namespace kroniek::text {

namespace internal {

struct NumberTables {
  char decimal_sep = ',';
  char group_sep = '.';
  std::unordered_map<std::string, double> words;  // single-word numbers
  std::unordered_set<std::string> excluded;       // never numbers alone
  std::unordered_map<std::string, double> multipliers;
  std::unordered_set<std::string> articles;    // "een" in "een miljoen"
  std::unordered_set<std::string> connectors;  // "and" in "hundred and five"
  std::unordered_set<std::string> not_after;   // "jaren" in "jaren negentig"
  PhraseIndex vague;  // payload: index into vague_ranges
  std::vector<std::pair<double, double>> vague_ranges;
  PhraseIndex qualifiers;  // payload: index into qualifier_names
  std::vector<std::string> qualifier_names;
  // A Bloom-style pre-screen: bit ScreenHash(w) is set for every word w any
  // of the tables above may hold (all keys, and every word of the phrases).
  // A clear bit proves that no lookup of w can succeed, so the finder skips
  // the hash lookups for most tokens; a set bit just means "look it up".
  std::vector<uint64_t> screen;
};

namespace {
constexpr size_t kScreenBits = size_t{1} << 16;
// FNV-1a, folded to kScreenBits.
inline size_t ScreenHash(std::string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (char c : w) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<size_t>((h ^ (h >> 32)) & (kScreenBits - 1));
}
}  // namespace

}  // namespace internal

namespace {

using internal::NumberTables;

using internal::FoldPhrase;

// Fills tables->words with ICU spell-out forms that are a single word.
Status AddSpellout(const std::string& locale, NumberTables* tables) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT,
                                  icu::Locale(locale.c_str()), status);
  if (U_FAILURE(status)) {
    return InternalError("ICU spell-out formatter for locale '" + locale +
                         "' failed: " + u_errorName(status));
  }
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    return InternalError(std::string("ICU NFC normaliser failed: ") +
                         u_errorName(status));
  }
  auto add = [&](int32_t n) {
    icu::UnicodeString s;
    rbnf.format(n, s);
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString norm = nfc->normalize(s, st);
    if (U_FAILURE(st)) return;
    std::string utf8;
    norm.toUTF8String(utf8);
    if (utf8.find(' ') != std::string::npos) return;  // composed at run time
    tables->words.emplace(internal::FoldWord(utf8), n);
  };
  for (int32_t n = 0; n <= 9999; ++n) add(n);
  for (int32_t k = 10; k <= 999; ++k) add(k * 1000);
  return Status::OK();
}

}  // namespace

size_t NumberRules::word_count() const {
  return tables_ ? tables_->words.size() : 0;
}

StatusOr<NumberRules> LoadNumberRules(const std::string& resource_dir,
                                      const std::string& lang) {
  const std::string rel = lang + "/text/numbers.tsv";
  KRONIEK_ASSIGN_OR_RETURN(std::vector<internal::TsvLine> lines,
                           internal::ReadTsv(resource_dir, rel));
  auto tables = std::make_shared<NumberTables>();
  std::string spellout_locale;
  std::vector<std::pair<std::string, double>> extra_words;
  for (const internal::TsvLine& line : lines) {
    const auto& f = line.fields;
    const std::string& kind = f[0];
    auto need = [&](size_t n) -> Status {
      if (f.size() != n) {
        return internal::TsvError(
            rel, line,
            "'" + kind + "' takes " + std::to_string(n - 1) +
                " field(s), got " + std::to_string(f.size() - 1));
      }
      for (size_t k = 1; k < n; ++k) {
        if (f[k].empty()) return internal::TsvError(rel, line, "empty field");
      }
      return Status::OK();
    };
    auto number = [&](size_t k, double* v) -> Status {
      if (!internal::ParseDoubleField(f[k], v) || *v < 0) {
        return internal::TsvError(rel, line, "bad number '" + f[k] + "'");
      }
      return Status::OK();
    };
    if (kind == "setting") {
      KRONIEK_RETURN_IF_ERROR(need(3));
      if (f[1] == "decimal" || f[1] == "group") {
        if (f[2] != "." && f[2] != ",") {
          return internal::TsvError(rel, line, "separator must be '.' or ','");
        }
        (f[1] == "decimal" ? tables->decimal_sep : tables->group_sep) = f[2][0];
      } else if (f[1] == "spellout") {
        spellout_locale = f[2];
      } else {
        return internal::TsvError(rel, line, "unknown setting '" + f[1] + "'");
      }
    } else if (kind == "word" || kind == "multiplier") {
      KRONIEK_RETURN_IF_ERROR(need(3));
      double v = 0;
      KRONIEK_RETURN_IF_ERROR(number(2, &v));
      if (kind == "word") {
        extra_words.emplace_back(internal::FoldWord(f[1]), v);
      } else {
        if (v < 2) return internal::TsvError(rel, line, "multiplier below 2");
        tables->multipliers[internal::FoldWord(f[1])] = v;
      }
    } else if (kind == "exclude" || kind == "article" || kind == "connector" ||
               kind == "not_after") {
      KRONIEK_RETURN_IF_ERROR(need(2));
      auto& set = kind == "exclude"     ? tables->excluded
                  : kind == "article"   ? tables->articles
                  : kind == "connector" ? tables->connectors
                                        : tables->not_after;
      set.insert(internal::FoldWord(f[1]));
    } else if (kind == "vague") {
      KRONIEK_RETURN_IF_ERROR(need(4));
      double lo = 0, hi = 0;
      KRONIEK_RETURN_IF_ERROR(number(2, &lo));
      KRONIEK_RETURN_IF_ERROR(number(3, &hi));
      if (lo > hi) return internal::TsvError(rel, line, "min > max");
      tables->vague.Add(FoldPhrase(f[1]),
                        static_cast<int>(tables->vague_ranges.size()));
      tables->vague_ranges.emplace_back(lo, hi);
    } else if (kind == "qualifier") {
      KRONIEK_RETURN_IF_ERROR(need(2));
      std::string key = FoldPhrase(f[1]);
      tables->qualifiers.Add(key,
                             static_cast<int>(tables->qualifier_names.size()));
      tables->qualifier_names.push_back(std::move(key));
    } else {
      return internal::TsvError(rel, line, "unknown kind '" + kind + "'");
    }
  }
  if (tables->decimal_sep == tables->group_sep) {
    return InvalidArgumentError(rel +
                                ": decimal and group separators are equal");
  }
  if (!spellout_locale.empty()) {
    KRONIEK_RETURN_IF_ERROR(AddSpellout(spellout_locale, tables.get()));
  }
  for (auto& [w, v] : extra_words) tables->words[w] = v;
  tables->screen.assign(internal::kScreenBits / 64, 0);
  auto screen_add = [&](std::string_view w) {
    const size_t b = internal::ScreenHash(w);
    tables->screen[b / 64] |= uint64_t{1} << (b % 64);
  };
  for (const auto& [w, v] : tables->words) screen_add(w);
  for (const auto& [w, v] : tables->multipliers) screen_add(w);
  for (const auto* set : {&tables->excluded, &tables->articles,
                          &tables->connectors, &tables->not_after}) {
    for (const std::string& w : *set) screen_add(w);
  }
  // Phrases: every word (a phrase can only match where its first word is).
  auto screen_phrase = [&](std::string_view phrase) {
    size_t pos = 0;
    while (pos <= phrase.size()) {
      size_t sp = phrase.find(' ', pos);
      if (sp == std::string_view::npos) sp = phrase.size();
      if (sp > pos) screen_add(phrase.substr(pos, sp - pos));
      pos = sp + 1;
    }
  };
  for (const internal::TsvLine& line : lines) {
    const auto& f = line.fields;
    if ((f[0] == "vague" || f[0] == "qualifier") && f.size() >= 2) {
      screen_phrase(FoldPhrase(f[1]));
    }
  }
  NumberRules rules;
  rules.lang_ = lang;
  rules.tables_ = std::move(tables);
  return rules;
}

namespace {

// Value of the atom at token i, or false. Word atoms set *is_word.
// may[i]: folded[i] passes the pre-screen (NumberTables::screen), i.e.
// some table lookup of it may succeed. Tables without a screen (the empty
// rules) pass everything.
std::vector<uint8_t> Screen(const NumberTables& t,
                            const std::vector<std::string>& folded) {
  std::vector<uint8_t> may(folded.size(), 1);
  if (t.screen.empty()) return may;
  for (size_t i = 0; i < folded.size(); ++i) {
    const size_t b = internal::ScreenHash(folded[i]);
    may[i] = static_cast<uint8_t>((t.screen[b / 64] >> (b % 64)) & 1);
  }
  return may;
}

bool Atom(const NumberTables& t, const std::vector<Token>& tokens,
          const std::vector<std::string>& folded,
          const std::vector<uint8_t>& may, size_t i, double* v,
          bool* is_word) {
  const Token& tok = tokens[i];
  if (tok.type == TokenType::kDate || tok.text.empty()) return false;
  const char c = tok.text.front();
  if (c >= '0' && c <= '9') {
    *is_word = false;
    return internal::ParseDigits(tok.text, t.decimal_sep, t.group_sep, v);
  }
  if (tok.type == TokenType::kNumber) return false;  // e.g. "1e6": unsupported
  if (!may[i]) return false;
  if (t.excluded.count(folded[i])) return false;
  auto it = t.words.find(folded[i]);
  if (it == t.words.end()) return false;
  *v = it->second;
  *is_word = true;
  return true;
}

double Multiplier(const NumberTables& t, const std::vector<std::string>& folded,
                  const std::vector<uint8_t>& may, size_t i) {
  if (!may[i]) return 0;
  auto it = t.multipliers.find(folded[i]);
  return it == t.multipliers.end() ? 0 : it->second;
}

}  // namespace

void FindNumbers(std::string_view raw, const std::vector<Token>& tokens,
                 const NumberRules& rules, std::vector<NumberMention>* out) {
  static const NumberTables kEmpty;  // const, never mutated: thread-safe
  const NumberTables& t = rules.tables_ ? *rules.tables_ : kEmpty;
  const std::vector<std::string> folded = internal::FoldTokens(tokens);
  const std::vector<uint8_t> may = Screen(t, folded);
  const size_t n = tokens.size();
  size_t i = 0;
  while (i < n) {
    if (!may[i] && (tokens[i].text.empty() || tokens[i].text.front() < '0' ||
                    tokens[i].text.front() > '9')) {
      ++i;  // no table holds this word and it is no digit string
      continue;
    }
    NumberMention m;
    size_t j = i;
    int payload = 0;
    if (size_t q = t.qualifiers.Match(folded, i, &payload)) {
      m.approximate = true;
      m.qualifier = t.qualifier_names[payload];
      j = i + q;
    }
    size_t end = j;  // exclusive token index of the expression
    bool found = false;
    if (size_t v = j < n && may[j] ? t.vague.Match(folded, j, &payload) : 0) {
      m.vague = true;
      m.min = t.vague_ranges[payload].first;
      m.max = t.vague_ranges[payload].second;
      m.value = m.min;
      end = j + v;
      found = true;
    } else {
      double atom = 0;
      bool is_word = false;
      double total = 0, current = 0;
      double last_mult = 0;  // multiplier just applied, 0 if none
      bool last_was_word = false;
      if (j + 1 < n && may[j] && t.articles.count(folded[j]) &&
          Multiplier(t, folded, may, j + 1) > 0) {
        // "een miljoen", "a hundred (and five)"
        last_mult = Multiplier(t, folded, may, j + 1);
        (last_mult >= 1000 ? total : current) = last_mult;
        last_was_word = true;
        end = j + 2;
        found = true;
      } else if (j < n && Atom(t, tokens, folded, may, j, &atom, &is_word)) {
        current = atom;
        last_was_word = is_word;
        end = j + 1;
        found = true;
      }
      if (found) {
        while (end < n) {
          const double mult = Multiplier(t, folded, may, end);
          if (mult > 0 && (current == 0 || mult > current || mult >= 1000)) {
            if (mult >= 1000) {
              if (current >= mult || (current == 0 && total > 0)) break;
              total += (current == 0 ? 1 : current) * mult;
              current = 0;
            } else {
              current = (current == 0 ? 1 : current) * mult;
            }
            last_mult = mult;
            last_was_word = true;
            ++end;
            continue;
          }
          // A smaller word after a multiplier ("hundred twenty"), optionally
          // joined by a connector ("hundred and five"); or English split tens
          // ("twenty three").
          size_t k = end;
          if (last_mult > 0 && may[k] && t.connectors.count(folded[k]) &&
              k + 1 < n) {
            ++k;
          }
          double w = 0;
          bool w_is_word = false;
          if (!Atom(t, tokens, folded, may, k, &w, &w_is_word) || !w_is_word) break;
          const bool after_mult = last_mult > 0 && w < last_mult &&
                                  std::fmod(current + total, last_mult) == 0;
          const bool split_tens =
              last_mult == 0 && last_was_word && current >= 20 &&
              current < 100 && std::fmod(current, 10) == 0 && w >= 1 && w <= 9;
          if (!after_mult && !split_tens) break;
          current += w;
          last_mult = 0;
          last_was_word = true;
          end = k + 1;
        }
        m.value = total + current;
        m.min = m.max = m.value;
      }
    }
    // "jaren negentig" names a decade, not a quantity.
    if (found && !m.approximate && i > 0 && may[i - 1] &&
        t.not_after.count(folded[i - 1])) {
      found = false;
    }
    if (!found) {
      ++i;
      continue;
    }
    if (!m.vague) m.min = m.max = m.value;
    m.token_begin = static_cast<uint32_t>(i);
    m.token_end = static_cast<uint32_t>(end);
    m.span = Span{tokens[i].span.begin, tokens[end - 1].span.end};
    if (m.span.end <= raw.size() && m.span.begin <= m.span.end) {
      m.text = std::string(m.span.Of(raw));
      out->push_back(std::move(m));
    }
    i = end;
  }
}

}  // namespace kroniek::text
