// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/event_json.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "base/json_writer.h"

namespace kroniek::events {

using nlohmann::json;

namespace {

constexpr const char* kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                 "Friday", "Saturday", "Sunday"};

json Actor(const std::optional<ActorSlot>& a) {
  if (!a) return nullptr;
  json j = {{"text", a->text},
            {"start", a->span.begin},
            {"end", a->span.end},
            {"code", a->code.empty() ? json(nullptr) : json(a->code)},
            {"country", a->country.empty() ? json(nullptr) : json(a->country)},
            {"sector", a->sector.empty() ? json(nullptr) : json(a->sector)}};
  if (!a->resolved_from.empty()) j["resolved_from"] = a->resolved_from;
  return j;
}

json Opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

std::optional<int64_t> OptInt(const json& j, const char* k) {
  if (!j.contains(k) || !j[k].is_number_integer()) return std::nullopt;
  return j[k].get<int64_t>();
}

std::string Str(const json& j, const char* k) {
  return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

}  // namespace

json EventToJson(const Event& e) {
  json j;
  j["schema"] = kEventSchema;
  j["event_id"] = e.event_id;
  j["doc_id"] = e.doc_id;
  j["sentence_index"] = e.sentence_index;
  j["lang"] = e.lang;
  j["cameo"] = e.cameo;
  j["plover"] = {{"type", e.plover_type.empty() ? json(nullptr) : json(e.plover_type)},
                 {"mode", e.plover_mode.empty() ? json(nullptr) : json(e.plover_mode)}};
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["source"] = Actor(e.source);
  j["target"] = Actor(e.target);
  j["date"] = {{"start", e.date.start},
               {"end", e.date.end},
               {"precision", e.date.precision},
               {"derived_from", e.date.derived_from},
               {"weekday", e.date.weekday >= 0 && e.date.weekday < 7
                               ? json(kDays[e.date.weekday]) : json(nullptr)}};
  if (e.location) {
    const EventLocation& l = *e.location;
    j["location"] = {{"text", l.text},
                     {"name", l.name},
                     {"geonames_id", l.geonames_id ? json(l.geonames_id) : json(nullptr)},
                     {"region_id", l.region_id.empty() ? json(nullptr) : json(l.region_id)},
                     {"lat", l.lat},
                     {"lon", l.lon},
                     {"country", l.country.empty() ? json(nullptr) : json(l.country)},
                     {"admin1", l.admin1.empty() ? json(nullptr) : json(l.admin1)},
                     {"precision", l.precision},
                     {"inferred", l.inferred}};
  } else {
    j["location"] = nullptr;
  }
  if (e.fatalities) {
    const Fatalities& f = *e.fatalities;
    j["fatalities"] = {{"killed", Opt(f.killed)},
                       {"injured", Opt(f.injured)},
                       {"civilians", f.civilians},
                       {"cumulative_killed", Opt(f.cumulative_killed)},
                       {"cumulative_injured", Opt(f.cumulative_injured)},
                       {"vague", f.vague}};
  } else {
    j["fatalities"] = nullptr;
  }
  j["reported"] = e.reported;
  j["negated"] = e.negated;
  j["historical"] = e.historical;
  j["hypothetical"] = e.hypothetical;
  json spans = json::array(), roles = json::array();
  for (const EvidenceSpan& s : e.evidence) {
    spans.push_back({s.span.begin, s.span.end});
    roles.push_back(s.role);
  }
  j["evidence"] = {{"sentence", e.sentence_text},
                   {"sentence_start", e.sentence.begin},
                   {"sentence_end", e.sentence.end},
                   {"trigger", e.trigger},
                   {"spans", spans},
                   {"roles", roles}};
  j["confidence"] = std::round(e.confidence * 100) / 100;
  j["coder_version"] = e.coder_version;
  return j;
}

namespace {

void WriteActor(const std::optional<ActorSlot>& a, base::JsonWriter* w) {
  if (!a) {
    w->Null();
    return;
  }
  w->BeginObject();
  w->Key("code");
  w->StringOrNull(a->code);
  w->Key("country");
  w->StringOrNull(a->country);
  w->Key("end");
  w->Uint(a->span.end);
  if (!a->resolved_from.empty()) {
    w->Key("resolved_from");
    w->String(a->resolved_from);
  }
  w->Key("sector");
  w->StringOrNull(a->sector);
  w->Key("start");
  w->Uint(a->span.begin);
  w->Key("text");
  w->String(a->text);
  w->EndObject();
}

}  // namespace

// Keys in std::map order, as nlohmann's default object writes them; the
// test in event_json_test.cc holds both writers to the same bytes.
void AppendEventJson(const Event& e,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> extra,
                     std::string* out) {
  base::JsonWriter w(out);
  // `extra` members go where std::map order puts them among the fixed keys.
  std::vector<std::pair<std::string_view, std::string_view>> more(extra);
  std::sort(more.begin(), more.end());
  size_t next = 0;
  auto key = [&](std::string_view k) {
    for (; next < more.size() && more[next].first < k; ++next) {
      w.Key(more[next].first);
      w.String(more[next].second);
    }
    w.Key(k);
  };
  w.BeginObject();
  key("cameo");
  w.String(e.cameo);
  key("coder_version");
  w.String(e.coder_version);
  key("confidence");
  w.Double(std::round(e.confidence * 100) / 100);
  key("date");
  w.BeginObject();
  w.Key("derived_from");
  w.String(e.date.derived_from);
  w.Key("end");
  w.String(e.date.end);
  w.Key("precision");
  w.String(e.date.precision);
  w.Key("start");
  w.String(e.date.start);
  w.Key("weekday");
  if (e.date.weekday >= 0 && e.date.weekday < 7) {
    w.String(kDays[e.date.weekday]);
  } else {
    w.Null();
  }
  w.EndObject();
  key("doc_id");
  w.String(e.doc_id);
  key("event_id");
  w.String(e.event_id);
  key("evidence");
  w.BeginObject();
  w.Key("roles");
  w.BeginArray();
  for (const EvidenceSpan& s : e.evidence) w.String(s.role);
  w.EndArray();
  w.Key("sentence");
  w.String(e.sentence_text);
  w.Key("sentence_end");
  w.Uint(e.sentence.end);
  w.Key("sentence_start");
  w.Uint(e.sentence.begin);
  w.Key("spans");
  w.BeginArray();
  for (const EvidenceSpan& s : e.evidence) {
    w.BeginArray();
    w.Uint(s.span.begin);
    w.Uint(s.span.end);
    w.EndArray();
  }
  w.EndArray();
  w.Key("trigger");
  w.String(e.trigger);
  w.EndObject();
  key("fatalities");
  if (!e.fatalities) {
    w.Null();
  } else {
    const Fatalities& f = *e.fatalities;
    w.BeginObject();
    w.Key("civilians");
    w.Bool(f.civilians);
    w.Key("cumulative_injured");
    w.IntOrNull(f.cumulative_injured);
    w.Key("cumulative_killed");
    w.IntOrNull(f.cumulative_killed);
    w.Key("injured");
    w.IntOrNull(f.injured);
    w.Key("killed");
    w.IntOrNull(f.killed);
    w.Key("vague");
    w.Bool(f.vague);
    w.EndObject();
  }
  key("goldstein");
  w.Double(e.goldstein);
  key("historical");
  w.Bool(e.historical);
  key("hypothetical");
  w.Bool(e.hypothetical);
  key("lang");
  w.String(e.lang);
  key("location");
  if (!e.location) {
    w.Null();
  } else {
    const EventLocation& l = *e.location;
    w.BeginObject();
    w.Key("admin1");
    w.StringOrNull(l.admin1);
    w.Key("country");
    w.StringOrNull(l.country);
    w.Key("geonames_id");
    if (l.geonames_id) {
      w.Int(l.geonames_id);
    } else {
      w.Null();
    }
    w.Key("inferred");
    w.Bool(l.inferred);
    w.Key("lat");
    w.Double(l.lat);
    w.Key("lon");
    w.Double(l.lon);
    w.Key("name");
    w.String(l.name);
    w.Key("precision");
    w.String(l.precision);
    w.Key("region_id");
    w.StringOrNull(l.region_id);
    w.Key("text");
    w.String(l.text);
    w.EndObject();
  }
  key("negated");
  w.Bool(e.negated);
  key("plover");
  w.BeginObject();
  w.Key("mode");
  w.StringOrNull(e.plover_mode);
  w.Key("type");
  w.StringOrNull(e.plover_type);
  w.EndObject();
  key("quad_class");
  w.Int(e.quad_class);
  key("reported");
  w.Bool(e.reported);
  key("schema");
  w.String(kEventSchema);
  key("sentence_index");
  w.Uint(e.sentence_index);
  key("source");
  WriteActor(e.source, &w);
  key("target");
  WriteActor(e.target, &w);
  for (; next < more.size(); ++next) {
    w.Key(more[next].first);
    w.String(more[next].second);
  }
  w.EndObject();
}

StatusOr<Event> EventFromJson(const json& j) {
  if (!j.is_object()) return InvalidArgumentError("event is not a JSON object");
  for (const char* k : {"event_id", "doc_id", "cameo", "evidence", "date"}) {
    if (!j.contains(k)) return InvalidArgumentError(std::string("event lacks '") + k + "'");
  }
  Event e;
  e.event_id = Str(j, "event_id");
  e.doc_id = Str(j, "doc_id");
  e.cameo = Str(j, "cameo");
  e.lang = Str(j, "lang");
  if (j.contains("sentence_index") && j["sentence_index"].is_number_unsigned())
    e.sentence_index = j["sentence_index"].get<uint32_t>();
  if (j.contains("plover") && j["plover"].is_object()) {
    e.plover_type = Str(j["plover"], "type");
    e.plover_mode = Str(j["plover"], "mode");
  }
  if (j.contains("quad_class") && j["quad_class"].is_number())
    e.quad_class = j["quad_class"].get<int>();
  if (j.contains("goldstein") && j["goldstein"].is_number())
    e.goldstein = j["goldstein"].get<double>();
  for (auto [key, slot] : {std::pair{"source", &e.source}, std::pair{"target", &e.target}}) {
    if (j.contains(key) && j[key].is_object()) {
      const json& a = j[key];
      ActorSlot s;
      s.text = Str(a, "text");
      s.code = Str(a, "code");
      s.country = Str(a, "country");
      s.sector = Str(a, "sector");
      if (a.contains("start") && a["start"].is_number_unsigned()) s.span.begin = a["start"].get<uint32_t>();
      if (a.contains("end") && a["end"].is_number_unsigned()) s.span.end = a["end"].get<uint32_t>();
      *slot = s;
    }
  }
  const json& d = j["date"];
  if (!d.is_object()) return InvalidArgumentError("event 'date' is not an object");
  e.date.start = Str(d, "start");
  e.date.end = Str(d, "end");
  e.date.precision = Str(d, "precision");
  e.date.derived_from = Str(d, "derived_from");
  std::string wd = Str(d, "weekday");
  for (int i = 0; i < 7; ++i)
    if (wd == kDays[i]) e.date.weekday = i;
  if (j.contains("location") && j["location"].is_object()) {
    const json& l = j["location"];
    EventLocation loc;
    loc.text = Str(l, "text");
    loc.name = Str(l, "name");
    if (l.contains("geonames_id") && l["geonames_id"].is_number_integer())
      loc.geonames_id = l["geonames_id"].get<int64_t>();
    loc.region_id = Str(l, "region_id");
    if (l.contains("lat") && l["lat"].is_number()) loc.lat = l["lat"].get<double>();
    if (l.contains("lon") && l["lon"].is_number()) loc.lon = l["lon"].get<double>();
    loc.country = Str(l, "country");
    loc.admin1 = Str(l, "admin1");
    loc.precision = Str(l, "precision");
    loc.inferred = l.value("inferred", false);
    e.location = loc;
  }
  if (j.contains("fatalities") && j["fatalities"].is_object()) {
    const json& f = j["fatalities"];
    Fatalities fa;
    fa.killed = OptInt(f, "killed");
    fa.injured = OptInt(f, "injured");
    fa.cumulative_killed = OptInt(f, "cumulative_killed");
    fa.cumulative_injured = OptInt(f, "cumulative_injured");
    fa.civilians = f.value("civilians", false);
    fa.vague = f.value("vague", false);
    e.fatalities = fa;
  }
  e.reported = j.value("reported", false);
  e.negated = j.value("negated", false);
  e.historical = j.value("historical", false);
  e.hypothetical = j.value("hypothetical", false);
  const json& ev = j["evidence"];
  if (!ev.is_object()) return InvalidArgumentError("event 'evidence' is not an object");
  e.sentence_text = Str(ev, "sentence");
  e.trigger = Str(ev, "trigger");
  if (ev.contains("sentence_start") && ev["sentence_start"].is_number_unsigned())
    e.sentence.begin = ev["sentence_start"].get<uint32_t>();
  if (ev.contains("sentence_end") && ev["sentence_end"].is_number_unsigned())
    e.sentence.end = ev["sentence_end"].get<uint32_t>();
  if (ev.contains("spans") && ev["spans"].is_array()) {
    const json& roles = ev.contains("roles") ? ev["roles"] : json::array();
    for (size_t i = 0; i < ev["spans"].size(); ++i) {
      const json& s = ev["spans"][i];
      if (!s.is_array() || s.size() != 2 || !s[0].is_number_unsigned() ||
          !s[1].is_number_unsigned())
        return InvalidArgumentError("evidence span " + std::to_string(i) +
                                    " is not [start, end]");
      EvidenceSpan es;
      es.span = {s[0].get<uint32_t>(), s[1].get<uint32_t>()};
      if (roles.is_array() && i < roles.size() && roles[i].is_string())
        es.role = roles[i].get<std::string>();
      e.evidence.push_back(es);
    }
  }
  e.confidence = j.value("confidence", 0.0);
  e.coder_version = Str(j, "coder_version");
  return e;
}

}  // namespace kroniek::events
