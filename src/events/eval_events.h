// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Scores coded events against gold in the format of the seed gold
// (../shared/data/seed/seed.gold.json). The rules, from its note:
//   - a gold event is located by `quote`, a substring of exactly one sentence;
//     an event matches it when its evidence sentence contains the quote, its
//     source and target codes match one of the gold patterns (`ARM*` prefix,
//     `*` any code, null = no actor / no code), its CAMEO code matches one of
//     the `cameo` patterns, its PLOVER type is listed (when the list is not
//     empty), and — for gold marked historical — it is historical or dated
//     before the document year;
//   - `required` gold events are misses when unmatched; optional ones count
//     as correct when matched and are otherwise ignored;
//   - any other event is a false positive, except historical (or older)
//     events in a `no_event` sentence, which are neither.
// Each gold event matches at most one event and vice versa (maximum bipartite
// matching, required gold first).
//
//   auto gold = kroniek::events::LoadGold("seed.gold.json");
//   EventScores s;
//   ScoreDocument(*gold, events, &s);
//   std::string report = FormatScores(s);
//
// Thread-safety: free functions on values.
#ifndef KRONIEK_EVENTS_EVAL_EVENTS_H_
#define KRONIEK_EVENTS_EVAL_EVENTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kroniek/event.h"
#include "kroniek/status.h"

namespace kroniek::events {

struct GoldEvent {
  std::string id;
  bool required = false;
  std::string quote;
  std::vector<std::optional<std::string>> source;  // nullopt = null
  std::vector<std::optional<std::string>> target;
  std::vector<std::string> cameo;
  std::vector<std::string> plover;
  bool historical = false;
  // Optional checks.
  std::optional<std::pair<std::string, std::string>> date_within;
  int weekday = -1;
  std::optional<double> lat, lon;
  double max_km = 0;
  nlohmann::json fatalities;  // null when absent
};

struct GoldDoc {
  std::string path;  // the gold file
  std::string doc;   // the article file name, relative to the gold file
  std::string lang;
  std::string date;
  std::vector<GoldEvent> events;
  std::vector<std::string> no_event;
};

// Reads one gold file. InvalidArgument naming the file and the event id for
// malformed content.
StatusOr<GoldDoc> LoadGold(const std::string& path);
StatusOr<GoldDoc> ParseGold(const std::string& path, const std::string& text);

// True when `code` (empty = no actor/code) matches `pattern`
// (nullopt = null, "*", "ARM*", "ARMGOV").
bool ActorPatternMatches(const std::optional<std::string>& pattern,
                         const std::string& code);
bool CodePatternMatches(const std::string& pattern, const std::string& code);

struct TypeCounts {
  int gold_required = 0, matched_required = 0;
  int predicted = 0, correct = 0;
};

struct EventScores {
  int documents = 0;
  int required = 0;
  int matched_required = 0;
  int matched_optional = 0;
  int predicted = 0;        // events emitted
  int exempt = 0;           // historical events in no_event sentences
  int false_positives = 0;
  int dates_checked = 0, dates_right = 0;
  int places_checked = 0, places_right = 0;
  std::vector<double> place_km_errors;  // for matched events with a place
  int casualties_checked = 0, casualties_right = 0;
  std::map<std::string, TypeCounts> by_type;  // PLOVER type ("(none)" for statements)
  std::vector<std::string> details;           // one line per miss / false positive / wrong slot

  double precision() const;
  double recall() const;
  double f1() const;
};

// Adds the scores of one document's events to *scores.
void ScoreDocument(const GoldDoc& gold, const std::vector<Event>& events,
                   EventScores* scores);

// A readable report; `details` adds the per-event lines.
std::string FormatScores(const EventScores& s, bool details);
nlohmann::json ScoresToJson(const EventScores& s);

// Great-circle distance in km.
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace kroniek::events

#endif  // KRONIEK_EVENTS_EVAL_EVENTS_H_
