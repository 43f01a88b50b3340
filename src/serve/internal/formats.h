// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Response bodies of GET /v1/events in its four formats (docs/API.md):
//   json     {"events": [...], "next_cursor": ..., "total": N}
//   geojson  a FeatureCollection of the located events (+ next_cursor, total)
//   csv      ACLED-style columns (kCsvColumns), RFC 4180 quoting, CRLF
//   jsonl    one PLOVER-style record per line
// The event objects come from the store as JSON text; json and geojson splice
// that text without re-parsing (the hot path), csv and jsonl parse each row.
//
// Thread-safety: pure functions.
#ifndef KRONIEK_SERVE_INTERNAL_FORMATS_H_
#define KRONIEK_SERVE_INTERNAL_FORMATS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/event_reader.h"

namespace kroniek::serve::internal {

extern const std::vector<std::string> kCsvColumns;

// `next_cursor` is the encoded cursor or empty (-> null). `deleted` is added
// as "deleted": [{event_id, deleted_at}] when non-null (updated_since).
std::string EventsJson(const store::EventPage& page, const std::string& next_cursor,
                       const std::vector<store::Tombstone>* deleted);
std::string EventsGeoJson(const store::EventPage& page,
                          const std::string& next_cursor);
std::string EventsCsv(const store::EventPage& page);
std::string EventsJsonl(const store::EventPage& page);

// One CSV line (no line end) with RFC 4180 quoting.
// Prefixes an apostrophe to text that would start a spreadsheet formula
// (=, +, -, @, tab, CR), so exported article text stays text.
std::string SafeText(std::string s);
std::string CsvLine(const std::vector<std::string>& fields);
// The ACLED-style fields of one event object, in kCsvColumns order.
std::vector<std::string> CsvFields(const nlohmann::json& event);
// The PLOVER-style record of one event object.
nlohmann::json PloverRecord(const nlohmann::json& event);

// JSON text that never throws: invalid UTF-8 is replaced by U+FFFD.
std::string Dump(const nlohmann::json& j);

}  // namespace kroniek::serve::internal

#endif  // KRONIEK_SERVE_INTERNAL_FORMATS_H_
