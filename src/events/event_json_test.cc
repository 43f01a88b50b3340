// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/event_json.h"

#include <gtest/gtest.h>

namespace kroniek::events {
namespace {

Event Full() {
  Event e;
  e.event_id = "ev_1";
  e.doc_id = "doc";
  e.sentence_index = 7;
  e.lang = "nl";
  e.cameo = "190";
  e.plover_type = "ASSAULT";
  e.plover_mode = "";
  e.quad_class = 4;
  e.goldstein = -10;
  e.source = ActorSlot{"het Azerbeidzjaanse leger", {10, 35}, "AZEMIL", "AZE", "MIL", ""};
  e.target = ActorSlot{"hij", {40, 43}, "", "", "", "Pasjinjan"};
  e.date = {"2020-09-07", "2020-09-28", "week", "weekday 'maandag' \"quoted\"", 0, Span{1, 2}};
  e.location = EventLocation{"Gjoemri", Span{50, 57}, "Gyumri", 616635, "", 40.7894, 43.8475,
                             "ARM", "06", "city", false};
  Fatalities f;
  f.killed = 26;
  f.cumulative_killed = 89;
  f.civilians = true;
  e.fatalities = f;
  e.reported = true;
  e.sentence = {0, 120};
  e.sentence_text = "Tab\there, ünïcödé – “quotes”\nand a control \x01 char.";
  e.trigger = "bestookten … met";
  e.evidence = {{"trigger", {1, 5}}, {"source", {10, 35}}};
  e.confidence = 0.8349;
  e.coder_version = "kroniek-coder 0.1";
  return e;
}

std::string Reference(const Event& e, std::string_view date, std::string_view source) {
  nlohmann::json j = EventToJson(e);
  j["doc_date"] = std::string(date);
  j["doc_source"] = std::string(source);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `kroniek code` writes lines with AppendEventJson; they must be the bytes
// EventToJson's tree would dump, for full events and for every null branch.
TEST(AppendEventJson, SameBytesAsTheJsonTree) {
  std::vector<Event> cases;
  cases.push_back(Full());
  Event bare;
  bare.cameo = "010";
  cases.push_back(bare);
  Event partial = Full();
  partial.source.reset();
  partial.location->geonames_id = 0;
  partial.location->region_id = "nagorno-karabach";
  partial.location->admin1 = "";
  partial.fatalities->killed.reset();
  partial.fatalities->vague = true;
  partial.date.weekday = -1;
  partial.plover_type = "";
  partial.plover_mode = "mode";
  partial.evidence.clear();
  cases.push_back(partial);
  Event broken = Full();
  broken.sentence_text = "invalid \xC3 utf-8";
  cases.push_back(broken);
  for (const Event& e : cases) {
    std::string out = "prefix;";
    AppendEventJson(e, {{"doc_date", "2020-09"}, {"doc_source", "a/b \"c\".txt"}}, &out);
    EXPECT_EQ(out, "prefix;" + Reference(e, "2020-09", "a/b \"c\".txt"));
  }
}

}  // namespace
}  // namespace kroniek::events
