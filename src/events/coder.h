// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// EventCoder: Dutch (and by the same design other languages') clause
// analysis that turns an analysed document into coded events.
//
//   EventCoder coder(&dictionary, &ontology, &morphology);
//   CoderInput in{doc, analysis, upos, actors, ner, places};
//   std::vector<Event> events = coder.Code(in);
//
// How it reads a sentence (the essay; details at each step in coder.cc):
//  1. Clauses. A sentence is cut into clauses at subordinators (dat,
//     doordat, toen, als, ...), relative pronouns after a comma, ", maar",
//     ", en" and semicolons. A clause is main (verb second), subordinate
//     (verb final) or relative; conditional clauses (als, indien) are
//     hypothetical; "volgens X" and clauses under a speech verb are reported.
//  2. Triggers. Each verb token (UPOS VERB/AUX when a tagger ran) is read by
//     the morphology (riep -> roepen; opgeworpen -> opwerpen with particle
//     op) and matched against the dictionary's verb patterns, with their
//     separable particle found split off in the clause (riep ... op), a
//     reflexive (zich), a required preposition or object noun. Verbs after
//     "te" are content of another verb (riep op ... te staken), not events.
//     Nominal triggers (gevechten, aanval) fire with a support verb
//     (uitbreken, plegen) or as the complement of an accusation.
//  3. Arguments. Actor mentions (language pack), named entities and
//     pronouns form units; a unit after a preposition is a prepositional
//     object. Units joined by "en" form a group (one event per member).
//     The subject is the first bare group before the finite verb of a main
//     clause (else right after it: inversion), or after the subordinator;
//     in a passive the subject is the target and "door X" the source.
//     The slot is positional: a bare noun phrase that is no actor ("De
//     aanvallers openden het vuur") holds it, so a later actor is not
//     promoted; when it is owned by an actor ("strijders van Boko Haram")
//     the owner stands for it. ", VERB" after a complete main clause starts
//     a quote tag ("..., meldde de politie").
//     "elkaar" and mutual patterns (target "recip") give one event per
//     direction; "beide kanten", "de twee ..." resolve to the document's
//     conflict pair; "hij/zij" to the last subject. A mediator or host
//     (039, 043, 045) without a target acts towards both parties of the pair.
//     A role without a country ("de politie", "burgers") takes the country
//     of the sentence's place, else of the sentence's one named country,
//     else the article's main country. A violent or coercive event without
//     an actor target is aimed at the country of the clause's place
//     ("bestookten de haven van Odessa" -> UKR). Any other event whose
//     target slot stays empty takes it from the context: another actor in
//     the clause ("riep zijn ambassadeur bij de EU terug"), a place of
//     another country ("stuurde hulp naar de stad"), the other side of the
//     conflict pair, else the article's country; a domestic protest without
//     a target is aimed at its government. Coordinated subjects of a
//     cooperative act without a partner ("X en Y ondertekenden een
//     verdrag") act on each other; among three or more parties each acts
//     once, towards the next. A rejection or denial without an addressee
//     answers the last coded actor of another side in the previous three
//     sentences ("Teheran wees dat verzoek af"), and so does an evaluation
//     ("noemde het besluit onwettig"). Descriptive noun phrases point back:
//     "de beweging" (last non-state group), "het bondgenootschap" (last
//     IGO), "het land" (the article's country); "dat het ..." is a pronoun.
//     A separable particle closing the clause ("staken de grens over")
//     blocks readings of the verb without it.
//  4. Casualties. "N doden/gewonden", "kwamen (...) om" (particle split),
//     "nog eens N", "het totaal op N", "het dodental is gestegen tot N"
//     give killed/injured (each counted group by the verb that follows it),
//     incremental vs cumulative, civilians
//     ("waaronder burgers") and vague counts ("talloze"). A casualty report
//     without a violent trigger becomes an ASSAULT/FIGHT event with an
//     unknown source.
//     A standing detention ("houdt nog drie burgers vast") is no event.
//  5. Negation and modality: "niet/geen" negate; "zou/kan/wil" and
//     conditional clauses make events hypothetical (a modal that is itself
//     the trigger, "dreigde met", does not); a denial ("ontkende dat ...")
//     negates what it reports; neither is emitted by default.
//  6. Date: the clause's date expression, else the sentence's (but not one
//     in a speech clause: "..., meldde het leger maandag"), else the date of
//     the last explicitly dated event up to two sentences back (the story
//     goes on: "Daarbij kwamen ... om"), else the document date; historical
//     periods flag the event historical. Place:
//     the clause's locative place, else the sentence's, else the article's
//     focus place (flagged inferred).
//  7. Within the document, mentions of the same event (code, actors, date,
//     place) merge and keep every evidence span. A speaker's plain 010
//     statement gives way to a coded act of the same source in its sentence
//     ("De luchtmacht zegt dat zij 31 drones heeft neergeschoten").
//
// Thread-safety: an EventCoder holds const pointers to shared resources;
// Code() is const and may run concurrently. No global state.
#ifndef KRONIEK_EVENTS_CODER_H_
#define KRONIEK_EVENTS_CODER_H_

#include <string>
#include <vector>

#include "entities/actor_matcher.h"
#include "entities/geocoder.h"
#include "events/event_dictionary.h"
#include "events/ontology.h"
#include "kroniek/document.h"
#include "kroniek/event.h"
#include "lang/morphology.h"
#include "lang/ner.h"
#include "text/analyzer.h"

namespace kroniek::events {

// Everything the coder reads about one document. Token indices refer to
// `text.tokens`.
struct CoderInput {
  const Document& doc;
  const text::Analysis& text;
  const std::vector<std::string>& upos;  // one tag per token, or empty
  const std::vector<entities::ActorMention>& actors;
  const std::vector<lang::EntitySpan>& ner;  // document token indices
  const std::vector<entities::ResolvedPlace>& places;
  // For country adjectives the actor matcher leaves alone ("een Russische
  // raketaanval": the attacker); may be null.
  const entities::ActorDictionary* actor_dictionary;
};

struct CoderOptions {
  bool emit_negated = false;
  bool emit_hypothetical = false;
  bool emit_statements = true;  // CAMEO 01 speech acts
  std::string coder_version = "kroniek-0.1.0";
};

class EventCoder {
 public:
  EventCoder(const EventDictionary* dict, const Ontology* ontology,
             const lang::Morphology* morphology, CoderOptions options = {});

  std::vector<Event> Code(const CoderInput& in) const;

 private:
  const EventDictionary* dict_;
  const Ontology* ontology_;
  const lang::Morphology* morph_;
  CoderOptions options_;
};

}  // namespace kroniek::events

#endif  // KRONIEK_EVENTS_CODER_H_
