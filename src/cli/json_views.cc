// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "cli/json_views.h"

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

}  // namespace kroniek::cli
