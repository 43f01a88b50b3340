// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "serve/internal/formats.h"

#include <cmath>
#include <cstdio>

#include "kroniek/date.h"

namespace kroniek::serve::internal {

using nlohmann::json;

const std::vector<std::string> kCsvColumns = {
    "event_id_cnty", "event_date", "year",          "time_precision",
    "event_type",    "sub_event_type", "actor1",    "actor2",
    "country",       "admin1",     "location",      "latitude",
    "longitude",     "geo_precision", "source",     "notes",
    "fatalities",    "timestamp",  "cameo",         "plover_type",
    "plover_mode",   "confidence"};

namespace {

// Reads j[a][b]... as a string; "" for missing or null.
std::string Str(const json& j, std::initializer_list<const char*> path) {
  const json* cur = &j;
  for (const char* k : path) {
    if (!cur->is_object() || !cur->contains(k)) return "";
    cur = &(*cur)[k];
  }
  if (cur->is_string()) return cur->get<std::string>();
  if (cur->is_number_integer()) return std::to_string(cur->get<int64_t>());
  if (cur->is_number()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", cur->get<double>());
    return buf;
  }
  if (cur->is_boolean()) return cur->get<bool>() ? "true" : "false";
  return "";
}

const json& At(const json& j, const char* k) {
  static const json kNull;
  return j.is_object() && j.contains(k) ? j[k] : kNull;
}

std::string Coord(const json& loc, const char* k) {
  const json& v = At(loc, k);
  if (!v.is_number()) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", v.get<double>());
  return buf;
}

std::string AcledEventType(const json& e) {
  std::string type = Str(e, {"plover", "type"});
  std::string mode = Str(e, {"plover", "mode"});
  if (type == "ASSAULT") {
    if (Str(e, {"target", "sector"}) == "CVL") return "Violence against civilians";
    if (mode == "aerial" || mode == "explosion" || mode == "shelling" ||
        mode == "bombing")
      return "Explosions/Remote violence";
    return "Battles";
  }
  if (type == "PROTEST") return mode == "riot" ? "Riots" : "Protests";
  return "Strategic developments";
}

int64_t UnixSeconds(const std::string& iso) {
  auto d = ParsePartialDate(iso.substr(0, 10));
  if (!d.ok() || iso.size() < 19) return 0;
  int h = std::atoi(iso.substr(11, 2).c_str());
  int m = std::atoi(iso.substr(14, 2).c_str());
  int s = std::atoi(iso.substr(17, 2).c_str());
  return DaysFromCivil(d->year, d->month ? d->month : 1, d->day ? d->day : 1) *
             86400 +
         h * 3600 + m * 60 + s;
}

std::string CursorJson(const std::string& c) {
  return c.empty() ? "null" : json(c).dump();
}

json ParseRow(const store::EventRow& row) {
  json j = json::parse(row.json, nullptr, /*allow_exceptions=*/false);
  return j.is_object() ? j : json{{"event_id", row.event_id}};
}

}  // namespace

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string EventsJson(const store::EventPage& page,
                       const std::string& next_cursor,
                       const std::vector<store::Tombstone>* deleted) {
  std::string out = "{\"events\":[";
  for (size_t i = 0; i < page.events.size(); ++i) {
    if (i) out += ',';
    out += page.events[i].json;
  }
  out += "],\"next_cursor\":" + CursorJson(next_cursor) +
         ",\"total\":" + std::to_string(page.total);
  if (deleted) {
    json d = json::array();
    for (const auto& t : *deleted)
      d.push_back({{"event_id", t.event_id}, {"deleted_at", t.deleted_at}});
    out += ",\"deleted\":" + Dump(d);
  }
  out += "}";
  return out;
}

std::string EventsGeoJson(const store::EventPage& page,
                          const std::string& next_cursor) {
  std::string out = "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first = true;
  char coords[96];
  for (const store::EventRow& r : page.events) {
    if (!r.lat || !r.lon) continue;
    if (!first) out += ',';
    first = false;
    std::snprintf(coords, sizeof coords, "[%.6f,%.6f]", *r.lon, *r.lat);
    out += "{\"type\":\"Feature\",\"id\":" + json(r.event_id).dump() +
           ",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coords +
           "},\"properties\":" + r.json + "}";
  }
  out += "],\"next_cursor\":" + CursorJson(next_cursor) +
         ",\"total\":" + std::to_string(page.total) + "}";
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of("\",\r\n") == std::string::npos) {
      out += f;
    } else {
      out += '"';
      for (char c : f) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
  }
  return out;
}

// Text taken from articles must not start a spreadsheet formula when the
// CSV is opened in a spreadsheet: such cells get a leading apostrophe.
std::string SafeText(std::string s) {
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                     s[0] == '\t' || s[0] == '\r'))
    s.insert(s.begin(), '\'');
  return s;
}

std::vector<std::string> CsvFields(const json& e) {
  const json& loc = At(e, "location");
  std::string date = Str(e, {"date", "start"});
  std::string precision = Str(e, {"date", "precision"});
  std::string geo = Str(loc, {"precision"});
  std::string geo_precision;
  if (loc.is_object()) {
    geo_precision = (geo == "point" || geo == "city") ? "1"
                    : geo == "country"                ? "3"
                                                      : "2";
  }
  std::string killed = Str(e, {"fatalities", "killed"});
  return {Str(e, {"event_id"}),
          date,
          date.substr(0, 4),
          precision == "day" ? "1" : (precision == "week" || precision == "month") ? "2" : "3",
          AcledEventType(e),
          Str(e, {"plover", "mode"}),
          SafeText(Str(e, {"source", "text"})),
          SafeText(Str(e, {"target", "text"})),
          Str(loc, {"country"}),
          SafeText(Str(loc, {"admin1"})),
          SafeText(Str(loc, {"name"})),
          Coord(loc, "lat"),
          Coord(loc, "lon"),
          geo_precision,
          SafeText(Str(e, {"first_report", "doc_source"})),
          SafeText(Str(e, {"first_report", "sentence"})),
          killed.empty() ? "0" : killed,
          std::to_string(UnixSeconds(Str(e, {"updated_at"}))),
          Str(e, {"cameo"}),
          Str(e, {"plover", "type"}),
          Str(e, {"plover", "mode"}),
          Str(e, {"confidence"})};
}

std::string EventsCsv(const store::EventPage& page) {
  std::string out = CsvLine(kCsvColumns) + "\r\n";
  for (const store::EventRow& r : page.events)
    out += CsvLine(CsvFields(ParseRow(r))) + "\r\n";
  return out;
}

json PloverRecord(const json& e) {
  const json& loc = At(e, "location");
  std::string date = Str(e, {"date", "start"});
  auto null_if_empty = [](const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
  };
  json geo = nullptr;
  if (loc.is_object() && At(loc, "lat").is_number())
    geo = {{"lat", At(loc, "lat")}, {"lon", At(loc, "lon")}};
  const json& langs = At(e, "langs");
  return {
      {"id", Str(e, {"event_id"})},
      {"date", date},
      {"event_type", null_if_empty(Str(e, {"plover", "type"}))},
      {"mode", null_if_empty(Str(e, {"plover", "mode"}))},
      {"context", json::array()},
      {"source_actor", null_if_empty(Str(e, {"source", "text"}))},
      {"source_agent", null_if_empty(Str(e, {"source", "sector"}))},
      {"source_code", null_if_empty(Str(e, {"source", "code"}))},
      {"target_actor", null_if_empty(Str(e, {"target", "text"}))},
      {"target_agent", null_if_empty(Str(e, {"target", "sector"}))},
      {"target_code", null_if_empty(Str(e, {"target", "code"}))},
      {"country", null_if_empty(Str(loc, {"country"}))},
      {"admin1", null_if_empty(Str(loc, {"admin1"}))},
      {"location", null_if_empty(Str(loc, {"name"}))},
      {"geolocation", geo},
      {"event_text", Str(e, {"first_report", "sentence"})},
      {"story_id", Str(e, {"first_report", "doc_id"})},
      {"publisher", null_if_empty(Str(e, {"first_report", "doc_source"}))},
      {"language", langs.is_array() && !langs.empty() ? langs[0] : json(nullptr)},
      {"fatalities", At(At(e, "fatalities"), "killed")},
      {"cameo", Str(e, {"cameo"})},
      {"reports", At(e, "reports")},
      {"confidence", At(e, "confidence")},
      {"updated_at", Str(e, {"updated_at"})},
  };
}

std::string EventsJsonl(const store::EventPage& page) {
  std::string out;
  for (const store::EventRow& r : page.events)
    out += Dump(PloverRecord(ParseRow(r))) + "\n";
  return out;
}

}  // namespace kroniek::serve::internal
