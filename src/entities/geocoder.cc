// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// FindPlaces runs in three passes over the sentences:
//   1. candidate spans: longest gazetteer key over <= 4 words starting at each
//      capitalised word (HasLongerKey stops the n-gram loop early);
//   2. document countries: spans whose candidates include a country by its
//      Dutch/primary name are counted, most frequent first;
//   3. resolution: each span is resolved with the document countries, then
//      spans with an "X in Y" / "ten noorden van Y" container are resolved
//      again knowing Y's country.
// No state survives a call; everything read is the immutable Gazetteer.
#include "entities/geocoder.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "base/utf8.h"

namespace kroniek::entities {
namespace {

constexpr double kThreshold = 3.0;
constexpr double kNerThreshold = 1.0;
constexpr size_t kMaxWords = 4;
constexpr size_t kMaxTokens = 8;  // words plus "-" / "'" tokens between them

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  // "'s-Hertogenbosch", "’s-Gravenhage"
  if (s.starts_with("'s-") || s.starts_with("\xE2\x80\x99s-")) return true;
  size_t pos = 0;
  const char32_t c = base::DecodeUtf8(s, &pos);
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}

bool IsWord(const Token& t) {
  return t.type == TokenType::kWord || t.type == TokenType::kAbbreviation;
}

bool IsJoiner(const Token& t) {
  return t.type == TokenType::kPunct &&
         (t.text == "-" || t.text == "'" || t.text == "\xE2\x80\x99" ||
          t.text == "\xE2\x80\x90" || t.text == "\xE2\x80\x91");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool IsDirection(std::string_view w) {
  static constexpr std::string_view kDirs[] = {
      "noorden",     "zuiden",      "oosten",     "westen",
      "noordoosten", "noordwesten", "zuidoosten", "zuidwesten",
      "north",       "south",       "east",       "west",
      "northeast",   "northwest",   "southeast",  "southwest"};
  return std::find(std::begin(kDirs), std::end(kDirs), w) != std::end(kDirs);
}

std::string Precision(const PlaceRecord& p) {
  switch (p.kind) {
    case PlaceKind::kCountry:
      return "country";
    case PlaceKind::kRegion:
      return "region";
    case PlaceKind::kGeoNames:
      break;
  }
  if (p.feature_class == 'P') return "city";
  if (p.feature_class == 'A' && p.feature_code == "ADM1") return "admin1";
  return "point";
}

struct Match {
  uint32_t token_begin, token_end;  // [begin, end) token indices
  uint32_t sentence;
  Span span;
  std::string key;
  int container = -1;  // index of the match naming Y, or -1
};

}  // namespace

StatusOr<Geocoder> Geocoder::Open(const std::string& path) {
  KRONIEK_ASSIGN_OR_RETURN(Gazetteer g, Gazetteer::Open(path));
  return Geocoder(std::move(g));
}

Geocoder::Geocoder(Gazetteer gazetteer) : gazetteer_(std::move(gazetteer)) {}

std::optional<ResolvedPlace> Geocoder::Resolve(std::string_view name,
                                               const PlaceContext& ctx) const {
  if (!ctx.capitalised && !ctx.ner_loc) return std::nullopt;
  const std::string key = FoldPlaceName(name);
  if (key.empty()) return std::nullopt;
  if (!ctx.ner_loc && key.find(' ') == std::string::npos &&
      gazetteer_.IsStopWord(key)) {
    return std::nullopt;
  }
  std::string container_iso3;
  if (!ctx.container.empty()) {
    PlaceContext outer = ctx;
    outer.container.clear();
    outer.ner_loc = true;  // the pattern itself says Y is a place
    if (auto y = Resolve(ctx.container, outer))
      container_iso3 = y->country_iso3;
  }
  std::optional<ResolvedPlace> r =
      ResolveKey(key, ctx, container_iso3, ctx.container);
  if (r) r->text = std::string(name);
  return r;
}

std::optional<ResolvedPlace> Geocoder::ResolveKey(
    std::string_view key, const PlaceContext& ctx,
    std::string_view container_iso3, std::string_view container_text) const {
  const std::vector<Candidate> candidates = gazetteer_.Lookup(key);
  if (candidates.empty()) return std::nullopt;
  double best_score = -1e9;
  size_t best = 0;
  std::string best_why;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    const PlaceRecord p = gazetteer_.place(c.place);
    std::string why;
    double s = 0;
    switch (c.match) {
      case MatchKind::kDutch:
        s += 3.0;
        why = "nl name";
        break;
      case MatchKind::kPrimary:
        s += 2.0;
        why = "primary name";
        break;
      case MatchKind::kAlternate:
        s += 0.5;
        why = "alternate name";
        break;
    }
    if (p.population > 0) {
      s += 0.6 * std::log10(static_cast<double>(p.population) + 1.0);
      why += "; population " + std::to_string(p.population);
    }
    if (p.kind == PlaceKind::kCountry) {
      s += 4.0;
      why += "; country";
    } else if (p.kind == PlaceKind::kRegion) {
      s += 3.0;
      why += "; region";
    } else if (p.feature_code == "PPLC") {
      s += 1.5;
      why += "; capital";
    } else if (p.feature_code == "PPLA" || p.feature_code == "PPLG") {
      s += 0.5;
    }
    if (!p.country_iso3.empty()) {
      bool in_doc = false;
      for (size_t r = 0; r < ctx.doc_countries.size(); ++r) {
        if (ctx.doc_countries[r] == p.country_iso3) {
          s += std::max(1.0, 2.5 - 0.5 * static_cast<double>(r));
          why += "; doc country " + ctx.doc_countries[r];
          in_doc = true;
          break;
        }
      }
      // A minor alternate name abroad ("Boni" for Bonn in a story on Mali)
      // is weak evidence against the countries the document names.
      if (!in_doc && c.match == MatchKind::kAlternate && !ctx.doc_countries.empty() &&
          p.kind != PlaceKind::kCountry) {
        s -= 2.0;
        why += "; abroad";
      }
    }
    if (!container_iso3.empty() && p.kind != PlaceKind::kCountry) {
      if (p.country_iso3 == container_iso3) {
        s += 4.0;
        why += "; in/near " + std::string(container_text) + " (" +
               std::string(container_iso3) + ")";
      } else {
        s -= 2.0;
      }
    }
    if (s > best_score) {  // strict: ties keep the earlier (better) posting
      best_score = s;
      best = i;
      best_why = std::move(why);
    }
  }
  if (best_score < (ctx.ner_loc ? kNerThreshold : kThreshold)) {
    return std::nullopt;
  }
  const Candidate& c = candidates[best];
  const PlaceRecord p = gazetteer_.place(c.place);
  ResolvedPlace r;
  r.geonames_id = p.geonames_id;
  r.region_id = std::string(p.region_id);
  r.name = std::string(p.name);
  r.lat = p.lat;
  r.lon = p.lon;
  r.country_iso3 = std::string(p.country_iso3);
  r.admin1 = std::string(p.admin1_name.empty() ? p.admin1_code : p.admin1_name);
  if (p.feature_class != 0) r.feature_class = std::string(1, p.feature_class);
  r.feature_code = std::string(p.feature_code);
  r.precision = Precision(p);
  r.score = best_score;
  r.decided_by = best_why;
  if (candidates.size() > 1) {
    r.decided_by += "; " + std::to_string(candidates.size()) + " candidates";
  }
  return r;
}

std::vector<ResolvedPlace> Geocoder::FindPlaces(
    std::string_view raw, const std::vector<Token>& tokens,
    const std::vector<Sentence>& sentences, const PlaceContext& doc_ctx) const {
  // Pass 1: candidate spans.
  std::vector<Match> matches;
  std::vector<int> match_at(tokens.size(),
                            -1);  // token -> match starting there
  for (uint32_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    const uint32_t end = std::min<uint32_t>(s.token_end, tokens.size());
    for (uint32_t i = s.token_begin; i < end; ++i) {
      const Token& first = tokens[i];
      if (!IsWord(first) || !StartsUpper(first.text)) continue;
      uint32_t best_end = 0;
      std::string best_key;
      size_t words = 0;
      for (uint32_t j = i; j < end && j - i < kMaxTokens; ++j) {
        const Token& t = tokens[j];
        if (IsWord(t)) {
          if (++words > kMaxWords) break;
        } else if (!IsJoiner(t) || j == i) {
          break;
        }
        if (t.span.end > raw.size() || first.span.begin > t.span.end) break;
        const std::string key = FoldPlaceName(
            raw.substr(first.span.begin, t.span.end - first.span.begin));
        bool exact = false, longer = false;
        gazetteer_.Probe(key, &exact, &longer);
        if (IsWord(t) && StartsUpper(t.text) && exact) {
          best_end = j + 1;
          best_key = key;
        }
        if (!longer) break;  // no key continues this n-gram
      }
      if (best_end == 0) continue;
      if (best_end == i + 1 && gazetteer_.IsStopWord(best_key)) continue;
      // "Foro Penal", "Radio Kabul": a place name right after another
      // capitalised word (not the sentence's first) is part of a longer name.
      if (i > s.token_begin + 1 && IsWord(tokens[i - 1]) && StartsUpper(tokens[i - 1].text) &&
          (matches.empty() || matches.back().token_end != i))
        continue;
      Match m;
      m.token_begin = i;
      m.token_end = best_end;
      m.sentence = si;
      m.span = {first.span.begin, tokens[best_end - 1].span.end};
      m.key = std::move(best_key);
      match_at[i] = static_cast<int>(matches.size());
      matches.push_back(std::move(m));
      i = best_end - 1;
    }
  }

  // Pass 2: countries named in the document.
  PlaceContext ctx = doc_ctx;
  ctx.container.clear();
  {
    std::map<std::string, std::pair<int, size_t>> counts;  // iso3 -> (n, first)
    for (size_t mi = 0; mi < matches.size(); ++mi) {
      for (const Candidate& c : gazetteer_.Lookup(matches[mi].key)) {
        const PlaceRecord p = gazetteer_.place(c.place);
        if (p.kind == PlaceKind::kCountry && c.match != MatchKind::kAlternate) {
          auto [it, fresh] =
              counts.emplace(std::string(p.country_iso3), std::pair{0, mi});
          ++it->second.first;
          break;
        }
      }
    }
    std::vector<std::pair<std::string, std::pair<int, size_t>>> ranked(
        counts.begin(), counts.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      if (a.second.first != b.second.first)
        return a.second.first > b.second.first;
      return a.second.second < b.second.second;
    });
    for (const auto& [iso3, n] : ranked) {
      if (std::find(ctx.doc_countries.begin(), ctx.doc_countries.end(), iso3) ==
          ctx.doc_countries.end()) {
        ctx.doc_countries.push_back(iso3);
      }
    }
  }

  // Containers: "X in Y", "X ... ten noorden van [hoofdstad] Y", "X ... north
  // of Y".
  for (Match& m : matches) {
    const Sentence& s = sentences[m.sentence];
    const uint32_t end = std::min<uint32_t>(s.token_end, tokens.size());
    auto match_from = [&](uint32_t k) -> int {
      // Allow up to two lowercase words ("hoofdstad", "de stad") before Y.
      for (uint32_t skip = 0; skip < 3 && k < end; ++skip, ++k) {
        if (match_at[k] >= 0) return match_at[k];
        if (!IsWord(tokens[k]) || StartsUpper(tokens[k].text)) return -1;
      }
      return -1;
    };
    const uint32_t b = m.token_end;
    if (b + 1 < end && Lower(tokens[b].text) == "in" && match_at[b + 1] >= 0) {
      m.container = match_at[b + 1];
      continue;
    }
    for (uint32_t j = b; j < end && j < b + 10; ++j) {
      const std::string w = Lower(tokens[j].text);
      if (w == "ten" && j + 2 < end && IsDirection(Lower(tokens[j + 1].text)) &&
          Lower(tokens[j + 2].text) == "van") {
        m.container = match_from(j + 3);
        break;
      }
      if (IsDirection(w) && j + 1 < end && Lower(tokens[j + 1].text) == "of") {
        m.container = match_from(j + 2);
        break;
      }
      if (j > b && match_at[j] >= 0) break;  // another place intervenes
    }
  }

  // Pass 3: resolution.
  std::vector<std::optional<ResolvedPlace>> resolved(matches.size());
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    resolved[mi] = ResolveKey(matches[mi].key, ctx, "", "");
  }
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    const int y = matches[mi].container;
    if (y < 0 || !resolved[y] || resolved[y]->country_iso3.empty()) continue;
    const std::string y_text(matches[y].span.Of(raw));
    resolved[mi] =
        ResolveKey(matches[mi].key, ctx, resolved[y]->country_iso3, y_text);
  }
  std::vector<ResolvedPlace> out;
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    if (!resolved[mi]) continue;
    const Match& m = matches[mi];
    ResolvedPlace& r = *resolved[mi];
    // Person-name gate for weak evidence: "Josef Stalin", "Ilham Aliyev".
    if (r.decided_by.starts_with("alternate")) {
      const Sentence& s = sentences[m.sentence];
      auto capital_nonplace = [&](int64_t k) {
        if (k < static_cast<int64_t>(s.token_begin) ||
            k >= static_cast<int64_t>(
                     std::min<uint32_t>(s.token_end, tokens.size()))) {
          return false;
        }
        const Token& t = tokens[static_cast<size_t>(k)];
        if (!IsWord(t) || !StartsUpper(t.text)) return false;
        for (const Match& o : matches) {
          if (o.token_begin <= k && k < o.token_end) return false;
        }
        // The sentence-initial word is capitalised anyway: it counts as a
        // name part unless it is a common word ("In", "Door").
        return k != static_cast<int64_t>(s.token_begin) ||
               !gazetteer_.IsStopWord(FoldPlaceName(t.text));
      };
      if (capital_nonplace(static_cast<int64_t>(m.token_begin) - 1) ||
          capital_nonplace(m.token_end)) {
        continue;
      }
    }
    r.text = std::string(m.span.Of(raw));
    r.span = m.span;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kroniek::entities
