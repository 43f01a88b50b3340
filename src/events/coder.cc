// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/coder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "base/hash.h"

namespace kroniek::events {

namespace {

// Comparisons with a literal as string_view: the size decides first, no
// call to memcmp for most words.
using namespace std::string_view_literals;

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
    "namens", "als", "rondom", "richting", "tegenover", "boven", "naast"};
const std::set<std::string, std::less<>> kDeterminers = {
    "de", "het", "een", "hun", "zijn", "haar", "deze", "die", "dit", "dat", "onze", "ons"};
const std::set<std::string, std::less<>> kSubjectPronouns = {"hij", "zij", "ze"};
// Descriptive noun phrases that point back to an earlier actor ("de
// beweging" = the last armed or civic group, "het bondgenootschap" = the
// last international organisation, "het land" = the article's country).
const std::set<std::string, std::less<>> kGroupAnaphors = {
    "beweging", "organisatie", "groep", "groepering", "militie", "terreurgroep",
    "terreurbeweging", "rebellengroep", "guerrillabeweging", "guerrilla", "vakbond"};
const std::set<std::string, std::less<>> kIgoAnaphors = {
    "bondgenootschap", "alliantie", "organisatie", "unie", "bondgenoten", "lidstaten"};
const std::set<std::string, std::less<>> kCountryAnaphors = {"land", "buurland"};
// Sectors of the state ("" for a country itself): two of them in one
// country are one side, not actor and target.
const std::set<std::string, std::less<>> kStateSectors = {"",    "GOV", "MIL", "COP",
                                                          "SPY", "JUD", "LEG"};
// Sectors and code chunks of non-state groups ("de beweging").
const std::set<std::string, std::less<>> kGroupSectors = {
    "REB", "INS", "UAF", "IMG", "SEP", "CRM", "HMS", "HEZ", "TAL", "OPP", "LAB", "AGR",
    "HRI", "NGO", "PTY", "RAD"};
// Plural time nouns that the tagger may read as verbs ("al maanden": manen).
// Nouns that quantify the actor after them ("een groep studenten").
const std::set<std::string, std::less<>> kQuantityNouns = {
    "groep", "groepje", "aantal", "honderden", "duizenden", "tientallen", "tienduizenden",
    "honderdduizenden", "handvol", "deel", "meerderheid", "helft", "menigte", "delegatie"};
const std::set<std::string, std::less<>> kTimeNouns = {"maanden", "weken", "jaren", "uren"};
// Nouns of time that head adverbials ("Enkele uren later", "die nacht",
// "al jaren"): no subject.
const std::set<std::string, std::less<>> kTimeUnitNouns = {
    "uur",     "uren",   "dag",    "dagen",   "week",    "weken",   "maand",  "maanden",
    "jaar",    "jaren",  "nacht",  "nachten", "avond",   "ochtend", "middag", "weekend",
    "minuten", "keer",   "moment", "tijd",    "periode", "decennia", "eeuw"};
const std::set<std::string, std::less<>> kQuantifiers = {
    "al", "enkele", "twee", "drie", "vier", "vijf", "zes", "tien", "vele", "ruim", "bijna",
    "sinds", "na", "afgelopen", "komende", "voor", "twintig", "honderd", "tientallen"};
const std::set<std::string, std::less<>> kPersonNouns = {
    "mensen", "personen", "burgers", "soldaten", "militairen", "agenten", "kinderen",
    "inwoners", "demonstranten", "strijders", "rebellen", "journalisten", "vrouwen",
    "mannen", "slachtoffers", "politieagenten", "betogers", "leden", "gevangenen",
    "gedetineerden", "leerlingen", "bewoners", "passagiers", "dorpelingen", "bemanningsleden",
    "hulpverleners", "patiënten", "toeristen", "arbeiders", "mijnwerkers", "vluchtelingen",
    "migranten", "studenten", "manifestanten", "jongeren", "voorbijgangers", "bewakers",
    "gijzelaars", "krijgsgevangenen", "kinderen", "baby's", "vissers", "boeren", "herders",
    "politiemensen", "reservisten", "mariniers", "piloten", "medewerkers", "artsen",
    "scholieren", "ambtenaren", "werknemers", "vrijwilligers", "bezoekers", "gelovigen",
    "pelgrims", "matrozen", "zeelieden", "dorpsbewoners", "omwonenden", "gezinsleden"};
// Singular victims: "kwam een voorbijganger om het leven" counts one.
const std::set<std::string, std::less<>> kPersonNounsSingular = {
    "man", "vrouw", "kind", "jongen", "meisje", "soldaat", "militair", "agent", "politieagent",
    "burger", "voorbijganger", "herder", "boer", "bewaker", "journalist", "inwoner", "bewoner",
    "passagier", "hulpverlener", "student", "leerling", "demonstrant", "betoger", "arts",
    "visser", "piloot", "strijder", "rebel", "gevangene", "gedetineerde", "chauffeur",
    "bestuurder", "medewerker", "tiener", "baby", "politieman", "grenswachter", "wachter"};
// Verb lemmas (and participles) that report deaths or injuries in a clause.
const std::set<std::string, std::less<>> kKilledVerbs = {
    "omkomen", "sneuvelen", "doden", "vermoorden", "doodschieten", "neerschieten",
    "executeren", "overlijden", "sterven", "ombrengen", "omleggen"};
const std::set<std::string, std::less<>> kInjuredWords = {
    "gewond", "verwond", "verwonden", "verwondingen", "lichtgewond", "zwaargewond",
    "zwaargewonden", "lichtgewonden"};
const std::set<std::string, std::less<>> kMilitaryContext = {
    "gevecht", "gevechten", "leger", "troepen", "artillerie", "raketten", "raket",
    "oorlog", "soldaten", "militairen", "beschietingen", "front", "bombardementen",
    "luchtaanval", "luchtaanvallen", "tanks", "drones"};

// Weapons standing for the military that fires them ("Russische raketten").
const std::set<std::string, std::less<>> kWeaponNouns = {
    "raketten", "raket", "drones", "drone", "kamikazedrones", "gevechtsvliegtuigen",
    "straaljagers", "bommenwerpers", "tanks", "artillerie", "granaten", "oorlogsschepen",
    "marineschepen", "kruisraketten", "helikopters", "gevechtshelikopters", "projectielen"};
// The word lists above that the coder tests token by token, as bits of one
// hash lookup per token (Prepare). Immutable after initialisation.
enum WordBit : uint32_t {
  kWPrep = 1u << 0, kWDet = 1u << 1, kWSubjPron = 1u << 2, kWGroupAna = 1u << 3,
  kWIgoAna = 1u << 4, kWCountryAna = 1u << 5, kWQuantityNoun = 1u << 6, kWTimeNoun = 1u << 7,
  kWQuantifier = 1u << 8, kWPersonNoun = 1u << 9, kWPersonNounSg = 1u << 10,
  kWKilledVerb = 1u << 11, kWInjured = 1u << 12, kWMilitary = 1u << 13,
};
struct WordBitHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordBitMap = std::unordered_map<std::string_view, uint32_t, WordBitHash, std::equal_to<>>;
const WordBitMap& WordBits() {
  static const WordBitMap kMap = [] {
    WordBitMap m;
    const std::pair<const std::set<std::string, std::less<>>*, uint32_t> lists[] = {
        {&kFallbackPreps, kWPrep},         {&kDeterminers, kWDet},
        {&kSubjectPronouns, kWSubjPron},   {&kGroupAnaphors, kWGroupAna},
        {&kIgoAnaphors, kWIgoAna},         {&kCountryAnaphors, kWCountryAna},
        {&kQuantityNouns, kWQuantityNoun}, {&kTimeNouns, kWTimeNoun},
        {&kQuantifiers, kWQuantifier},     {&kPersonNouns, kWPersonNoun},
        {&kPersonNounsSingular, kWPersonNounSg}, {&kKilledVerbs, kWKilledVerb},
        {&kInjuredWords, kWInjured},       {&kMilitaryContext, kWMilitary}};
    for (const auto& [set, bit] : lists)
      for (const std::string& w : *set) m[std::string_view(w)] |= bit;
    return m;
  }();
  return kMap;
}
uint32_t WordBitsOf(std::string_view w) {
  const WordBitMap& m = WordBits();
  auto it = m.find(w);
  return it == m.end() ? 0 : it->second;
}

// UD part-of-speech tags the coder tests, per token (Prepare); any other
// tag, or none, is kU_OTHER.
enum UposTag : uint8_t {
  kU_OTHER, kU_NOUN, kU_VERB, kU_AUX,  kU_ADP,   kU_ADV,   kU_PRON,
  kU_PROPN, kU_DET,  kU_ADJ,  kU_NUM,  kU_CCONJ, kU_SCONJ, kU_PUNCT
};
UposTag UposTagOf(std::string_view u) {
  static constexpr std::pair<std::string_view, UposTag> kTags[] = {
      {"NOUN", kU_NOUN}, {"VERB", kU_VERB},   {"AUX", kU_AUX},     {"ADP", kU_ADP},
      {"ADV", kU_ADV},   {"PRON", kU_PRON},   {"PROPN", kU_PROPN}, {"DET", kU_DET},
      {"ADJ", kU_ADJ},   {"NUM", kU_NUM},     {"CCONJ", kU_CCONJ}, {"SCONJ", kU_SCONJ},
      {"PUNCT", kU_PUNCT}};
  for (const auto& [name, tag] : kTags)
    if (u == name) return tag;
  return kU_OTHER;
}

// Cue categories of cues.tsv the coder tests per token.
enum CueCat {
  kCueRelative, kCueSubordinator, kCueConditional, kCueCoordinator, kCueNegation, kCueModal,
  kCuePassiveAux, kCueReciprocal, kCueReflexive, kCueCasualtyKilled, kCueCasualtyInjured,
  kCueCivilian, kCueLocative, kCueBothSides, kCueCumulative, kNumCueCats
};
constexpr const char* kCueCatNames[kNumCueCats] = {
    "relative", "subordinator", "conditional", "coordinator", "negation",
    "modal", "passive_aux", "reciprocal", "reflexive", "casualty_killed",
    "casualty_injured", "civilian", "locative", "both_sides", "cumulative"};

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
  // "worden" forms always make a participle passive; "zijn" forms only for a
  // transitive reading ("is aangevallen", not "zijn bijeengekomen"); a
  // "hebben" perfect is active.
  bool passive_worden = false, perfect_hebben = false;
  int finite = -1;
  std::vector<uint32_t> modal_toks;  // tokens of modal cues
  // "X deed A en riep Y op": a coordinated verb phrase without a subject of
  // its own takes the subject of the clause before.
  bool inherit = false;
  std::vector<ActorRef> inherited;
  // A relative clause opened without a comma ("functionarissen die
  // verantwoordelijk zouden zijn"): its events need a coded actor.
  bool bare_relative = false;
  std::vector<Unit> units;
  // SubjectGroup() of the clause once computed (it depends only on the
  // units and the fields above); reset whenever `units` change.
  mutable std::optional<int> subject_group;
};

struct Casualties {
  std::optional<int64_t> killed, injured, cumulative_killed, cumulative_injured;
  // "waarmee het totaal op 40 staat": a total without a casualty noun of
  // its own, taken when another clause of the sentence counts the dead.
  std::optional<int64_t> pending_total;
  bool civilians = false, vague = false, found = false;
  std::vector<Span> spans;
  int clause = -1;
  // The noun of the first group counted ("23 soldaten", "elf mensen"): the
  // victims, the target of a report that names no perpetrator.
  int victim = -1, victim_end = -1;  // token range [victim, victim_end]
  bool victim_killed = false;
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
  return root == "18"sv || root == "19"sv || root == "20"sv;
}

// One actor twice: the same code, unless both are office holders named by
// different role nouns ("De burgemeester vroeg de federale regering om ...",
// "Coalitiepartijen eisten dat de minister ..."): two actors of one state.
bool SameActor(const ActorRef& a, const ActorRef& b) {
  if (a.code.empty() || a.code != b.code) return false;
  if (a.sector.empty() || b.sector.empty()) return true;
  auto last_word = [](std::string_view t) {
    const size_t sp = t.rfind(' ');
    return sp == std::string_view::npos ? t : t.substr(sp + 1);
  };
  return last_word(a.text) == last_word(b.text);
}

// Noun patterns of a word or of the singular of a plural in -en:
// "aanslagen", "aanvallen" (de-doubled), "hinderlagen" (vowel restored).
std::vector<const Pattern*> NounPatternsOfForm(const EventDictionary& dict, std::string_view l) {
  std::vector<const Pattern*> nps = dict.NounPatternsForWord(l);
  if (!nps.empty() || l.size() <= 4 || l.compare(l.size() - 2, 2, "en") != 0) return nps;
  const std::string stem(l.substr(0, l.size() - 2));
  nps = dict.NounPatternsForWord(stem);
  if (nps.empty() && stem.size() > 2 && stem.back() == stem[stem.size() - 2])
    nps = dict.NounPatternsForWord(stem.substr(0, stem.size() - 1));
  if (nps.empty() && stem.size() > 2)
    nps = dict.NounPatternsForWord(stem.substr(0, stem.size() - 1) +
                                   stem.substr(stem.size() - 2, 1) + stem.substr(stem.size() - 1));
  return nps;
}

// The gazetteer writes Kosovo XKK (i18n-iso-countries); actor codes use XKX.
std::string ActorCountry(const std::string& iso3) { return iso3 == "XKK"sv ? "XKX" : iso3; }

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
  // Upos(i) as a tag (kU_OTHER for a tag not listed, or none).
  UposTag Tag(uint32_t i) const { return i < upos_tag_.size() ? upos_tag_[i] : kU_OTHER; }
  bool IsVerbToken(uint32_t i) const;  // cached
  bool ComputeIsVerbToken(uint32_t i) const;
  // The tagger reads some finite verbs after their subject as nouns or
  // prepositions or adverbs ("Duizenden Georgiërs demonstreerden/NOUN",
  // "Zwitserland bevroor/ADP", "de premier wees/ADV het plan af"): a lowercase word right after a noun phrase with a finite
  // (or, beside an auxiliary, participle) reading of a verb the event
  // dictionary knows, and no noun trigger reading, is a verb. Cached.
  bool MisTaggedVerb(uint32_t i) const;
  // A verb token that reads as a finite form: a strong past/present, a weak
  // form with its -t/-de/-te ending, or an -en plural that is no participle.
  bool IsFinite(uint32_t i) const;  // cached
  bool ComputeIsFinite(uint32_t i) const;
  // A finite verb in a weak past form (-de, -te, -den, -ten): "protesteerden".
  bool PastFinite(uint32_t i) const {
    if (!IsFinite(i)) return false;
    const std::string& w = Lower(i);
    auto ends = [&](std::string_view suf) {
      return w.size() > suf.size() + 2 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
    };
    return ends("den") || ends("ten") || ends("de") || ends("te");
  }
  bool IsPrep(uint32_t i) const {
    if (HasTagger() && Tag(i) == kU_ADP) return true;
    return Word(kWPrep, i) && (!HasTagger() || Tag(i) != kU_SCONJ);
  }
  // Token i is in one of the word lists `bits` (WordBit).
  bool Word(uint32_t bits, uint32_t i) const { return (word_bits_[i] & bits) != 0; }
  // Token i is a (one-word) cue of category `cat`: dict_.IsCue(cat, Lower(i)).
  bool Cue(CueCat cat, uint32_t i) const {
    return cue_bit_[cat] ? (cue_mask_[i] & cue_bit_[cat]) != 0
                         : dict_.IsCue(kCueCatNames[cat], Lower(i));
  }
  // Length in tokens of a multi-word cue of `cat` starting at token i, or 0.
  uint32_t MultiCue(CueCat cat, uint32_t i, uint32_t end) const;
  const std::vector<VerbReading>& Readings(uint32_t i) const;
  // Token i's readings with the dictionary's verb patterns for their lemma
  // and base (in that order; readings without patterns left out).
  const std::vector<std::pair<const VerbReading*, const std::vector<const Pattern*>*>>&
  ReadingPatterns(uint32_t i) const;
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
  // "De militie, die al een jaar tegen het leger vecht, ...": a relative
  // clause whose pronoun is its subject (no noun phrase of its own before
  // the verb) takes the antecedent, the actor ending right before it.
  void RelativeSubject(const Clause& before, Clause* rel) const;
  // The victims of a casualty report as its target: the actor the counted
  // noun belongs to ("twee Indiase soldaten" INDMIL, "elf mensen" in
  // Charkiv UKRCVL), else the place attacked ("een aanval op Charkiv").
  std::vector<ActorRef> VictimTarget(uint32_t s, const Casualties& cas) const;
  // The attacker named with an attack noun of the clause: "een Russische
  // raketaanval" (RUSMIL), "een luchtaanval van het leger"; also returns the
  // noun's pattern. Empty when the clause names none.
  std::vector<ActorRef> NounAttacker(const Clause& c, const Pattern** noun,
                                     std::vector<ActorRef>* other_side = nullptr) const;
  // "Vanuit Libanon zijn raketten afgevuurd": the country a violent act
  // without a named agent came from, as its source.
  std::optional<ActorRef> OriginActor(const Clause& c) const;
  // The actor country of a country adjective at token i ("Russische"), or "".
  std::string AdjectiveCountry(uint32_t i) const;
  // The actor named by tokens [b, e) that a country adjective opens
  // ("Russische raketten"): the country, with MIL when `military`.
  ActorRef AdjectiveActor(uint32_t b, uint32_t e, const std::string& country, bool military,
                          const char* resolved_from) const;
  // A place of another country than the source's in the clause: the target
  // of a show of force there ("oefeningen rondom Taiwan").
  std::optional<ActorRef> ForeignPlace(const Clause& c, const std::vector<ActorRef>& src) const;
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
  int SubjectGroup(const Clause& c) const;  // cached in the clause
  int ComputeSubjectGroup(const Clause& c) const;
  // Whether token k can be a split-off separable particle: a preposition
  // heads a noun phrase ("voerden aanvallen uit op radarinstallaties": op
  // is no particle), a particle does not, unless a te-infinitive follows
  // ("riep Iran op de aanvallen te staken").
  bool SplitParticleAt(uint32_t k, const Clause& c) const;
  // The earlier actor a descriptive noun phrase at token `det` ("de
  // beweging", "het land", "het bondgenootschap") points back to, or empty.
  std::vector<ActorRef> AnaphorRefs(uint32_t det, const std::string& noun) const;
  // A target from the context when the pattern's slot is empty: another
  // actor in the clause, a place of another country, the other side of the
  // conflict pair, else the article's country.
  // A rejection or denial without a named addressee answers the last coded
  // actor of another side in the story's previous sentences ("Het IAEA
  // vroeg om toegang. Teheran wees dat verzoek af").
  std::vector<ActorRef> AnsweredTarget(const std::vector<ActorRef>& src, uint32_t s) const;
  std::vector<ActorRef> EventNounTarget(const Clause& c, int subject_group,
                                        const std::vector<ActorRef>& src, uint32_t s,
                                        bool indefinite = false) const;
  std::vector<ActorRef> ContextTarget(const Clause& c, const std::vector<ActorRef>& src,
                                      int src_group, const std::string& cameo_root) const;
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
  std::vector<uint32_t> word_bits_;       // per token: WordBit
  std::vector<UposTag> upos_tag_;         // per tagged token: UposTagOf(Upos(i))
  uint32_t cue_bit_[kNumCueCats] = {};    // per category: its bit in the masks
  std::vector<uint32_t> cue_mask_;        // per token: dict_.CueMask
  std::vector<uint32_t> cue_first_mask_;  // per token: dict_.CueFirstMask
  std::vector<bool> particle_;            // per token: morph_.IsParticle
  std::vector<bool> support_prefix_;      // per token: dict_.IsSupportPrefix
  // Verb readings per token, shared by the tokens of one lowercase word
  // (VerbReadings lowercases its word): keys view lower_.
  struct WordReadings {
    std::vector<VerbReading> readings;
    // For each reading, VerbPatterns(lemma) then VerbPatterns(base), the
    // non-empty ones only; filled on first use.
    bool have_patterns = false;
    std::vector<std::pair<const VerbReading*, const std::vector<const Pattern*>*>> patterns;
  };
  mutable std::vector<WordReadings*> readings_;
  mutable std::unordered_map<std::string_view, WordReadings, WordBitHash, std::equal_to<>>
      readings_by_word_;
  mutable std::vector<int8_t> mistagged_;  // -1 unknown, 0/1
  mutable std::vector<int8_t> verb_tok_;   // IsVerbToken: -1 unknown, 0/1
  mutable std::vector<int8_t> finite_;     // IsFinite: -1 unknown, 0/1
  std::vector<uint32_t> sentence_of_;       // token -> sentence
  std::vector<int> actor_at_;  // token -> index into in_.actors (start only)
  std::vector<int> ner_at_;    // token -> index into in_.ner (start only)
  std::vector<uint32_t> place_tok_begin_, place_tok_end_;  // per place
  // Per place: the span is an actor's name ("Hamas" is no town Hamm).
  std::vector<bool> place_is_actor_;
  std::vector<ActorRef> pair_;  // the document's conflict pair
  bool pair_coordinated_ = false;  // pair_ seen as "X en Y", not just frequent
  std::vector<ActorRef> last_subject_;
  std::string doc_country_;  // the country the article is most about
  // The last explicitly dated event: later sentences without a date of
  // their own continue its story ("Daarbij kwamen ... om").
  std::optional<EventDate> last_date_;
  std::optional<int64_t> last_cumulative_killed_;  // the last running death toll
  uint32_t last_cumulative_sentence_ = 0;
  uint32_t last_date_sentence_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> speech_clauses_;  // token ranges
  bool military_ = false;
  const entities::ResolvedPlace* focus_place_ = nullptr;
  std::vector<Draft> drafts_;
};

bool DocumentRun::IsVerbToken(uint32_t i) const {
  if (verb_tok_[i] < 0) verb_tok_[i] = ComputeIsVerbToken(i) ? 1 : 0;
  return verb_tok_[i] == 1;
}

bool DocumentRun::ComputeIsVerbToken(uint32_t i) const {
  if (toks_[i].type != TokenType::kWord) return false;
  // "al maanden", "drie weken": a time noun, not a verb (manen).
  if (i > 0 && Word(kWTimeNoun, i) &&
      (Word(kWQuantifier, i - 1) || (HasTagger() && Tag(i - 1) == kU_NUM)))
    return false;
  // A role or name the actor matcher found is a noun, whatever the tagger
  // says ("duizenden jongeren/VERB").
  if (actor_at_[i] >= 0 && in_.actors[actor_at_[i]].token_end == i + 1 &&
      !in_.actors[actor_at_[i]].sector.empty() &&
      in_.actors[actor_at_[i]].code == in_.actors[actor_at_[i]].sector)
    return false;
  if (HasTagger()) {
    const UposTag u = Tag(i);
    // The tagger reads some strong past forms as nouns ("Japan bood ...");
    // a lowercase word that is a past form in the irregular table is a verb.
    bool strong_past = false;
    if (u == kU_NOUN && std::islower(static_cast<unsigned char>(toks_[i].text[0])) &&
        morph_.HasStrongPast(Lower(i)) && dict_.NounPatternsForWord(Lower(i)).empty())
      strong_past = true;
    // "In de hoofdstad Tbilisi zijn/PRON duizenden mensen ...": after a
    // fronted phrase ending in a noun, "zijn" is the finite verb (V2), not
    // a possessive.
    bool v2_zijn = false;
    if (u == kU_PRON && Lower(i) == "zijn"sv && i > 0) {
      const Sentence& sen = in_.text.sentences[sentence_of_[i]];
      v2_zijn = i > sen.token_begin + 1 && Tag(sen.token_begin) == kU_ADP &&
                (Tag(i - 1) == kU_PROPN || Tag(i - 1) == kU_NOUN);
      for (uint32_t k = sen.token_begin; k < i && v2_zijn; ++k)
        if (Tag(k) == kU_VERB || Tag(k) == kU_AUX) v2_zijn = false;
    }
    if (u != kU_VERB && u != kU_AUX && !strong_past && !v2_zijn && !MisTaggedVerb(i))
      return false;
  } else {
    unsigned char c = static_cast<unsigned char>(toks_[i].text[0]);
    if (c >= 'A' && c <= 'Z') return false;
  }
  // An attributive participle (het opgelaaide conflict) is not a clause verb.
  if (i > 0 && i + 1 < toks_.size() && Word(kWDet, i - 1) &&
      (!HasTagger() || Tag(i + 1) == kU_NOUN))
    return false;
  return true;
}

bool DocumentRun::MisTaggedVerb(uint32_t i) const {
  if (mistagged_[i] >= 0) return mistagged_[i] == 1;
  mistagged_[i] = 0;
  const UposTag u = Tag(i);
  if (u != kU_NOUN && u != kU_ADP && u != kU_ADV) return false;
  const Sentence& sen = in_.text.sentences[sentence_of_[i]];
  if (i <= sen.token_begin || !std::islower(static_cast<unsigned char>(toks_[i].text[0])))
    return false;
  const std::string& l = Lower(i);
  if (Word(kWPrep | kWDet, i) || l.size() < 4) return false;
  const UposTag prev = Tag(i - 1);
  // The past of an -eren verb ("bombardeerden") is a verb wherever it stands.
  const bool eren_past = l.size() > 7 && (l.compare(l.size() - 6, 6, "eerden") == 0 ||
                                          l.compare(l.size() - 5, 5, "eerde") == 0);
  if (prev != kU_NOUN && prev != kU_PROPN && prev != kU_PRON && !eren_past) return false;
  if (!dict_.NounPatternsForWord(l).empty() ||
      (l.size() > 4 && l.compare(l.size() - 2, 2, "en") == 0 &&
       !dict_.NounPatternsForWord(l.substr(0, l.size() - 2)).empty()))
    return false;
  bool aux = false;
  for (uint32_t k = sen.token_begin; k < sen.token_end; ++k)
    if (Tag(k) == kU_AUX) aux = true;
  // A bare present stem ("steun", "bekend") is more likely the noun or
  // adjective the tagger saw; a past, a -t or -en present is a verb.
  const bool present_ending = l.back() == 't' || l.compare(l.size() - 2, 2, "en") == 0;
  for (const VerbReading& r : Readings(i)) {
    if (!(r.finite && (r.form == VerbForm::kPast || present_ending)) &&
        !(aux && r.form == VerbForm::kParticiple))
      continue;
    if (!dict_.VerbPatterns(r.lemma).empty() || !dict_.VerbPatterns(r.base).empty() ||
        dict_.FindSpeechVerb(r.lemma)) {
      mistagged_[i] = 1;
      return true;
    }
  }
  return false;
}

bool DocumentRun::IsFinite(uint32_t i) const {
  if (finite_[i] < 0) finite_[i] = ComputeIsFinite(i) ? 1 : 0;
  return finite_[i] == 1;
}

bool DocumentRun::ComputeIsFinite(uint32_t i) const {
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
  if (!readings_[i]) {
    auto it = readings_by_word_.find(std::string_view(lower_[i]));
    if (it == readings_by_word_.end())
      it = readings_by_word_
               .emplace(std::string_view(lower_[i]),
                        WordReadings{morph_.VerbReadings(toks_[i].text), false, {}})
               .first;
    readings_[i] = &it->second;
  }
  return readings_[i]->readings;
}

const std::vector<std::pair<const VerbReading*, const std::vector<const Pattern*>*>>&
DocumentRun::ReadingPatterns(uint32_t i) const {
  Readings(i);
  WordReadings& w = *readings_[i];
  if (!w.have_patterns) {
    w.have_patterns = true;
    for (const VerbReading& r : w.readings)
      for (const std::string* key : {&r.lemma, &r.base}) {
        const std::vector<const Pattern*>& pats = dict_.VerbPatterns(*key);
        if (!pats.empty()) w.patterns.push_back({&r, &pats});
      }
  }
  return w.patterns;
}

uint32_t DocumentRun::MultiCue(CueCat cat, uint32_t i, uint32_t end) const {
  uint32_t best = 0;
  // Every cue of the category must start with token i.
  if (cue_bit_[cat] && !(cue_first_mask_[i] & cue_bit_[cat])) return 0;
  for (const std::string& cue : dict_.Cues(kCueCatNames[cat])) {
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
  word_bits_.resize(n);
  upos_tag_.resize(in_.upos.size());
  for (size_t i = 0; i < in_.upos.size(); ++i) upos_tag_[i] = UposTagOf(in_.upos[i]);
  cue_mask_.resize(n);
  cue_first_mask_.resize(n);
  particle_.assign(n, false);
  support_prefix_.assign(n, false);
  for (int cat = 0; cat < kNumCueCats; ++cat) cue_bit_[cat] = dict_.CueBit(kCueCatNames[cat]);
  for (size_t i = 0; i < n; ++i) {
    word_bits_[i] = WordBitsOf(lower_[i]);
    const EventDictionary::WordCues wc = dict_.CuesOfWord(lower_[i]);
    cue_mask_[i] = wc.cue_mask;
    cue_first_mask_[i] = wc.cue_first_mask;
    support_prefix_[i] = wc.support_prefix;
    particle_[i] = morph_.IsParticle(lower_[i]);
  }
  readings_.assign(n, nullptr);
  mistagged_.assign(n, -1);
  verb_tok_.assign(n, -1);
  finite_.assign(n, -1);
  sentence_of_.assign(n, 0);
  for (uint32_t s = 0; s < in_.text.sentences.size(); ++s)
    for (uint32_t t = in_.text.sentences[s].token_begin; t < in_.text.sentences[s].token_end && t < n;
         ++t)
      sentence_of_[t] = s;
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
    bool actor = false;
    for (uint32_t t = b; t < e && !actor; ++t) {
      // An actor mention (not a locative country) covering the place.
      for (uint32_t s2 = t + 1; s2-- > 0 && s2 + 8 > t;) {
        int a = actor_at_[s2];
        if (a >= 0 && in_.actors[a].token_end > t && !in_.actors[a].locative &&
            !in_.actors[a].code.empty() && in_.actors[a].code != in_.actors[a].country &&
            in_.actors[a].code.rfind(p.country_iso3, 0) != 0) {
          actor = true;
          break;
        }
        if (s2 == 0) break;
      }
    }
    place_is_actor_.push_back(actor);
  }
  // Military context and the article's focus place (most mentioned place
  // that is not a whole country).
  for (size_t i = 0; i < n; ++i)
    if (word_bits_[i] & kWMilitary) military_ = true;
  {
    // Places within a country (cities, regions) say most about where the
    // story is; foreign actors are often only visitors or donors.
    std::map<std::string, int> country_n;
    for (const auto& a : in_.actors)
      if (!a.country.empty()) ++country_n[a.country];
    for (size_t pi = 0; pi < in_.places.size(); ++pi) {
      const auto& p = in_.places[pi];
      if (!p.country_iso3.empty() && !place_is_actor_[pi])
        country_n[ActorCountry(p.country_iso3)] += p.precision == "country"sv ? 1 : 2;
    }
    // The article's country is one whose actors appear, not only a venue
    // ("talks in Geneva").
    std::set<std::string> with_actor;
    for (const auto& a : in_.actors)
      if (!a.country.empty() && !a.locative) with_actor.insert(a.country);
    int best_n = 0;
    for (const auto& [k, v] : country_n)
      if (v > best_n && with_actor.count(k)) doc_country_ = k, best_n = v;
    if (doc_country_.empty())
      for (const auto& [k, v] : country_n)
        if (v > best_n) doc_country_ = k, best_n = v;
  }
  std::map<std::string, int> counts;
  for (size_t pi = 0; pi < in_.places.size(); ++pi) {
    const auto& p = in_.places[pi];
    if (p.precision == "country"sv || place_is_actor_[pi]) continue;
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
    // "X en Y", but not the end of a longer list ("Mexico, Cuba en
    // Noorwegen" are mediators, not the two sides).
    const bool in_list = A[a].token_begin > 0 && lower_[A[a].token_begin - 1] == ","sv;
    if (!in_list && a + 1 < A.size() && A[a + 1].token_begin == A[a].token_end + 1 &&
        A[a].token_end < n && lower_[A[a].token_end] == "en"sv && !A[a + 1].country.empty() &&
        A[a + 1].country != A[a].country) {
      auto key = std::minmax(A[a].country, A[a + 1].country);
      ++pairs[{key.first, key.second}];
    }
  }
  std::pair<std::string, std::string> best;
  int best_n = 0;
  for (const auto& [k, v] : pairs)
    if (v > best_n) best = k, best_n = v;
  pair_coordinated_ = best_n > 0;
  if (best_n == 0) {
    std::vector<std::pair<int, std::string>> byn;
    for (const auto& [c, v] : country_count) byn.push_back({-v, c});
    std::sort(byn.begin(), byn.end());
    if (byn.size() >= 2) best = {byn[0].second, byn[1].second};
    // Two countries told about about equally often are the two sides; a
    // country named in passing is not.
    if (byn.size() >= 2 && -byn[1].first * 2 >= -byn[0].first) pair_coordinated_ = true;
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
    bool relative_waar = l.size() > 4 && l.rfind("waar", 0) == 0 && Cue(kCueRelative, i);
    if (!relative_waar && !Cue(kCueSubordinator, i) && !Cue(kCueConditional, i))
      return false;
    if (!verb_follows(i)) return false;
    // "wees dat verzoek af": a demonstrative before a singular noun.
    if (l == "dat"sv && HasTagger() && i + 1 < sen.token_end && Tag(i + 1) == kU_NOUN &&
        Lower(i + 1).size() > 2 && Lower(i + 1).back() != 'n' && Lower(i + 1).back() != 's')
      return false;
    // "om" opens a clause only as "om ... te" ("kwamen drie mensen om en ..."
    // is the particle of omkomen).
    if (l == "om"sv) {
      bool te = false;
      for (uint32_t k = i + 1; k < sen.token_end && toks_[k].type != TokenType::kPunct; ++k)
        if (Lower(k) == "te"sv) te = true;
      if (!te) return false;
    }
    if (HasTagger()) return Tag(i) == kU_SCONJ || relative_waar || l == "doordat"sv ||
                            l == "toen"sv || l == "nadat"sv || l == "omdat"sv;
    return l != "dat"sv && l != "als"sv;
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
    if (prev == ";"sv || prev == ":"sv) {
      start(i, ClauseType::kMain, "");
    } else if (is_sub(i)) {
      // "Het Sudanese leger, dat de stad in handen heeft, sloeg ...": a
      // "dat"/"die" after a comma that follows a bare subject (no verb yet)
      // opens a relative clause, whatever the tagger made of it.
      const bool relative = prev == ","sv && (l == "dat"sv || l == "die"sv) &&
                            cur.type == ClauseType::kMain && [&] {
                              for (uint32_t k = cur.b; k + 1 < i; ++k)
                                if (IsVerbToken(k)) return false;
                              return true;
                            }();
      start(i, relative ? ClauseType::kRelative : ClauseType::kSub, l);
    } else if (prev == ","sv && (Cue(kCueRelative, i) &&
                               (!HasTagger() || Tag(i) == kU_PRON || l.rfind("waar", 0) == 0))) {
      start(i, ClauseType::kRelative, l);
    } else if (HasTagger() && (l == "die"sv || l == "dat"sv) && Tag(i) == kU_PRON &&
               (Tag(i - 1) == kU_NOUN || Tag(i - 1) == kU_PROPN) &&
               // "wees/NOUN die beschuldiging af": a demonstrative before a
               // noun; but "betogers die protesteerden/NOUN" (a past verb form
               // the tagger took for a noun) is a relative clause.
               !(i + 1 < sen.token_end && Tag(i + 1) == kU_NOUN && !PastFinite(i + 1)) &&
               verb_follows(i) && [&] {
                 // The clause so far has its own finite verb: "kondigden
                 // inreisverboden aan voor functionarissen die verantwoordelijk
                 // zouden zijn".
                 for (uint32_t k = cur.b; k < i; ++k)
                   if (IsFinite(k)) return true;
                 return false;
               }()) {
      start(i, ClauseType::kRelative, l);
      cur.bare_relative = true;
    } else if (prev == ","sv && Cue(kCueCoordinator, i)) {
      start(i, ClauseType::kMain, "");
      if (i + 1 < sen.token_end && IsFinite(i + 1)) cur.inherit = true;
    } else if ((l == "en"sv || l == "maar"sv) && i + 1 < sen.token_end && IsFinite(i + 1) && [&] {
                 // After a main clause with its verb, or after a "dat" that
                 // opened no clause ("noemde dat een schending en riep").
                 bool verb = false;
                 for (uint32_t k = cur.b; k < i; ++k)
                   if (cur.type == ClauseType::kMain ? IsFinite(k) : IsVerbToken(k)) verb = true;
                 return cur.type == ClauseType::kMain ? verb : !verb;
               }()) {
      // "Teheran wees het verzoek af en noemde het ...": a second verb
      // phrase of the same subject.
      start(i, ClauseType::kMain, "");
      cur.inherit = true;
    } else if (prev == ","sv && IsFinite(i) && cur.type == ClauseType::kRelative && [&] {
                 for (uint32_t k = cur.b + 1; k + 1 < i; ++k)
                   if (IsVerbToken(k)) return true;
                 return false;
               }()) {
      // "China, dat belangen in het gebied heeft, riep beide partijen op":
      // after a relative clause the main clause goes on with its verb and
      // the subject told before the relative clause.
      start(i, ClauseType::kMain, "");
      cur.inherit = true;
    } else if (prev == ","sv && IsVerbToken(i) && cur.type == ClauseType::kSub) {
      // After a fronted subordinate clause the main clause starts with its verb.
      start(i, ClauseType::kMain, "");
    } else if (prev == ","sv && IsFinite(i) && cur.type == ClauseType::kMain &&
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
      // "riepen China op geen stappen te zetten": a negation inside a
      // te-infinitive after the finite verb negates the content, not the
      // appeal.
      if (Cue(kCueNegation, i) && ![&] {
            bool finite_before = false;
            for (uint32_t k = c.b; k < i && !finite_before; ++k) finite_before = IsFinite(k);
            if (!finite_before) return false;
            for (uint32_t k = i + 1; k + 1 < c.e; ++k) {
              if (Lower(k) == "te"sv) return IsVerbToken(k + 1);
              if (IsVerbToken(k)) return false;
            }
            return false;
          }())
        c.negated = true;
      if (Cue(kCueModal, i) && IsVerbToken(i)) {
        c.modal = true;
        c.modal_toks.push_back(i);
      }
      // "zijn" is also a possessive ("naar zijn noordgrens"): only a verb
      // token is an auxiliary.
      if (Cue(kCuePassiveAux, i) && IsVerbToken(i)) {
        c.passive_aux = true;
        if (l.rfind("word", 0) == 0 || l.rfind("werd", 0) == 0 || l == "geworden"sv ||
            l.rfind("raak", 0) == 0)
          c.passive_worden = true;
      }
      if ((l == "heeft"sv || l == "hebben"sv || l == "had"sv || l == "hadden"sv) && IsVerbToken(i))
        c.perfect_hebben = true;
      if (Cue(kCueReciprocal, i)) c.recip = true;
      if (c.finite < 0 && (i == c.b || !Cue(kCueSubordinator, i)) && IsFinite(i))
        c.finite = static_cast<int>(i);
    }
    if (c.type == ClauseType::kSub && dict_.IsCue("conditional", c.sub)) c.conditional = true;
  }
  return out;
}

void DocumentRun::FindUnits(Clause* c) const {
  c->subject_group.reset();
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
      // "Het hof" after "het Internationaal Strafhof": the international
      // court named before, not a court of the story's country.
      if (m.code == "JUD"sv && m.country.empty() && a > 0) {
        const std::string& head = Lower(m.token_end - 1);
        if (head == "hof"sv || head == "tribunaal"sv || head == "strafhof"sv) {
          for (int b = a - 1, seen = 0; b >= 0 && seen < 40; --b, ++seen) {
            const auto& prev = A[b];
            if (prev.code.rfind("IGO", 0) != 0) continue;
            std::string t(prev.text);
            for (char& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (t.find("hof") == std::string::npos && t.find("tribunaal") == std::string::npos &&
                t.find("court") == std::string::npos && t.find("icc") == std::string::npos)
              continue;
            ActorRef& r = u.refs.back();
            r.resolved_from = r.text;
            r.code = prev.code;
            r.country = prev.country;
            r.sector = prev.sector;
            break;
          }
        }
      }
      FillCountry(&u.refs.back(), i);
    } else if ((cue = MultiCue(kCueBothSides, i, c->e)) > 0) {
      u.e = i + cue;
      u.kind = UnitKind::kBothSides;
    } else if (Lower(i) == "de"sv && i + 2 < c->e && (Lower(i + 1) == "twee"sv || Lower(i + 1) == "beide"sv)) {
      // "de twee voormalige Sovjetrepublieken": up to three more words
      // ending in a plural noun.
      uint32_t k = i + 2;
      while (k < c->e && k < i + 5 && toks_[k].type == TokenType::kWord &&
             !(Lower(k).size() > 2 && (Lower(k).back() == 'n' || Lower(k).back() == 's') &&
               (!HasTagger() || Tag(k) == kU_NOUN || Tag(k) == kU_PROPN)))
        ++k;
      if (k < c->e && toks_[k].type == TokenType::kWord) {
        u.e = k + 1;
        u.kind = UnitKind::kBothSides;
      } else {
        ++i;
        continue;
      }
    } else if (Cue(kCueReciprocal, i)) {
      u.e = i + 1;
      u.kind = UnitKind::kRecip;
    } else if (Word(kWSubjPron, i) && (!HasTagger() || Tag(i) == kU_PRON)) {
      u.e = i + 1;
      u.kind = UnitKind::kPronoun;
    } else if (Lower(i) == "het"sv && c->type == ClauseType::kSub && i == c->b + 1 &&
               i + 1 < c->e &&
               (!HasTagger() || (Tag(i + 1) != kU_NOUN && Tag(i + 1) != kU_ADJ) ||
                std::any_of(in_.text.dates.begin(), in_.text.dates.end(), [&](const auto& d) {
                  return d.token_begin == i + 1;
                }))) {
      // "Rwanda ontkent dat het de groep steunt", "Het leger zegt dat het
      // dinsdag ... heeft bestookt": "het" is the subject.
      u.e = i + 1;
      u.kind = UnitKind::kPronoun;
    } else if ((Lower(i) == "de"sv || Lower(i) == "het"sv || Lower(i) == "deze"sv) && i + 1 < c->e &&
               Word(kWGroupAna | kWIgoAna | kWCountryAna, i + 1) &&
               actor_at_[i + 1] < 0 && !AnaphorRefs(i, Lower(i + 1)).empty()) {
      u.e = i + 2;
      u.kind = UnitKind::kActor;
      Span sp = TokenSpan(i, i + 2);
      for (ActorRef r : AnaphorRefs(i, Lower(i + 1))) {
        r.resolved_from = r.text;
        r.text = std::string(sp.Of(raw_));
        r.span = sp;
        u.refs.push_back(r);
      }
    } else if (ner_at_[i] >= 0 && in_.ner[ner_at_[i]].token_end <= c->e &&
               in_.ner[ner_at_[i]].type != "LOC"sv) {
      const auto& e = in_.ner[ner_at_[i]];
      u.e = static_cast<uint32_t>(e.token_end);
      u.kind = UnitKind::kEntity;
      // A country adjective before a noun that is no role ("Russische
      // raketten", "een Qatarese delegatie"): the country, and its military
      // for weapons.
      // Adjectives may come between: "Amerikaanse militaire operaties".
      std::string adj_country;
      uint32_t head = u.e;
      bool military_adj = false;
      while (head < c->e && head < u.e + 2 && HasTagger() && Tag(head) == kU_ADJ &&
             std::islower(static_cast<unsigned char>(toks_[head].text[0]))) {
        if (Lower(head) == "militaire"sv) military_adj = true;
        ++head;
      }
      if (u.e == i + 1 && head < c->e && toks_[head].type == TokenType::kWord &&
          std::islower(static_cast<unsigned char>(toks_[head].text[0])) &&
          (!HasTagger() || Tag(head) == kU_NOUN) && actor_at_[head] < 0)
        adj_country = AdjectiveCountry(i);
      if (!adj_country.empty()) {
        const bool weapon = kWeaponNouns.count(Lower(head)) > 0 || military_adj;
        u.e = head + 1;
        u.kind = UnitKind::kActor;
        u.refs.push_back(AdjectiveActor(u.b, u.e, adj_country, weapon, "country adjective"));
      } else {
        Span sp = TokenSpan(u.b, u.e);
        u.refs.push_back(ActorRef{std::string(sp.Of(raw_)), sp, "", "", "", ""});
      }
    } else {
      ++i;
      continue;
    }
    // The preposition before the unit, skipping a determiner, a numeral and
    // adjectives ("tegen twaalf Wit-Russische functionarissen", "naar de
    // Soedanese hoofdstad").
    // A name after an appositive noun takes that noun's preposition ("In de
    // Georgische hoofdstad Tbilisi").
    uint32_t k = u.b;
    bool noun_skipped = false;
    for (int skip = 0; skip < 4 && k > c->b; ++skip) {
      bool mod = Word(kWDet, k - 1) ||
                 (HasTagger() && (Tag(k - 1) == kU_NUM || Tag(k - 1) == kU_ADJ) &&
                  !IsPrep(k - 1));
      if (!mod && !noun_skipped && k == u.b && HasTagger() && Tag(k - 1) == kU_NOUN &&
          std::isupper(static_cast<unsigned char>(toks_[u.b].text[0])) &&
          std::islower(static_cast<unsigned char>(toks_[k - 1].text[0])) && actor_at_[k - 1] < 0) {
        mod = noun_skipped = true;
      }
      if (!mod) break;
      --k;
    }
    if (noun_skipped && !(k > c->b && IsPrep(k - 1))) k = u.b;
    if (k > c->b && IsPrep(k - 1)) u.prep = Lower(k - 1);
    // An apposition ("de VN-vredesmacht UNIFIL", "de guerrillabeweging
    // ELN") is one unit: the coded part names it.
    auto coded = [](const Unit& x) {
      return std::any_of(x.refs.begin(), x.refs.end(),
                         [](const ActorRef& r) { return !r.code.empty(); });
    };
    auto same_head = [](const Unit& x, const Unit& y) {
      return !x.refs.empty() && !y.refs.empty() && x.refs[0].code.size() >= 3 &&
             y.refs[0].code.size() >= 3 && x.refs[0].code.compare(0, 3, y.refs[0].code, 0, 3) == 0;
    };
    if (!c->units.empty() && c->units.back().e == u.b &&
        (u.kind == UnitKind::kActor || u.kind == UnitKind::kEntity) &&
        (c->units.back().kind == UnitKind::kActor || c->units.back().kind == UnitKind::kEntity) &&
        (!coded(c->units.back()) || same_head(c->units.back(), u) ||
         (!coded(u) && (Lower(c->units.back().b) == "de"sv || Lower(c->units.back().b) == "het"sv ||
                        (c->units.back().b > c->b &&
                         (Lower(c->units.back().b - 1) == "de"sv ||
                          Lower(c->units.back().b - 1) == "het"sv)))))) {
      Unit& p = c->units.back();
      auto specific = [](const Unit& x) {
        for (const ActorRef& r : x.refs)
          if (r.code.size() > 3 || r.code.rfind("IGO", 0) == 0) return true;
        return false;
      };
      if (!coded(p) || (coded(u) && specific(u) && !specific(p))) p.refs = u.refs;
      p.e = u.e;
      i = u.e;
      continue;
    }
    c->units.push_back(std::move(u));
    i = c->units.back().e;
  }
  // Groups: units joined by "en" / "," / "of" (with an optional determiner or
  // an appositive noun between: "de Azeri's en hun bondgenoot Turkije"). A
  // comma joins when the list goes on to an "en": "Frankrijk, Duitsland en
  // het Verenigd Koninkrijk".
  int g = 0;
  bool list_continues = false;  // the gap after this unit joined by a conjunction
  std::vector<int> gap(c->units.size(), 0);  // 0 none, 1 comma only, 2 conjunction
  for (size_t k = 1; k < c->units.size(); ++k) {
    int kind = 0;
    for (uint32_t t = c->units[k - 1].e; t < c->units[k].b; ++t) {
      const std::string& l = Lower(t);
      if (l == "en"sv || l == "of"sv) kind = 2;
      else if (l == ","sv && kind == 0) kind = 1;
    }
    gap[k] = kind;
  }
  for (size_t k = c->units.size(); k-- > 1;) {
    if (gap[k] == 2) list_continues = true;
    else if (gap[k] == 1 && list_continues) gap[k] = 2;
    else list_continues = false;
  }
  for (size_t k = 0; k < c->units.size(); ++k) {
    Unit& u = c->units[k];
    if (k > 0) {
      Unit& p = c->units[k - 1];
      bool joined = false, saw_conj = gap[k] == 2;
      int extra = 0;
      for (uint32_t t = p.e; t < u.b; ++t) {
        const std::string& l = Lower(t);
        if (l == "en"sv || l == "of"sv || l == ","sv) {
          saw_conj = saw_conj || l != ","sv;  // (or a comma in an en-list)
          joined = true;
        } else if (Word(kWDet, t) || (extra++ < 1 && toks_[t].type == TokenType::kWord &&
                                             (!HasTagger() || Tag(t) == kU_NOUN))) {
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
      // Apposition: "De Zuidoost-Aziatische statengemeenschap ASEAN", "de
      // Palestijnse beweging Hamas": a name without a code right before a
      // coded name (at most a noun between) is that name.
      auto coded = [](const Unit& x) {
        return std::any_of(x.refs.begin(), x.refs.end(),
                           [](const ActorRef& r) { return !r.code.empty(); });
      };
      if (!joined && !saw_conj && extra <= 1 && u.prep.empty() && p.kind == UnitKind::kEntity &&
          !coded(p) && coded(u) && u.kind != UnitKind::kPlace) {
        bool plain = true;
        for (uint32_t t = p.e; t < u.b; ++t)
          if (toks_[t].type != TokenType::kWord) plain = false;
        if (plain) {
          p.refs.clear();
          u.group = p.group;
          u.prep = p.prep;
          continue;
        }
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
  // Only a role (its code is its sector) takes a country; a region code
  // such as GZS (Gaza) does not.
  if (!r->country.empty() || r->code.empty() || r->code.size() != 3 || r->code == "IGO"sv ||
      r->code == "NGO"sv || r->sector != r->code)
    return;
  const auto& S = in_.text.sentences;
  auto it = std::upper_bound(S.begin(), S.end(), token,
                             [](uint32_t t, const Sentence& x) { return t < x.token_begin; });
  if (it == S.begin()) return;
  const Sentence& sen = *(it - 1);
  std::string country;
  // A state role told before with its country ("de Nederlandse minister ...
  // De minister") keeps it.
  static const std::set<std::string, std::less<>> kStateRoles = {"GOV", "MIL", "COP", "JUD",
                                                                 "LEG", "SPY"};
  if (kStateRoles.count(r->code) && actor_at_[token] >= 0) {
    const auto& A = in_.actors;
    const std::string& id = A[actor_at_[token]].entry_id;
    for (int a = actor_at_[token], seen = 0; a-- > 0 && seen < 30; ++seen)
      if (A[a].entry_id == id && A[a].country.size() == 3 && !A[a].locative) {
        country = A[a].country;
        break;
      }
  }
  // A weapon ("De drone trof zijn auto bij Nabatieh") belongs to the last
  // attacker told, never to the place it struck.
  const bool weapon = r->code == "MIL"sv && actor_at_[token] >= 0 &&
                      kWeaponNouns.count(Lower(in_.actors[actor_at_[token]].token_end - 1)) > 0;
  if (weapon && country.empty()) {
    const auto sen_index = static_cast<uint32_t>(it - 1 - S.begin());
    for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 2 >= sen_index; ++d)
      if (d->violent && d->ev.source && d->ev.source->country.size() == 3) {
        country = d->ev.source->country;
        break;
      }
  }
  // The place nearest the role ("een ziekenhuis in Khartoem", not "het
  // Strafhof in Den Haag" earlier in the sentence).
  uint32_t best_d = UINT32_MAX;
  const bool from_role = !country.empty();
  // Civilians are not placed in a country that acts in the sentence ("De EU
  // en de Verenigde Staten veroordeelden het geweld tegen demonstranten").
  auto acting = [&](size_t pi) {
    if (r->code != "CVL") return false;
    int a = actor_at_[place_tok_begin_[pi]];
    return a >= 0 && !in_.actors[a].locative;
  };
  static const std::set<std::string, std::less<>> kLocalRoles = {"CVL", "UAF", "CRM", "REB",
                                                                 "OPP", "LAB", "EDU"};
  const bool local = kLocalRoles.count(r->code) > 0;
  for (size_t pi = 0; pi < in_.places.size() && !from_role && !weapon; ++pi)
    if (place_tok_begin_[pi] >= sen.token_begin && place_tok_end_[pi] <= sen.token_end &&
        !in_.places[pi].country_iso3.empty() && !place_is_actor_[pi] && !acting(pi) &&
        // A group named by a role is local to a town or region, not to a
        // country named for another actor ("de door Kenia geleide missie").
        !(local && in_.places[pi].precision == "country"sv && doc_country_.size() == 3 &&
          ActorCountry(in_.places[pi].country_iso3) != doc_country_)) {
      uint32_t d = place_tok_begin_[pi] > token ? place_tok_begin_[pi] - token
                                                : token - place_tok_begin_[pi];
      if (d < best_d) best_d = d, country = ActorCountry(in_.places[pi].country_iso3);
    }
  // Civilians and protesters without a place belong to the article's
  // country rather than to a foreign actor named with them ("De EU en de
  // Verenigde Staten veroordeelden het geweld tegen demonstranten").
  // So do attackers, criminals, rebels and other groups named by a role
  // ("Agenten van de door Kenia geleide missie dreven de aanvallers terug").
  if (country.empty() && local && doc_country_.size() == 3) country = doc_country_;
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
    if (place_tok_begin_[pi] < c.b || place_tok_end_[pi] > c.e || p.country_iso3.size() != 3 ||
        place_is_actor_[pi])
      continue;
    // "Vanuit Libanon zijn raketten afgevuurd": where it came from is no
    // target (see OriginActor).
    if (place_tok_begin_[pi] > c.b && Lower(place_tok_begin_[pi] - 1) == "vanuit"sv) continue;
    // A country named as an actor ("Rusland viel ... aan") is no target place.
    bool actor = false;
    for (const Unit& u : c.units)
      if (u.kind != UnitKind::kPlace && place_tok_begin_[pi] < u.e && place_tok_end_[pi] > u.b)
        actor = true;
    if (actor) continue;
    return ActorRef{p.text, p.span, ActorCountry(p.country_iso3), ActorCountry(p.country_iso3), "",
                    ""};
  }
  for (const Unit& u : c.units)
    if (u.kind == UnitKind::kPlace && !u.refs.empty() && !u.refs[0].country.empty()) {
      ActorRef r = u.refs[0];
      r.country = ActorCountry(r.country);
      r.code = r.country;
      return r;
    }
  return std::nullopt;
}

int DocumentRun::SubjectGroup(const Clause& c) const {
  if (!c.subject_group) c.subject_group = ComputeSubjectGroup(c);
  return *c.subject_group;
}

int DocumentRun::ComputeSubjectGroup(const Clause& c) const {
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
      const UposTag u = Tag(i);
      if (IsPrep(i)) {
        in_pp = true;
        continue;
      }
      if (u == kU_DET || u == kU_ADJ || u == kU_NUM || u == kU_ADV || u == kU_CCONJ) continue;
      if (u != kU_NOUN || in_unit(i) || in_date(i) || Cue(kCueReflexive, i) ||
          Lower(i) == "er"sv || (Word(kWQuantityNoun, i) && i + 1 < c.e && in_unit(i + 1))) {
        if (u == kU_NOUN || u == kU_PROPN || in_unit(i)) in_pp = false;
        continue;
      }
      if (in_pp) {
        in_pp = false;
        continue;
      }
      // A time adverbial ("Enkele uren later", "Die nacht", "Twee dagen
      // eerder") holds the first position, not the subject.
      if (kTimeUnitNouns.count(Lower(i))) {
        static const std::set<std::string, std::less<>> kAfter = {
            "later", "eerder", "daarna", "geleden", "lang", "nadien", "daarvoor", "erna"};
        if (c.finite >= 0 && i < static_cast<uint32_t>(c.finite) &&
            (i + 1 >= e || kAfter.count(Lower(i + 1)) || i + 1 == static_cast<uint32_t>(c.finite)))
          continue;
      }
      uint32_t k = i + 1;
      if (k < e && Lower(k) == "van"sv) {
        for (const Unit& un : c.units)
          if (un.prep == "van"sv && un.b > k && un.b <= k + 2 && un.kind != UnitKind::kPlace)
            return un.group;
      }
      return -2;
    }
    return -1;
  };
  if (c.inherit) return -3;
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

bool DocumentRun::SplitParticleAt(uint32_t k, const Clause& c) const {
  if (!HasTagger() || k + 1 >= c.e || toks_[k + 1].type != TokenType::kWord) return true;
  static const std::set<std::string, std::less<>> kNounPhrase = {"DET", "NOUN", "PROPN", "ADJ",
                                                                 "NUM"};
  if (!kNounPhrase.count(Upos(k + 1))) return true;
  for (uint32_t m = k + 2; m < c.e; ++m)
    if (Lower(m) == "te"sv) return true;
  return false;
}

std::vector<ActorRef> DocumentRun::AnaphorRefs(uint32_t det, const std::string& noun) const {
  std::vector<ActorRef> out;
  const auto& A = in_.actors;
  auto ref = [&](const entities::ActorMention& m) {
    ActorRef r{std::string(m.text), m.span, m.code, m.country, m.sector, ""};
    FillCountry(&r, m.token_begin);
    return r;
  };
  if (kCountryAnaphors.count(noun)) {
    if (doc_country_.size() != 3) return out;
    out.push_back(ActorRef{doc_country_, toks_[det].span, doc_country_, doc_country_, "", ""});
    return out;
  }
  // Walk back over the actors before the phrase (bounded).
  int seen = 0;
  for (size_t a = A.size(); a-- > 0 && seen < 40;) {
    if (A[a].token_end > det) continue;
    ++seen;
    const auto& m = A[a];
    if (m.locative || m.code.empty()) continue;
    bool igo = m.code.rfind("IGO", 0) == 0;
    bool group = m.code.rfind("NGO", 0) == 0 || m.code.rfind("IMG", 0) == 0 ||
                 (m.code.size() >= 6 && kGroupSectors.count(m.code.substr(3, 3))) ||
                 kGroupSectors.count(m.sector) > 0;
    if ((kGroupAnaphors.count(noun) && group) || (kIgoAnaphors.count(noun) && igo)) {
      out.push_back(ref(m));
      return out;
    }
  }
  return out;
}

// "De president veroordeelde de aanslag", "Taipei protesteerde tegen de
// manoeuvres", "noemde de lancering onaanvaardbaar": a definite event noun
// after the verb names an event told before; its agent is the target. The
// noun's own patterns give the kind of event to look for (an attack noun
// the last violent event), other event nouns the last event that is no
// statement.
std::vector<ActorRef> DocumentRun::EventNounTarget(const Clause& c, int subject_group,
                                                   const std::vector<ActorRef>& src, uint32_t s,
                                                   bool indefinite) const {
  static const std::set<std::string, std::less<>> kEventNouns = {
      "test", "tests", "lancering", "lanceringen", "rakettest", "raketlancering", "kernproef",
      "manoeuvres", "oefening", "oefeningen", "inval", "invasie", "operatie", "actie", "acties",
      "beschietingen", "uitwijzing", "arrestatie", "arrestaties", "aanhouding", "annexatie",
      "daad",
      "blokkade", "inbeslagname", "ontvoering", "executie", "executies", "vonnis", "veroordeling"};
  // Decisions and documents: whatever was decided or done before.
  static const std::set<std::string, std::less<>> kDecisionNouns = {
      "besluit",  "beslissing", "maatregel",   "maatregelen", "sancties",    "sanctiepakket",
      "pakket",   "bevel",      "arrestatiebevel", "uitspraak", "vonnis",    "resolutie",
      "plan",     "plannen",    "voorstel",    "uitwijzing",  "uitlevering", "heffingen",
      "importheffingen", "verbod", "stap",     "stappen",     "akkoord",     "overeenkomst"};
  static const std::set<std::string, std::less<>> kDefinite = {"de", "het", "deze", "die",
                                                               "dit", "dat", "zulke"};
  std::vector<ActorRef> out;
  auto in_subject = [&](uint32_t k) {
    return std::any_of(c.units.begin(), c.units.end(), [&](const Unit& u) {
      return u.group == subject_group && k >= u.b && k < u.e;
    });
  };
  for (uint32_t i = c.b; i + 1 < c.e; ++i) {
    // "sprak van een laffe daad": a verdict names the event with "een".
    if ((!kDefinite.count(Lower(i)) && !(indefinite && Lower(i) == "een"sv)) || in_subject(i))
      continue;
    // The noun: next word, or after one adjective ("de jongste test"),
    // quotation marks aside (een "laffe daad").
    for (uint32_t k = i + 1, words = 0; k < c.e && words < 2; ++k) {
      if (toks_[k].type != TokenType::kWord) continue;
      ++words;
      const std::string& w = Lower(k);
      const bool decision = kDecisionNouns.count(w) > 0;
      const auto patterns = decision ? std::vector<const Pattern*>{} : NounPatternsOfForm(dict_, w);
      if (patterns.empty() && !kEventNouns.count(w) && !decision) continue;
      std::set<std::string> roots;
      for (const Pattern* p : patterns)  // the longest head only: not "slag" in "aanslag"
        if (p->lemma.size() == patterns.front()->lemma.size()) roots.insert(Root(p->cameo));
      // Decisions of a known kind: sanctions (16), an arrest warrant (11, 17).
      static const std::map<std::string, std::vector<std::string>, std::less<>> kDecisionRoots = {
          {"sancties", {"16"}},        {"sanctiepakket", {"16"}}, {"pakket", {"16"}},
          {"maatregelen", {"16", "17"}}, {"heffingen", {"16"}},   {"importheffingen", {"16"}},
          {"uitwijzing", {"16", "17"}}, {"bevel", {"11", "17"}},  {"arrestatiebevel", {"11", "17"}},
          {"vonnis", {"11", "17"}},     {"uitspraak", {"11", "17"}}};
      if (auto it = kDecisionRoots.find(w); it != kDecisionRoots.end())
        roots.insert(it->second.begin(), it->second.end());
      // An event of the noun's own kind first ("de aanslag": an 18), then
      // of its family (any violent event).
      for (int pass = 0; pass < 2; ++pass) {
        for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 6 >= s; ++d) {
          if (d->sentence >= s || d->speech) continue;
          const auto& ds = d->ev.source;
          // Not the source itself, nor its own state ("De Somalische
          // president veroordeelde de aanslag" of al-Shabaab: a target).
          if (!ds || ds->code.empty() ||
              std::any_of(src.begin(), src.end(), [&](const ActorRef& a) {
                return a.code == ds->code ||
                       (!a.country.empty() && a.country == ds->country &&
                        kStateSectors.count(a.sector) && kStateSectors.count(ds->sector));
              }))
            continue;
          const std::string root = Root(d->ev.cameo);
          // A launch, an exercise, a raid: material acts (roots 15-20); a
          // decision: anything but a statement.
          // (Not a reaction: praise, criticism, rejection, threat, protest.)
          const bool reaction =
              root == "01"sv || root == "05"sv || root == "12"sv || root == "13"sv ||
              root == "14"sv ||
              (root == "11"sv && d->ev.cameo.rfind("115", 0) != 0 &&
               d->ev.cameo.rfind("116", 0) != 0);
          if (roots.empty() && (decision ? reaction : root < "15"sv)) continue;
          // Decisions are taken by states and institutions, not by firms,
          // civilians or gangs.
          if (decision && (ds->sector == "BUS"sv || ds->sector == "CVL"sv ||
                           ds->sector == "CRM"sv || ds->sector == "UAF"sv))
            continue;
          if (!roots.empty() && !roots.count(root) &&
              (pass == 0 || (decision ? reaction
                                      : !(IsViolentRoot(root) &&
                                          std::any_of(roots.begin(), roots.end(),
                                                      IsViolentRoot)))))
            continue;
          out.push_back(ActorRef{ds->text, ds->span, ds->code, ds->country, ds->sector,
                                 "agent of the event named"});
          return out;
        }
      }
      return out;
    }
  }
  return out;
}

std::vector<ActorRef> DocumentRun::AnsweredTarget(const std::vector<ActorRef>& src,
                                                  uint32_t s) const {
  std::vector<ActorRef> out;
  if (src.size() != 1 || src[0].code.empty()) return out;
  for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 3 >= s; ++d) {
    const auto& ds = d->ev.source;
    // Within one country only a different sector answers: a group
    // rejecting the government's invitation, not one ministry another.
    if (!ds || ds->code.empty() || ds->code == src[0].code ||
        (!src[0].country.empty() && ds->country == src[0].country &&
         (ds->sector == src[0].sector ||
          (kStateSectors.count(ds->sector) && kStateSectors.count(src[0].sector)))))
      continue;
    out.push_back(ActorRef{ds->text, ds->span, ds->code, ds->country, ds->sector,
                           "answered actor"});
    break;
  }
  return out;
}

std::vector<ActorRef> DocumentRun::ContextTarget(const Clause& c, const std::vector<ActorRef>& src,
                                                 int src_group,
                                                 const std::string& cameo_root) const {
  std::vector<ActorRef> out;
  // The source's own people ("zijn ambassadeur", "extra troepen") are no
  // target.
  auto sector = [](const ActorRef& r) {
    return r.code.size() >= 6 && r.code.size() == r.country.size() + 3 ? r.code.substr(3, 3)
                                                                        : std::string();
  };
  auto is_source = [&](const ActorRef& r) {
    return std::any_of(src.begin(), src.end(), [&](const ActorRef& a) {
      return a.code == r.code ||
             (!a.country.empty() && a.country == r.country &&
              kStateSectors.count(sector(a)) && kStateSectors.count(sector(r)));
    });
  };
  // Another actor in the clause: "riep zijn ambassadeur bij de EU terug",
  // "medewerkers van de Russische ambassade".
  for (const Unit& u : c.units) {
    if (u.group == src_group || u.kind == UnitKind::kPlace || u.kind == UnitKind::kRecip ||
        u.prep.empty() || u.prep == "door"sv || u.prep == "volgens"sv || u.prep == "namens"sv ||
        u.prep == "in"sv || u.prep == "met"sv ||
        (u.b > c.b && (Lower(u.b - 1) == "zijn"sv || Lower(u.b - 1) == "haar"sv ||
                       Lower(u.b - 1) == "hun"sv || Lower(u.b - 1) == "eigen"sv)))
      continue;
    for (const Unit& v : c.units)
      if (v.group == u.group)
        for (const ActorRef& r : v.refs)
          if (!r.code.empty() && !is_source(r)) out.push_back(r);
    if (!out.empty()) return out;
  }
  std::string sc = src.empty() ? "" : src[0].country;
  // A place of another country: "stuurde hulp naar de stad".
  if (std::optional<ActorRef> at = PlaceActor(c); at && at->country != sc) {
    out.push_back(*at);
    return out;
  }
  if (src.empty() || src[0].code.empty()) return out;
  // Protests, force posture and coercion are mostly domestic: no foreign
  // target is guessed for them.
  if (cameo_root == "14"sv || cameo_root == "15"sv || cameo_root == "17"sv) return out;
  // The other side of the conflict.
  if (pair_.size() == 2 && pair_coordinated_ && !sc.empty()) {
    if (pair_[0].country == sc && !is_source(pair_[1])) out.push_back(pair_[1]);
    if (pair_[1].country == sc && !is_source(pair_[0])) out.push_back(pair_[0]);
    if (!out.empty()) return out;
  }
  if (doc_country_.size() == 3 && doc_country_ != sc &&
      !is_source(ActorRef{"", {}, doc_country_, doc_country_, "", ""}))
    out.push_back(ActorRef{doc_country_, src[0].span, doc_country_, doc_country_, "", ""});
  return out;
}

std::vector<ActorRef> DocumentRun::Slot(const Clause& c, const std::string& slot,
                                        bool passive, int* group_out) const {
  std::vector<ActorRef> out;
  int group = -1;
  int sg = SubjectGroup(c);
  if (slot == "subj"sv) {
    if (passive) {
      for (const Unit& u : c.units)
        if (u.prep == "door"sv && u.kind != UnitKind::kPlace) {
          group = u.group;
          break;
        }
      // "door een luchtaanval van het leger": the owner is the agent.
      for (uint32_t k = c.b; group < 0 && k < c.e; ++k) {
        if (Lower(k) != "door"sv) continue;
        for (const Unit& u : c.units)
          if (u.prep == "van"sv && u.b > k && u.b <= k + 6 && u.kind != UnitKind::kPlace) {
            group = u.group;
            break;
          }
      }
    } else if (c.inherit) {
      if (group_out) *group_out = -3;
      return c.inherited;
    } else {
      group = sg;
    }
  } else if (slot == "obj"sv) {
    if (passive) {
      group = sg;
    } else {
      // The first bare unit, but a coded actor before a name without a code
      // ("in de deelstaat Al Jazira zeker 80 inwoners").
      int uncoded = -1;
      for (const Unit& u : c.units)
        if (u.group != sg && u.prep.empty() && u.kind != UnitKind::kPlace &&
            u.kind != UnitKind::kRecip) {
          if (u.kind == UnitKind::kEntity &&
              std::none_of(u.refs.begin(), u.refs.end(),
                           [](const ActorRef& r) { return !r.code.empty(); })) {
            if (uncoded < 0) uncoded = u.group;
            continue;
          }
          group = u.group;
          break;
        }
      if (group < 0) group = uncoded;
      // "verwierp het rapport van Amnesty", "prees het besluit van de EU":
      // the owner of the object noun.
      if (group < 0 && HasTagger()) {
        for (const Unit& u : c.units) {
          if (u.group == sg || u.prep != "van"sv || u.kind == UnitKind::kPlace || u.b < c.b + 3)
            continue;
          const uint32_t van = u.b - 1, noun = u.b - 2;
          if (Lower(van) != "van"sv || Tag(noun) != kU_NOUN || !Word(kWDet, noun - 1)) continue;
          bool subject_noun = false;
          for (const Unit& v : c.units)
            if (v.group == sg && noun >= v.b && noun < v.e) subject_noun = true;
          if (subject_noun) continue;
          group = u.group;
          break;
        }
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
    if (MultiCue(kCueCumulative, i, c.e)) cumulative = true;
  // "sinds januari zijn 5000 mensen gedood" is a running total, unless
  // the count is an increment ("sinds vrijdag nog eens negen").
  {
    bool since = false, increment = false;
    for (uint32_t i = c.b; i < c.e; ++i) {
      if (Lower(i) == "sinds"sv) since = true;
      if (Lower(i) == "eens"sv && i > c.b && Lower(i - 1) == "nog"sv) increment = true;
    }
    if (since && !increment) cumulative = true;
  }
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
    if (cas.victim < 0 || (killed && !cas.victim_killed)) {
      // "elf mensen omgekomen": the people between the count and the noun.
      cas.victim = static_cast<int>(n && n->token_end <= noun ? n->token_end : noun);
      cas.victim_end = static_cast<int>(noun);
      cas.victim_killed = killed;
    }
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
    bool killed_noun = Cue(kCueCasualtyKilled, i);
    bool injured_noun = Cue(kCueCasualtyInjured, i);
    if (killed_noun || injured_noun) {
      const text::NumberMention* n = number_before(i, 3);
      // A bare casualty noun without a count ("de doden") still says there
      // were victims, but only quantified or vague counts make a report.
      if (n || (i > c.b && (Lower(i - 1) == "talloze"sv || Lower(i - 1) == "vele"sv))) {
        record(n, killed_noun, i);
      } else if (cumulative && killed_noun) {
        // "Het dodental ... is gestegen tot 52": the total follows.
        for (const auto& m : nums) {
          if (m.token_begin <= i || m.token_end > c.e || m.token_begin < 1) continue;
          const std::string& before = Lower(m.token_begin - 1);
          if (before != "tot"sv && before != "op"sv && before != "dan"sv) continue;
          record(&m, true, i);
          break;
        }
      }
    }
    if (Cue(kCueCivilian, i)) cas.civilians = true;
  }
  if (cumulative && !cas.found) {
    for (const auto& m : nums) {
      if (m.token_begin <= c.b || m.token_end > c.e || m.vague) continue;
      const std::string& before = Lower(m.token_begin - 1);
      if (before != "tot"sv && before != "op"sv) continue;
      cas.pending_total = static_cast<int64_t>(m.value);
      break;
    }
  }
  {
    // "twaalf mensen kwamen om", "drie soldaten werden gedood", "raakten gewond".
    bool killed_verb = false, injured_verb = false;
    for (uint32_t i = c.b; i < c.e; ++i) {
      if (Word(kWInjured, i)) injured_verb = true;
      if (Lower(i) == "leven"sv && i > c.b && Lower(i - 1) == "het"sv) killed_verb = true;
      if (!IsVerbToken(i) && !Word(kWKilledVerb, i)) continue;
      for (const VerbReading& r : Readings(i)) {
        if (kKilledVerbs.count(r.lemma)) killed_verb = true;
        // A separable verb split over the clause: "kwamen ... om".
        if (r.particle.empty())
          for (uint32_t k = i + 1; k < c.e; ++k)
            if (particle_[k] && kKilledVerbs.count(Lower(k) + r.base))
              killed_verb = true;
      }
    }
    if (killed_verb || injured_verb) {
      // Each counted group of people is killed or injured by what follows
      // it up to the next group: "drie mensen om en raakten vijf gewond".
      for (uint32_t i = c.b; i < c.e; ++i) {
        // "een agent", "een Palestijnse jongen".
        const bool one = i > c.b && (Lower(i - 1) == "een"sv ||
                                     (i > c.b + 1 && Lower(i - 2) == "een"sv && HasTagger() &&
                                      Tag(i - 1) == kU_ADJ));
        if (Word(kWPersonNounSg, i) && one && !cas.killed && !cas.injured) {
          bool injured_here = false;
          for (uint32_t k = i + 1; k < c.e; ++k)
            if (Word(kWInjured, k) || Lower(k).find("gewond") != std::string::npos)
              injured_here = true;
          bool killed = killed_verb && !(injured_verb && injured_here);
          cas.found = true;
          cas.spans.push_back(Span{toks_[i - 1].span.begin, toks_[i].span.end});
          (killed ? cas.killed : cas.injured) = 1;
          if (cas.victim < 0) {  // the victim is the target
            cas.victim = static_cast<int>(i);
            cas.victim_end = static_cast<int>(i);
            cas.victim_killed = killed;
          }
          continue;
        }
        // "14 Palestijnen": a plural demonym counts people too.
        const int a = actor_at_[i];
        const bool demonym = a >= 0 && in_.actors[a].token_end == i + 1 &&
                             !in_.actors[a].country.empty() && in_.actors[a].sector.empty() &&
                             std::isupper(static_cast<unsigned char>(toks_[i].text[0])) &&
                             Lower(i).back() == 'n';
        if (!Word(kWPersonNoun, i) && Lower(i) != "anderen"sv && !demonym) continue;
        const text::NumberMention* n = number_before(i, 2);
        if (!n) continue;
        bool injured_here = false;
        for (uint32_t k = i + 1; k < c.e; ++k) {
          if (Word(kWPersonNoun, k) && number_before(k, 2)) break;
          if (Word(kWInjured, k) || Lower(k).find("gewond") != std::string::npos)
            injured_here = true;
        }
        record(n, killed_verb && !(injured_verb && injured_here), i);
      }
    }
  }
  return cas;
}

std::vector<ActorRef> DocumentRun::VictimTarget(uint32_t s, const Casualties& cas) const {
  if (cas.victim < 0) return {};
  const auto vb = static_cast<uint32_t>(cas.victim), ve = static_cast<uint32_t>(cas.victim_end);
  for (const auto& m : in_.actors) {
    if (m.token_begin > ve || m.token_end <= vb || m.locative || m.code.empty()) continue;
    ActorRef r{std::string(m.text), m.span, m.code, m.country, m.sector, ""};
    // "Turkse drones troffen een auto bij Kobani. ... meldde dat bij de
    // aanval twee strijders om het leven kwamen": without a place of its
    // own, the report continues the place of the sentences before.
    const Sentence& sen = in_.text.sentences[s];
    bool anaphoric = false;  // "daarbij", "bij de aanval"
    for (uint32_t i = sen.token_begin; i + 2 < sen.token_end; ++i)
      if (Lower(i) == "daarbij" || Lower(i) == "hierbij" ||
          (Lower(i) == "bij" && (Lower(i + 1) == "de" || Lower(i + 1) == "die" ||
                                 Lower(i + 1) == "deze" || Lower(i + 1) == "dat" ||
                                 Lower(i + 1) == "het") &&
           !dict_.NounPatternsForWord(Lower(i + 2)).empty()))
        anaphoric = true;
    // "Onder de doden zijn zes kinderen": part of a count told before.
    if (sen.token_end - sen.token_begin > 2 && Lower(sen.token_begin) == "onder") return {};
    if (anaphoric && r.country.empty() && r.code == r.sector) {
      bool own_place = false;
      int before = -1;
      for (size_t pi = 0; pi < in_.places.size(); ++pi) {
        if (in_.places[pi].country_iso3.size() != 3 || place_is_actor_[pi]) continue;
        if (place_tok_begin_[pi] >= sen.token_begin && place_tok_end_[pi] <= sen.token_end)
          own_place = true;
        else if (place_tok_end_[pi] <= sen.token_begin && s > 0 &&
                 place_tok_begin_[pi] >= in_.text.sentences[s - 1].token_begin)
          before = static_cast<int>(pi);
      }
      if (!own_place && before >= 0) {
        r.country = ActorCountry(in_.places[before].country_iso3);
        r.code = r.country + r.code;
      }
    }
    FillCountry(&r, m.token_begin);
    // A bare role needs its country; an organisation (blauwhelmen:
    // IGOUNOPKO) has none.
    if (r.country.empty() && (r.code.empty() || r.code == r.sector)) break;
    return {r};
  }
  return {};
}

std::optional<ActorRef> DocumentRun::OriginActor(const Clause& c) const {
  for (size_t pi = 0; pi < in_.places.size(); ++pi) {
    const auto& p = in_.places[pi];
    if (place_tok_begin_[pi] <= c.b || place_tok_end_[pi] > c.e || p.country_iso3.size() != 3 ||
        Lower(place_tok_begin_[pi] - 1) != "vanuit"sv)
      continue;
    const std::string country = ActorCountry(p.country_iso3);
    return ActorRef{p.text, p.span, country, country, "", "origin of the attack"};
  }
  return std::nullopt;
}

ActorRef DocumentRun::AdjectiveActor(uint32_t b, uint32_t e, const std::string& country,
                                     bool military, const char* resolved_from) const {
  Span sp = TokenSpan(b, e);
  return ActorRef{std::string(sp.Of(raw_)), sp, country + (military ? "MIL" : ""), country,
                  military ? "MIL" : "", resolved_from};
}

std::optional<ActorRef> DocumentRun::ForeignPlace(const Clause& c,
                                                  const std::vector<ActorRef>& src) const {
  if (src.empty() || src[0].country.size() != 3) return std::nullopt;
  std::optional<ActorRef> at = PlaceActor(c);
  if (at && at->country != src[0].country) return at;
  return std::nullopt;
}

std::string DocumentRun::AdjectiveCountry(uint32_t i) const {
  if (!in_.actor_dictionary || toks_[i].type != TokenType::kWord) return "";
  const auto& D = *in_.actor_dictionary;
  for (uint32_t e : D.Find(entities::AliasSpace::kAdjective, toks_[i].text)) {
    const std::string country = D.CountryOf(D.entries()[e].code);
    if (country.size() == 3) return ActorCountry(country);
  }
  return "";
}

std::vector<ActorRef> DocumentRun::NounAttacker(const Clause& c, const Pattern** noun,
                                               std::vector<ActorRef>* other_side) const {
  for (uint32_t i = c.b; i < c.e; ++i) {
    if (toks_[i].type != TokenType::kWord) continue;
    const Pattern* violent = nullptr;
    for (const Pattern* p : NounPatternsOfForm(dict_, Lower(i)))
      if (IsViolentRoot(Root(p->cameo))) violent = p;
    if (!violent) continue;
    *noun = violent;
    // "een Russische raketaanval".
    if (i > c.b) {
      const std::string country = AdjectiveCountry(i - 1);
      if (!country.empty()) return {AdjectiveActor(i - 1, i + 1, country, true, "")};
    }
    // "gevechten tussen het leger en Fano-milities": the first side, and the
    // second as the other side.
    if (other_side != nullptr && i + 3 < c.e && Lower(i + 1) == "tussen"sv) {
      std::vector<ActorRef> sides;
      for (const auto& m : in_.actors) {
        if (m.token_begin <= i + 1 || m.token_end > c.e || m.locative || m.code.empty()) continue;
        if (!sides.empty() && m.token_begin > i + 12) break;
        ActorRef r{std::string(m.text), m.span, m.code, m.country, m.sector, "between"};
        FillCountry(&r, m.token_begin);
        if (!r.country.empty() || r.code != r.sector) sides.push_back(r);
        if (sides.size() == 2) break;
      }
      if (sides.size() == 2 && sides[0].code != sides[1].code) {
        other_side->push_back(sides[1]);
        return {sides[0]};
      }
    }
    // "een luchtaanval van het Myanmarese leger".
    if (i + 2 < c.e && Lower(i + 1) == "van") {
      uint32_t k = i + 2;
      if (k + 1 < c.e && (Lower(k) == "de" || Lower(k) == "het")) ++k;
      for (const auto& m : in_.actors) {
        if (m.token_begin != k && m.token_begin != i + 2) continue;
        if (m.locative || m.code.empty() || m.token_end > c.e) continue;
        ActorRef r{std::string(m.text), m.span, m.code, m.country, m.sector, ""};
        FillCountry(&r, m.token_begin);
        return {r};
      }
    }
    return {};
  }
  return {};
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
    // Among three or more parties ("Egypte, Ethiopië en Sudan
    // ondertekenden een akkoord") each party acts once, towards the next.
    if (sources.size() >= 3) {
      for (size_t a = 0; a < sources.size(); ++a) {
        const ActorRef& b = sources[(a + 1) % sources.size()];
        if (sources[a].code != b.code || sources[a].text != b.text)
          pairs.push_back({sources[a], b});
      }
    } else {
      for (const auto& a : sources)
        for (const auto& b : sources)
          if (a.code != b.code || a.text != b.text) pairs.push_back({a, b});
    }
  } else if (recip && sources.size() == 1 && targets.empty() && !sources[0].code.empty() &&
             c.recip) {
    // "twee rivaliserende milities leverden elkaar gevechten": one plural
    // actor on both sides.
    pairs.push_back({sources[0], sources[0]});
  } else {
    std::vector<std::optional<ActorRef>> S(sources.begin(), sources.end()),
        T(targets.begin(), targets.end());
    if (S.empty()) S.push_back(std::nullopt);
    if (T.empty()) T.push_back(std::nullopt);
    auto own = [](const std::optional<ActorRef>& a, const std::optional<ActorRef>& b) {
      return a && b && !a->code.empty() &&
             (a->code == b->code || (!a->country.empty() && a->country == b->country &&
                                     a->code.size() <= 6 && b->code.size() <= 6 &&
                                     (a->code.size() == 3 || b->code.size() == 3)));
    };
    for (const auto& a : S) {
      bool any = false;
      // Coordinated subjects that each act on their own people ("Rusland
      // en Oekraïne lieten elk krijgsgevangenen vrij") act on each other.
      if (S.size() >= 2 && !T.empty() &&
          std::all_of(T.begin(), T.end(), [&](const auto& b) { return own(a, b); })) {
        for (const auto& b : S)
          if (b && a && b->country != a->country && !b->country.empty()) {
            pairs.push_back({a, b});
            any = true;
          }
        if (any) continue;
      }
      for (const auto& b : T) {
        if (a && b && SameActor(*a, *b)) continue;
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
    // A modal that is itself the trigger ("dreigde met vergelding") does
    // not make its own event hypothetical.
    e.hypothetical = c.conditional ||
                     std::any_of(c.modal_toks.begin(), c.modal_toks.end(),
                                 [&](uint32_t m) { return m != trigger_b; });
    out->push_back(std::move(d));
  }
}

void DocumentRun::AddTriggerEvents(uint32_t s, std::vector<Clause>& clauses, int ci,
                                   std::vector<Draft>* out) {
  Clause& c = clauses[ci];
  const bool sentence_reported = [&] {
    const Sentence& sen = in_.text.sentences[s];
    for (uint32_t i = sen.token_begin; i < sen.token_end; ++i)
      if (Lower(i) == "volgens"sv) return true;
    return false;
  }();
  bool reported = c.reported || sentence_reported;
  std::set<uint32_t> used;  // tokens already a trigger
  // A separable particle closing the clause ("staken de grens over") belongs
  // to the verb: a reading without that particle is another verb.
  uint32_t final_particle = UINT32_MAX;
  for (uint32_t k = c.e; k > c.b; --k) {
    if (toks_[k - 1].type != TokenType::kWord) continue;
    if (particle_[k - 1] && k - 1 > c.b && !Word(kWDet, k - 2) &&
        !IsPrep(k - 2))
      final_particle = k - 1;
    break;
  }
  const int clause_sg = SubjectGroup(c);
  auto in_subject = [&](uint32_t k) {
    if (clause_sg < 0) return false;
    for (const Unit& u : c.units)
      if (u.group == clause_sg && k >= u.b && k < u.e) return true;
    return false;
  };
  for (uint32_t i = c.b; i < c.e; ++i) {
    if (!IsVerbToken(i)) continue;
    if (i > c.b && Lower(i - 1) == "te"sv) continue;  // content of another verb
    // "kwamen overeen hun ministers te laten overleggen": so is the verb
    // after "te laten" / "te doen".
    if (i > c.b + 1 && Lower(i - 2) == "te"sv &&
        (Lower(i - 1) == "laten"sv || Lower(i - 1) == "doen"sv))
      continue;
    // Best pattern over this token's readings.
    const Pattern* best = nullptr;
    int best_spec = -1;
    uint32_t best_prep_dist = UINT32_MAX;
    uint32_t particle_tok = UINT32_MAX, object_tok = UINT32_MAX;
    // (The readings' lemma, then base patterns, as the dictionary gives them.)
    for (const auto& [rp, pats] : ReadingPatterns(i)) {
      const VerbReading& r = *rp;
      {
        for (const Pattern* p : *pats) {
          uint32_t ptok = UINT32_MAX;
          if (!p->particle.empty()) {
            if (r.particle == p->particle && r.lemma == p->lemma) {
              // joined: opriep, opgeroepen
            } else if (r.particle.empty() && r.base == p->base) {
              for (uint32_t k = i + 1; k < c.e; ++k)
                if (Lower(k) == p->particle && SplitParticleAt(k, c)) ptok = k;
              // Written apart right before the verb: "de straat op gegaan".
              if (ptok == UINT32_MAX && i > c.b + 1 && Lower(i - 1) == p->particle &&
                  !IsVerbToken(i - 2))
                ptok = i - 1;
              if (ptok == UINT32_MAX) continue;
            } else {
              continue;
            }
          } else if (r.lemma != p->lemma) {
            // A pattern without a particle also takes a reading with the
            // particle joined: the verb is inseparable (doorzocht,
            // ondertekend, overweegt).
            continue;
          } else if (final_particle != UINT32_MAX && final_particle > i &&
                     std::find(p->preps.begin(), p->preps.end(), Lower(final_particle)) ==
                         p->preps.end()) {
            continue;
          }
          if (p->reflexive) {
            bool refl = false;
            for (uint32_t k = c.b; k < c.e; ++k)
              if (Cue(kCueReflexive, k)) refl = true;
            if (!refl) continue;
          }
          // The required preposition nearest the verb decides between
          // readings of equal specificity ("sprak ... met X over de
          // veiligheid van ..." is spreken met, not spreken van).
          uint32_t prep_dist = UINT32_MAX;
          if (!p->preps.empty()) {
            for (uint32_t k = c.b; k < c.e; ++k)
              for (const std::string& pr : p->preps)
                if (Lower(k) == pr && k != ptok) prep_dist = std::min(prep_dist, k > i ? k - i : i - k);
            if (prep_dist == UINT32_MAX) continue;
          }
          uint32_t otok = UINT32_MAX;
          if (!p->objects.empty()) {
            for (uint32_t k = c.b; k < c.e && otok == UINT32_MAX; ++k) {
              // The subject is not the object ("De oproerpolitie zette
              // waterkanonnen in" is no deployment of police), unless the
              // clause is passive ("De ambassadeur werd ... geroepen").
              if (k == i || (in_subject(k) && !c.passive_aux)) continue;
              for (const std::string& o : p->objects) {
                const std::string& l = Lower(k);
                // The noun, its plural, or a compound ending in either
                // ("inreisverboden" for reisverbod), without allocating.
                auto ends_with = [&](std::string_view a, std::string_view b, std::string_view c) {
                  const size_t n = a.size() + b.size() + c.size();
                  return l.size() >= n && l.compare(l.size() - n, a.size(), a) == 0 &&
                         l.compare(l.size() - b.size() - c.size(), b.size(), b) == 0 &&
                         l.compare(l.size() - c.size(), c.size(), c) == 0;
                };
                const std::string_view last =
                    o.empty() ? std::string_view() : std::string_view(o).substr(o.size() - 1);
                if (ends_with(o, ""sv, ""sv) || ends_with(o, ""sv, "en"sv) ||
                    ends_with(o, ""sv, "s"sv) || (!o.empty() && ends_with(o, last, "en"sv)))
                  otok = k;
              }
            }
            if (otok == UINT32_MAX) continue;
          }
          int spec = p->specificity();
          if (spec > best_spec || (spec == best_spec && prep_dist < best_prep_dist)) {
            best = p;
            best_spec = spec;
            best_prep_dist = prep_dist;
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
      // Refinement keywords may stand in an "om ... te" complement ("boden
      // aan om Ecuador te helpen met inlichtingen").
      uint32_t refine_end = c.e;
      for (size_t k = static_cast<size_t>(ci) + 1;
           k < clauses.size() && clauses[k].type == ClauseType::kSub && clauses[k].sub == "om"sv; ++k)
        refine_end = clauses[k].e;
      // "eist dat Israël zich terugtrekt": what is demanded is in the
      // dat-clause, which is no event yet; its subject is the addressee.
      Clause* demanded = nullptr;
      if ((Root(best->cameo) == "10"sv || Root(best->cameo) == "02"sv) &&
          static_cast<size_t>(ci) + 1 < clauses.size() &&
          clauses[ci + 1].type == ClauseType::kSub && clauses[ci + 1].sub == "dat"sv) {
        demanded = &clauses[ci + 1];
        demanded->conditional = true;
        refine_end = demanded->e;
      }
      for (const Refinement& rf : best->refine) {
        for (uint32_t k = c.b; k < refine_end && !refined; ++k)
          for (const std::string& kw : rf.keywords)
            if (Lower(k).rfind(kw, 0) == 0) {
              cameo = rf.cameo;
              refined = true;
              break;
            }
        if (refined) break;
      }
      // A standing state is no new event: "houdt op dit moment nog drie
      // burgers vast", "worden nog steeds vastgehouden" (but "nog eens").
      if (best->lemma == "vasthouden"sv) {
        bool state = false;
        for (uint32_t k = c.b; k < c.e && !state; ++k) {
          const std::string& l = Lower(k);
          const bool next_eens = k + 1 < c.e && Lower(k + 1) == "eens"sv;
          if (l == "momenteel"sv || l == "sinds"sv || (l == "nog"sv && !next_eens) ||
              (l == "dit"sv && k > c.b && k + 1 < c.e && Lower(k - 1) == "op"sv &&
               Lower(k + 1) == "moment"sv))
            state = true;
        }
        if (state) continue;
      }
      bool passive = false;
      for (const VerbReading& r : Readings(i))
        if (r.form == VerbForm::kParticiple && c.passive_aux) passive = true;
      // An auxiliary right next to the participle decides ("die door de
      // Emiraten was bemiddeld"); otherwise the clause's auxiliaries do.
      auto aux_at = [&](uint32_t k) {
        return k >= c.b && k < c.e && Cue(kCuePassiveAux, k) && IsVerbToken(k);
      };
      const bool adjacent_aux = (i > c.b && aux_at(i - 1)) || aux_at(i + 1);
      if (passive && !adjacent_aux && !c.passive_worden &&
          (c.perfect_hebben || best->target != "obj"sv))
        passive = false;
      if (Lower(i) == "geworden"sv) passive = false;  // "zijn het eens geworden"
      int sg = -1;
      std::vector<ActorRef> src = Slot(c, best->source, passive, &sg);
      // A government protesting against something lodges a complaint; it
      // does not demonstrate ("Taipei protesteerde tegen de manoeuvres").
      if (best->lemma == "protesteren"sv && Root(cameo) == "14"sv && !src.empty() &&
          std::all_of(src.begin(), src.end(), [&](const ActorRef& a) {
            // A country's people ("Georgiërs") demonstrate.
            const bool people =
                std::any_of(in_.actors.begin(), in_.actors.end(), [&](const auto& m) {
                  return m.span.begin == a.span.begin && m.rule.rfind("people", 0) == 0;
                });
            return !a.code.empty() && !people &&
                   (a.sector == "GOV"sv || a.code == a.country || a.code.rfind("IGO", 0) == 0);
          }))
        cameo = "114";
      std::vector<ActorRef> tgt;
      bool recip = false;
      auto distinct = [](const std::vector<ActorRef>& v) {
        for (const ActorRef& a : v)
          if (!a.code.empty() && a.code != v[0].code) return true;
        return false;
      };
      if (best->target == "recip"sv || (c.recip && src.size() >= 2 && distinct(src)) ||
          (c.recip && best->target == "obj"sv)) {
        recip = c.recip || best->target == "recip"sv;
        if (src.size() < 2) {
          recip = false;
          tgt = Slot(c, best->target == "recip"sv ? "pobj:met" : "obj", passive, nullptr);
        }
      } else {
        tgt = Slot(c, best->target, passive, nullptr);
        if (tgt.empty() && demanded) {
          FindUnits(demanded);
          ResolveUnits(demanded);
          for (const ActorRef& r2 : Slot(*demanded, "subj", false, nullptr))
            if (!r2.code.empty()) tgt.push_back(r2);
          demanded->units.clear();
          demanded->subject_group.reset();
        }
        // "Nederland en Duitsland ondertekenden een verdrag": a meeting,
        // agreement, cooperation or ceasefire of coordinated subjects
        // without a named partner is mutual; a pledge, aid, praise or
        // mediation ("De VS en Canada zegden geld toe") goes to a third party.
        const std::string root = Root(cameo);
        if (tgt.empty() && src.size() >= 2 && distinct(src) &&
            (root == "04"sv || root == "06"sv || root == "08"sv || cameo == "030"sv ||
             cameo.rfind("031", 0) == 0 || cameo == "036"sv || cameo == "037"sv ||
             cameo == "038"sv || cameo == "050"sv || cameo == "057"sv) &&
            cameo != "045"sv && cameo != "043"sv)
          recip = true;
      }
      // Warning someone ("waarschuwde Israël voor escalatie") is a threat
      // to them; a warning to no one ("voor een ramp") a pessimistic comment.
      if (best->lemma == "waarschuwen"sv && cameo == "012"sv &&
          std::any_of(tgt.begin(), tgt.end(), [](const ActorRef& r) { return !r.code.empty(); }))
        cameo = "130";
      // The source itself is no target ("Nederland heeft ... het land
      // uitgezet"): the context may name one.
      if (!recip && !tgt.empty() &&
          std::all_of(tgt.begin(), tgt.end(), [&](const ActorRef& t) {
            return std::any_of(src.begin(), src.end(),
                               [&](const ActorRef& a) { return SameActor(a, t); });
          }))
        tgt.clear();
      // A target that is only a name without a code ("?") gives way to a
      // coded one from the context.
      const bool uncoded_target =
          !tgt.empty() && std::all_of(tgt.begin(), tgt.end(),
                                      [](const ActorRef& r) { return r.code.empty(); });
      std::vector<ActorRef> uncoded;
      if (uncoded_target) uncoded.swap(tgt);
      // A mediator or host acts towards both parties of the conflict.
      if (tgt.empty() && !recip && (cameo == "039"sv || cameo == "045"sv || cameo == "043"sv)) {
        for (const ActorRef& r : pair_)
          if (std::none_of(src.begin(), src.end(),
                           [&](const ActorRef& a) { return a.country == r.country; }))
            tgt.push_back(r);
      }
      // An attack on a place is an attack on its country ("bestookten de
      // haven van Odessa", "Charkiv aangevallen").
      if (tgt.empty() && !recip && best->target != "none"sv &&
          (IsViolentRoot(Root(cameo)) || Root(cameo) == "17"sv)) {
        std::optional<ActorRef> at = PlaceActor(c);
        if (at) tgt.push_back(*at);
      }
      // A show of force at or around another country's territory is aimed
      // at it ("oefeningen rondom Taiwan", "troepen langs de grens met Kosovo").
      if (tgt.empty() && !recip && Root(cameo) == "15")
        if (std::optional<ActorRef> at = ForeignPlace(c, src)) tgt.push_back(*at);
      // Fighting back: a violent act without a named target answers the
      // last attacker of another country ("Russische raketten troffen
      // Odesa. Oekraïne schoot elf drones neer").
      if (tgt.empty() && !recip && IsViolentRoot(Root(cameo)) && src.size() == 1 &&
          src[0].country.size() == 3) {
        for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 3 >= s; ++d) {
          const auto& ds = d->ev.source;
          if (!d->violent || !ds || ds->code.empty() || ds->country.size() != 3 ||
              ds->country == src[0].country)
            continue;
          tgt.push_back(ActorRef{ds->text, ds->span, ds->code, ds->country, ds->sector,
                                 "last attacker"});
          break;
        }
      }
      // Condemning, rejecting or protesting against an event told before
      // targets its agent ("veroordeelde de aanslag").
      if (tgt.empty() && !recip &&
          (Root(cameo) == "05"sv || Root(cameo) == "11"sv || Root(cameo) == "12"sv ||
           Root(cameo) == "13"sv || Root(cameo) == "14"sv || cameo == "016"sv ||
           best->lemma == "noemen"sv))
        tgt = EventNounTarget(c, sg, src, s, best->lemma == "spreken"sv);
      // So does an evaluation of something named before ("noemde het
      // besluit onwettig").
      if (tgt.empty() && !recip &&
          (Root(cameo) == "12"sv || Root(cameo) == "13"sv || cameo == "016"sv ||
           best->lemma == "noemen"sv || best->lemma == "aannemen"sv ||
           best->lemma == "aanvaarden"sv || best->lemma == "accepteren"sv))
        tgt = AnsweredTarget(src, s);
      // Granting, refusing or yielding to a request told just before
      // answers whoever made it ("De burgemeester vroeg de regering om
      // rechercheurs. De minister zegde middelen toe").
      if (tgt.empty() && !recip && src.size() == 1 && !src[0].code.empty() &&
          (Root(cameo) == "03"sv || Root(cameo) == "05"sv || Root(cameo) == "08"sv ||
           Root(cameo) == "12"sv)) {
        for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 2 >= s; ++d) {
          const std::string r = Root(d->ev.cameo);
          if (r != "02"sv && r != "10"sv) continue;
          const auto& ds = d->ev.source;
          const auto& dt = d->ev.target;
          if (!ds || ds->code.empty() || !dt || dt->country != src[0].country ||
              dt->sector != src[0].sector || ds->text == src[0].text)
            continue;
          tgt.push_back(ActorRef{ds->text, ds->span, ds->code, ds->country, ds->sector,
                                 "who asked"});
          break;
        }
      }
      // "Manilla ontbood de Chinese ambassadeur en diende een protest in":
      // a second verb phrase of the same subject acts on the same target.
      if (tgt.empty() && !recip && c.inherit && Root(cameo) != "01"sv) {
        for (auto d = out->rbegin(); d != out->rend(); ++d) {
          if (d->clause >= ci || !d->ev.target || d->ev.target->code.empty()) continue;
          const auto& t = *d->ev.target;
          if (std::any_of(src.begin(), src.end(),
                          [&](const ActorRef& a) { return a.code == t.code; }))
            break;
          tgt.push_back(ActorRef{t.text, t.span, t.code, t.country, t.sector, "same target"});
          break;
        }
      }
      if (tgt.empty() && !recip && Root(cameo) != "01"sv)
        tgt = ContextTarget(c, src, sg, Root(cameo));
      // Force used by the police or army without a named target is used
      // against the protesters or fighters the story is about ("Activisten
      // blokkeerden de A12. De politie zette een waterkanon in").
      if (tgt.empty() && !recip && (Root(cameo) == "17" || Root(cameo) == "18") &&
          src.size() == 1 && (src[0].sector == "COP" || src[0].sector == "MIL")) {
        static const std::set<std::string, std::less<>> kNonState = {"CVL", "OPP", "REB", "NGO",
                                                                     "ENV", "LAB", "AGR", "CRM"};
        for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 2 >= s; ++d) {
          const auto& ds = d->ev.source;
          if (!ds || ds->code.empty()) continue;
          const std::string sec = ds->sector.empty() ? ds->code.substr(0, 3) : ds->sector;
          if (!kNonState.count(sec) ||
              (!ds->country.empty() && !src[0].country.empty() && ds->country != src[0].country))
            continue;
          tgt.push_back(ActorRef{ds->text, ds->span, ds->code, ds->country, ds->sector,
                                 "protesters of the story"});
          break;
        }
      }
      if (tgt.empty()) tgt.swap(uncoded);
      // A domestic protest or strike threat without a named target is aimed
      // at the government of the protesters' country.
      if (tgt.empty() && !recip && (Root(cameo) == "14"sv || cameo == "133"sv) && src.size() == 1 &&
          src[0].country.size() == 3 && src[0].code != src[0].country + "GOV") {
        ActorRef g = src[0];
        g.code = g.country + "GOV";
        g.sector = "GOV";
        g.resolved_from = "protest target";
        tgt.push_back(g);
      }
      // "Het Openbaar Ministerie eiste levenslang": a sentence asked in
      // court is no political demand.
      if (best->lemma == "eisen"sv && [&] {
            static const std::set<std::string, std::less<>> kPenalties = {
                "straf", "straffen", "celstraf", "gevangenisstraf", "levenslang", "taakstraf",
                "werkstraf", "boete", "doodstraf", "jaar", "jaren", "maanden", "tbs"};
            for (uint32_t k = c.b; k < c.e; ++k)
              if (kPenalties.count(Lower(k))) return true;
            return false;
          }())
        continue;
      // "dreigt het leger terrein te verliezen": at risk of an outcome one
      // does not want is no threat.
      if (best->lemma == "dreigen"sv && [&] {
            static const std::set<std::string, std::less<>> kRiskVerbs = {
                "verliezen", "vallen", "mislukken", "escaleren", "ontsporen", "instorten",
                "bezwijken", "sterven", "verdwijnen", "verslechteren", "ontaarden",
                "stranden", "opraken", "verhongeren", "omkomen"};
            for (uint32_t k = i + 1; k + 1 < c.e; ++k)
              if (Lower(k) == "te"sv) {
                const std::string& v = Lower(k + 1);
                const bool split = k > c.b && morph_.IsParticle(Lower(k - 1)) &&
                                   kRiskVerbs.count(Lower(k - 1) + v) > 0;
                return kRiskVerbs.count(v) > 0 || split;
              }
            return false;
          }())
        continue;
      // "De spanningen dreigen op te lopen": a threat needs a threatener.
      if (Root(cameo) == "13"sv &&
          std::none_of(src.begin(), src.end(), [](const ActorRef& a) { return !a.code.empty(); }))
        continue;
      if (src.empty() && IsViolentRoot(Root(cameo)))
        if (std::optional<ActorRef> o = OriginActor(c)) src.push_back(*o);
      // A coercive act in the passive without an agent ("werden twintig
      // betogers aangehouden") is done by the authorities of the place.
      if (passive && src.empty() && Root(cameo) == "17"sv) {
        ActorRef a{toks_[i].text, toks_[i].span, "COP", "", "COP", "passive without agent"};
        FillCountry(&a, i);
        if (!a.country.empty()) src.push_back(a);
      }
      std::vector<Span> extra;
      if (particle_tok != UINT32_MAX) extra.push_back(toks_[particle_tok].span);
      Emit(c, s, ci, *best, cameo, i, i + 1, extra, src, tgt, recip, reported, out);
      // An accusation's complement ("van aanvallen") is a reported event by
      // the accused.
      // ("spreken van een aanval" is a verdict, not an accusation.)
      if (Root(cameo) == "11"sv && best->lemma != "spreken"sv) {
        for (uint32_t k = i + 1; k < c.e; ++k) {
          if (Lower(k) != "van"sv) continue;
          for (uint32_t m = k + 1; m < std::min<uint32_t>(c.e, k + 5); ++m) {
            auto nps = NounPatternsOfForm(dict_, Lower(m));
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
        if (k == static_cast<size_t>(ci) + 1 && clauses[k].sub != "dat"sv &&
            clauses[k].sub != "of"sv)
          break;
        clauses[k].reported = true;
        // "ontkende dat ...": what is denied did not happen as told.
        if (sv->cameo == "016"sv) clauses[k].negated = true;
      }
      bool has_source = std::any_of(src.begin(), src.end(),
                                    [](const ActorRef& a) { return !a.code.empty(); });
      // A quote tag (", meldde de politie") attributes what precedes it; a
      // plain attribution is no statement event of its own.
      bool quote_tag = i == c.b && c.b > in_.text.sentences[s].token_begin &&
                       Lower(c.b - 1) == ","sv && sv->cameo == "010"sv;
      if (opt_.emit_statements && has_source && !quote_tag) {
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
        if (toks_[k].type == TokenType::kWord && support_prefix_[k])
          role = dict_.SupportRole(Lower(k) + r.base);
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
      std::vector<const Pattern*> nps = NounPatternsOfForm(dict_, l);
      if (nps.empty() && l.size() > 3 && l.back() == 's')
        nps = dict_.NounPatternsForWord(l.substr(0, l.size() - 1));
      if (nps.empty()) continue;
      const Pattern& p = *nps[0];
      int sg = -1;
      std::vector<ActorRef> src =
          role == "do"sv ? Slot(c, "subj", false, &sg) : std::vector<ActorRef>{};
      if (p.source.rfind("pobj:", 0) == 0 && src.empty()) src = Slot(c, p.source, false, &sg);
      // "vond een Russische troepenopbouw plaats": a country adjective on the
      // trigger noun names its actor (the military for force and violence).
      if (src.empty() && i > c.b) {
        const std::string country = AdjectiveCountry(i - 1);
        const bool force = Root(p.cameo) == "15"sv || IsViolentRoot(Root(p.cameo));
        if (!country.empty())
          src.push_back(AdjectiveActor(i - 1, i + 1, country, force, "country adjective"));
      }
      std::vector<ActorRef> tgt;
      if (p.target.rfind("pobj:", 0) == 0) tgt = Slot(c, p.target, false, nullptr);
      std::string cameo = p.cameo;
      for (const Refinement& rf : p.refine)
        for (uint32_t k = c.b; k < c.e; ++k)
          for (const std::string& kw : rf.keywords)
            if (Lower(k).rfind(kw, 0) == 0) cameo = rf.cameo;
      bool recip = false;
      if (tgt.empty() && src.size() >= 2 &&
          (p.target == "recip"sv || c.recip || (Root(cameo) >= "03" && Root(cameo) <= "08")) &&
          std::any_of(src.begin(), src.end(),
                      [&](const ActorRef& a) { return !a.code.empty() && a.code != src[0].code; }))
        recip = true;
      // "twee milities leverden elkaar gevechten": one plural actor on both
      // sides (see Emit).
      if (tgt.empty() && src.size() == 1 && c.recip && IsViolentRoot(Root(cameo))) recip = true;
      // A joint exercise held by one side alone is a show of force ("China
      // begon een militaire oefening rond Taiwan").
      if (!recip && p.target == "recip"sv && Root(cameo) == "06"sv) cameo = "150";
      // A show of force around another country's territory is aimed at it.
      if (tgt.empty() && !recip && Root(cameo) == "15"sv)
        if (std::optional<ActorRef> at = ForeignPlace(c, src)) tgt.push_back(*at);
      if (tgt.empty() && !recip && (Root(cameo) == "12"sv || cameo == "016"sv))
        tgt = AnsweredTarget(src, s);
      if (tgt.empty() && !recip && Root(cameo) != "01"sv)
        tgt = ContextTarget(c, src, sg, Root(cameo));
      Emit(c, s, ci, p, cameo, i, i + 1, {toks_[support_tok].span}, src, tgt, recip, reported,
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
      if (d.token_begin < b || d.token_end > e || d.kind == "until"sv) continue;
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
    if (pick->kind == "since"sv && pick->date.weekday >= 0 && out.start.size() == 10) {
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
      if (Cue(kCueLocative, k - 1) && w != "van"sv && w != "en"sv) return true;
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
      if (place_is_actor_[pi]) continue;
      uint32_t b = place_tok_begin_[pi], e = place_tok_end_[pi];
      if (tier == 0 && (b < c.b || e > c.e || !locative(pi, c.b))) continue;
      if (tier == 1 && (b < sen.token_begin || e > sen.token_end || !locative(pi, sen.token_begin)))
        continue;
      if (tier == 2 && (b < sen.token_begin || e > sen.token_end || P[pi].precision == "country"sv))
        continue;
      return make(P[pi], tier == 2);
    }
  }
  if (focus_place_) return make(*focus_place_, true);
  return std::nullopt;
}

void DocumentRun::RelativeSubject(const Clause& before, Clause* rel) const {
  if (rel->sub != "die" && rel->sub != "dat") return;
  const uint32_t pron = rel->b;
  const Unit* ante = nullptr;
  for (const Unit& u : before.units)
    if (u.e == pron || (u.e + 1 == pron && Lower(u.e) == ","sv)) ante = &u;
  if (!ante || ante->kind == UnitKind::kPlace) return;
  std::vector<ActorRef> refs;
  for (const ActorRef& r : ante->refs)
    if (!r.code.empty()) refs.push_back(r);
  if (refs.empty()) return;
  bool in_pp = false;
  for (uint32_t k = pron + 1; k < rel->e; ++k) {
    if (IsVerbToken(k)) break;
    if (IsPrep(k)) {
      in_pp = true;
      continue;
    }
    if (!HasTagger()) return;
    const UposTag t = Tag(k);
    if (t == kU_NOUN || t == kU_PROPN || t == kU_PRON) {
      const bool in_date = std::any_of(in_.text.dates.begin(), in_.text.dates.end(),
                                       [&](const auto& d) {
                                         return k >= d.token_begin && k < d.token_end;
                                       });
      if (in_pp || in_date || kTimeUnitNouns.count(Lower(k))) {
        in_pp = false;
        continue;
      }
      // "Turkije, dat een deel van de rebellen steunt": a share of a group
      // is what an actor antecedent acts on.
      if (Word(kWQuantityNoun, k) && k + 1 < rel->e && Lower(k + 1) == "van"sv) break;
      return;  // the clause has its own subject: "dorpen die het leger bezette"
    }
  }
  rel->inherit = true;
  rel->inherited = refs;
}

void DocumentRun::CodeSentence(uint32_t s) {
  std::vector<Clause> clauses = Clauses(s);
  std::vector<Draft> drafts;
  std::vector<ActorRef> main_subject;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    Clause& c = clauses[ci];
    FindUnits(&c);
    if (c.inherit) c.inherited = main_subject;
    if (ci > 0 && c.type == ClauseType::kRelative) RelativeSubject(clauses[ci - 1], &c);
    ResolveUnits(&c);
    if (c.type == ClauseType::kMain && !c.inherit) {
      std::vector<ActorRef> subj = Slot(c, "subj", false, nullptr);
      if (!subj.empty()) main_subject = subj;
    }
    AddTriggerEvents(s, clauses, static_cast<int>(ci), &drafts);
  }
  // "beschuldigt de bendes ervan de opstand te hebben georganiseerd": the
  // act in the accusation's complement is the accused's, and only alleged.
  for (size_t a = 0; a < drafts.size(); ++a) {
    const Draft& acc = drafts[a];  // an accusation: never changed below
    if (Root(acc.ev.cameo) != "11" || !acc.ev.source || !acc.ev.target ||
        acc.ev.target->code.empty())
      continue;
    for (Draft& d : drafts) {
      if (&d == &acc || d.clause != acc.clause || d.trigger_token <= acc.trigger_token ||
          Root(d.ev.cameo) == "11" || !d.ev.source || d.ev.source->code != acc.ev.source->code)
        continue;
      d.ev.source = acc.ev.target;
      d.ev.reported = true;
      if (d.ev.target && d.ev.target->code == acc.ev.target->code) d.ev.target.reset();
    }
  }
  // A speaker who says that someone fights or attacks accuses them: the
  // statement becomes CAMEO 112 against each coded perpetrator.
  for (size_t k = 0; k < drafts.size(); ++k) {
    if (!drafts[k].speech || drafts[k].ev.cameo == "016"sv) continue;
    std::vector<std::optional<ActorSlot>> accused;
    const std::optional<ActorSlot>& speaker = drafts[k].ev.source;
    for (const Draft& d : drafts)
      if (d.violent && d.ev.reported && !d.ev.negated && d.clause > drafts[k].clause && d.ev.source &&
          !d.ev.source->code.empty() &&
          // Telling what one's own side did is a claim, not an accusation.
          !(speaker && !speaker->country.empty() && speaker->country == d.ev.source->country))
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
                                         [](const EvidenceSpan& e) { return e.role == "target"sv; }),
                          d.ev.evidence.end());
      d.ev.target = a;
      d.ev.evidence.push_back({"target", a->span});
      drafts.push_back(std::move(d));
    }
    k = 0;  // drafts changed; statements of other clauses are revisited
    if (drafts.empty()) break;
  }
  // What a speaker says about his own side's conduct is a speech act of its
  // own: "zei dat zijn regering de wet niet intrekt" refuses to yield (12),
  // "zeiden dat zij elkaar willen ontmoeten" expresses intent (03).
  for (size_t k = 0; k < drafts.size(); ++k) {
    if (!drafts[k].speech || drafts[k].ev.cameo != "010"sv || !drafts[k].ev.source) continue;
    const ActorSlot speaker = *drafts[k].ev.source;
    std::vector<Draft> acts;
    for (const Draft& d : drafts) {
      if (d.speech || d.clause <= drafts[k].clause || !d.ev.reported) continue;
      const std::string root = Root(d.ev.cameo);
      const bool own = !d.ev.source || d.ev.source->code.empty() ||
                       (!speaker.country.empty() && d.ev.source->country == speaker.country);
      if (!own) continue;
      std::string code;
      if (d.ev.negated && root == "08"sv) {
        const std::string& y = d.ev.cameo;
        code = y.rfind("083", 0) == 0   ? "1232"
               : y.rfind("084", 0) == 0 ? "1243"
               : y.rfind("085", 0) == 0 ? "1244"
               : y.rfind("087", 0) == 0 ? "1246"
                                        : "124";
      } else if (d.ev.hypothetical && !d.ev.negated && !clauses[d.clause].conditional &&
                 root >= "04" && root <= "08") {
        code = root == "04"sv ? "036" : root == "05"sv ? "030" : root == "06"sv ? "031"
               : root == "07"sv ? "033" : "035";
      }
      if (code.empty()) continue;
      Draft a = d;
      a.ev.cameo = code;
      if (const CameoInfo* info = ont_.Find(code)) {
        a.ev.plover_type = info->plover_type;
        a.ev.plover_mode = info->plover_mode;
        a.ev.quad_class = info->quad_class;
        a.ev.goldstein = info->goldstein;
      }
      a.ev.negated = false;
      a.ev.hypothetical = false;
      a.ev.reported = drafts[k].ev.reported;
      a.violent = false;
      if (!a.ev.source || a.ev.source->code.empty()) a.ev.source = speaker;
      acts.push_back(std::move(a));
    }
    if (acts.empty()) continue;
    const int clause = drafts[k].clause;
    drafts.erase(std::remove_if(drafts.begin(), drafts.end(),
                                [&](const Draft& d) { return d.speech && d.clause == clause; }),
                 drafts.end());
    for (Draft& a : acts) drafts.push_back(std::move(a));
    k = static_cast<size_t>(-1);  // restart: drafts changed
  }
  // Casualties: one record per sentence, from every clause.
  Casualties cas;
  std::optional<int64_t> pending_total;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    Casualties c = FindCasualties(clauses[ci]);
    if (!c.found) {
      if (c.civilians) cas.civilians = true;
      if (c.pending_total && !pending_total) pending_total = c.pending_total;
      continue;
    }
    if (!cas.found) cas.clause = static_cast<int>(ci);
    cas.found = true;
    if (c.victim >= 0 && (cas.victim < 0 || (c.victim_killed && !cas.victim_killed))) {
      cas.victim = c.victim;
      cas.victim_end = c.victim_end;
      cas.victim_killed = c.victim_killed;
    }
    if (!cas.killed) cas.killed = c.killed;
    if (!cas.injured) cas.injured = c.injured;
    if (!cas.cumulative_killed) cas.cumulative_killed = c.cumulative_killed;
    if (!cas.cumulative_injured) cas.cumulative_injured = c.cumulative_injured;
    cas.civilians = cas.civilians || c.civilians;
    cas.vague = cas.vague || c.vague;
    cas.spans.insert(cas.spans.end(), c.spans.begin(), c.spans.end());
  }
  if (cas.found && cas.killed && !cas.cumulative_killed && pending_total &&
      *pending_total > *cas.killed)
    cas.cumulative_killed = pending_total;
  // "Het dodental is gestegen tot 52. Op dinsdag vielen er nog eens 12
  // doden.": the increment belongs to the running total told just before.
  if (cas.found && cas.cumulative_killed) {
    last_cumulative_killed_ = cas.cumulative_killed;
    last_cumulative_sentence_ = s;
  } else if (cas.found && cas.killed && last_cumulative_killed_ &&
             s <= last_cumulative_sentence_ + 2 && *last_cumulative_killed_ > *cas.killed) {
    const Sentence& sen = in_.text.sentences[s];
    for (uint32_t i = sen.token_begin + 1; i < sen.token_end; ++i)
      if (Lower(i) == "eens"sv && Lower(i - 1) == "nog"sv) cas.cumulative_killed = last_cumulative_killed_;
  }
  if (cas.found) {
    Fatalities f{cas.killed, cas.injured, cas.cumulative_killed, cas.cumulative_injured,
                 cas.civilians, cas.vague && !cas.killed && !cas.injured, cas.spans};
    // The sentence's violent event, one with a named attacker first ("vijf
    // mensen werden gedood, toen een woontoren werd getroffen door een
    // Russische drone").
    Draft* violent = nullptr;
    for (Draft& d : drafts)
      if (d.violent && !d.ev.negated && !d.ev.hypothetical &&
          (!violent || (!(violent->ev.source && !violent->ev.source->code.empty()) &&
                        d.ev.source && !d.ev.source->code.empty())))
        violent = &d;
    // A count told right after an attack with a named attacker is its toll
    // ("Rusland heeft Kyiv aangevallen ... In de hoofdstad werden vijf
    // mensen gedood").
    std::string earlier_target_country;  // set by earlier_attacker()
    // Only when one side attacked in the two sentences before: after an
    // exchange of fire ("beschoten elkaar") the toll is nobody's alone.
    auto earlier_attacker = [&]() -> std::optional<ActorRef> {
      std::optional<ActorRef> found;
      for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 2 >= s; ++d) {
        // Force too: "bestookte een schip met een waterkanon ... raakten
        // daarbij drie bemanningsleden gewond".
        if ((!d->violent && Root(d->ev.cameo) != "17"sv) || d->ev.negated || d->ev.historical ||
            !d->ev.source || d->ev.source->code.empty())
          continue;
        const auto& ds = d->ev.source;
        if (found && found->country != ds->country) return std::nullopt;
        if (!found) {
          found = ActorRef{ds->text, ds->span, ds->code, ds->country, ds->sector, "earlier attack"};
          if (d->ev.target && d->ev.target->country.size() == 3)
            earlier_target_country = d->ev.target->country;
        }
      }
      return found;
    };
    // Civilians of the attacker's own country only when the text says so
    // ("vijf mensen" killed by a Russian strike on Kyiv are Ukrainian): the
    // country attacked just before, else the last place of another country.
    auto other_side = [&](const std::string& attacker_country, std::string* code,
                          std::string* country) {
      if (*country != attacker_country || code->size() != 6 || code->substr(3) != "CVL"sv ||
          !AdjectiveCountry(static_cast<uint32_t>(cas.victim)).empty())
        return;
      for (auto d = drafts_.rbegin(); d != drafts_.rend() && d->sentence + 2 >= s; ++d) {
        const auto& dt = d->ev.target;
        if (!d->violent || !dt || dt->country.size() != 3 || dt->country == attacker_country)
          continue;
        *country = dt->country;
        *code = dt->country + "CVL";
        return;
      }
      const uint32_t first = in_.text.sentences[s >= 2 ? s - 2 : 0].token_begin;
      for (size_t pi = in_.places.size(); pi-- > 0;) {
        if (place_tok_begin_[pi] >= in_.text.sentences[s].token_end ||
            place_tok_begin_[pi] < first || place_is_actor_[pi])
          continue;
        const std::string pc = ActorCountry(in_.places[pi].country_iso3);
        if (pc.size() != 3 || pc == attacker_country) continue;
        *country = pc;
        *code = pc + "CVL";
        return;
      }
    };
    if (violent) {
      violent->ev.fatalities = f;
      if (!violent->ev.source || violent->ev.source->code.empty()) {
        // "zijn bij Israëlische luchtaanvallen ... gedood": the attack noun
        // names the attacker.
        const Pattern* noun = nullptr;
        std::vector<ActorRef> by_noun = NounAttacker(clauses[violent->clause], &noun);
        if (by_noun.size() == 1) {
          const ActorRef& a = by_noun[0];
          violent->ev.source = ActorSlot{a.text, a.span, a.code, a.country, a.sector,
                                         "attack noun"};
          violent->ev.evidence.push_back({"source", a.span});
        }
      }
      if (!violent->ev.source || violent->ev.source->code.empty()) {
        if (std::optional<ActorRef> a = earlier_attacker()) {
          violent->ev.source = ActorSlot{a->text, a->span, a->code, a->country, a->sector,
                                         a->resolved_from};
          violent->ev.evidence.push_back({"source", a->span});
        }
      }
      for (const Span& sp : cas.spans) violent->ev.evidence.push_back({"casualties", sp});
      if (violent->ev.target && violent->ev.source && !violent->ev.target->code.empty())
        other_side(violent->ev.source->country, &violent->ev.target->code,
                   &violent->ev.target->country);
      if (!violent->ev.target || violent->ev.target->code.empty()) {
        std::vector<ActorRef> victims = VictimTarget(s, cas);
        if (!victims.empty()) {
          ActorRef& v = victims[0];
          if (violent->ev.source) other_side(violent->ev.source->country, &v.code, &v.country);
          violent->ev.target = ActorSlot{v.text, v.span, v.code, v.country, v.sector, "victims"};
          violent->ev.evidence.push_back({"target", v.span});
        }
      }
    } else {
      const Clause& c = clauses[cas.clause];
      Pattern dummy;
      uint32_t tb = c.b;
      auto lb = std::lower_bound(toks_.begin(), toks_.end(), cas.spans[0].begin,
                                 [](const Token& t, uint32_t b) { return t.span.end <= b; });
      tb = static_cast<uint32_t>(lb - toks_.begin());
      bool reported = c.reported;
      const Pattern* noun = nullptr;
      std::vector<ActorRef> between;
      std::vector<ActorRef> attacker = NounAttacker(c, &noun, &between);
      std::string cameo = military_ ? "190" : "180";
      if (!attacker.empty() && noun) cameo = noun->cameo;
      // (A running total is no toll: "sinds januari meer dan 5000 doden".)
      if (attacker.empty() && !cas.cumulative_killed && !cas.cumulative_injured)
        if (std::optional<ActorRef> a = earlier_attacker()) attacker.push_back(*a);
      std::vector<ActorRef> victims = between.empty() ? VictimTarget(s, cas) : between;
      if (attacker.size() == 1 && victims.size() == 1 && between.empty())
        other_side(attacker[0].country, &victims[0].code, &victims[0].country);
      // Victims named by a country adjective ("drie Filipijnse
      // bemanningsleden"), else of the side just attacked.
      if (victims.empty() && cas.victim >= 0) {
        const auto v = static_cast<uint32_t>(cas.victim);
        uint32_t e = static_cast<uint32_t>(cas.victim_end) + 1;
        std::string country;
        for (uint32_t k = v; k < e && country.empty(); ++k) country = AdjectiveCountry(k);
        static const std::set<std::string, std::less<>> kCivilians = {
            "mensen",    "burgers",   "inwoners",        "bewoners",  "bemanningsleden",
            "passagiers", "dorpelingen", "kinderen",     "vrouwen",   "personen",
            "voorbijgangers", "opvarenden", "zeelieden"};
        if (country.empty() && attacker.size() == 1 &&
            attacker[0].resolved_from == "earlier attack"sv && kCivilians.count(Lower(e - 1)))
          country = earlier_target_country;
        if (country.size() == 3) {
          const bool soldiers = Lower(e - 1) == "soldaten"sv || Lower(e - 1) == "militairen"sv;
          const Span sp = TokenSpan(v, e);
          victims.push_back(ActorRef{std::string(sp.Of(raw_)), sp,
                                     country + (soldiers ? "MIL" : "CVL"), country,
                                     soldiers ? "MIL" : "CVL", "victims"});
        }
      }
      // Its own people hurt ("agenten raakten gewond" after a police
      // charge): someone else did it.
      if (attacker.size() == 1 && victims.size() == 1 && attacker[0].code == victims[0].code)
        attacker.clear();
      Emit(c, s, cas.clause, dummy, cameo, tb, tb + 1, {}, attacker, victims, false, reported,
           &drafts);
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
  // So is an attack without a named attacker next to the one that carries
  // the sentence's casualties ("vijf mensen werden gedood, toen ... door een
  // Russische drone").
  const bool actor_violent_casualties =
      std::any_of(drafts.begin(), drafts.end(), [](const Draft& d) {
        return d.violent && d.ev.source && !d.ev.source->code.empty() && d.ev.fatalities;
      });
  for (Draft& d : drafts) {
    const bool no_attacker = !d.ev.source || d.ev.source->code.empty();
    if (has_actor_violent && d.violent && no_attacker && !d.ev.fatalities &&
        (!d.ev.target || actor_violent_casualties))
      d.ev.cameo.clear();  // dropped below
  }
  for (Draft& d : drafts) {
    auto coded = [](const std::optional<ActorSlot>& a) { return a && !a->code.empty(); };
    if (d.clause >= 0 && clauses[d.clause].bare_relative && !coded(d.ev.source) &&
        !coded(d.ev.target) && !d.ev.fatalities)
      d.ev.cameo.clear();
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
  std::vector<std::pair<uint32_t, int>> origin;  // per out event: sentence, clause
  std::map<std::string, size_t> seen;
  auto emitted = [&](const Draft& d) {
    return (!d.ev.negated || opt_.emit_negated) && (!d.ev.hypothetical || opt_.emit_hypothetical);
  };
  // A speaker's plain statement about his own side's act ("De luchtmacht
  // zegt dat zij 31 drones heeft neergeschoten") is that act, reported: the
  // 010 gives way to the coded act with the same source in the sentence.
  auto claims_own_act = [&](const Draft& d) {
    if (!d.speech || d.ev.cameo != "010"sv || !d.ev.source || d.ev.source->code.empty())
      return false;
    return std::any_of(drafts.begin(), drafts.end(), [&](const Draft& o) {
      return &o != &d && !o.speech && o.sentence == d.sentence && emitted(o) && o.ev.source &&
             o.ev.source->code == d.ev.source->code && Root(o.ev.cameo) != "01"sv;
    });
  };
  for (Draft& d : drafts) {
    Event& e = d.ev;
    if (!emitted(d)) continue;
    if (claims_own_act(d)) continue;
    // Who did what to whom: an event with neither actor is only kept when it
    // is fighting or violence ("Er braken gevechten uit", "Bij de aanval
    // kwamen twaalf mensen om").
    if (!e.source && !e.target && !e.fatalities && !d.violent) continue;
    // A verb of violence with no one named on either side and no toll
    // ("dat alleen militaire doelen waren getroffen", "De stad wordt
    // belegerd") says too little; fighting told by its noun stays.
    auto coded = [](const std::optional<ActorSlot>& a) { return a && !a->code.empty(); };
    if (d.violent && !coded(e.source) && !coded(e.target) && !e.fatalities && HasTagger() &&
        d.trigger_token < toks_.size() && Tag(d.trigger_token) == kU_VERB &&
        NounPatternsOfForm(dict_, Lower(d.trigger_token)).empty())
      continue;
    // A plain "zei"/"meldde" with no addressee is kept beside the reported
    // event it introduces (two events, the second flagged reported); alone,
    // when what was said yields no event, it says nothing about an
    // interaction (PLOVER drops plain statements).
    if (d.speech && e.cameo == "010"sv && !e.target &&
        std::none_of(drafts.begin(), drafts.end(), [&](const Draft& o) {
          return &o != &d && o.sentence == d.sentence && o.ev.reported && emitted(o) &&
                 !o.ev.cameo.empty();
        }))
      continue;
    std::string key = e.cameo + "|" + (e.source ? e.source->code + "/" + e.source->text : "-") +
                      "|" + (e.target ? e.target->code + "/" + e.target->text : "-") + "|" +
                      e.date.start + "|" + e.date.end + "|" +
                      (e.location ? e.location->name : "") + "|" + (e.reported ? "r" : "") + "|" +
                      (e.fatalities ? std::to_string(e.fatalities->killed.value_or(-1)) + "/" +
                                          std::to_string(e.fatalities->injured.value_or(-1)) + "/" +
                                          std::to_string(e.fatalities->cumulative_killed.value_or(-1))
                                    : "");
    auto it = seen.find(key);
    // Two verb phrases of one sentence are two acts ("ontbood de ambassadeur
    // en diende een protest in"); mentions in different sentences merge.
    if (it != seen.end() && origin[it->second].first == d.sentence &&
        origin[it->second].second != d.clause)
      it = seen.end();
    if (it != seen.end()) {
      Event& m = out[it->second];
      m.evidence.insert(m.evidence.end(), e.evidence.begin(), e.evidence.end());
      if (!m.fatalities && e.fatalities) m.fatalities = e.fatalities;
      continue;
    }
    seen[key] = out.size();
    origin.emplace_back(d.sentence, d.clause);
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
