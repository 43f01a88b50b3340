// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Store::AddMentions: the coded events of one document become its mention
// rows. Replacing (delete, then insert) rather than upserting keeps the rule
// simple: after the call the document has exactly the mentions just coded.
// The event link of a mention that survives re-coding (same mention id) is
// carried over, so an unchanged document leaves its events unchanged.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "base/hash.h"
#include "events/event_json.h"
#include "store/internal/sqlite_util.h"
#include "store/store.h"

namespace kroniek::store {

using internal::SqliteError;
using internal::Stmt;

namespace {

constexpr const char* kInsertMention = R"sql(
INSERT INTO mentions(mention_id, doc_id, event_id, sentence_index, lang, cameo,
  plover_type, plover_mode, quad_class, goldstein,
  source_text, source_code, source_country, source_sector,
  target_text, target_code, target_country, target_sector,
  date_start, date_end, date_precision, date_derived_from,
  loc_text, loc_name, geonames_id, region_id, lat, lon, country, admin1,
  loc_precision, loc_inferred,
  killed, injured, cumulative_killed, cumulative_injured, civilians, vague,
  reported, negated, historical, hypothetical,
  sentence_start, sentence_end, sentence_text, trigger_text, evidence,
  confidence, coder_version, run_id, event_json, content_hash)
VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,
  ?21,?22,?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37,?38,?39,
  ?40,?41,?42,?43,?44,?45,?46,?47,?48,?49,?50,?51,?52)
)sql";

void BindActor(Stmt& st, int first, const std::optional<ActorSlot>& a) {
  if (!a) {
    for (int i = 0; i < 4; ++i) st.Null(first + i);
    return;
  }
  st.Text(first, a->text);
  st.TextOrNull(first + 1, a->code);
  st.TextOrNull(first + 2, a->country);
  st.TextOrNull(first + 3, a->sector);
}

void BindOptInt(Stmt& st, int i, const std::optional<int64_t>& v) {
  if (v) {
    st.Int(i, *v);
  } else {
    st.Null(i);
  }
}

}  // namespace

Status Store::AddMentions(const Document& doc, const std::vector<Event>& events,
                          int64_t run_id) {
  for (size_t i = 0; i < events.size(); ++i) {
    if (!events[i].doc_id.empty() && events[i].doc_id != doc.id) {
      return InvalidArgumentError(
          "AddMentions: event " + std::to_string(i) + " ('" +
          events[i].event_id + "') belongs to document '" + events[i].doc_id +
          "', not '" + doc.id + "' (" + doc.source + ")");
    }
  }
  {
    Stmt has(db_, "SELECT 1 FROM documents WHERE doc_id=?1");
    if (!has.ok()) return SqliteError(db_, "prepare document lookup");
    has.Text(1, doc.id);
    int rc = has.Step();
    if (rc == SQLITE_DONE) {
      return InvalidArgumentError("AddMentions: document '" + doc.id + "' (" +
                                  doc.source + ") is not in the store");
    }
    if (rc != SQLITE_ROW) return SqliteError(db_, "look up document " + doc.id);
  }
  // Links of the mentions about to be replaced.
  std::map<std::string, std::string> old_links;
  {
    Stmt st(db_, "SELECT mention_id, event_id FROM mentions WHERE doc_id=?1");
    if (!st.ok()) return SqliteError(db_, "prepare old mentions");
    st.Text(1, doc.id);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      if (!st.IsNull(1)) old_links[st.ColText(0)] = st.ColText(1);
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, "read old mentions");
  }
  {
    Stmt del(db_, "DELETE FROM mentions WHERE doc_id=?1");
    if (!del.ok()) return SqliteError(db_, "prepare delete mentions");
    del.Text(1, doc.id);
    if (del.Step() != SQLITE_DONE)
      return SqliteError(db_, "delete mentions of " + doc.id);
  }
  Stmt st(db_, kInsertMention);
  if (!st.ok()) return SqliteError(db_, "prepare insert mention");
  std::map<std::string, int> seen;
  for (size_t i = 0; i < events.size(); ++i) {
    Event e = events[i];
    e.doc_id = doc.id;
    std::string id = e.event_id;
    if (id.empty()) {
      id = "m" + base::ContentId({doc.id, std::to_string(e.sentence_index),
                                  std::to_string(i)})
                     .substr(0, 20);
    }
    int n = ++seen[id];
    if (n > 1) id += "#" + std::to_string(n);
    nlohmann::json j = events::EventToJson(e);
    j["mention_id"] = id;
    std::string event_json =
        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    nlohmann::json evidence = nlohmann::json::array();
    for (const EvidenceSpan& s : e.evidence) {
      evidence.push_back(
          {{"role", s.role}, {"start", s.span.begin}, {"end", s.span.end}});
    }
    st.Reset();
    st.Text(1, id);
    st.Text(2, doc.id);
    auto link = old_links.find(id);
    if (link != old_links.end()) {
      st.Text(3, link->second);
    } else {
      st.Null(3);
    }
    st.Int(4, e.sentence_index);
    st.Text(5, e.lang.empty() ? doc.lang : e.lang);
    st.Text(6, e.cameo);
    st.Text(7, e.plover_type);
    st.Text(8, e.plover_mode);
    st.Int(9, e.quad_class);
    st.Double(10, e.goldstein);
    BindActor(st, 11, e.source);
    BindActor(st, 15, e.target);
    st.Text(19, e.date.start);
    st.Text(20, e.date.end.empty() ? e.date.start : e.date.end);
    st.Text(21, e.date.precision);
    st.Text(22, e.date.derived_from);
    if (e.location) {
      const EventLocation& l = *e.location;
      st.Text(23, l.text);
      st.Text(24, l.name);
      if (l.geonames_id) {
        st.Int(25, l.geonames_id);
      } else {
        st.Null(25);
      }
      st.TextOrNull(26, l.region_id);
      st.Double(27, l.lat);
      st.Double(28, l.lon);
      st.TextOrNull(29, l.country);
      st.TextOrNull(30, l.admin1);
      st.Text(31, l.precision);
      st.Int(32, l.inferred ? 1 : 0);
    } else {
      for (int k = 23; k <= 32; ++k) st.Null(k);
    }
    if (e.fatalities) {
      const Fatalities& f = *e.fatalities;
      BindOptInt(st, 33, f.killed);
      BindOptInt(st, 34, f.injured);
      BindOptInt(st, 35, f.cumulative_killed);
      BindOptInt(st, 36, f.cumulative_injured);
      st.Int(37, f.civilians ? 1 : 0);
      st.Int(38, f.vague ? 1 : 0);
    } else {
      for (int k = 33; k <= 38; ++k) st.Null(k);
    }
    st.Int(39, e.reported ? 1 : 0);
    st.Int(40, e.negated ? 1 : 0);
    st.Int(41, e.historical ? 1 : 0);
    st.Int(42, e.hypothetical ? 1 : 0);
    st.Int(43, e.sentence.begin);
    st.Int(44, e.sentence.end);
    st.Text(45, e.sentence_text);
    st.Text(46, e.trigger);
    st.Text(47, evidence.dump(-1, ' ', false,
                              nlohmann::json::error_handler_t::replace));
    st.Double(48, e.confidence);
    st.Text(49, e.coder_version);
    st.Int(50, run_id);
    st.Text(51, event_json);
    st.Text(52, base::ContentId({event_json}));
    if (st.Step() != SQLITE_DONE) {
      return SqliteError(db_, "insert mention " + id + " of " + doc.source);
    }
  }
  return Status::OK();
}

}  // namespace kroniek::store
