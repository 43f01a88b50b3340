// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// DocumentCoder: the whole chain from a Document to entities and events —
// text analysis, UPOS tagging, named entities, actor codes, places, event
// coding — with every resource loaded once.
//
//   auto coder = kroniek::events::DocumentCoder::Load({});
//   if (!coder.ok()) return coder.status();
//   CodedDocument out = (*coder)->Code(doc);   // out.events, out.actors, ...
//
// Resources: the language pack under `resource_dir` (default
// base::ResourceDir()) and the compiled gazetteer (default
// Gazetteer::DefaultPath()). A missing gazetteer or model is not fatal unless
// `require_all` is set: the coder then runs without places / tags / NER and
// `warnings()` says so.
//
// Thread-safety: Load() once; Code() is const and runs concurrently.
#ifndef KRONIEK_EVENTS_DOCUMENT_CODER_H_
#define KRONIEK_EVENTS_DOCUMENT_CODER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entities/actor_matcher.h"
#include "entities/geocoder.h"
#include "events/coder.h"
#include "events/event_dictionary.h"
#include "events/ontology.h"
#include "lang/morphology.h"
#include "lang/ner.h"
#include "lang/tagger.h"
#include "text/analyzer.h"

namespace kroniek::events {

struct DocumentCoderOptions {
  std::string resource_dir;   // empty: base::ResourceDir()
  std::string gazetteer;      // empty: Gazetteer::DefaultPath()
  bool require_all = false;   // fail when a model or the gazetteer is missing
  bool code_events = true;    // false: entities only (analyze)
  CoderOptions coder;
};

// A named entity with what the language pack decided about it.
struct EntityView {
  Span span;
  uint32_t token_begin = 0, token_end = 0;
  std::string text;
  std::string ner_type;  // PER, ORG, LOC, MISC, or empty (dictionary only)
  std::string code, country, sector;  // actor coding, empty when none
  std::string actor_rule;
  std::optional<entities::ResolvedPlace> place;
};

struct CodedDocument {
  text::Analysis text;
  std::vector<std::string> upos;
  std::vector<lang::EntitySpan> ner;  // document token indices
  std::vector<entities::ActorMention> actors;
  std::vector<entities::ResolvedPlace> places;
  std::vector<EntityView> entities;  // merged view for output
  std::vector<Event> events;
};

class DocumentCoder {
 public:
  static StatusOr<std::unique_ptr<DocumentCoder>> Load(const DocumentCoderOptions& options);

  CodedDocument Code(const Document& doc) const;

  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  DocumentCoder() = default;
  DocumentCoderOptions options_;
  std::unique_ptr<text::Analyzer> analyzer_;
  std::unique_ptr<lang::PosTagger> tagger_;
  std::unique_ptr<lang::NerModel> ner_;
  std::unique_ptr<entities::ActorMatcher> actors_;
  std::optional<entities::Geocoder> geocoder_;
  std::unique_ptr<lang::Morphology> morphology_;
  std::unique_ptr<Ontology> ontology_;
  std::unique_ptr<EventDictionary> dictionary_;
  std::unique_ptr<EventCoder> coder_;
  std::vector<std::string> warnings_;
};

}  // namespace kroniek::events

#endif  // KRONIEK_EVENTS_DOCUMENT_CODER_H_
