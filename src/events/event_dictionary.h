// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// EventDictionary: a language's event triggers and the cue words the clause
// analysis needs, loaded from <resources>/<lang>/events/ (format:
// src/lang/README-events.md) and validated against the CAMEO table.
//
//   auto ont = Ontology::Load(dir);
//   auto dict = EventDictionary::Load(dir, "nl", **ont);
//   for (const Pattern* p : (*dict)->VerbPatterns("roepen")) ...
//
// Thread-safety: immutable after Load(); const methods may run concurrently.
#ifndef KRONIEK_EVENTS_EVENT_DICTIONARY_H_
#define KRONIEK_EVENTS_EVENT_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "events/ontology.h"
#include "kroniek/status.h"

namespace kroniek::events {

struct Refinement {
  std::vector<std::string> keywords;  // lowercase lemma prefixes
  std::string cameo;
};

struct Pattern {
  enum class Kind { kVerb, kNoun };
  Kind kind = Kind::kVerb;
  std::string lemma;      // full infinitive ("oproepen") or singular noun
  std::string particle;   // "op", or empty
  std::string base;       // lemma without the particle ("roepen")
  bool reflexive = false;
  std::vector<std::string> preps;    // any of these must occur
  std::vector<std::string> objects;  // any of these must head the object
  std::string cameo;
  std::string source;  // "subj", "pobj:PREP", "none"
  std::string target;  // "obj", "pobj:PREP", "recip", "none"
  std::vector<Refinement> refine;
  std::string example;
  std::string file;  // where it was defined, for messages
  int line = 0;
  // Number of constraints (particle, reflexive, prep, object): the more, the
  // more specific; the coder prefers specific readings.
  int specificity() const;
};

struct SpeechVerb {
  std::string lemma;
  std::string particle;
  std::string base;
  std::string cameo;
};

class EventDictionary {
 public:
  // Errors: NotFound for a missing file; InvalidArgument naming file:line for
  // a bad line (column count, unknown kind/slot, CAMEO code not in the
  // ontology, a particle that does not start the lemma, a duplicate key).
  static StatusOr<std::unique_ptr<EventDictionary>> Load(const std::string& resource_dir,
                                                         const std::string& lang,
                                                         const Ontology& ontology);

  // Verb patterns whose `lemma` or (for separable verbs) `base` is `lemma`.
  const std::vector<const Pattern*>& VerbPatterns(const std::string& lemma) const;
  // Noun patterns by singular lemma.
  const std::vector<const Pattern*>& NounPatterns(const std::string& lemma) const;
  // Noun patterns whose lemma ends `word` (compound heads), longest first.
  std::vector<const Pattern*> NounPatternsForWord(std::string_view lower_word) const;

  const SpeechVerb* FindSpeechVerb(const std::string& lemma) const;
  // Support verb role: "occur", "do", or empty.
  std::string SupportRole(const std::string& lemma) const;
  // Whether some support verb lemma starts with `lower` (or is it): when
  // not, SupportRole(lower + anything) is empty.
  bool IsSupportPrefix(std::string_view lower) const;
  // Cue words of a category (README-events.md); multi-word cues contain spaces.
  bool IsCue(std::string_view category, std::string_view lower) const;
  const std::vector<std::string>& Cues(std::string_view category) const;
  // Cue categories as bits, for callers that test many categories of one
  // word: CueBit(category) is 0 for an unknown category (or more than 32);
  // CueMask(lower) has the bit of each category that lists `lower` as a
  // cue, CueFirstMask(lower) of each category with a cue whose first word
  // (before a space) is `lower`. IsCue(c, w) == (CueMask(w) & CueBit(c)) != 0
  // for a known category.
  uint32_t CueBit(std::string_view category) const;
  uint32_t CueMask(std::string_view lower) const;
  uint32_t CueFirstMask(std::string_view lower) const;
  // All three per-word facts in one lookup.
  struct WordCues {
    uint32_t cue_mask = 0;        // CueMask
    uint32_t cue_first_mask = 0;  // CueFirstMask
    bool support_prefix = false;  // IsSupportPrefix
  };
  WordCues CuesOfWord(std::string_view lower) const;

  const std::vector<Pattern>& patterns() const { return patterns_; }
  const std::vector<SpeechVerb>& speech_verbs() const { return speech_; }

 private:
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::vector<const Pattern*>> verbs_;
  std::vector<SpeechVerb> speech_;
  std::unordered_map<std::string, std::string> support_;
  // Hash lookups by string_view: the coder asks IsCue for nearly every token.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using ViewMap = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;
  ViewMap<std::vector<std::string>> cues_;
  ViewMap<std::unordered_set<std::string, ViewHash, std::equal_to<>>> cue_sets_;
  ViewMap<std::vector<const Pattern*>> nouns_;
  ViewMap<uint32_t> cue_bits_;        // category -> bit
  ViewMap<WordCues> word_cues_;       // word -> CueMask, CueFirstMask, IsSupportPrefix
  ViewMap<size_t> speech_index_;      // lemma (or base) -> first speech verb
};

}  // namespace kroniek::events

#endif  // KRONIEK_EVENTS_EVENT_DICTIONARY_H_
