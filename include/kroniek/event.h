// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Event: one coded event, the output contract of `kroniek code` (JSON Lines,
// schema "kroniek.events/1", documented in docs/EVENTS.md). Every slot keeps
// the byte span of the words that support it, into Document::raw.
#ifndef KRONIEK_EVENT_H_
#define KRONIEK_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kroniek/span.h"

namespace kroniek {

inline constexpr const char* kEventSchema = "kroniek.events/1";

struct ActorSlot {
  std::string text;     // as written ("het Azerbeidzjaanse leger")
  Span span;
  std::string code;     // CAMEO-style "AZEMIL"; empty when not coded
  std::string country;  // ISO3 or empty
  std::string sector;   // "MIL", "GOV", ... or empty
  std::string resolved_from;  // for pronouns/descriptions: what they point to
};

struct EventDate {
  std::string start;  // YYYY-MM-DD, inclusive
  std::string end;    // YYYY-MM-DD, inclusive
  std::string precision;     // day, week, month, year, decade, range
  std::string derived_from;  // "weekday 'maandag' within document month 2020-09"
  int weekday = -1;          // 0 = Monday .. 6 = Sunday, -1 none
  std::optional<Span> span;  // the date words, when any
};

struct EventLocation {
  std::string text;  // as written
  std::optional<Span> span;
  std::string name;  // gazetteer name
  int64_t geonames_id = 0;
  std::string region_id;  // our region id when not a GeoNames place
  double lat = 0, lon = 0;
  std::string country;  // ISO3
  std::string admin1;
  std::string precision;  // point, city, region, admin1, country
  bool inferred = false;  // not stated in the clause (sentence/article focus)
};

struct Fatalities {
  std::optional<int64_t> killed;
  std::optional<int64_t> injured;
  std::optional<int64_t> cumulative_killed;
  std::optional<int64_t> cumulative_injured;
  bool civilians = false;
  bool vague = false;  // "talloze gewonden": unquantified
  std::vector<Span> spans;
};

struct EvidenceSpan {
  std::string role;  // trigger, source, target, place, date, casualties
  Span span;
};

struct Event {
  std::string event_id;  // stable: hash of doc id, sentence, code, actors
  std::string doc_id;
  uint32_t sentence_index = 0;
  std::string lang;
  std::string cameo;  // "0256"
  std::string plover_type;  // "REQUEST", empty for CAMEO 01 statements
  std::string plover_mode;
  int quad_class = 0;
  double goldstein = 0;
  std::optional<ActorSlot> source;
  std::optional<ActorSlot> target;
  EventDate date;
  std::optional<EventLocation> location;
  std::optional<Fatalities> fatalities;
  bool reported = false;    // reported by a speaker ("meldde dat", "volgens")
  bool negated = false;
  bool historical = false;  // refers to a past period, not the news of the day
  bool hypothetical = false;
  Span sentence;             // the evidence sentence
  std::string sentence_text;
  std::string trigger;       // trigger words as written
  std::vector<EvidenceSpan> evidence;  // trigger, actors, place, date, casualties
  double confidence = 0;
  std::string coder_version;
};

}  // namespace kroniek

#endif  // KRONIEK_EVENT_H_
