// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/eval_events.h"

#include <gtest/gtest.h>

#include "events/event_json.h"
#include "events/ontology.h"

namespace kroniek::events {
namespace {

const char* kGold = R"({
 "doc": "x.txt", "lang": "nl", "date": "2020-09",
 "events": [
  {"id": "a", "required": true, "quote": "riep Armenië op",
   "source": ["RUSGOV"], "target": ["ARM*"], "cameo": ["025*", "02*"], "plover": ["REQUEST"],
   "date": {"within": ["2020-09-01", "2020-09-30"], "weekday": "Monday"}},
  {"id": "b", "required": true, "quote": "26 doden",
   "source": ["*", null], "target": ["*", null], "cameo": ["19*", "18*"], "plover": ["ASSAULT"],
   "fatalities": {"killed": 26, "cumulative_killed": 89},
   "location": {"name": "NK", "lat": 39.9, "lon": 46.7, "max_km": 100}},
  {"id": "c", "required": false, "quote": "meldde", "source": ["ARM*"],
   "target": ["*", null], "cameo": ["01*"], "plover": []},
  {"id": "h", "required": false, "quote": "oorlog voerden", "source": ["ARM*"],
   "target": ["AZE*"], "cameo": ["19*"], "plover": [], "historical": true}
 ],
 "no_event": ["heeft een verdrag"]
})";

Event Ev(const std::string& sentence, const std::string& cameo,
         const std::string& src, const std::string& tgt) {
  Event e;
  e.sentence_text = sentence;
  e.cameo = cameo;
  e.plover_type = cameo.rfind("02", 0) == 0 ? "REQUEST"
                  : cameo.rfind("19", 0) == 0 ? "ASSAULT" : "";
  if (!src.empty() || src == "?") e.source = ActorSlot{"x", {}, src == "?" ? "" : src, "", "", ""};
  if (!tgt.empty()) e.target = ActorSlot{"y", {}, tgt, "", "", ""};
  e.date = {"2020-09-07", "2020-09-28", "range", "maandag", 0, std::nullopt};
  return e;
}

TEST(EvalEvents, PatternsFollowTheGoldNote) {
  EXPECT_TRUE(CodePatternMatches("ARM*", "ARMGOV"));
  EXPECT_TRUE(CodePatternMatches("ARM*", "ARM"));
  EXPECT_FALSE(CodePatternMatches("ARM*", "AZE"));
  EXPECT_TRUE(CodePatternMatches("*", "TUR"));
  EXPECT_FALSE(CodePatternMatches("*", ""));
  EXPECT_TRUE(ActorPatternMatches(std::nullopt, ""));
  EXPECT_FALSE(ActorPatternMatches(std::nullopt, "ARM"));
  EXPECT_TRUE(CodePatternMatches("0256", "0256"));
  EXPECT_FALSE(CodePatternMatches("025", "0256"));
}

TEST(EvalEvents, CountsHitsMissesFalsePositivesAndSlots) {
  auto gold = ParseGold("g.json", kGold);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  std::vector<Event> events;
  events.push_back(Ev("Peskov riep Armenië op te stoppen.", "0256", "RUSGOV", "ARM"));
  Event cas = Ev("Er vielen nog eens 26 doden.", "190", "", "");
  cas.fatalities = Fatalities{26, std::nullopt, 89, std::nullopt, false, false, {}};
  cas.location = EventLocation{"NK", {}, "Nagorno-Karabakh", 0, "r", 39.8, 46.8, "AZE", "", "region", false};
  events.push_back(cas);
  // Wrong target: not a match for 'a', and a false positive.
  events.push_back(Ev("Peskov riep Armenië op te stoppen.", "0256", "RUSGOV", "TUR"));
  // A state in a no_event sentence: false positive.
  events.push_back(Ev("Rusland heeft een verdrag met Armenië.", "057", "RUS", "ARM"));
  EventScores s;
  ScoreDocument(*gold, events, &s);
  EXPECT_EQ(s.required, 2);
  EXPECT_EQ(s.matched_required, 2);
  EXPECT_EQ(s.false_positives, 2);
  EXPECT_DOUBLE_EQ(s.recall(), 1.0);
  EXPECT_DOUBLE_EQ(s.precision(), 0.5);
  EXPECT_EQ(s.dates_right, 1);
  EXPECT_EQ(s.places_right, 1);
  EXPECT_EQ(s.casualties_right, 1);
}

TEST(EvalEvents, HistoricalGoldNeedsHistoricalEvent) {
  auto gold = ParseGold("g.json", kGold);
  ASSERT_TRUE(gold.ok());
  Event today = Ev("Toen zij oorlog voerden, was het erg.", "190", "ARM", "AZE");
  EventScores s1;
  ScoreDocument(*gold, {today}, &s1);
  EXPECT_EQ(s1.false_positives, 1);
  today.historical = true;
  EventScores s2;
  ScoreDocument(*gold, {today}, &s2);
  EXPECT_EQ(s2.false_positives, 0);
  EXPECT_EQ(s2.matched_optional, 1);
}

TEST(EvalEvents, RequiredGoldWinsContestedEvent) {
  // One event matches both a required and an optional gold: it must go to
  // the required one.
  const char* g = R"({"doc":"y","date":"2020-09","events":[
    {"id":"opt","required":false,"quote":"meldde","source":["ARM*"],"target":["*",null],"cameo":["19*","01*"],"plover":[]},
    {"id":"req","required":true,"quote":"meldde","source":["ARM*"],"target":["*",null],"cameo":["19*"],"plover":[]}]})";
  auto gold = ParseGold("g.json", g);
  ASSERT_TRUE(gold.ok());
  EventScores s;
  ScoreDocument(*gold, {Ev("Armenië meldde doden.", "190", "ARM", "")}, &s);
  EXPECT_EQ(s.matched_required, 1);
  EXPECT_EQ(s.matched_optional, 0);
}

TEST(EvalEvents, MalformedGoldIsAnError) {
  struct Case { const char* text; const char* fragment; } cases[] = {
      {"[1,2]", "not a JSON object"},
      {R"({"events": 3})", "'events' list missing"},
      {R"({"events": [{"id":"z","cameo":["01"]}]})", "event 'z': 'quote' missing"},
      {R"({"events": [{"id":"z","quote":"q","cameo":[]}]})", "'cameo' list is empty"},
      {R"({"events": [{"id":"z","quote":"q","cameo":["01"],"source":[3]}]})", "non-string pattern"},
  };
  for (const auto& c : cases) {
    auto r = ParseGold("bad.json", c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << r.status().message();
  }
}

TEST(EventJson, RoundTrips) {
  Event e = Ev("Peskov riep Armenië op.", "0256", "RUSGOV", "ARM");
  e.event_id = "e1";
  e.doc_id = "d1";
  e.evidence = {{"trigger", {10, 14}}, {"source", {0, 6}}};
  e.fatalities = Fatalities{3, std::nullopt, std::nullopt, std::nullopt, true, false, {}};
  auto back = EventFromJson(EventToJson(e));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->cameo, "0256");
  EXPECT_EQ(back->source->code, "RUSGOV");
  EXPECT_EQ(back->date.weekday, 0);
  EXPECT_EQ(back->evidence.size(), 2u);
  EXPECT_EQ(back->evidence[0].role, "trigger");
  EXPECT_EQ(*back->fatalities->killed, 3);
  EXPECT_TRUE(back->fatalities->civilians);
  EXPECT_EQ(EventToJson(e)["schema"], "kroniek.events/1");
}

TEST(Ontology, LoadsShippedTableAndRejectsBadLines) {
  auto ont = Ontology::Load(KRONIEK_SOURCE_DIR "/src/lang");
  ASSERT_TRUE(ont.ok()) << ont.status().ToString();
  const CameoInfo* c = (*ont)->Find("0256");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->plover_type, "REQUEST");
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_EQ((*ont)->Find("190")->plover_type, "ASSAULT");
  EXPECT_EQ((*ont)->Find("010")->plover_type, "");
  EXPECT_EQ((*ont)->Find("999"), nullptr);
  struct Case { const char* text; const char* fragment; } cases[] = {
      {"01\t01\tX\t0\t1\t\t\t\n", "expected 9"},
      {"0x\t0x\tX\t0\t1\t\t\t\t\n", "bad CAMEO code"},
      {"01\t02\tX\t0\t1\t\t\t\t\n", "does not match"},
      {"01\t01\tX\tabc\t1\t\t\t\t\n", "bad Goldstein"},
      {"01\t01\tX\t0\t7\t\t\t\t\n", "bad quad class"},
      {"01\t01\tX\t0\t1\t\t\t\t\n01\t01\tX\t0\t1\t\t\t\t\n", "t.tsv:2: duplicate code"},
  };
  for (const auto& k : cases) {
    auto r = Ontology::Parse("t.tsv", k.text);
    ASSERT_FALSE(r.ok()) << k.text;
    EXPECT_NE(r.status().message().find(k.fragment), std::string::npos)
        << r.status().message();
  }
}

}  // namespace
}  // namespace kroniek::events
