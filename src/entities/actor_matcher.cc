// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The matcher works on "atoms": for every token, the longest alias starting
// there in each namespace (names, adjectives, roles), or a compound role.
// Noun phrases are then assembled greedily left to right (see the header).
// Everything is computed per call; the matcher itself holds only the
// dictionary, so concurrent calls share nothing mutable.
#include "entities/actor_matcher.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

#include "base/hash.h"
#include "entities/internal/actor_text.h"

namespace kroniek::entities {
namespace {

using internal::FoldKey;

const std::unordered_set<std::string>& Determiners() {
  static const auto* kSet = new std::unordered_set<std::string>{
      "de", "het", "een", "'t", "deze", "dit", "the", "a", "an", "this", "these", "those"};
  return *kSet;
}

// Words after which a place name is a place, not an actor.
const std::unordered_set<std::string>& LocativeCues() {
  static const auto* kSet = new std::unordered_set<std::string>{
      "in", "naar", "uit", "bij", "te", "rond", "nabij", "vanuit", "hoofdstad",
      "stad", "regio", "provincie", "gebied", "bergregio", "to", "from", "at",
      "near", "into", "capital", "city", "region", "province"};
  return *kSet;
}

// Lower-case words that are never adjectival modifiers.
const std::unordered_set<std::string>& NonModifiers() {
  static const auto* kSet = new std::unordered_set<std::string>{
      "die", "deze", "ze", "we", "je", "te", "mee", "toe", "twee", "drie", "beide",
      "ongeveer", "alle", "andere", "sinds", "welke", "ook", "the", "and", "of",
      "to", "in", "that", "which", "some", "many"};
  return *kSet;
}

// Possessives: "zijn troepen uit Oekraïne" are not Ukrainian troops.
const std::unordered_set<std::string>& Possessives() {
  static const auto* kSet = new std::unordered_set<std::string>{
      "zijn", "haar", "hun", "onze", "ons", "mijn", "jullie", "z'n", "d'r",
      "his", "her", "their", "its", "our"};
  return *kSet;
}

// Compass prefixes of region names: "Noord-Israël", "Zuid-Libanon".
const std::unordered_set<std::string>& CompassPrefixes() {
  static const auto* kSet = new std::unordered_set<std::string>{
      "noord", "zuid", "oost", "west", "noordoost", "noordwest", "zuidoost",
      "zuidwest", "midden", "centraal", "north", "south", "east", "west",
      "northern", "southern", "eastern", "western", "central"};
  return *kSet;
}

// Role nouns for people posted abroad: "de ambassadeur in Moskou" is not
// Russian, nor is "de correspondent in Moskou". `folded` is the role's text.
bool IsPostedAbroadNoun(std::string_view folded) {
  static constexpr std::array<std::string_view, 12> kStems = {
      "ambassad", "diploma", "gezant", "zaakgelastigde", "consul", "attach",
      "correspondent", "vertegenwoordiger", "envoy", "embass", "delegatie", "delegation"};
  for (std::string_view stem : kStems) {
    if (folded.find(stem) != std::string_view::npos) return true;
  }
  return false;
}

// `f` is FoldKey(t.text).
bool IsModifierWord(const Token& t, const std::string& f) {
  if (t.type != TokenType::kWord || !internal::StartsLower(t.text)) return false;
  if (NonModifiers().count(f) || Determiners().count(f)) return false;
  if (f.size() >= 3 && f.back() == 'e') return true;  // Dutch inflected adjective
  static constexpr std::array<std::string_view, 12> kEnSuffix = {
      "ed", "al", "ic", "ive", "ous", "ary", "ian", "ese", "ish", "ern", "ful", "ing"};
  static const auto* kEnWords = new std::unordered_set<std::string>{
      "former", "new", "top", "senior", "acting", "interim", "outgoing", "then"};
  if (kEnWords->count(f)) return true;
  if (f.size() < 5) return false;
  for (std::string_view s : kEnSuffix) {
    if (f.size() > s.size() && f.compare(f.size() - s.size(), s.size(), s) == 0) {
      return true;
    }
  }
  return false;
}

struct Compound {
  std::string code;    // full code or bare sector
  std::string sector;  // the sector the compound contributes
  std::string base;    // country-ish code of a name prefix, else ""
  uint32_t entry = 0;  // the role entry
  std::string rule;
};

struct Atom {
  uint32_t name_len = 0, adj_len = 0, role_len = 0;
  const std::vector<uint32_t>* name = nullptr;
  const std::vector<uint32_t>* adj = nullptr;
  const std::vector<uint32_t>* role = nullptr;
  std::optional<Compound> compound;
};

// First code point boundaries of `s` (to split compounds on characters).
std::vector<size_t> CharStarts(std::string_view s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  return out;
}

class Pass {
 public:
  Pass(const ActorDictionary& dict, const ActorMatchOptions& options,
       std::string_view raw, const std::vector<Token>& tokens,
       const PartialDate& date)
      : dict_(dict), options_(options), raw_(raw), tokens_(tokens) {
    // Every token's keys once: the n-gram lookups below join these.
    exact_.reserve(tokens.size());
    folded_.reserve(tokens.size());
    for (const Token& t : tokens) {
      exact_.push_back(internal::NormalizeKey(t.text));
      folded_.push_back(FoldKey(t.text));
    }
    if (date.year > 0) {
      int m0 = date.precision == DatePrecision::kYear ? 1 : date.month;
      int m1 = date.precision == DatePrecision::kYear ? 12 : date.month;
      int d0 = date.precision == DatePrecision::kDay ? date.day : 1;
      int d1 = date.precision == DatePrecision::kDay ? date.day
                                                     : DaysInMonth(date.year, m1);
      day_first_ = DaysFromCivil(date.year, m0, d0);
      day_last_ = DaysFromCivil(date.year, m1, d1);
      dated_ = true;
    }
  }

  void RunSentence(uint32_t sb, uint32_t se, std::vector<ActorMention>* out) {
    sb_ = sb;
    se_ = se;
    atoms_.assign(se - sb, Atom{});
    for (uint32_t i = sb; i < se; ++i) BuildAtom(i);
    uint32_t i = sb;
    while (i < se) {
      ActorMention m;
      uint32_t next = i;
      if (TryPhrase(i, &m, &next)) {
        out->push_back(std::move(m));
        i = next;
      } else {
        ++i;
      }
    }
  }

 private:
  Atom& At(uint32_t i) { return atoms_[i - sb_]; }
  // "Japan stuurde troepen", "De regering zette agenten in": a word in -de
  // or -te right after a name or role (no article between) is the verb of
  // the clause, not an inflected adjective of the next role noun.
  bool PastVerbAfterName(uint32_t j) {
    if (j <= sb_) return false;
    const std::string& f = Fold(j);
    const bool past = f.size() > 4 && (f.compare(f.size() - 2, 2, "de") == 0 ||
                                       f.compare(f.size() - 2, 2, "te") == 0);
    if (!past) return false;
    const uint32_t p = j - 1;
    if (Determiners().count(Fold(p)) || Possessives().count(Fold(p))) return false;
    return internal::StartsUpper(tokens_[p].text) || At(p).role_len > 0 || At(p).name_len > 0;
  }
  const std::string& Fold(uint32_t i) const { return folded_[i]; }

  // Keys are the tokens' normalised texts joined with a space where the text
  // has one, exactly what Find() would make of the covered text. The walk
  // stops at the first n-gram that no alias starts with, so most tokens cost
  // one binary search.
  void BuildAtom(uint32_t i) {
    Atom& a = At(i);
    if (tokens_[i].type == TokenType::kPunct && tokens_[i].text != "'") return;
    std::string& exact = exact_key_;
    std::string& folded = folded_key_;
    exact.clear();
    folded.clear();
    // Running FNV-1a of both keys (what the dictionary's screens hash).
    uint64_t exact_hash = base::Fnv1a64({}), folded_hash = exact_hash;
    for (uint32_t j = i; j < se_ && j < i + 12; ++j) {
      if (j > i && tokens_[j].span.begin > tokens_[j - 1].span.end) {
        exact += ' ';
        folded += ' ';
        exact_hash = base::Fnv1a64(" ", exact_hash);
        folded_hash = base::Fnv1a64(" ", folded_hash);
      }
      exact += exact_[j];
      folded += folded_[j];
      exact_hash = base::Fnv1a64(exact_[j], exact_hash);
      folded_hash = base::Fnv1a64(folded_[j], folded_hash);
      if (!dict_.IsAliasPrefixHash(folded_hash)) break;
      // Most n-grams are a prefix of some alias but no alias themselves.
      if (!dict_.MayBeKeyHash(folded_hash) && !dict_.MayBeKeyHash(exact_hash)) continue;
      uint32_t len = j - i + 1;
      if (const auto& v = dict_.FindKeys(AliasSpace::kName, exact, folded); !v.empty()) {
        a.name_len = len, a.name = &v;
      }
      if (const auto& v = dict_.FindKeys(AliasSpace::kAdjective, exact, folded); !v.empty()) {
        a.adj_len = len, a.adj = &v;
      }
      if (const auto& v = dict_.FindKeys(AliasSpace::kRole, exact, folded); !v.empty()) {
        a.role_len = len, a.role = &v;
      }
    }
    if (a.name_len == 0 && a.adj_len == 0 && a.role_len == 0 &&
        tokens_[i].type == TokenType::kWord) {
      a.compound = SplitCompound(tokens_[i].text, folded_[i]);
    }
  }

  // Longest role-noun suffix with a known prefix (name or role), allowing a
  // linking 's' or '-' between them. `folded` is FoldKey(word); when it has
  // the same byte length, its suffixes pre-screen the role lookups.
  std::optional<Compound> SplitCompound(const std::string& word,
                                        const std::string& folded) const {
    const bool screen = folded.size() == word.size();
    std::vector<size_t> starts = CharStarts(word);
    for (size_t c = 2; c + 3 <= starts.size(); ++c) {
      size_t k = starts[c];
      if (screen && !dict_.IsRoleKey(std::string_view(folded).substr(k))) continue;
      std::string_view suffix = std::string_view(word).substr(k);
      const auto& roles = dict_.Find(AliasSpace::kRole, suffix);
      if (roles.empty() || internal::StartsUpper(suffix)) continue;
      std::string_view prefix = std::string_view(word).substr(0, k);
      std::vector<std::string_view> candidates = {prefix};
      if (prefix.size() > 2 && (prefix.back() == 's' || prefix.back() == '-')) {
        candidates.push_back(prefix.substr(0, prefix.size() - 1));
      }
      const ActorEntry& role = dict_.entries()[roles.front()];
      for (std::string_view p : candidates) {
        std::string rule = "compound " + std::string(p) + "+" + std::string(suffix);
        if (const auto& pr = dict_.Find(AliasSpace::kRole, p); !pr.empty()) {
          const ActorEntry& pe = dict_.entries()[pr.front()];
          return Compound{pe.code, pe.code, "", roles.front(), rule};
        }
        for (uint32_t idx : dict_.Find(AliasSpace::kName, p)) {
          const ActorEntry& pe = dict_.entries()[idx];
          if (pe.kind == ActorKind::kPerson || pe.kind == ActorKind::kPeople) continue;
          return Compound{Compose(pe.code, role.code), role.code, pe.code,
                          roles.front(), rule};
        }
      }
    }
    // "Houthi-gezondheidsministerie", "VN-mensenrechtenchef": a name before
    // the first hyphen and, after it, a word that ends in a role noun.
    const size_t h = word.find('-');
    if (h == std::string::npos || h == 0 || h + 4 > word.size()) return std::nullopt;
    std::string_view prefix = std::string_view(word).substr(0, h);
    std::string_view rest = std::string_view(word).substr(h + 1);
    if (!internal::StartsUpper(prefix) || !internal::StartsLower(rest)) return std::nullopt;
    const ActorEntry* name = nullptr;
    for (uint32_t idx : dict_.Find(AliasSpace::kName, prefix)) {
      const ActorEntry& pe = dict_.entries()[idx];
      if (pe.kind != ActorKind::kPerson && pe.kind != ActorKind::kPeople) {
        name = &pe;
        break;
      }
    }
    if (name == nullptr) return std::nullopt;
    std::vector<size_t> rs = CharStarts(rest);
    for (size_t c = 1; c + 3 <= rs.size(); ++c) {
      if (screen && !dict_.IsRoleKey(std::string_view(folded).substr(h + 1 + rs[c]))) continue;
      std::string_view suffix = rest.substr(rs[c]);
      const auto& roles = dict_.Find(AliasSpace::kRole, suffix);
      if (roles.empty()) continue;
      const ActorEntry& role = dict_.entries()[roles.front()];
      return Compound{Compose(name->code, role.code), role.code, name->code, roles.front(),
                      "compound " + std::string(prefix) + "-" + std::string(rest) +
                          " (role " + std::string(suffix) + ")"};
    }
    return std::nullopt;
  }

  std::string Compose(const std::string& base, const std::string& sector) const {
    if (base.empty()) return sector;
    if (!dict_.SectorOf(base).empty() || base.size() >= 6) return base;
    return base + sector;
  }

  bool Active(const ActorEntry& e) const {
    if (!dated_) return true;
    return e.valid_from_day <= day_last_ && day_first_ <= e.valid_to_day;
  }

  // Picks the entry of a name alias valid on the document date. Returns the
  // entry index, or -1 when it is a person outside every role range.
  int64_t PickName(const std::vector<uint32_t>& v) const {
    int64_t best = -1;
    for (uint32_t idx : v) {
      const ActorEntry& e = dict_.entries()[idx];
      if (!Active(e)) continue;
      if (best < 0 || dict_.entries()[best].valid_from_day < e.valid_from_day) best = idx;
    }
    return best;
  }

  bool IsLocative(uint32_t j) const {
    for (int steps = 0; j > sb_ && steps < 5; ++steps) {
      --j;
      const std::string& f = Fold(j);
      if (LocativeCues().count(f)) return true;
      bool joiner = f == "en" || f == "and" || f == "," || f == "of" || f == "or";
      if (!joiner && !internal::StartsUpper(tokens_[j].text)) return false;
    }
    return false;
  }

  bool HasName(uint32_t j) { return j < se_ && At(j).name_len > 0; }

  // "De Belgische en Nederlandse ministers": the adjective ending at `j`
  // (phrase start `i`) is followed by "en"/"of"/"," and a phrase headed by
  // another adjective and a role noun. The first adjective becomes a mention
  // of its own with that role's sector; the next phrase is left to the caller.
  bool CoordinatedAdjective(uint32_t i, uint32_t j, const std::string& adj_code,
                            const std::string& adj_text, const std::string& adj_id,
                            ActorMention* m, uint32_t* next) {
    if (j + 1 >= se_ || depth_ >= 6) return false;
    const std::string& c = Fold(j);
    if (c != "en" && c != "of" && c != "," && c != "and" && c != "or") return false;
    const Atom& b = At(j + 1);
    if (b.adj_len == 0 || b.name_len > b.adj_len || b.role_len > b.adj_len) return false;
    ActorMention second;
    uint32_t second_next = 0;
    ++depth_;
    const bool ok = TryPhrase(j + 1, &second, &second_next);
    --depth_;
    if (!ok || second.sector.empty() || second.rule.rfind("adjective ", 0) != 0) return false;
    m->token_begin = i;
    m->token_end = j;
    m->span = Span{tokens_[i].span.begin, tokens_[j - 1].span.end};
    m->text = std::string(m->span.Of(raw_));
    m->code = Compose(adj_code, second.sector);
    m->country = dict_.CountryOf(m->code);
    m->sector = dict_.SectorOf(m->code);
    m->entry_id = adj_id;
    m->rule = "adjective " + adj_text + " coordinated with '" + second.text + "'";
    m->locative = false;
    *next = j + 1;
    return true;
  }

  // The country of "in <country>", "uit <country>" or "in <capital>" at `k`
  // ("in Noord-Israël" too), or "". `rule` gets what was used.
  std::string PlaceCountry(uint32_t k, bool allow_uit, std::string* rule) const {
    if (k + 1 >= se_) return "";
    const std::string& p = Fold(k);
    if (p != "in" && !(allow_uit && (p == "uit" || p == "from"))) return "";
    uint32_t l = k + 1;
    if ((Fold(l) == "de" || Fold(l) == "het" || Fold(l) == "the") && l + 1 < se_) ++l;
    const ActorEntry* e = nullptr;
    if (atoms_[l - sb_].name_len > 0) {
      int64_t idx = PickName(*atoms_[l - sb_].name);
      if (idx >= 0) e = &dict_.entries()[idx];
    } else if (tokens_[l].type == TokenType::kWord) {
      // "Noord-Israël", "Zuid-Libanon": a compass prefix before a country.
      const std::string& t = tokens_[l].text;
      const size_t h = t.find('-');
      if (h != std::string::npos && h > 0 && CompassPrefixes().count(Fold(l).substr(0, h))) {
        const auto& v = dict_.Find(AliasSpace::kName, std::string_view(t).substr(h + 1));
        if (!v.empty()) e = &dict_.entries()[v.front()];
        if (e && e->kind != ActorKind::kCountry) e = nullptr;
      }
    }
    if (e == nullptr) return "";
    std::string country;
    if (e->kind == ActorKind::kCountry) {
      country = dict_.CountryOf(e->code).empty() ? "" : e->code;
    } else if (e->kind == ActorKind::kMetonym) {
      country = dict_.CountryOf(e->code).empty() ? "" : e->code.substr(0, 3);
    }
    if (!country.empty()) *rule += " + " + p + " " + tokens_[l].text;
    return country;
  }

  bool TryPhrase(uint32_t i, ActorMention* m, uint32_t* next) {
    uint32_t j = i;
    if (Determiners().count(Fold(j))) ++j;
    std::string adj_code, adj_text, adj_id;
    for (int mods = 0; j < se_ && mods < 4; ++mods) {
      Atom& a = At(j);
      bool longer_other = a.name_len > a.adj_len || a.role_len > a.adj_len;
      if (a.adj_len > 0 && !longer_other) {
        const ActorEntry& e = dict_.entries()[a.adj->front()];
        adj_code = e.code;
        adj_id = e.id;
        adj_text = std::string(raw_.substr(tokens_[j].span.begin,
                                           tokens_[j + a.adj_len - 1].span.end -
                                               tokens_[j].span.begin));
        j += a.adj_len;
        if (CoordinatedAdjective(i, j, adj_code, adj_text, adj_id, m, next)) return true;
        continue;
      }
      if (a.name_len == 0 && a.role_len == 0 && !a.compound &&
          IsModifierWord(tokens_[j], Fold(j)) && !PastVerbAfterName(j)) {
        ++j;
        continue;
      }
      break;
    }
    if (j >= se_) return false;
    uint32_t start = i;
    std::string code, entry_id, rule;
    uint32_t k = j;
    bool locative = false;
    bool role_head = false;
    std::string name_base;  // "Kremlin spokesman": a name before a role noun
    if (At(j).name_len > 0 && At(j).name_len >= At(j).role_len) {
      Atom& h = At(j);
      int64_t idx = PickName(*h.name);
      const ActorEntry& e = dict_.entries()[idx >= 0 ? idx : h.name->front()];
      k = j + h.name_len;
      const bool place_like =
          e.kind == ActorKind::kCountry || e.kind == ActorKind::kMetonym;
      if (place_like) {
        // "het verarmde Armenië": the name alone; "het Kremlin": with article.
        start = (e.kind == ActorKind::kMetonym && j == i + 1) ? i : j;
        locative = IsLocative(j);
        if (locative && e.kind == ActorKind::kMetonym) return false;
      }
      if ((place_like || e.kind == ActorKind::kOrg) && !locative && idx >= 0 &&
          k < se_ && At(k).role_len > 0 && At(k).name_len == 0) {
        name_base = e.code;
        rule = std::string(ActorKindName(e.kind)) + " " + e.id + " + ";
        j = k;
        role_head = true;
      } else {
        entry_id = e.id;
        // "Kort daarna vuurde Hamas": a lowercase word before a name with no
        // article is no modifier of it (a verb, mostly).
        if (!place_like && j > i && !Determiners().count(Fold(i))) start = j;
        if (idx >= 0) {
          code = e.code;
          rule = std::string(ActorKindName(e.kind)) + " " + e.id;
          // "De VN-vredesmacht UNIFIL": an organisation named right after a
          // description of it, of the same family (first chunk): one mention,
          // with the more specific code.
          if (e.kind == ActorKind::kOrg && HasName(k) &&
              tokens_[k].span.begin > tokens_[k - 1].span.end) {
            int64_t ax = PickName(*At(k).name);
            if (ax >= 0) {
              const ActorEntry& ae = dict_.entries()[ax];
              if (ae.kind == ActorKind::kOrg && ae.code.compare(0, 3, code, 0, 3) == 0) {
                if (ae.code.size() > code.size()) code = ae.code;
                entry_id = ae.id;
                rule += "; appositive org " + ae.id;
                k += At(k).name_len;
              }
            }
          }
        } else {
          code = dict_.CountryOf(e.code).empty() ? "" : e.code.substr(0, 3);
          rule = "person " + e.id + " outside role dates: country only";
          if (code.empty()) return false;
        }
      }
    } else if (At(j).role_len > 0 || At(j).compound) {
      role_head = true;
    } else {
      return false;
    }
    if (role_head) {
      Atom& h = At(j);
      std::string sector, base = name_base;
      if (h.role_len > 0) {
        const ActorEntry& r = dict_.entries()[h.role->front()];
        sector = r.code;
        entry_id = r.id;
        rule += "role " + std::string(raw_.substr(tokens_[j].span.begin,
                                                  tokens_[j + h.role_len - 1].span.end -
                                                      tokens_[j].span.begin));
        k = j + h.role_len;
      } else {
        sector = h.compound->sector;
        base = h.compound->base;
        entry_id = dict_.entries()[h.compound->entry].id;
        rule += h.compound->rule;
        k = j + 1;
      }
      if (!adj_code.empty()) rule = "adjective " + adj_text + " + " + rule;
      // Appositive name: a known person/org, or unknown capitalised words.
      std::string name_code;
      bool unknown_name = false;  // "minister Hoekstra": a person of unknown country
      if (HasName(k)) {
        Atom& n = At(k);
        const ActorEntry& ne = dict_.entries()[n.name->front()];
        if (ne.kind == ActorKind::kPerson || ne.kind == ActorKind::kOrg) {
          unknown_name = ne.kind == ActorKind::kPerson;
          int64_t idx = PickName(*n.name);
          if (idx >= 0) {
            const ActorEntry& pe = dict_.entries()[idx];
            name_code = pe.code;
            entry_id = pe.id;
            rule += "; " + std::string(ActorKindName(pe.kind)) + " " + pe.id;
          } else {
            rule += "; person " + ne.id + " outside role dates";
            if (base.empty() && adj_code.empty()) base = ne.code.substr(0, 3);
          }
          k += n.name_len;
        }
      } else {
        const uint32_t k0 = k;
        for (int c = 0; c < 3 && k < se_ && tokens_[k].type == TokenType::kWord &&
                        internal::StartsUpper(tokens_[k].text) && At(k).adj_len == 0 &&
                        At(k).role_len == 0 && !At(k).compound;
             ++c) {
          ++k;
        }
        unknown_name = k > k0;
      }
      // "de regering van Nagorno-Karabach".
      std::string van_code;
      if (name_code.empty() && adj_code.empty() && base.empty() && k + 1 < se_ &&
          (Fold(k) == "van" || Fold(k) == "of")) {
        uint32_t l = k + 1;
        if (Determiners().count(Fold(l))) ++l;
        // "Strijders van de paramilitaire RSF": modifiers before the name.
        for (int mods = 0; mods < 2 && l < se_ && At(l).name_len == 0 && At(l).role_len == 0 &&
                           At(l).adj_len == 0 && !At(l).compound &&
                           IsModifierWord(tokens_[l], Fold(l));
             ++mods) {
          ++l;
        }
        if (HasName(l)) {
          int64_t idx = PickName(*At(l).name);
          if (idx >= 0) {
            const ActorEntry& ce = dict_.entries()[idx];
            if (ce.kind == ActorKind::kCountry || ce.kind == ActorKind::kMetonym ||
                ce.kind == ActorKind::kOrg) {
              van_code = ce.code;
              rule += " + van " + ce.id;
              k = l + At(l).name_len;
            }
          }
        }
      }
      // "een legerpost in Noord-Israël", "vluchtelingen uit Sudan": a bare
      // role takes the country of the place that follows, unless the role is
      // posted abroad (diplomats, correspondents) or owned ("zijn troepen uit
      // Oekraïne") or named ("minister Hoekstra in Kyiv"); "uit" never for
      // troops ("troepen uit Gaza terugtrekken").
      std::string place_code;
      if (name_code.empty() && adj_code.empty() && base.empty() && van_code.empty() &&
          !unknown_name && !(start > sb_ && Possessives().count(Fold(start - 1))) &&
          !(start < j && Possessives().count(Fold(start)))) {
        bool abroad = false;
        for (uint32_t t = j; t < j + std::max<uint32_t>(h.role_len, 1); ++t) {
          abroad = abroad || IsPostedAbroadNoun(Fold(t));
        }
        if (!abroad) place_code = PlaceCountry(k, sector != "MIL" && sector != "PKO", &rule);
      }
      if (!name_code.empty()) {
        code = name_code;
      } else {
        std::string b = !adj_code.empty() ? adj_code
                        : !base.empty() ? base
                        : !van_code.empty() ? van_code
                                            : place_code;
        code = Compose(b, sector);
        if (b.empty() && !options_.emit_bare_roles) return false;
      }
    }
    m->token_begin = start;
    m->token_end = k;
    m->span = Span{tokens_[start].span.begin, tokens_[k - 1].span.end};
    m->text = std::string(m->span.Of(raw_));
    m->code = code;
    m->country = dict_.CountryOf(code);
    m->sector = dict_.SectorOf(code);
    m->entry_id = entry_id;
    m->rule = rule;
    m->locative = locative;
    *next = k;
    return true;
  }

  const ActorDictionary& dict_;
  const ActorMatchOptions& options_;
  std::string_view raw_;
  const std::vector<Token>& tokens_;
  bool dated_ = false;
  int64_t day_first_ = 0, day_last_ = 0;
  uint32_t sb_ = 0, se_ = 0;
  std::vector<Atom> atoms_;
  int depth_ = 0;  // TryPhrase recursion (coordinated adjectives)
  std::vector<std::string> exact_, folded_;  // per token: NormalizeKey, FoldKey
  std::string exact_key_, folded_key_;       // BuildAtom's buffers
};

}  // namespace

ActorMatcher::ActorMatcher(ActorDictionary dict, ActorMatchOptions options)
    : dict_(std::move(dict)), options_(options) {}

std::vector<ActorMention> ActorMatcher::Match(
    std::string_view raw, const std::vector<Token>& tokens,
    const std::vector<Sentence>& sentences, const PartialDate& date) const {
  std::vector<ActorMention> out;
  Pass pass(dict_, options_, raw, tokens, date);
  if (sentences.empty()) {
    if (!tokens.empty()) pass.RunSentence(0, static_cast<uint32_t>(tokens.size()), &out);
    return out;
  }
  for (const Sentence& s : sentences) {
    if (s.token_begin < s.token_end && s.token_end <= tokens.size()) {
      pass.RunSentence(s.token_begin, s.token_end, &out);
    }
  }
  return out;
}

std::vector<ActorMention> ActorMatcher::MatchPhrase(std::string_view text,
                                                    const PartialDate& date) const {
  return Match(text, internal::SimpleTokenize(text), {}, date);
}

Status ActorMatcher::RunSelfTests() const {
  std::string failures;
  for (const ActorSelfTest& t : dict_.self_tests()) {
    std::vector<ActorMention> ms = MatchPhrase(t.phrase, t.date);
    std::string got;
    const ActorMention* longest = nullptr;
    for (const ActorMention& m : ms) {
      got += (got.empty() ? "" : ",") + m.code;
      if (!longest || m.span.size() > longest->span.size()) longest = &m;
    }
    bool pass = t.expected_code == "-" ? ms.empty()
                                       : longest && longest->code == t.expected_code;
    if (!pass) {
      if (!failures.empty()) failures += '\n';
      failures += t.source + ": self-test '" + t.phrase + "' expected " +
                  t.expected_code + ", got " + (got.empty() ? "nothing" : got);
    }
  }
  if (failures.empty()) return Status::OK();
  return InvalidArgumentError(std::move(failures));
}

}  // namespace kroniek::entities
