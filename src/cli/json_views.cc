// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "cli/json_views.h"

#include "base/json_writer.h"

namespace kroniek::cli {

using nlohmann::json;

namespace {

json ResolvedDateToJson(const text::ResolvedDate& d) {
  json j = {{"start", d.start},
            {"end", d.end},
            {"precision", d.precision},
            {"derived_from", d.derived_from},
            {"historical", d.historical}};
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                "Friday", "Saturday", "Sunday"};
  j["weekday"] = d.weekday >= 0 && d.weekday < 7 ? json(kDays[d.weekday]) : json(nullptr);
  return j;
}

}  // namespace

json AnalysisToJson(const Document& doc, const text::Analysis& a,
                    bool with_tokens) {
  json j;
  j["doc_id"] = doc.id;
  if (!doc.external_id.empty()) j["external_id"] = doc.external_id;
  j["source"] = doc.source;
  j["format"] = doc.format;
  j["date"] = doc.date.ToString();
  j["date_precision"] = DatePrecisionName(doc.date.precision);
  j["lang"] = doc.lang;
  j["lang_detected"] = doc.lang_detected;
  j["body_start"] = doc.body_begin;
  j["bytes"] = doc.raw.size();
  json sentences = json::array();
  for (const Sentence& s : a.sentences) {
    json js = {{"start", s.span.begin}, {"end", s.span.end}};
    if (with_tokens) {
      json toks = json::array();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        const Token& t = a.tokens[i];
        toks.push_back({{"text", t.text},
                        {"start", t.span.begin},
                        {"end", t.span.end},
                        {"type", TokenTypeName(t.type)}});
      }
      js["tokens"] = std::move(toks);
    } else {
      js["token_count"] = s.token_end - s.token_begin;
    }
    sentences.push_back(std::move(js));
  }
  j["sentences"] = std::move(sentences);
  json numbers = json::array();
  for (const auto& n : a.numbers) {
    json jn = {{"text", n.text},   {"start", n.span.begin}, {"end", n.span.end},
               {"value", n.value}, {"min", n.min},          {"max", n.max},
               {"vague", n.vague}, {"approximate", n.approximate}};
    if (!n.qualifier.empty()) jn["qualifier"] = n.qualifier;
    numbers.push_back(std::move(jn));
  }
  j["numbers"] = std::move(numbers);
  json dates = json::array();
  for (const auto& d : a.dates) {
    dates.push_back({{"text", d.text},
                     {"start", d.span.begin},
                     {"end", d.span.end},
                     {"kind", d.kind},
                     {"resolved", ResolvedDateToJson(d.date)}});
  }
  j["dates"] = std::move(dates);
  return j;
}

void AddEntitiesToJson(const events::CodedDocument& c, bool with_tokens, json* j) {
  if (with_tokens && !c.upos.empty()) {
    size_t si = 0;
    for (json& js : (*j)["sentences"]) {
      const Sentence& s = c.text.sentences[si++];
      for (uint32_t i = s.token_begin; i < s.token_end; ++i)
        js["tokens"][i - s.token_begin]["upos"] = c.upos[i];
    }
  }
  json ents = json::array();
  for (const events::EntityView& e : c.entities) {
    json je = {{"text", e.text}, {"start", e.span.begin}, {"end", e.span.end}};
    je["ner"] = e.ner_type.empty() ? json(nullptr) : json(e.ner_type);
    if (!e.code.empty()) {
      je["actor"] = {{"code", e.code},
                     {"country", e.country.empty() ? json(nullptr) : json(e.country)},
                     {"sector", e.sector.empty() ? json(nullptr) : json(e.sector)},
                     {"decided_by", e.actor_rule}};
    } else {
      je["actor"] = nullptr;
    }
    if (e.place) {
      const auto& p = *e.place;
      je["place"] = {{"name", p.name},
                     {"geonames_id", p.geonames_id ? json(p.geonames_id) : json(nullptr)},
                     {"region_id", p.region_id.empty() ? json(nullptr) : json(p.region_id)},
                     {"lat", p.lat},
                     {"lon", p.lon},
                     {"country", p.country_iso3},
                     {"admin1", p.admin1},
                     {"feature_class", p.feature_class},
                     {"precision", p.precision},
                     {"decided_by", p.decided_by}};
    } else {
      je["place"] = nullptr;
    }
    ents.push_back(std::move(je));
  }
  (*j)["entities"] = std::move(ents);
}

// Keys in sorted order, as nlohmann's std::map objects write them.
void AppendAnalysisJson(const Document& doc, const text::Analysis& a,
                        const events::CodedDocument* coded, bool with_tokens,
                        std::string* out) {
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                "Friday", "Saturday", "Sunday"};
  base::JsonWriter w(out);
  w.BeginObject();
  w.Key("body_start");
  w.Uint(doc.body_begin);
  w.Key("bytes");
  w.Uint(doc.raw.size());
  w.Key("date");
  w.String(doc.date.ToString());
  w.Key("date_precision");
  w.String(DatePrecisionName(doc.date.precision));
  w.Key("dates");
  w.BeginArray();
  for (const auto& d : a.dates) {
    w.BeginObject();
    w.Key("end");
    w.Uint(d.span.end);
    w.Key("kind");
    w.String(d.kind);
    w.Key("resolved");
    w.BeginObject();
    w.Key("derived_from");
    w.String(d.date.derived_from);
    w.Key("end");
    w.String(d.date.end);
    w.Key("historical");
    w.Bool(d.date.historical);
    w.Key("precision");
    w.String(d.date.precision);
    w.Key("start");
    w.String(d.date.start);
    w.Key("weekday");
    if (d.date.weekday >= 0 && d.date.weekday < 7) {
      w.String(kDays[d.date.weekday]);
    } else {
      w.Null();
    }
    w.EndObject();
    w.Key("start");
    w.Uint(d.span.begin);
    w.Key("text");
    w.String(d.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("doc_id");
  w.String(doc.id);
  if (coded != nullptr) {
    w.Key("entities");
    w.BeginArray();
    for (const events::EntityView& e : coded->entities) {
      w.BeginObject();
      w.Key("actor");
      if (!e.code.empty()) {
        w.BeginObject();
        w.Key("code");
        w.String(e.code);
        w.Key("country");
        w.StringOrNull(e.country);
        w.Key("decided_by");
        w.String(e.actor_rule);
        w.Key("sector");
        w.StringOrNull(e.sector);
        w.EndObject();
      } else {
        w.Null();
      }
      w.Key("end");
      w.Uint(e.span.end);
      w.Key("ner");
      w.StringOrNull(e.ner_type);
      w.Key("place");
      if (e.place) {
        const auto& p = *e.place;
        w.BeginObject();
        w.Key("admin1");
        w.String(p.admin1);
        w.Key("country");
        w.String(p.country_iso3);
        w.Key("decided_by");
        w.String(p.decided_by);
        w.Key("feature_class");
        w.String(p.feature_class);
        w.Key("geonames_id");
        if (p.geonames_id) {
          w.Int(p.geonames_id);
        } else {
          w.Null();
        }
        w.Key("lat");
        w.Double(p.lat);
        w.Key("lon");
        w.Double(p.lon);
        w.Key("name");
        w.String(p.name);
        w.Key("precision");
        w.String(p.precision);
        w.Key("region_id");
        w.StringOrNull(p.region_id);
        w.EndObject();
      } else {
        w.Null();
      }
      w.Key("start");
      w.Uint(e.span.begin);
      w.Key("text");
      w.String(e.text);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!doc.external_id.empty()) {
    w.Key("external_id");
    w.String(doc.external_id);
  }
  w.Key("format");
  w.String(doc.format);
  w.Key("lang");
  w.String(doc.lang);
  w.Key("lang_detected");
  w.Bool(doc.lang_detected);
  w.Key("numbers");
  w.BeginArray();
  for (const auto& n : a.numbers) {
    w.BeginObject();
    w.Key("approximate");
    w.Bool(n.approximate);
    w.Key("end");
    w.Uint(n.span.end);
    w.Key("max");
    w.Double(n.max);
    w.Key("min");
    w.Double(n.min);
    if (!n.qualifier.empty()) {
      w.Key("qualifier");
      w.String(n.qualifier);
    }
    w.Key("start");
    w.Uint(n.span.begin);
    w.Key("text");
    w.String(n.text);
    w.Key("vague");
    w.Bool(n.vague);
    w.Key("value");
    w.Double(n.value);
    w.EndObject();
  }
  w.EndArray();
  const bool upos = with_tokens && coded != nullptr && !coded->upos.empty();
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : a.sentences) {
    w.BeginObject();
    w.Key("end");
    w.Uint(s.span.end);
    w.Key("start");
    w.Uint(s.span.begin);
    if (with_tokens) {
      w.Key("tokens");
      w.BeginArray();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        const Token& t = a.tokens[i];
        w.BeginObject();
        w.Key("end");
        w.Uint(t.span.end);
        w.Key("start");
        w.Uint(t.span.begin);
        w.Key("text");
        w.String(t.text);
        w.Key("type");
        w.String(TokenTypeName(t.type));
        if (upos) {
          w.Key("upos");
          w.String(coded->upos[i]);
        }
        w.EndObject();
      }
      w.EndArray();
    } else {
      w.Key("token_count");
      w.Uint(s.token_end - s.token_begin);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("source");
  w.String(doc.source);
  w.EndObject();
}

}  // namespace kroniek::cli
