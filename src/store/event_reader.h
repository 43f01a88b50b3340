// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// EventReader: read-only queries over the deduplicated events of a store
// (schema v2), for `kroniek serve` and exports.
//
//   auto reader = kroniek::store::EventReader::Open("kroniek.db");
//   if (!reader.ok()) return reader.status();
//   kroniek::store::EventFilter f;
//   f.countries = {"AZE"};
//   f.start = "2020-09-01";
//   auto page = (*reader)->ListEvents(f, /*limit=*/100, /*after=*/std::nullopt);
//   for (const auto& row : page->events) Print(row.json);
//   if (page->next) page = (*reader)->ListEvents(f, 100, page->next);
//
// Ordering is stable: date start descending, then event id ascending, and
// pagination is keyset-based (EventCursor), so paging through a store while
// it is being re-deduplicated never repeats or skips an event that stayed.
//
// Every query is bounded: the caller gives a result limit, and each public
// call runs under a deadline (set_query_timeout_ms) enforced by SQLite's
// progress handler; a query that exceeds it fails with Unavailable.
//
// Thread-safety: an EventReader owns one read-only SQLite connection and is
// used by one thread at a time; open one per thread (the server keeps a
// pool). Readers never block the writer (WAL) and see committed data only.
#ifndef KRONIEK_STORE_EVENT_READER_H_
#define KRONIEK_STORE_EVENT_READER_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kroniek/status.h"

struct sqlite3;

namespace kroniek::store {

// minLon,minLat,maxLon,maxLat in degrees (WGS84); min_lon > max_lon means
// the box crosses the antimeridian.
struct BoundingBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

// Filters of /v1/events; empty members do not filter. Values are assumed
// validated (serve/ checks syntax); they are always bound, never spliced.
struct EventFilter {
  std::string start;  // YYYY-MM-DD: events whose date range ends on/after it
  std::string end;    // YYYY-MM-DD: events whose date range starts on/before
  std::vector<std::string> countries;  // ISO3, upper case
  std::string admin1;                  // exact, case-insensitive
  std::optional<BoundingBox> bbox;
  std::vector<std::string> plover;  // PLOVER types, upper case
  std::string cameo;                // CAMEO code prefix ("19", "190")
  std::string actor;  // actor code prefix or actor text substring
  int64_t min_fatalities = 0;  // killed >= this (when > 0)
  std::string lang;            // some report is in this language
  std::string q;               // free text over evidence, places, actors
  std::string updated_since;   // "YYYY-MM-DDTHH:MM:SSZ", inclusive
};

// Position after the last row of a page.
struct EventCursor {
  std::string date_start;
  std::string event_id;
};

struct EventRow {
  std::string event_id;
  std::string date_start;
  std::optional<double> lat, lon;
  std::string json;  // the event object (docs/API.md), without mentions
};

struct Tombstone {
  std::string event_id;
  std::string deleted_at;
};

struct EventPage {
  std::vector<EventRow> events;
  std::optional<EventCursor> next;  // set when more rows follow
  int64_t total = 0;                // rows matching the filter, all pages
};

enum class Interval { kDay, kWeek, kMonth };

struct Bucket {
  std::string start;  // YYYY-MM-DD; weeks start on Monday, months on the 1st
  int64_t events = 0;
  int64_t reports = 0;
  int64_t fatalities = 0;  // sum of killed
};

struct ActorCount {
  std::string code;
  std::string name;
  int64_t events = 0;
};

struct StoreTotals {
  int64_t events = 0;
  int64_t reports = 0;
  int64_t mentions = 0;
  int64_t documents = 0;
};

class EventReader {
 public:
  // Opens `path` read-only. Errors: NotFound (no such file), DataLoss (not a
  // SQLite store), InvalidArgument (schema is not this build's version; the
  // message says how to migrate), Unavailable (cannot open).
  static StatusOr<std::unique_ptr<EventReader>> Open(const std::string& path);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  // Deadline for each following call; 0 disables it. Default 5000 ms.
  void set_query_timeout_ms(int64_t ms) { timeout_ms_ = ms; }

  // One page of events matching `f` (at most `limit`, 1..10000), after
  // `after` when given. InvalidArgument for a bad limit.
  StatusOr<EventPage> ListEvents(const EventFilter& f, int limit,
                                 const std::optional<EventCursor>& after);

  // The event with all its mentions ("mentions": [...], first report first).
  // NotFound for an unknown id.
  StatusOr<nlohmann::json> GetEvent(const std::string& event_id);

  // Event, report and fatality counts per bucket, in date order; empty
  // buckets are omitted.
  StatusOr<std::vector<Bucket>> Timeseries(const EventFilter& f,
                                           Interval interval);

  // Actors whose code or name contains `q` (case-insensitive; all when
  // empty), most events first, at most `limit` (1..1000).
  StatusOr<std::vector<ActorCount>> Actors(const std::string& q, int limit);

  // Events deleted at or after `since` (ISO 8601 UTC), at most `limit`.
  StatusOr<std::vector<Tombstone>> DeletedSince(const std::string& since,
                                                int limit);

  StatusOr<StoreTotals> Totals();

  // Turns free text into an FTS5 query that cannot be a syntax error: the
  // words, each quoted, all required, the last one as a prefix. Empty when
  // the text has no word characters.
  static std::string FtsQuery(const std::string& text);

 private:
  explicit EventReader(sqlite3* db);
  void StartDeadline();
  static int OnProgress(void* self);

  sqlite3* db_ = nullptr;
  int64_t timeout_ms_ = 5000;
  std::chrono::steady_clock::time_point deadline_{};
  bool deadline_set_ = false;
};

}  // namespace kroniek::store

#endif  // KRONIEK_STORE_EVENT_READER_H_
