// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/coder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "base/hash.h"

namespace kroniek::events {

namespace {

using lang::VerbForm;
using lang::VerbReading;

// ---------------------------------------------------------------------------
// Small word lists that are structural rather than lexical (the lexical cue
// lists live in the language pack's cues.tsv). Prepositions are used only when
// no tagger ran; pronouns resolve to earlier actors.
const std::set<std::string, std::less<>> kFallbackPreps = {
    "in",  "op",    "aan",  "tot",     "van",   "met",    "voor",  "door",  "tegen",
    "bij", "naar",  "uit",  "over",    "tussen", "onder", "om",    "na",    "sinds",
    "zonder", "volgens", "rond", "nabij", "binnen", "buiten", "langs", "via", "jegens",
    "namens", "als"};
const std::set<std::string, std::less<>> kDeterminers = {
    "de", "het", "een", "hun", "zijn", "haar", "deze", "die", "dit", "dat", "onze", "ons"};
const std::set<std::string, std::less<>> kSubjectPronouns = {"hij", "zij", "ze"};
const std::set<std::string, std::less<>> kPersonNouns = {
    "mensen", "personen", "burgers", "soldaten", "militairen", "agenten", "kinderen",
    "inwoners", "demonstranten", "strijders", "rebellen", "journalisten", "vrouwen",
    "mannen", "slachtoffers", "politieagenten", "betogers", "leden", "gevangenen"};
// Verb lemmas (and participles) that report deaths or injuries in a clause.
const std::set<std::string, std::less<>> kKilledVerbs = {
    "omkomen", "sneuvelen", "doden", "vermoorden", "doodschieten", "neerschieten",
    "executeren", "overlijden", "sterven", "ombrengen", "omleggen"};
const std::set<std::string, std::less<>> kInjuredWords = {"gewond", "verwond", "verwonden",
                                                          "verwondingen"};
const std::set<std::string, std::less<>> kMilitaryContext = {
    "gevecht", "gevechten", "leger", "troepen", "artillerie", "raketten", "raket",
    "oorlog", "soldaten", "militairen", "beschietingen", "front", "bombardementen",
    "luchtaanval", "luchtaanvallen", "tanks", "drones"};

struct ActorRef {
  std::string text;
  Span span;
  std::string code, country, sector, resolved_from;
};

enum class UnitKind { kActor, kEntity, kPronoun, kBothSides, kRecip, kPlace };

struct Unit {
  uint32_t b = 0, e = 0;  // token range
  UnitKind kind = UnitKind::kActor;
  std::vector<ActorRef> refs;
  std::string prep;
  int group = -1;
};

enum class ClauseType { kMain, kSub, kRelative };

struct Clause {
  uint32_t b = 0, e = 0;
  ClauseType type = ClauseType::kMain;
  std::string sub;  // subordinator or relative word, lowercase
  bool conditional = false, negated = false, modal = false, reported = false,
       passive_aux = false, recip = false;
  int finite = -1;
  std::vector<Unit> units;
};

struct Casualties {
  std::optional<int64_t> killed, injured, cumulative_killed, cumulative_injured;
  bool civilians = false, vague = false, found = false;
  std::vector<Span> spans;
  int clause = -1;
};

// An event before resolution of the date and place.
struct Draft {
  Event ev;
  uint32_t sentence = 0;
  int clause = -1;
  uint32_t trigger_token = 0;
  bool from_casualty_only = false;
  bool violent = false;
  bool speech = false;  // a speaker's statement (CAMEO 01)
};

std::string Root(const std::string& cameo) { return cameo.substr(0, 2); }
bool IsViolentRoot(const std::string& root) {
  return root == "18" || root == "19" || root == "20";
}

class DocumentRun {
 public:
  DocumentRun(const CoderInput& in, const EventDictionary& dict, const Ontology& ont,
              const lang::Morphology& morph, const CoderOptions& opt)
      : in_(in), raw_(in.doc.raw), toks_(in.text.tokens), dict_(dict), ont_(ont),
        morph_(morph), opt_(opt) {}

  std::vector<Event> Run();

 private:
  // --- token helpers ------------------------------------------------------
  const std::string& Lower(uint32_t i) const { return lower_[i]; }
  const std::string& Upos(uint32_t i) const {
    static const std::string kNone;
    return i < in_.upos.size() ? in_.upos[i] : kNone;
  }
  bool HasTagger() const { return !in_.upos.empty(); }
  bool IsVerbToken(uint32_t i) const;
  // A verb token that reads as a finite form: a strong past/present, a weak
  // form with its -t/-de/-te ending, or an -en plural that is no participle.
  bool IsFinite(uint32_t i) const;
  bool IsPrep(uint32_t i) const {
    if (HasTagger() && Upos(i) == "ADP") return true;
    return kFallbackPreps.count(Lower(i)) > 0 && (!HasTagger() || Upos(i) != "SCONJ");
  }
  bool Cue(const char* cat, uint32_t i) const { return dict_.IsCue(cat, Lower(i)); }
  // Length in tokens of a multi-word cue of `cat` starting at token i, or 0.
  uint32_t MultiCue(const char* cat, uint32_t i, uint32_t end) const;
  const std::vector<VerbReading>& Readings(uint32_t i) const;
  std::string SentenceText(uint32_t s) const {
    return std::string(in_.text.sentences[s].span.Of(raw_));
  }
  Span TokenSpan(uint32_t b, uint32_t e) const {
    return Span{toks_[b].span.begin, toks_[e - 1].span.end};
  }

  // --- analysis steps -----------------------------------------------------
  void Prepare();
  std::vector<Clause> Clauses(uint32_t s) const;
  void FindUnits(Clause* c) const;
  void ResolveUnits(Clause* c);
  Casualties FindCasualties(const Clause& c) const;
  void CodeSentence(uint32_t s);
  void AddTriggerEvents(uint32_t s, std::vector<Clause>& clauses, int ci,
                        std::vector<Draft>* out);
  // A role without a country ("de politie", "burgers") belongs to the
  // country of the sentence's place, else of the sentence's one named
  // country, else of the article.
  void FillCountry(ActorRef* r, uint32_t token) const;
  // The country of the first place in the clause, as an actor.
  std::optional<ActorRef> PlaceActor(const Clause& c) const;
  std::vector<ActorRef> Slot(const Clause& c, const std::string& slot, bool passive,
                             int* group_out) const;
  int SubjectGroup(const Clause& c) const;
  void Emit(const Clause& c, uint32_t s, int ci, const Pattern& p, const std::string& cameo,
            uint32_t trigger_b, uint32_t trigger_e, std::vector<Span> extra_trigger,
            std::vector<ActorRef> sources, std::vector<ActorRef> targets, bool recip,
            bool reported, std::vector<Draft>* out) const;
  EventDate DateFor(uint32_t s, const Clause& c, bool* historical) const;
  std::optional<EventLocation> PlaceFor(uint32_t s, const Clause& c) const;
  void Finish(Draft& d, const Clause& c);
  std::vector<Event> Merge(std::vector<Draft>& drafts) const;

  const CoderInput& in_;
  std::string_view raw_;
  const std::vector<Token>& toks_;
  const EventDictionary& dict_;
  const Ontology& ont_;
  const lang::Morphology& morph_;
  const CoderOptions& opt_;

  std::vector<std::string> lower_;
  mutable std::vector<std::optional<std::vector<VerbReading>>> readings_;
  std::vector<int> actor_at_;  // token -> index into in_.actors (start only)
  std::vector<int> ner_at_;    // token -> index into in_.ner (start only)
  std::vector<uint32_t> place_tok_begin_, place_tok_end_;  // per place
  std::vector<ActorRef> pair_;  // the document's conflict pair
  std::vector<ActorRef> last_subject_;
  std::string doc_country_;  // the country the article is most about
  // The last explicitly dated event: later sentences without a date of
  // their own continue its story ("Daarbij kwamen ... om").
  std::optional<EventDate> last_date_;
  uint32_t last_date_sentence_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> speech_clauses_;  // token ranges
  bool military_ = false;
  const entities::ResolvedPlace* focus_place_ = nullptr;
  std::vector<Draft> drafts_;
};

bool DocumentRun::IsVerbToken(uint32_t i) const {
  if (toks_[i].type != TokenType::kWord) return false;
  if (HasTagger()) {
    const std::string& u = Upos(i);
    // The tagger reads some strong past forms as nouns ("Japan bood ...");
    // a lowercase word that is a past form in the irregular table is a verb.
    bool strong_past = false;
    if (u == "NOUN" && std::islower(static_cast<unsigned char>(toks_[i].text[0])))
      for (const VerbReading& r : Readings(i))
        if (r.strong && r.form == VerbForm::kPast && r.particle.empty() && r.lemma == r.base &&
            !dict_.NounPatternsForWord(Lower(i)).size())
          strong_past = true;
    if (u != "VERB" && u != "AUX" && !strong_past) return false;
  } else {
    unsigned char c = static_cast<unsigned char>(toks_[i].text[0]);
    if (c >= 'A' && c <= 'Z') return false;
  }
  // An attributive participle (het opgelaaide conflict) is not a clause verb.
  if (i > 0 && i + 1 < toks_.size() && kDeterminers.count(Lower(i - 1)) &&
      (!HasTagger() || Upos(i + 1) == "NOUN"))
    return false;
  return true;
}

bool DocumentRun::IsFinite(uint32_t i) const {
  if (!IsVerbToken(i)) return false;
  const std::string& w = Lower(i);
  bool participle = false, strong_finite = false, weak_finite = false;
  auto ends = [&](const char* suf) {
    size_t n = std::char_traits<char>::length(suf);
    return w.size() > n && w.compare(w.size() - n, n, suf) == 0;
  };
  for (const VerbReading& r : Readings(i)) {
    if (r.form == VerbForm::kParticiple) participle = true;
    if (r.finite && r.strong) strong_finite = true;
    if (r.finite && !r.strong && (ends("t") || ends("de") || ends("te") || ends("den") || ends("ten")))
      weak_finite = true;
  }
  if (strong_finite) return true;
  if (participle) return false;
  return weak_finite || ends("en");
}

const std::vector<VerbReading>& DocumentRun::Readings(uint32_t i) const {
  if (!readings_[i]) readings_[i] = morph_.VerbReadings(toks_[i].text);
  return *readings_[i];
}

uint32_t DocumentRun::MultiCue(const char* cat, uint32_t i, uint32_t end) const {
  uint32_t best = 0;
  for (const std::string& cue : dict_.Cues(cat)) {
    uint32_t k = i;
    size_t pos = 0;
    bool ok = true;
    while (pos <= cue.size()) {
      size_t sp = cue.find(' ', pos);
      std::string_view word = std::string_view(cue).substr(
          pos, sp == std::string::npos ? std::string_view::npos : sp - pos);
      if (k >= end || Lower(k) != word) {
        ok = false;
        break;
      }
      ++k;
      if (sp == std::string::npos) break;
      pos = sp + 1;
    }
    if (ok) best = std::max(best, k - i);
  }
  return best;
}

void DocumentRun::Prepare() {
  const size_t n = toks_.size();
  lower_.resize(n);
  for (size_t i = 0; i < n; ++i) lower_[i] = lang::LowerUtf8(toks_[i].text);
  readings_.assign(n, std::nullopt);
  actor_at_.assign(n, -1);
  ner_at_.assign(n, -1);
  for (size_t a = 0; a < in_.actors.size(); ++a)
    if (in_.actors[a].token_begin < n) actor_at_[in_.actors[a].token_begin] = static_cast<int>(a);
  for (size_t e = 0; e < in_.ner.size(); ++e)
    if (in_.ner[e].token_begin < n) ner_at_[in_.ner[e].token_begin] = static_cast<int>(e);
  // Places: byte spans -> token ranges.
  for (const auto& p : in_.places) {
    auto lb = std::lower_bound(toks_.begin(), toks_.end(), p.span.begin,
                               [](const Token& t, uint32_t b) { return t.span.end <= b; });
    uint32_t b = static_cast<uint32_t>(lb - toks_.begin());
    uint32_t e = b;
    while (e < n && toks_[e].span.begin < p.span.end) ++e;
    place_tok_begin_.push_back(b);
    place_tok_end_.push_back(e);
  }
  // Military context and the article's focus place (most mentioned place
  // that is not a whole country).
  for (size_t i = 0; i < n; ++i)
    if (kMilitaryContext.count(lower_[i])) military_ = true;
  {
    std::map<std::string, int> country_n;
    for (const auto& a : in_.actors)
      if (!a.country.empty()) ++country_n[a.country];
    for (const auto& p : in_.places)
      if (!p.country_iso3.empty()) ++country_n[p.country_iso3];
    int best_n = 0;
    for (const auto& [k, v] : country_n)
      if (v > best_n) doc_country_ = k, best_n = v;
  }
  std::map<std::string, int> counts;
  for (const auto& p : in_.places) {
    if (p.precision == "country") continue;
    std::string key = p.geonames_id ? std::to_string(p.geonames_id) : p.region_id;
    if (++counts[key] > (focus_place_ ? counts[focus_place_->geonames_id
                                                   ? std::to_string(focus_place_->geonames_id)
                                                   : focus_place_->region_id]
                                      : 0))
      focus_place_ = &p;
  }
  // The conflict pair: the two countries most often coordinated ("X en Y"),
  // else the two most mentioned countries.
  std::map<std::pair<std::string, std::string>, int> pairs;
  std::map<std::string, int> country_count;
  std::map<std::string, ActorRef> first_ref;
  const auto& A = in_.actors;
  for (size_t a = 0; a < A.size(); ++a) {
    if (A[a].country.empty() || A[a].locative) continue;
    ++country_count[A[a].country];
    if (!first_ref.count(A[a].country))
      first_ref[A[a].country] = ActorRef{std::string(A[a].text), A[a].span, A[a].country,
                                         A[a].country, "", ""};
    if (a + 1 < A.size() && A[a + 1].token_begin == A[a].token_end + 1 &&
        A[a].token_end < n && lower_[A[a].token_end] == "en" && !A[a + 1].country.empty() &&
        A[a + 1].country != A[a].country) {
      auto key = std::minmax(A[a].country, A[a + 1].country);
      ++pairs[{key.first, key.second}];
    }
  }
  std::pair<std::string, std::string> best;
  int best_n = 0;
  for (const auto& [k, v] : pairs)
    if (v > best_n) best = k, best_n = v;
  if (best_n == 0) {
    std::vector<std::pair<int, std::string>> byn;
    for (const auto& [c, v] : country_count) byn.push_back({-v, c});
    std::sort(byn.begin(), byn.end());
    if (byn.size() >= 2) best = {byn[0].second, byn[1].second};
  }
  if (!best.first.empty()) {
    pair_.push_back(first_ref[best.first]);
    pair_.push_back(first_ref[best.second]);
  }
}

std::vector<Clause> DocumentRun::Clauses(uint32_t s) const {
  const Sentence& sen = in_.text.sentences[s];
  std::vector<Clause> out;
  Clause cur;
  cur.b = sen.token_begin;
  // A finite verb before the next punctuation: "als dat verder escaleert"
  // opens a clause, "als bemiddelaar" does not.
  auto verb_follows = [&](uint32_t i) {
    for (uint32_t k = i + 1; k < sen.token_end; ++k) {
      if (toks_[k].type == TokenType::kPunct) return false;
      if (IsFinite(k)) return true;
    }
    return false;
  };
  auto is_sub = [&](uint32_t i) {
    const std::string& l = Lower(i);
    bool relative_waar = l.size() > 4 && l.rfind("waar", 0) == 0 && dict_.IsCue("relative", l);
    if (!relative_waar && !dict_.IsCue("subordinator", l) && !dict_.IsCue("conditional", l))
      return false;
    if (!verb_follows(i)) return false;
    // "om" opens a clause only as "om ... te" ("kwamen drie mensen om en ..."
    // is the particle of omkomen).
    if (l == "om") {
      bool te = false;
      for (uint32_t k = i + 1; k < sen.token_end && toks_[k].type != TokenType::kPunct; ++k)
        if (Lower(k) == "te") te = true;
      if (!te) return false;
    }
    if (HasTagger()) return Upos(i) == "SCONJ" || relative_waar || l == "doordat" ||
                            l == "toen" || l == "nadat" || l == "omdat";
    return l != "dat" && l != "als";
  };
  auto start = [&](uint32_t i, ClauseType t, const std::string& word) {
    if (i > cur.b) {
      cur.e = i;
      out.push_back(cur);
    }
    cur = Clause();
    cur.b = i;
    cur.type = t;
    cur.sub = word;
  };
  if (is_sub(cur.b)) {
    cur.type = ClauseType::kSub;
    cur.sub = Lower(cur.b);
  }
  for (uint32_t i = sen.token_begin + 1; i < sen.token_end; ++i) {
    const std::string& l = Lower(i);
    const std::string& prev = Lower(i - 1);
    if (prev == ";" || prev == ":") {
      start(i, ClauseType::kMain, "");
    } else if (is_sub(i)) {
      start(i, ClauseType::kSub, l);
    } else if (prev == "," && (dict_.IsCue("relative", l) &&
                               (!HasTagger() || Upos(i) == "PRON" || l.rfind("waar", 0) == 0))) {
      start(i, ClauseType::kRelative, l);
    } else if (prev == "," && dict_.IsCue("coordinator", l)) {
      start(i, ClauseType::kMain, "");
    } else if (prev == "," && IsVerbToken(i) && cur.type == ClauseType::kSub) {
      // After a fronted subordinate clause the main clause starts with its verb.
      start(i, ClauseType::kMain, "");
    } else if (prev == "," && IsFinite(i) && cur.type == ClauseType::kMain &&
               [&] {
                 for (uint32_t k = cur.b; k + 1 < i; ++k)
                   if (IsFinite(k)) return true;
                 return false;
               }()) {
      // A quote tag after a complete main clause: "..., meldde de politie".
      start(i, ClauseType::kMain, "");
    }
  }
  cur.e = sen.token_end;
  out.push_back(cur);
  for (Clause& c : out) {
    for (uint32_t i = c.b; i < c.e; ++i) {
      const std::string& l = Lower(i);
      if (dict_.IsCue("negation", l)) c.negated = true;
      if (dict_.IsCue("modal", l) && IsVerbToken(i)) c.modal = true;
      if (dict_.IsCue("passive_aux", l)) c.passive_aux = true;
      if (dict_.IsCue("reciprocal", l)) c.recip = true;
      if (c.finite < 0 && (i == c.b || !Cue("subordinator", i)) && IsFinite(i))
        c.finite = static_cast<int>(i);
    }
    if (c.type == ClauseType::kSub && dict_.IsCue("conditional", c.sub)) c.conditional = true;
  }
  return out;
}

void DocumentRun::FindUnits(Clause* c) const {
  const auto& A = in_.actors;
  for (uint32_t i = c->b; i < c->e;) {
    Unit u;
    u.b = i;
    int a = actor_at_[i];
    uint32_t cue = 0;
    if (a >= 0 && A[a].token_end <= c->e) {
      const auto& m = A[a];
      u.e = m.token_end;
      u.kind = m.locative ? UnitKind::kPlace : UnitKind::kActor;
      u.refs.push_back(ActorRef{std::string(m.text), m.span, m.code, m.country, m.sector, ""});
      FillCountry(&u.refs.back(), i);
    } else if ((cue = MultiCue("both_sides", i, c->e)) > 0) {
      u.e = i + cue;
      u.kind = UnitKind::kBothSides;
    } else if (Lower(i) == "de" && i + 2 < c->e && (Lower(i + 1) == "twee" || Lower(i + 1) == "beide")) {
      // "de twee voormalige Sovjetrepublieken": up to three more words
      // ending in a plural noun.
      uint32_t k = i + 2;
      while (k < c->e && k < i + 5 && toks_[k].type == TokenType::kWord &&
             !(Lower(k).size() > 2 && (Lower(k).back() == 'n' || Lower(k).back() == 's') &&
               (!HasTagger() || Upos(k) == "NOUN")))
        ++k;
      if (k < c->e && toks_[k].type == TokenType::kWord) {
        u.e = k + 1;
        u.kind = UnitKind::kBothSides;
      } else {
        ++i;
        continue;
      }
    } else if (dict_.IsCue("reciprocal", Lower(i))) {
      u.e = i + 1;
      u.kind = UnitKind::kRecip;
    } else if (kSubjectPronouns.count(Lower(i)) && (!HasTagger() || Upos(i) == "PRON")) {
      u.e = i + 1;
      u.kind = UnitKind::kPronoun;
    } else if (ner_at_[i] >= 0 && in_.ner[ner_at_[i]].token_end <= c->e &&
               in_.ner[ner_at_[i]].type != "LOC") {
      const auto& e = in_.ner[ner_at_[i]];
      u.e = static_cast<uint32_t>(e.token_end);
      u.kind = UnitKind::kEntity;
      Span sp = TokenSpan(u.b, u.e);
      u.refs.push_back(ActorRef{std::string(sp.Of(raw_)), sp, "", "", "", ""});
    } else {
      ++i;
      continue;
    }
    // The preposition before the unit (skipping one determiner).
    uint32_t k = u.b;
    if (k > c->b && kDeterminers.count(Lower(k - 1))) --k;
    if (k > c->b && IsPrep(k - 1)) u.prep = Lower(k - 1);
    // "ten noorden van", "in het zuiden van": locative.
    c->units.push_back(std::move(u));
    i = c->units.back().e;
  }
  // Groups: units joined by "en" / "," / "of" (with an optional determiner or
  // an appositive noun between: "de Azeri's en hun bondgenoot Turkije").
  int g = 0;
  for (size_t k = 0; k < c->units.size(); ++k) {
    Unit& u = c->units[k];
    if (k > 0) {
      Unit& p = c->units[k - 1];
      bool joined = false, saw_conj = false;
      int extra = 0;
      for (uint32_t t = p.e; t < u.b; ++t) {
        const std::string& l = Lower(t);
        if (l == "en" || l == "of" || l == ",") {
          saw_conj = saw_conj || l != ",";
          joined = true;
        } else if (kDeterminers.count(l) || (extra++ < 1 && toks_[t].type == TokenType::kWord &&
                                             (!HasTagger() || Upos(t) == "NOUN"))) {
          continue;
        } else {
          joined = false;
          break;
        }
      }
      if (joined && saw_conj && p.kind != UnitKind::kPlace && u.kind != UnitKind::kPlace &&
          p.kind != UnitKind::kRecip && u.kind != UnitKind::kRecip) {
        u.group = p.group;
        if (u.prep.empty()) u.prep = p.prep;
        continue;
      }
    }
    u.group = g++;
  }
}

void DocumentRun::ResolveUnits(Clause* c) {
  for (Unit& u : c->units) {
    if (u.kind == UnitKind::kBothSides) {
      Span sp = TokenSpan(u.b, u.e);
      for (ActorRef r : pair_) {
        r.resolved_from = std::string(sp.Of(raw_));
        r.text = r.resolved_from;
        r.span = sp;
        u.refs.push_back(r);
      }
    } else if (u.kind == UnitKind::kPronoun) {
      Span sp = TokenSpan(u.b, u.e);
      for (ActorRef r : last_subject_) {
        r.resolved_from = r.text;
        r.text = std::string(sp.Of(raw_));
        r.span = sp;
        u.refs.push_back(r);
      }
    }
  }
  int sg = SubjectGroup(*c);
  if (sg >= 0) {
    std::vector<ActorRef> subj;
    for (const Unit& u : c->units)
      if (u.group == sg)
        for (const ActorRef& r : u.refs)
          if (!r.code.empty()) subj.push_back(r);
    if (!subj.empty()) last_subject_ = subj;
  }
}

void DocumentRun::FillCountry(ActorRef* r, uint32_t token) const {
  if (!r->country.empty() || r->code.empty() || r->code.size() != 3 || r->code == "IGO" ||
      r->code == "NGO")
    return;
  const auto& S = in_.text.sentences;
  auto it = std::upper_bound(S.begin(), S.end(), token,
                             [](uint32_t t, const Sentence& x) { return t < x.token_begin; });
  if (it == S.begin()) return;
  const Sentence& sen = *(it - 1);
  std::string country;
  for (size_t pi = 0; pi < in_.places.size() && country.empty(); ++pi)
    if (place_tok_begin_[pi] >= sen.token_begin && place_tok_end_[pi] <= sen.token_end)
      country = in_.places[pi].country_iso3;
  if (country.empty()) {
    std::set<std::string> named;
    for (const auto& a : in_.actors)
      if (a.token_begin >= sen.token_begin && a.token_end <= sen.token_end &&
          a.country.size() == 3)
        named.insert(a.country);
    if (named.size() == 1) country = *named.begin();
  }
  if (country.empty()) country = doc_country_;
  if (country.size() != 3) return;
  r->country = country;
  r->code = country + r->code;
}

std::optional<ActorRef> DocumentRun::PlaceActor(const Clause& c) const {
  for (size_t pi = 0; pi < in_.places.size(); ++pi) {
    const auto& p = in_.places[pi];
    if (place_tok_begin_[pi] < c.b || place_tok_end_[pi] > c.e || p.country_iso3.size() != 3)
      continue;
    // A country named as an actor ("Rusland viel ... aan") is no target place.
    bool actor = false;
    for (const Unit& u : c.units)
      if (u.kind != UnitKind::kPlace && place_tok_begin_[pi] < u.e && place_tok_end_[pi] > u.b)
        actor = true;
    if (actor) continue;
    return ActorRef{p.text, p.span, p.country_iso3, p.country_iso3, "", ""};
  }
  for (const Unit& u : c.units)
    if (u.kind == UnitKind::kPlace && !u.refs.empty() && !u.refs[0].country.empty()) {
      ActorRef r = u.refs[0];
      r.code = r.country;
      return r;
    }
  return std::nullopt;
}

int DocumentRun::SubjectGroup(const Clause& c) const {
  auto bare = [](const Unit& u) {
    return u.prep.empty() && u.kind != UnitKind::kPlace && u.kind != UnitKind::kRecip;
  };
  // The subject is decided by position, not by where actors happen to be:
  // a noun phrase that is no actor ("De aanvallers openden het vuur") holds
  // the subject slot, unless it is owned by an actor ("strijders van Boko
  // Haram", "een luchtaanval van het leger"), which then stands for it.
  auto in_unit = [&](uint32_t i) {
    for (const Unit& u : c.units)
      if (i >= u.b && i < u.e) return true;
    return false;
  };
  auto in_date = [&](uint32_t i) {
    for (const auto& d : in_.text.dates)
      if (i >= d.token_begin && i < d.token_end) return true;
    return false;
  };
  // First bare (not prepositional) noun outside actor units in [b, e):
  // returns the owner unit's group (>= 0), -2 for a non-actor subject, or -1.
  auto blocking_noun = [&](uint32_t b, uint32_t e) -> int {
    if (!HasTagger()) return -1;
    bool in_pp = false;
    for (uint32_t i = b; i < e; ++i) {
      const std::string& u = Upos(i);
      if (IsPrep(i)) {
        in_pp = true;
        continue;
      }
      if (u == "DET" || u == "ADJ" || u == "NUM" || u == "ADV" || u == "CCONJ") continue;
      if (u != "NOUN" || in_unit(i) || in_date(i) || dict_.IsCue("reflexive", Lower(i)) ||
          Lower(i) == "er") {
        if (u == "NOUN" || u == "PROPN" || in_unit(i)) in_pp = false;
        continue;
      }
      if (in_pp) {
        in_pp = false;
        continue;
      }
      uint32_t k = i + 1;
      if (k < e && Lower(k) == "van") {
        for (const Unit& un : c.units)
          if (un.prep == "van" && un.b > k && un.b <= k + 2 && un.kind != UnitKind::kPlace)
            return un.group;
      }
      return -2;
    }
    return -1;
  };
  if (c.type == ClauseType::kMain && c.finite >= 0) {
    const uint32_t f = static_cast<uint32_t>(c.finite);
    for (const Unit& u : c.units)
      if (bare(u) && u.b < f) {
        int bn = blocking_noun(c.b, u.b);
        return bn == -1 ? u.group : bn;
      }
    int bn = blocking_noun(c.b, f);
    if (bn != -1) return bn;
    for (const Unit& u : c.units)
      if (bare(u) && u.b > f) {
        int bn2 = blocking_noun(f + 1, u.b);
        return bn2 == -1 ? u.group : bn2;
      }
    return -1;
  }
  uint32_t start = c.b + (c.sub.empty() ? 0 : 1);
  for (const Unit& u : c.units)
    if (bare(u)) {
      int bn = blocking_noun(start, u.b);
      return bn == -1 ? u.group : bn;
    }
  return -1;
}

std::vector<ActorRef> DocumentRun::Slot(const Clause& c, const std::string& slot,
                                        bool passive, int* group_out) const {
  std::vector<ActorRef> out;
  int group = -1;
  int sg = SubjectGroup(c);
  if (slot == "subj") {
    if (passive) {
      for (const Unit& u : c.units)
        if (u.prep == "door" && u.kind != UnitKind::kPlace) {
          group = u.group;
          break;
        }
    } else {
      group = sg;
    }
  } else if (slot == "obj") {
    if (passive) {
      group = sg;
    } else {
      for (const Unit& u : c.units)
        if (u.group != sg && u.prep.empty() && u.kind != UnitKind::kPlace &&
            u.kind != UnitKind::kRecip) {
          group = u.group;
          break;
        }
    }
  } else if (slot.rfind("pobj:", 0) == 0) {
    std::string prep = slot.substr(5);
    for (const Unit& u : c.units)
      if (u.prep == prep && u.kind != UnitKind::kPlace) {
        group = u.group;
        break;
      }
  }
  if (group >= 0)
    for (const Unit& u : c.units)
      if (u.group == group) out.insert(out.end(), u.refs.begin(), u.refs.end());
  if (group_out) *group_out = group;
  return out;
}

Casualties DocumentRun::FindCasualties(const Clause& c) const {
  Casualties cas;
  bool cumulative = false;
  for (uint32_t i = c.b; i < c.e; ++i)
    if (MultiCue("cumulative", i, c.e)) cumulative = true;
  const auto& nums = in_.text.numbers;
  auto number_before = [&](uint32_t i, uint32_t window) -> const text::NumberMention* {
    const text::NumberMention* best = nullptr;
    for (const auto& n : nums)
      if (n.token_end <= i && n.token_end + window >= i && n.token_begin >= c.b) best = &n;
    return best;
  };
  std::set<const text::NumberMention*> counted;
  auto record = [&](const text::NumberMention* n, bool killed, uint32_t noun) {
    if (n && !counted.insert(n).second) return;
    cas.found = true;
    Span sp = n ? Span{std::min(n->span.begin, toks_[noun].span.begin),
                       std::max(n->span.end, toks_[noun].span.end)}
                : toks_[noun].span;
    cas.spans.push_back(sp);
    std::optional<int64_t> v;
    if (n && !n->vague) v = static_cast<int64_t>(n->value);
    if (n && n->vague) cas.vague = true;
    if (!n) cas.vague = true;
    auto& slot = killed ? (cumulative ? cas.cumulative_killed : cas.killed)
                        : (cumulative ? cas.cumulative_injured : cas.injured);
    if (v && !slot) slot = v;
  };
  for (uint32_t i = c.b; i < c.e; ++i) {
    const std::string& l = Lower(i);
    bool killed_noun = dict_.IsCue("casualty_killed", l);
    bool injured_noun = dict_.IsCue("casualty_injured", l);
    if (killed_noun || injured_noun) {
      const text::NumberMention* n = number_before(i, 3);
      // A bare casualty noun without a count ("de doden") still says there
      // were victims, but only quantified or vague counts make a report.
      if (n || (i > c.b && (Lower(i - 1) == "talloze" || Lower(i - 1) == "vele"))) {
        record(n, killed_noun, i);
      } else if (cumulative && killed_noun) {
        // "Het dodental ... is gestegen tot 52": the total follows.
        for (const auto& m : nums) {
          if (m.token_begin <= i || m.token_end > c.e || m.token_begin < 1) continue;
          const std::string& before = Lower(m.token_begin - 1);
          if (before != "tot" && before != "op" && before != "dan") continue;
          record(&m, true, i);
          break;
        }
      }
    }
    if (dict_.IsCue("civilian", l)) cas.civilians = true;
  }
  {
    // "twaalf mensen kwamen om", "drie soldaten werden gedood", "raakten gewond".
    bool killed_verb = false, injured_verb = false;
    for (uint32_t i = c.b; i < c.e; ++i) {
      if (kInjuredWords.count(Lower(i))) injured_verb = true;
      if (Lower(i) == "leven" && i > c.b && Lower(i - 1) == "het") killed_verb = true;
      if (!IsVerbToken(i) && !kKilledVerbs.count(Lower(i))) continue;
      for (const VerbReading& r : Readings(i)) {
        if (kKilledVerbs.count(r.lemma)) killed_verb = true;
        // A separable verb split over the clause: "kwamen ... om".
        if (r.particle.empty())
          for (uint32_t k = i + 1; k < c.e; ++k)
            if (morph_.IsParticle(Lower(k)) && kKilledVerbs.count(Lower(k) + r.base))
              killed_verb = true;
      }
    }
    if (killed_verb || injured_verb) {
      // Each counted group of people is killed or injured by what follows
      // it up to the next group: "drie mensen om en raakten vijf gewond".
      for (uint32_t i = c.b; i < c.e; ++i) {
        if (!kPersonNouns.count(Lower(i)) && Lower(i) != "anderen") continue;
        const text::NumberMention* n = number_before(i, 2);
        if (!n) continue;
        bool injured_here = false;
        for (uint32_t k = i + 1; k < c.e; ++k) {
          if (kPersonNouns.count(Lower(k)) && number_before(k, 2)) break;
          if (kInjuredWords.count(Lower(k)) || Lower(k).find("gewond") != std::string::npos)
            injured_here = true;
        }
        record(n, killed_verb && !(injured_verb && injured_here), i);
      }
    }
  }
  return cas;
}

void DocumentRun::Emit(const Clause& c, uint32_t s, int ci, const Pattern& p,
                       const std::string& cameo, uint32_t trigger_b, uint32_t trigger_e,
                       std::vector<Span> extra_trigger, std::vector<ActorRef> sources,
                       std::vector<ActorRef> targets, bool recip, bool reported,
                       std::vector<Draft>* out) const {
  (void)p;
  std::vector<std::pair<std::optional<ActorRef>, std::optional<ActorRef>>> pairs;
  if (recip && sources.size() >= 2) {
    // "beide kanten bestookten elkaar", "X en Y kwamen bijeen": one event
    // per direction, as CAMEO dyads are directed.
    for (const auto& a : sources)
      for (const auto& b : sources)
        if (a.code != b.code || a.text != b.text) pairs.push_back({a, b});
  } else {
    std::vector<std::optional<ActorRef>> S(sources.begin(), sources.end()),
        T(targets.begin(), targets.end());
    if (S.empty()) S.push_back(std::nullopt);
    if (T.empty()) T.push_back(std::nullopt);
    for (const auto& a : S) {
      bool any = false;
      for (const auto& b : T) {
        if (a && b && !a->code.empty() && a->code == b->code) continue;
        pairs.push_back({a, b});
        any = true;
      }
      // Only a self-directed reading: keep the event, without the target.
      if (!any) pairs.push_back({a, std::nullopt});
    }
  }
  const CameoInfo* info = ont_.Find(cameo);
  for (const auto& [src, tgt] : pairs) {
    Draft d;
    d.sentence = s;
    d.clause = ci;
    d.trigger_token = trigger_b;
    Event& e = d.ev;
    e.cameo = cameo;
    if (info) {
      e.plover_type = info->plover_type;
      e.plover_mode = info->plover_mode;
      e.quad_class = info->quad_class;
      e.goldstein = info->goldstein;
    }
    d.violent = IsViolentRoot(Root(cameo));
    Span tsp = TokenSpan(trigger_b, trigger_e);
    e.trigger = std::string(tsp.Of(raw_));
    e.evidence.push_back({"trigger", tsp});
    for (const Span& x : extra_trigger) {
      e.evidence.push_back({"trigger", x});
      e.trigger += " … " + std::string(x.Of(raw_));
    }
    auto slot = [&](const std::optional<ActorRef>& r, const char* role) -> std::optional<ActorSlot> {
      if (!r) return std::nullopt;
      e.evidence.push_back({role, r->span});
      return ActorSlot{r->text, r->span, r->code, r->country, r->sector, r->resolved_from};
    };
    e.source = slot(src, "source");
    e.target = slot(tgt, "target");
    e.reported = reported;
    e.negated = c.negated;
    e.hypothetical = c.conditional || c.modal;
    out->push_back(std::move(d));
  }
}

void DocumentRun::AddTriggerEvents(uint32_t s, std::vector<Clause>& clauses, int ci,
                                   std::vector<Draft>* out) {
  Clause& c = clauses[ci];
  const bool sentence_reported = [&] {
    const Sentence& sen = in_.text.sentences[s];
    for (uint32_t i = sen.token_begin; i < sen.token_end; ++i)
      if (Lower(i) == "volgens") return true;
    return false;
  }();
  bool reported = c.reported || sentence_reported;
  std::set<uint32_t> used;  // tokens already a trigger
  for (uint32_t i = c.b; i < c.e; ++i) {
    if (!IsVerbToken(i)) continue;
    if (i > c.b && Lower(i - 1) == "te") continue;  // content of another verb
    // Best pattern over this token's readings.
    const Pattern* best = nullptr;
    int best_spec = -1;
    uint32_t particle_tok = UINT32_MAX, object_tok = UINT32_MAX;
    for (const VerbReading& r : Readings(i)) {
      for (const std::string* key : {&r.lemma, &r.base}) {
        for (const Pattern* p : dict_.VerbPatterns(*key)) {
          uint32_t ptok = UINT32_MAX;
          if (!p->particle.empty()) {
            if (r.particle == p->particle && r.lemma == p->lemma) {
              // joined: opriep, opgeroepen
            } else if (r.particle.empty() && r.base == p->base) {
              for (uint32_t k = i + 1; k < c.e; ++k)
                if (Lower(k) == p->particle) ptok = k;
              if (ptok == UINT32_MAX) continue;
            } else {
              continue;
            }
          } else if (!r.particle.empty() || r.lemma != p->lemma) {
            continue;
          }
          if (p->reflexive) {
            bool refl = false;
            for (uint32_t k = c.b; k < c.e; ++k)
              if (dict_.IsCue("reflexive", Lower(k))) refl = true;
            if (!refl) continue;
          }
          if (!p->preps.empty()) {
            bool has = false;
            for (uint32_t k = c.b; k < c.e; ++k)
              for (const std::string& pr : p->preps)
                if (Lower(k) == pr && k != ptok) has = true;
            if (!has) continue;
          }
          uint32_t otok = UINT32_MAX;
          if (!p->objects.empty()) {
            for (uint32_t k = c.b; k < c.e && otok == UINT32_MAX; ++k) {
              if (k == i) continue;
              for (const std::string& o : p->objects) {
                const std::string& l = Lower(k);
                if (l == o || (l.size() > o.size() && l.compare(l.size() - o.size(), o.size(), o) == 0) ||
                    l == o + "en" || l == o + "s" ||
                    (!o.empty() && l == o + o.back() + "en"))
                  otok = k;
              }
            }
            if (otok == UINT32_MAX) continue;
          }
          int spec = p->specificity();
          if (spec > best_spec) {
            best = p;
            best_spec = spec;
            particle_tok = ptok;
            object_tok = otok;
          }
        }
      }
    }
    if (best) {
      used.insert(i);
      if (object_tok != UINT32_MAX) used.insert(object_tok);
      std::string cameo = best->cameo;
      bool refined = false;
      for (const Refinement& rf : best->refine) {
        for (uint32_t k = c.b; k < c.e && !refined; ++k)
          for (const std::string& kw : rf.keywords)
            if (Lower(k).rfind(kw, 0) == 0) {
              cameo = rf.cameo;
              refined = true;
              break;
            }
        if (refined) break;
      }
      bool passive = false;
      for (const VerbReading& r : Readings(i))
        if (r.form == VerbForm::kParticiple && c.passive_aux) passive = true;
      int sg = -1;
      std::vector<ActorRef> src = Slot(c, best->source, passive, &sg);
      std::vector<ActorRef> tgt;
      bool recip = false;
      if (best->target == "recip" || (c.recip && best->target == "obj")) {
        recip = c.recip || best->target == "recip";
        if (src.size() < 2) {
          recip = false;
          tgt = Slot(c, best->target == "recip" ? "pobj:met" : "obj", passive, nullptr);
        }
      } else {
        tgt = Slot(c, best->target, passive, nullptr);
      }
      // A mediator or host acts towards both parties of the conflict.
      if (tgt.empty() && !recip && (cameo == "039" || cameo == "045" || cameo == "043")) {
        for (const ActorRef& r : pair_)
          if (std::none_of(src.begin(), src.end(),
                           [&](const ActorRef& a) { return a.country == r.country; }))
            tgt.push_back(r);
      }
      // An attack on a place is an attack on its country ("bestookten de
      // haven van Odessa", "Charkiv aangevallen").
      if (tgt.empty() && !recip && best->target != "none" &&
          (IsViolentRoot(Root(cameo)) || Root(cameo) == "17")) {
        std::optional<ActorRef> at = PlaceActor(c);
        if (at) tgt.push_back(*at);
      }
      std::vector<Span> extra;
      if (particle_tok != UINT32_MAX) extra.push_back(toks_[particle_tok].span);
      Emit(c, s, ci, *best, cameo, i, i + 1, extra, src, tgt, recip, reported, out);
      // An accusation's complement ("van aanvallen") is a reported event by
      // the accused.
      if (Root(cameo) == "11") {
        for (uint32_t k = i + 1; k < c.e; ++k) {
          if (Lower(k) != "van") continue;
          for (uint32_t m = k + 1; m < std::min<uint32_t>(c.e, k + 5); ++m) {
            auto nps = dict_.NounPatternsForWord(Lower(m));
            for (const std::string& cand : {Lower(m).size() > 4 && Lower(m).substr(Lower(m).size() - 2) == "en"
                                                ? Lower(m).substr(0, Lower(m).size() - 2)
                                                : std::string()}) {
              if (nps.empty() && !cand.empty()) nps = dict_.NounPatternsForWord(cand);
              if (nps.empty() && cand.size() > 2 && cand[cand.size() - 1] == cand[cand.size() - 2])
                nps = dict_.NounPatternsForWord(cand.substr(0, cand.size() - 1));
            }
            if (nps.empty() || !IsViolentRoot(Root(nps[0]->cameo))) continue;
            std::vector<ActorRef> accused = Slot(c, best->target, passive, nullptr);
            Emit(c, s, ci, *nps[0], nps[0]->cameo, m, m + 1, {}, accused, {}, false, true, out);
            break;
          }
          break;
        }
      }
      continue;
    }
    // Speech verbs: a statement by the subject.
    for (const VerbReading& r : Readings(i)) {
      const SpeechVerb* sv = dict_.FindSpeechVerb(r.lemma);
      if (!sv || !r.particle.empty()) continue;
      if (!sv->particle.empty()) {
        bool found = false;
        for (uint32_t k = i + 1; k < c.e; ++k)
          if (Lower(k) == sv->particle) found = true;
        if (!found && r.lemma != sv->lemma) continue;
      }
      used.insert(i);
      std::vector<ActorRef> src = Slot(c, "subj", false, nullptr);
      std::vector<ActorRef> tgt = Slot(c, "pobj:tegen", false, nullptr);
      // Mark the clauses it reports; their subject is what it is about.
      speech_clauses_.push_back({c.b, c.e});
      for (size_t k = ci + 1; k < clauses.size(); ++k) {
        if (clauses[k].type == ClauseType::kMain) break;
        // Only a complement clause is what was said; "nadat", "omdat" ...
        // clauses are events of their own.
        if (k == static_cast<size_t>(ci) + 1 && clauses[k].sub != "dat" &&
            clauses[k].sub != "of")
          break;
        clauses[k].reported = true;
        if (tgt.empty() && k == static_cast<size_t>(ci) + 1) {
          FindUnits(&clauses[k]);
          ResolveUnits(&clauses[k]);
          for (const ActorRef& r2 : Slot(clauses[k], "subj", false, nullptr))
            if (!r2.code.empty()) tgt.push_back(r2);
          clauses[k].units.clear();
        }
      }
      bool has_source = std::any_of(src.begin(), src.end(),
                                    [](const ActorRef& a) { return !a.code.empty(); });
      if (opt_.emit_statements && has_source) {
        Pattern dummy;
        size_t before = out->size();
        Emit(c, s, ci, dummy, sv->cameo, i, i + 1, {}, src, tgt, false, reported, out);
        for (size_t k = before; k < out->size(); ++k) {
          (*out)[k].ev.hypothetical = false;
          (*out)[k].speech = true;
        }
      }
      break;
    }
  }
  // Nominal triggers with a support verb in the clause.
  std::string role;
  uint32_t support_tok = 0;
  for (uint32_t i = c.b; i < c.e && role.empty(); ++i) {
    if (!IsVerbToken(i)) continue;
    for (const VerbReading& r : Readings(i)) {
      role = dict_.SupportRole(r.lemma);
      // Split off: "braken ... uit", "vond ... plaats", "laaide ... op".
      for (uint32_t k = i + 1; k < c.e && role.empty() && r.particle.empty(); ++k)
        if (toks_[k].type == TokenType::kWord) role = dict_.SupportRole(Lower(k) + r.base);
      if (!role.empty()) {
        support_tok = i;
        break;
      }
    }
  }
  if (!role.empty()) {
    // Candidate nouns nearest the support verb first: its subject or object.
    std::vector<uint32_t> order;
    for (uint32_t i = c.b; i < c.e; ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      auto d = [&](uint32_t x) { return x > support_tok ? x - support_tok : support_tok - x; };
      return d(a) < d(b);
    });
    for (uint32_t i : order) {
      if (used.count(i) || toks_[i].type != TokenType::kWord) continue;
      // The tagger sometimes reads a plural noun as a verb (gevechten).
      static const std::set<std::string, std::less<>> kNotNouns = {
          "ADP", "DET", "PRON", "ADV", "CCONJ", "SCONJ", "PUNCT", "AUX", "NUM"};
      if (HasTagger() && kNotNouns.count(Upos(i))) continue;
      const std::string& l = Lower(i);
      std::vector<const Pattern*> nps = dict_.NounPatternsForWord(l);
      if (nps.empty() && l.size() > 4 && l.compare(l.size() - 2, 2, "en") == 0) {
        std::string stem = l.substr(0, l.size() - 2);
        nps = dict_.NounPatternsForWord(stem);
        if (nps.empty() && stem.size() > 2 && stem.back() == stem[stem.size() - 2])
          nps = dict_.NounPatternsForWord(stem.substr(0, stem.size() - 1));
        if (nps.empty() && stem.size() > 2)
          nps = dict_.NounPatternsForWord(stem.substr(0, stem.size() - 1) + stem.substr(stem.size() - 2, 1) +
                                          stem.substr(stem.size() - 1));
      }
      if (nps.empty() && l.size() > 3 && l.back() == 's')
        nps = dict_.NounPatternsForWord(l.substr(0, l.size() - 1));
      if (nps.empty()) continue;
      const Pattern& p = *nps[0];
      std::vector<ActorRef> src =
          role == "do" ? Slot(c, "subj", false, nullptr) : std::vector<ActorRef>{};
      if (p.source.rfind("pobj:", 0) == 0 && src.empty()) src = Slot(c, p.source, false, nullptr);
      std::vector<ActorRef> tgt;
      if (p.target.rfind("pobj:", 0) == 0) tgt = Slot(c, p.target, false, nullptr);
      std::string cameo = p.cameo;
      for (const Refinement& rf : p.refine)
        for (uint32_t k = c.b; k < c.e; ++k)
          for (const std::string& kw : rf.keywords)
            if (Lower(k).rfind(kw, 0) == 0) cameo = rf.cameo;
      Emit(c, s, ci, p, cameo, i, i + 1, {toks_[support_tok].span}, src, tgt, false, reported,
           out);
      used.insert(i);
      break;
    }
  }
}

EventDate DocumentRun::DateFor(uint32_t s, const Clause& c, bool* historical) const {
  const Sentence& sen = in_.text.sentences[s];
  const text::DateMention* pick = nullptr;
  for (int pass = 0; pass < 2 && !pick; ++pass) {
    uint32_t b = pass == 0 ? c.b : sen.token_begin, e = pass == 0 ? c.e : sen.token_end;
    for (const auto& d : in_.text.dates) {
      if (d.token_begin < b || d.token_end > e || d.kind == "until") continue;
      if (d.date.start.empty()) continue;
      // "..., meldde het leger maandag": the date of the report, not of
      // what it reports.
      bool in_speech = false;
      for (const auto& [sb, se] : speech_clauses_)
        if (d.token_begin >= sb && d.token_end <= se && (sb != c.b || pass == 1)) in_speech = true;
      if (in_speech) continue;
      pick = &d;
      break;
    }
  }
  EventDate out;
  if (pick) {
    out.start = pick->date.start;
    out.end = pick->date.end;
    out.precision = pick->date.precision;
    out.weekday = pick->date.weekday;
    out.derived_from = pick->date.derived_from + " ('" + pick->text + "')";
    out.span = pick->span;
    *historical = pick->date.historical;
    if (pick->kind == "since" && pick->date.weekday >= 0 && out.start.size() == 10) {
      // "sinds zondag": the event began on that day, not over the whole range.
      int y = std::stoi(out.start.substr(0, 4)), m = std::stoi(out.start.substr(5, 2)),
          d = std::stoi(out.start.substr(8, 2));
      int64_t first = DaysFromCivil(y, m, d);
      int ey = std::stoi(out.end.substr(0, 4)), em = std::stoi(out.end.substr(5, 2)),
          ed = std::stoi(out.end.substr(8, 2));
      int64_t last = DaysFromCivil(ey, em, ed);
      int64_t k = first;
      while (k + 7 <= last) k += 7;
      int yy, mm, dd;
      CivilFromDays(k, &yy, &mm, &dd);
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", yy, mm, dd);
      out.end = buf;
      if (out.end == out.start) out.precision = "day";
      out.derived_from += "; the event began on that day";
    }
    return out;
  }
  if (last_date_ && s <= last_date_sentence_ + 2) {
    // No date of its own: the sentence continues the story of the last
    // dated event ("Daarbij kwamen drie mensen om", "Later op de dag").
    *historical = false;
    EventDate inherited = *last_date_;
    inherited.span.reset();
    inherited.derived_from = "context: " + inherited.derived_from;
    return inherited;
  }
  const PartialDate& dd = in_.doc.date;
  char a[16], b[16];
  switch (dd.precision) {
    case DatePrecision::kDay:
      std::snprintf(a, sizeof a, "%04d-%02d-%02d", dd.year, dd.month, dd.day);
      std::snprintf(b, sizeof b, "%s", a);
      break;
    case DatePrecision::kMonth:
      std::snprintf(a, sizeof a, "%04d-%02d-01", dd.year, dd.month);
      std::snprintf(b, sizeof b, "%04d-%02d-%02d", dd.year, dd.month, DaysInMonth(dd.year, dd.month));
      break;
    case DatePrecision::kYear:
      std::snprintf(a, sizeof a, "%04d-01-01", dd.year);
      std::snprintf(b, sizeof b, "%04d-12-31", dd.year);
      break;
  }
  out.start = a;
  out.end = b;
  out.precision = std::string(DatePrecisionName(dd.precision));
  out.derived_from = "document date " + dd.ToString();
  *historical = false;
  return out;
}

std::optional<EventLocation> DocumentRun::PlaceFor(uint32_t s, const Clause& c) const {
  const Sentence& sen = in_.text.sentences[s];
  // A place is where something happened when a locative word stands right
  // before it, possibly across "het zuiden van", "en rond", a determiner.
  static const std::set<std::string, std::less<>> kBridge = {
      "de", "het", "van", "en", "noorden", "zuiden", "oosten", "westen", "noordoosten",
      "noordwesten", "zuidoosten", "zuidwesten", "centrum", "omgeving", "buurt", "regio",
      "provincie", "stad", "dorp", "hoofdstad", "grens", "rand"};
  auto locative = [&](size_t pi, uint32_t lo) {
    uint32_t b = place_tok_begin_[pi];
    for (uint32_t k = b; k > lo && k + 6 > b; --k) {
      const std::string& w = Lower(k - 1);
      if (dict_.IsCue("locative", w) && w != "van" && w != "en") return true;
      if (!kBridge.count(w)) return false;
    }
    return false;
  };
  auto make = [&](const entities::ResolvedPlace& p, bool inferred) {
    EventLocation l;
    l.text = p.text;
    l.span = p.span;
    l.name = p.name;
    l.geonames_id = p.geonames_id;
    l.region_id = p.region_id;
    l.lat = p.lat;
    l.lon = p.lon;
    l.country = p.country_iso3;
    l.admin1 = p.admin1;
    l.precision = p.precision;
    l.inferred = inferred;
    return l;
  };
  const auto& P = in_.places;
  for (int tier = 0; tier < 3; ++tier) {
    for (size_t pi = 0; pi < P.size(); ++pi) {
      uint32_t b = place_tok_begin_[pi], e = place_tok_end_[pi];
      if (tier == 0 && (b < c.b || e > c.e || !locative(pi, c.b))) continue;
      if (tier == 1 && (b < sen.token_begin || e > sen.token_end || !locative(pi, sen.token_begin)))
        continue;
      if (tier == 2 && (b < sen.token_begin || e > sen.token_end || P[pi].precision == "country"))
        continue;
      return make(P[pi], tier == 2);
    }
  }
  if (focus_place_) return make(*focus_place_, true);
  return std::nullopt;
}

void DocumentRun::CodeSentence(uint32_t s) {
  std::vector<Clause> clauses = Clauses(s);
  std::vector<Draft> drafts;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    FindUnits(&clauses[ci]);
    ResolveUnits(&clauses[ci]);
    AddTriggerEvents(s, clauses, static_cast<int>(ci), &drafts);
  }
  // A speaker who says that someone fights or attacks accuses them: the
  // statement becomes CAMEO 112 against each coded perpetrator.
  for (size_t k = 0; k < drafts.size(); ++k) {
    if (!drafts[k].speech) continue;
    std::vector<std::optional<ActorSlot>> accused;
    for (const Draft& d : drafts)
      if (d.violent && d.ev.reported && d.clause > drafts[k].clause && d.ev.source &&
          !d.ev.source->code.empty())
        accused.push_back(d.ev.source);
    if (accused.empty()) continue;
    Draft tmpl = drafts[k];
    int clause = tmpl.clause;
    drafts.erase(std::remove_if(drafts.begin(), drafts.end(),
                                [&](const Draft& d) { return d.speech && d.clause == clause; }),
                 drafts.end());
    const CameoInfo* info = ont_.Find("112");
    for (const auto& a : accused) {
      Draft d = tmpl;
      d.speech = false;
      d.ev.cameo = "112";
      if (info) {
        d.ev.plover_type = info->plover_type;
        d.ev.plover_mode = info->plover_mode;
        d.ev.quad_class = info->quad_class;
        d.ev.goldstein = info->goldstein;
      }
      d.ev.evidence.erase(std::remove_if(d.ev.evidence.begin(), d.ev.evidence.end(),
                                         [](const EvidenceSpan& e) { return e.role == "target"; }),
                          d.ev.evidence.end());
      d.ev.target = a;
      d.ev.evidence.push_back({"target", a->span});
      drafts.push_back(std::move(d));
    }
    k = 0;  // drafts changed; statements of other clauses are revisited
    if (drafts.empty()) break;
  }
  // Casualties: one record per sentence, from every clause.
  Casualties cas;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    Casualties c = FindCasualties(clauses[ci]);
    if (!c.found) {
      if (c.civilians) cas.civilians = true;
      continue;
    }
    if (!cas.found) cas.clause = static_cast<int>(ci);
    cas.found = true;
    if (!cas.killed) cas.killed = c.killed;
    if (!cas.injured) cas.injured = c.injured;
    if (!cas.cumulative_killed) cas.cumulative_killed = c.cumulative_killed;
    if (!cas.cumulative_injured) cas.cumulative_injured = c.cumulative_injured;
    cas.civilians = cas.civilians || c.civilians;
    cas.vague = cas.vague || c.vague;
    cas.spans.insert(cas.spans.end(), c.spans.begin(), c.spans.end());
  }
  if (cas.found) {
    Fatalities f{cas.killed, cas.injured, cas.cumulative_killed, cas.cumulative_injured,
                 cas.civilians, cas.vague && !cas.killed && !cas.injured, cas.spans};
    Draft* violent = nullptr;
    for (Draft& d : drafts)
      if (d.violent && !d.ev.negated && !d.ev.hypothetical) {
        violent = &d;
        break;
      }
    if (violent) {
      violent->ev.fatalities = f;
      for (const Span& sp : cas.spans) violent->ev.evidence.push_back({"casualties", sp});
    } else {
      const Clause& c = clauses[cas.clause];
      Pattern dummy;
      uint32_t tb = c.b;
      auto lb = std::lower_bound(toks_.begin(), toks_.end(), cas.spans[0].begin,
                                 [](const Token& t, uint32_t b) { return t.span.end <= b; });
      tb = static_cast<uint32_t>(lb - toks_.begin());
      bool reported = c.reported;
      Emit(c, s, cas.clause, dummy, military_ ? "190" : "180", tb, tb + 1, {}, {}, {}, false,
           reported, &drafts);
      Draft& d = drafts.back();
      d.from_casualty_only = true;
      d.ev.fatalities = f;
      d.ev.negated = false;
      d.ev.hypothetical = false;
      d.ev.evidence.clear();
      for (const Span& sp : cas.spans) d.ev.evidence.push_back({"casualties", sp});
      d.ev.trigger = std::string(cas.spans[0].Of(raw_));
    }
  }
  // An actorless violent event next to a violent event with actors in the
  // same sentence is the same fighting told twice ("De gevechten escaleerden
  // doordat beide kanten elkaar bestookten").
  bool has_actor_violent = std::any_of(drafts.begin(), drafts.end(), [](const Draft& d) {
    return d.violent && d.ev.source && !d.ev.source->code.empty();
  });
  for (Draft& d : drafts) {
    if (has_actor_violent && d.violent && !d.ev.source && !d.ev.target && !d.ev.fatalities)
      d.ev.cameo.clear();  // dropped below
  }
  for (Draft& d : drafts) {
    if (d.ev.cameo.empty()) continue;
    Finish(d, clauses[d.clause]);
    drafts_.push_back(std::move(d));
  }
}

void DocumentRun::Finish(Draft& d, const Clause& c) {
  Event& e = d.ev;
  bool historical = false;
  e.date = DateFor(d.sentence, c, &historical);
  if (e.date.span && !historical && !e.reported) {
    last_date_ = e.date;
    last_date_sentence_ = d.sentence;
  }
  if (e.date.span) e.evidence.push_back({"date", *e.date.span});
  e.historical = historical;
  e.location = PlaceFor(d.sentence, c);
  if (e.location && e.location->span && !e.location->inferred)
    e.evidence.push_back({"place", *e.location->span});
  const Sentence& sen = in_.text.sentences[d.sentence];
  e.sentence = sen.span;
  e.sentence_text = std::string(sen.span.Of(raw_));
  e.sentence_index = d.sentence;
  e.doc_id = in_.doc.id;
  e.lang = in_.doc.lang;
  e.coder_version = opt_.coder_version;
  double conf = 0.4;
  if (e.source && !e.source->code.empty()) conf += 0.2;
  if (e.target && !e.target->code.empty()) conf += 0.2;
  if (!d.from_casualty_only) conf += 0.1;
  if (e.reported) conf -= 0.1;
  if (e.source && !e.source->resolved_from.empty()) conf -= 0.05;
  e.confidence = std::clamp(conf, 0.05, 0.95);
  e.event_id = "ev_" + base::ContentId({e.doc_id, std::to_string(d.sentence), e.cameo,
                                        e.source ? e.source->code + e.source->text : "",
                                        e.target ? e.target->code + e.target->text : "",
                                        std::to_string(d.trigger_token)})
                           .substr(0, 20);
}

std::vector<Event> DocumentRun::Merge(std::vector<Draft>& drafts) const {
  std::vector<Event> out;
  std::map<std::string, size_t> seen;
  for (Draft& d : drafts) {
    Event& e = d.ev;
    if (e.negated && !opt_.emit_negated) continue;
    if (e.hypothetical && !opt_.emit_hypothetical) continue;
    std::string key = e.cameo + "|" + (e.source ? e.source->code + "/" + e.source->text : "-") +
                      "|" + (e.target ? e.target->code + "/" + e.target->text : "-") + "|" +
                      e.date.start + "|" + e.date.end + "|" +
                      (e.location ? e.location->name : "") + "|" + (e.reported ? "r" : "");
    auto it = seen.find(key);
    if (it != seen.end()) {
      Event& m = out[it->second];
      m.evidence.insert(m.evidence.end(), e.evidence.begin(), e.evidence.end());
      if (!m.fatalities && e.fatalities) m.fatalities = e.fatalities;
      continue;
    }
    seen[key] = out.size();
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Event> DocumentRun::Run() {
  if (toks_.empty()) return {};
  Prepare();
  for (uint32_t s = 0; s < in_.text.sentences.size(); ++s) CodeSentence(s);
  return Merge(drafts_);
}

}  // namespace

EventCoder::EventCoder(const EventDictionary* dict, const Ontology* ontology,
                       const lang::Morphology* morphology, CoderOptions options)
    : dict_(dict), ontology_(ontology), morph_(morphology), options_(std::move(options)) {}

std::vector<Event> EventCoder::Code(const CoderInput& in) const {
  DocumentRun run(in, *dict_, *ontology_, *morph_, options_);
  return run.Run();
}

}  // namespace kroniek::events
