// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// ActorMatcher: finds actor mentions (noun-phrase-ish spans) in tokenized text
// and gives each a CAMEO-style code, using an ActorDictionary.
//
//   StatusOr<ActorDictionary> dict = LoadActorDictionary(base::ResourceDir(), "nl");
//   if (!dict.ok()) return dict.status();
//   const ActorMatcher matcher(*std::move(dict));
//   std::vector<ActorMention> mentions =
//       matcher.Match(raw, tokens, sentences, doc.date);
//   // "Kremlinwoordvoerder Dmitri Peskov" -> code "RUSGOV", country "RUS",
//   // sector "GOV", rule "compound Kremlin+woordvoerder; person peskov".
//
// How a mention is built (one left-to-right pass per sentence):
//   1. At each token the longest dictionary alias is looked up (names,
//      adjectives, role nouns; multi-token aliases are compared on the token
//      texts joined as they appear in the raw text). A word that is no alias
//      may be a compound: the longest suffix that is a role noun, with a
//      known prefix (a name or role noun, optionally followed by a linking
//      's' or '-'): "Kremlinwoordvoerder", "parlementsvoorzitter", "VN-gezant".
//   2. A noun phrase is [determiner] [modifiers: country adjectives, other
//      lower-case adjectives] head [name] ["van"/"of" country|org]. The head
//      is a role noun, a demonym, or a name (country, org, person, metonym).
//   3. Code: a person whose role is valid on the document date gives his code;
//      else a following org name with a sector; else the country from the
//      adjective, the compound prefix or the "van" complement, joined with the
//      role's sector ("ARM" + "GOV"; a code that already has a sector, such as
//      "AZEPRE" or "IGOUNO", is kept). The adjective wins over any location
//      ("De Armeense ambassadeur in Moskou" -> ARMGOV).
//   4. A person outside every role range codes as his country alone.
//   5. Metonyms in a locative position ("in Moskou", "hoofdstad Jerevan") are
//      places, not actors: no mention. Countries there are emitted with
//      `locative` set, so callers can tell place from actor.
// Unknown capitalised names are never coded (that is NER's job); they are
// only absorbed into a role phrase ("minister Hoekstra").
//
// Thread-safety: immutable after construction; Match() is const and may be
// called concurrently.
#ifndef KRONIEK_ENTITIES_ACTOR_MATCHER_H_
#define KRONIEK_ENTITIES_ACTOR_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/actor_dictionary.h"
#include "kroniek/date.h"
#include "kroniek/span.h"
#include "kroniek/status.h"
#include "kroniek/token.h"

namespace kroniek::entities {

struct ActorMention {
  Span span;                 // bytes into raw
  uint32_t token_begin = 0;  // token range [begin, end)
  uint32_t token_end = 0;
  std::string text;          // raw bytes of the span
  std::string code;          // "RUSGOV"; a bare sector ("CVL") without country
  std::string country;       // ISO 3166 alpha-3 or ""
  std::string sector;        // "GOV", "MIL", "IGO", "PRE", or ""
  std::string entry_id;      // id of the entry that decided the code
  std::string rule;          // how: "adjective Armeense + role ambassadeur"
  bool locative = false;     // country after "in", "naar", ... (a place?)
};

struct ActorMatchOptions {
  // Emit role nouns with no country ("burgers" -> "CVL"). Events may want
  // them as targets; entity evaluation usually does not.
  bool emit_bare_roles = true;
};

class ActorMatcher {
 public:
  explicit ActorMatcher(ActorDictionary dict, ActorMatchOptions options = {});

  const ActorDictionary& dictionary() const { return dict_; }

  // Mentions in `tokens` (spans into `raw`), in text order, never
  // overlapping, never crossing a sentence. `sentences` may be empty (the
  // whole token vector is one sentence). `date` selects date-ranged roles;
  // year 0 means unknown (then every role counts as valid).
  std::vector<ActorMention> Match(std::string_view raw,
                                  const std::vector<Token>& tokens,
                                  const std::vector<Sentence>& sentences,
                                  const PartialDate& date) const;

  // Convenience for short phrases (self-tests, tools): tokenizes `text`
  // with a simple built-in tokenizer and matches it as one sentence.
  std::vector<ActorMention> MatchPhrase(std::string_view text,
                                        const PartialDate& date) const;

  // Runs every #test line of the dictionary. Returns OK, or InvalidArgument
  // listing each failing test as "<file>:<line>: self-test '<phrase>' expected
  // <code>, got <codes>", one per line.
  Status RunSelfTests() const;

 private:
  ActorDictionary dict_;
  ActorMatchOptions options_;
};

}  // namespace kroniek::entities

#endif  // KRONIEK_ENTITIES_ACTOR_MATCHER_H_
