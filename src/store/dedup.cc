// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Store::Deduplicate: mentions -> events. The clustering itself is
// internal/cluster.h; this file reads the mentions, chooses each cluster's
// id and representative fields, and writes only what changed, so that
// `updated_since` clients see exactly the events whose content moved.
//
// Ids. A cluster keeps the id of the old event most of its mentions were
// linked to (ties: the smaller id), if no larger cluster claimed it first;
// otherwise its id is derived from its first mention (earliest document
// date, then mention id): "ev" + 16 hex digits of a hash of that id. So ids
// survive re-runs, new reports joining an event, and setting changes that
// leave a cluster whole.
//
// Representative fields (NOTE(store): simple, documented rules, not voting):
//   type/mode/CAMEO/quad/goldstein: the mention with the highest confidence
//     (ties: first mention);
//   date: the finest precision, then the earliest start;
//   location: the finest precision, stated before inferred, then first;
//   fatalities: the maximum of each count across reports;
//   source/target: from the first mention that has a code for that side;
//   confidence: the maximum; reports: the number of mentions.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/hash.h"
#include "kroniek/date.h"
#include "store/internal/cluster.h"
#include "store/internal/sqlite_util.h"
#include "store/store.h"

namespace kroniek::store {

using internal::ClusterMentions;
using internal::MentionKey;
using internal::NowUtc;
using internal::PlaceKind;
using internal::SqliteError;
using internal::Stmt;
using nlohmann::json;

namespace {

struct ActorCols {
  bool present = false;
  std::string text, code, country, sector;
};

struct MentionRow {
  int64_t rowid = 0;
  std::string mention_id, doc_id, doc_source, doc_date, event_id, lang, cameo,
      plover_type, plover_mode;
  int64_t quad_class = 0;
  double goldstein = 0;
  ActorCols source, target;
  std::string date_start, date_end, date_precision, date_derived_from;
  bool has_location = false;
  std::string loc_text, loc_name, region_id, country, admin1, loc_precision;
  int64_t geonames_id = 0;
  double lat = 0, lon = 0;
  bool loc_inferred = false;
  bool has_fatalities = false;
  std::optional<int64_t> killed, injured, cumulative_killed,
      cumulative_injured;
  bool civilians = false, vague = false;
  std::string sentence, content_hash;
  double confidence = 0;
};

constexpr const char* kSelectMentions = R"sql(
SELECT m.mention_rowid, m.mention_id, m.doc_id, d.date, m.event_id, m.lang,
  m.cameo, m.plover_type, m.plover_mode, m.quad_class, m.goldstein,
  m.source_text, m.source_code, m.source_country, m.source_sector,
  m.target_text, m.target_code, m.target_country, m.target_sector,
  m.date_start, m.date_end, m.date_precision, m.date_derived_from,
  m.loc_text, m.loc_name, m.geonames_id, m.region_id, m.lat, m.lon,
  m.country, m.admin1, m.loc_precision, m.loc_inferred,
  m.killed, m.injured, m.cumulative_killed, m.cumulative_injured,
  m.civilians, m.vague, m.sentence_text, m.confidence, m.content_hash,
  m.loc_precision IS NOT NULL OR m.lat IS NOT NULL,
  m.civilians IS NOT NULL, d.source
FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
)sql";

std::optional<int64_t> OptCol(Stmt& st, int c) {
  if (st.IsNull(c)) return std::nullopt;
  return st.ColInt(c);
}

ActorCols ReadActor(Stmt& st, int c) {
  ActorCols a;
  a.present = !st.IsNull(c);
  a.text = st.ColText(c);
  a.code = st.ColText(c + 1);
  a.country = st.ColText(c + 2);
  a.sector = st.ColText(c + 3);
  return a;
}

int64_t DayOf(const std::string& ymd) {
  auto d = ParsePartialDate(ymd);
  if (!d.ok()) return internal::kNoDay;
  int month = d->month ? d->month : 1, day = d->day ? d->day : 1;
  return DaysFromCivil(d->year, month, day);
}

int DateRank(const std::string& p) {
  static const char* kOrder[] = {"day", "week", "month", "range", "year",
                                 "decade"};
  for (int i = 0; i < 6; ++i)
    if (p == kOrder[i]) return i;
  return 6;
}

int PlaceRank(const std::string& p) {
  static const char* kOrder[] = {"point", "city", "admin2", "region",
                                 "admin1", "country"};
  for (int i = 0; i < 6; ++i)
    if (p == kOrder[i]) return i;
  return 6;
}

json ActorJson(const ActorCols& a) {
  if (!a.present) return nullptr;
  auto s = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  return {{"text", a.text}, {"code", s(a.code)}, {"country", s(a.country)},
          {"sector", s(a.sector)}};
}

json OptJson(const std::optional<int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}

void MaxInto(std::optional<int64_t>* acc, const std::optional<int64_t>& v) {
  if (v && (!*acc || *v > **acc)) *acc = v;
}

// The representative of one cluster; `members` are sorted first-report first.
struct EventRep {
  std::string event_id;
  const MentionRow* lead = nullptr;
  const MentionRow* date = nullptr;
  const MentionRow* place = nullptr;
  ActorCols source, target;
  bool has_fatalities = false;
  std::optional<int64_t> killed, injured, cumulative_killed,
      cumulative_injured;
  bool civilians = false, vague = true;
  double confidence = 0;
  std::vector<std::string> langs;
  std::string members_hash;
  std::vector<const MentionRow*> members;
};

EventRep Represent(std::vector<const MentionRow*> members) {
  std::sort(members.begin(), members.end(),
            [](const MentionRow* a, const MentionRow* b) {
              if (a->doc_date != b->doc_date) return a->doc_date < b->doc_date;
              return a->mention_id < b->mention_id;
            });
  EventRep r;
  r.members = members;
  std::set<std::string> langs;
  std::vector<std::pair<std::string, std::string>> ids;
  for (const MentionRow* m : members) {
    ids.emplace_back(m->mention_id, m->content_hash);
    langs.insert(m->lang);
    if (r.lead == nullptr || m->confidence > r.lead->confidence) r.lead = m;
    if (r.date == nullptr ||
        DateRank(m->date_precision) < DateRank(r.date->date_precision) ||
        (DateRank(m->date_precision) == DateRank(r.date->date_precision) &&
         m->date_start < r.date->date_start)) {
      r.date = m;
    }
    if (m->has_location) {
      int rank = PlaceRank(m->loc_precision) + (m->loc_inferred ? 10 : 0);
      if (r.place == nullptr ||
          rank < PlaceRank(r.place->loc_precision) +
                     (r.place->loc_inferred ? 10 : 0)) {
        r.place = m;
      }
    }
    for (auto [side, acc] : {std::pair{&m->source, &r.source},
                             std::pair{&m->target, &r.target}}) {
      if (!side->present) continue;
      if (!acc->present || (acc->code.empty() && !side->code.empty()))
        *acc = *side;
    }
    if (m->has_fatalities) {
      r.has_fatalities = true;
      MaxInto(&r.killed, m->killed);
      MaxInto(&r.injured, m->injured);
      MaxInto(&r.cumulative_killed, m->cumulative_killed);
      MaxInto(&r.cumulative_injured, m->cumulative_injured);
      r.civilians = r.civilians || m->civilians;
      r.vague = r.vague && m->vague;
    }
    r.confidence = std::max(r.confidence, m->confidence);
  }
  if (r.killed || r.injured) r.vague = false;
  r.langs.assign(langs.begin(), langs.end());
  std::sort(ids.begin(), ids.end());
  std::string all;
  for (const auto& [id, h] : ids) all += id + "\t" + h + "\n";
  r.members_hash = base::ContentId({all});
  return r;
}

json EventJson(const EventRep& r, const std::string& created_at,
               const std::string& updated_at) {
  const MentionRow& l = *r.lead;
  const MentionRow& d = *r.date;
  auto s = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  json j;
  j["event_id"] = r.event_id;
  j["plover"] = {{"type", s(l.plover_type)}, {"mode", s(l.plover_mode)}};
  j["cameo"] = l.cameo;
  j["quad_class"] = l.quad_class;
  j["goldstein"] = l.goldstein;
  j["date"] = {{"start", d.date_start},
               {"end", d.date_end},
               {"precision", d.date_precision},
               {"derived_from", d.date_derived_from}};
  if (r.place) {
    const MentionRow& p = *r.place;
    j["location"] = {{"name", p.loc_name},
                     {"text", p.loc_text},
                     {"geonames_id", p.geonames_id ? json(p.geonames_id) : json(nullptr)},
                     {"region_id", s(p.region_id)},
                     {"lat", p.lat},
                     {"lon", p.lon},
                     {"country", s(p.country)},
                     {"admin1", s(p.admin1)},
                     {"precision", p.loc_precision},
                     {"inferred", p.loc_inferred}};
  } else {
    j["location"] = nullptr;
  }
  j["source"] = ActorJson(r.source);
  j["target"] = ActorJson(r.target);
  if (r.has_fatalities) {
    j["fatalities"] = {{"killed", OptJson(r.killed)},
                       {"injured", OptJson(r.injured)},
                       {"civilians", r.civilians},
                       {"cumulative_killed", OptJson(r.cumulative_killed)},
                       {"cumulative_injured", OptJson(r.cumulative_injured)},
                       {"vague", r.vague}};
  } else {
    j["fatalities"] = nullptr;
  }
  j["reports"] = r.members.size();
  j["langs"] = r.langs;
  j["first_report"] = {{"doc_id", r.members.front()->doc_id},
                       {"doc_source", r.members.front()->doc_source},
                       {"mention_id", r.members.front()->mention_id},
                       {"sentence", r.members.front()->sentence}};
  j["confidence"] = r.confidence;
  j["created_at"] = created_at;
  j["updated_at"] = updated_at;
  return j;
}

struct OldEvent {
  int64_t rowid = 0;
  std::string members_hash, created_at, updated_at;
};

// Exec helper that keeps the code flat.
Status Run(sqlite3* db, const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteError(db, sql);
  return Status::OK();
}

}  // namespace

Status Store::Deduplicate(const DedupSettings& settings, DedupSummary* summary) {
  if (settings.window_days < 0 || settings.window_days > 3660) {
    return InvalidArgumentError("dedup window must be 0..3660 days, got " +
                                std::to_string(settings.window_days));
  }
  if (!(settings.distance_km >= 0 && settings.distance_km <= 20100)) {
    return InvalidArgumentError("dedup distance must be 0..20100 km, got " +
                                std::to_string(settings.distance_km));
  }
  if (in_batch_) return InternalError("Deduplicate inside an open batch");
  KRONIEK_RETURN_IF_ERROR(Run(db_, "BEGIN IMMEDIATE;"));
  Status s = DeduplicateLocked(settings, summary);
  if (!s.ok()) {
    Run(db_, "ROLLBACK;").IgnoreError();
    return s;
  }
  return Run(db_, "COMMIT;");
}

Status Store::DeduplicateLocked(const DedupSettings& settings,
                                DedupSummary* summary) {
  DedupSummary sum;
  std::vector<MentionRow> rows;
  {
    Stmt st(db_, kSelectMentions);
    if (!st.ok()) return SqliteError(db_, "prepare mentions");
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      MentionRow m;
      m.rowid = st.ColInt(0);
      m.mention_id = st.ColText(1);
      m.doc_id = st.ColText(2);
      m.doc_date = st.ColText(3);
      m.event_id = st.ColText(4);
      m.lang = st.ColText(5);
      m.cameo = st.ColText(6);
      m.plover_type = st.ColText(7);
      m.plover_mode = st.ColText(8);
      m.quad_class = st.ColInt(9);
      m.goldstein = st.ColDouble(10);
      m.source = ReadActor(st, 11);
      m.target = ReadActor(st, 15);
      m.date_start = st.ColText(19);
      m.date_end = st.ColText(20);
      m.date_precision = st.ColText(21);
      m.date_derived_from = st.ColText(22);
      m.loc_text = st.ColText(23);
      m.loc_name = st.ColText(24);
      m.geonames_id = st.ColInt(25);
      m.region_id = st.ColText(26);
      m.lat = st.ColDouble(27);
      m.lon = st.ColDouble(28);
      m.country = st.ColText(29);
      m.admin1 = st.ColText(30);
      m.loc_precision = st.ColText(31);
      m.loc_inferred = st.ColInt(32) != 0;
      m.killed = OptCol(st, 33);
      m.injured = OptCol(st, 34);
      m.cumulative_killed = OptCol(st, 35);
      m.cumulative_injured = OptCol(st, 36);
      m.civilians = st.ColInt(37) != 0;
      m.vague = st.ColInt(38) != 0;
      m.sentence = st.ColText(39);
      m.confidence = st.ColDouble(40);
      m.content_hash = st.ColText(41);
      m.has_location = st.ColInt(42) != 0;
      m.has_fatalities = st.ColInt(43) != 0;
      m.doc_source = st.ColText(44);
      rows.push_back(std::move(m));
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, "read mentions");
  }
  sum.mentions = static_cast<int64_t>(rows.size());

  std::vector<MentionKey> keys(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const MentionRow& m = rows[i];
    MentionKey& k = keys[i];
    k.mention_id = m.mention_id;
    k.group = !m.plover_type.empty() ? m.plover_type
                                     : "cameo:" + internal::CameoRoot(m.cameo);
    k.source_code = m.source.code;
    k.target_code = m.target.code;
    k.start_day = DayOf(m.date_start);
    k.end_day = m.date_end.empty() ? k.start_day : DayOf(m.date_end);
    if (k.end_day == internal::kNoDay) k.end_day = k.start_day;
    if (m.has_location) {
      k.place = m.loc_precision == "country" ? PlaceKind::kCountry
                                             : PlaceKind::kPoint;
      k.lat = m.lat;
      k.lon = m.lon;
      k.country = m.country;
    }
  }
  std::vector<int> cluster_of =
      ClusterMentions(keys, settings.window_days, settings.distance_km);
  int n_clusters = 0;
  for (int c : cluster_of) n_clusters = std::max(n_clusters, c + 1);
  std::vector<std::vector<const MentionRow*>> members(n_clusters);
  for (size_t i = 0; i < rows.size(); ++i)
    members[cluster_of[i]].push_back(&rows[i]);

  std::map<std::string, OldEvent> old;
  {
    Stmt st(db_,
            "SELECT event_id, event_rowid, members_hash, created_at, "
            "updated_at FROM events");
    if (!st.ok()) return SqliteError(db_, "prepare events");
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      old[st.ColText(0)] = {st.ColInt(1), st.ColText(2), st.ColText(3),
                            st.ColText(4)};
    }
    if (rc != SQLITE_DONE) return SqliteError(db_, "read events");
  }

  std::vector<EventRep> reps;
  reps.reserve(members.size());
  for (auto& m : members) reps.push_back(Represent(std::move(m)));
  // Larger clusters claim old ids first; ties in creation order.
  std::vector<size_t> claim_order(reps.size());
  for (size_t i = 0; i < reps.size(); ++i) claim_order[i] = i;
  std::stable_sort(claim_order.begin(), claim_order.end(),
                   [&](size_t a, size_t b) {
                     return reps[a].members.size() > reps[b].members.size();
                   });
  std::set<std::string> taken;
  for (size_t i : claim_order) {
    EventRep& r = reps[i];
    std::map<std::string, int> votes;
    for (const MentionRow* m : r.members)
      if (!m->event_id.empty() && old.count(m->event_id)) ++votes[m->event_id];
    std::vector<std::pair<int, std::string>> ranked;
    for (auto& [id, n] : votes) ranked.emplace_back(-n, id);
    std::sort(ranked.begin(), ranked.end());
    for (auto& [n, id] : ranked) {
      if (!taken.count(id)) {
        r.event_id = id;
        taken.insert(id);
        break;
      }
    }
  }
  for (size_t i : claim_order) {
    EventRep& r = reps[i];
    if (!r.event_id.empty()) continue;
    std::string base_id =
        "ev" + base::ContentId({"event", r.members.front()->mention_id})
                   .substr(0, 16);
    std::string id = base_id;
    for (int n = 2; taken.count(id); ++n) id = base_id + "-" + std::to_string(n);
    r.event_id = id;
    taken.insert(id);
  }

  const std::string now = NowUtc();
  Stmt relink(db_, "UPDATE mentions SET event_id=?2 WHERE mention_rowid=?1");
  Stmt del_event(db_, "DELETE FROM events WHERE event_rowid=?1");
  Stmt del_json(db_, "DELETE FROM event_json WHERE event_rowid=?1");
  Stmt ins_json(db_, "INSERT INTO event_json(event_rowid, json) VALUES(?1,?2)");
  Stmt del_rtree(db_, "DELETE FROM event_rtree WHERE event_rowid=?1");
  Stmt ins_rtree(db_,
                 "INSERT INTO event_rtree(event_rowid, min_lon, max_lon, "
                 "min_lat, max_lat) VALUES(?1,?2,?2,?3,?3)");
  Stmt unbury(db_, "DELETE FROM event_tombstones WHERE event_id=?1");
  Stmt bury(db_,
            "INSERT OR REPLACE INTO event_tombstones(event_id, deleted_at) "
            "VALUES(?1,?2)");
  Stmt ins(db_, R"sql(
INSERT INTO events(event_id, plover_type, plover_mode, cameo, source_text,
  source_code, target_text, target_code, date_start, date_end, lat, lon,
  country, admin1, killed, reports, langs, confidence, members_hash,
  created_at, updated_at)
VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,
  ?20,?21))sql");
  for (Stmt* st : {&relink, &del_event, &del_json, &ins_json, &del_rtree, &ins_rtree, &unbury, &bury,
                   &ins}) {
    if (!st->ok()) return SqliteError(db_, "prepare dedup writes");
  }
  auto step = [&](Stmt& st, const char* what) -> Status {
    int rc = st.Step();
    if (rc != SQLITE_DONE) return SqliteError(db_, what);
    st.Reset();
    return Status::OK();
  };
  for (const EventRep& r : reps) {
    for (const MentionRow* m : r.members) {
      if (m->event_id == r.event_id) continue;
      relink.Int(1, m->rowid);
      relink.Text(2, r.event_id);
      KRONIEK_RETURN_IF_ERROR(step(relink, "relink mention"));
      ++sum.relinked;
    }
    auto was = old.find(r.event_id);
    if (was != old.end() && was->second.members_hash == r.members_hash) {
      ++sum.unchanged;
      continue;
    }
    std::string created_at = now;
    if (was != old.end()) {
      created_at = was->second.created_at;
      del_event.Int(1, was->second.rowid);
      KRONIEK_RETURN_IF_ERROR(step(del_event, "replace event"));
      del_json.Int(1, was->second.rowid);
      KRONIEK_RETURN_IF_ERROR(step(del_json, "replace event json"));
      del_rtree.Int(1, was->second.rowid);
      KRONIEK_RETURN_IF_ERROR(step(del_rtree, "replace event location"));
      ++sum.updated;
    } else {
      unbury.Text(1, r.event_id);
      KRONIEK_RETURN_IF_ERROR(step(unbury, "clear tombstone"));
      ++sum.created;
    }
    const MentionRow& l = *r.lead;
    std::string langs = ",";
    for (const std::string& lang : r.langs) langs += lang + ",";
    ins.Text(1, r.event_id);
    ins.Text(2, l.plover_type);
    ins.Text(3, l.plover_mode);
    ins.Text(4, l.cameo);
    ins.TextOrNull(5, r.source.text);
    ins.TextOrNull(6, r.source.code);
    ins.TextOrNull(7, r.target.text);
    ins.TextOrNull(8, r.target.code);
    ins.Text(9, r.date->date_start);
    ins.Text(10, r.date->date_end);
    if (r.place) {
      ins.Double(11, r.place->lat);
      ins.Double(12, r.place->lon);
      ins.TextOrNull(13, r.place->country);
      ins.TextOrNull(14, r.place->admin1);
    }
    if (r.killed) ins.Int(15, *r.killed);
    ins.Int(16, static_cast<int64_t>(r.members.size()));
    ins.Text(17, langs);
    ins.Double(18, r.confidence);
    ins.Text(19, r.members_hash);
    ins.Text(20, created_at);
    ins.Text(21, now);
    KRONIEK_RETURN_IF_ERROR(step(ins, "insert event"));
    const int64_t rowid = sqlite3_last_insert_rowid(db_);
    ins_json.Int(1, rowid);
    ins_json.Text(2, EventJson(r, created_at, now)
                         .dump(-1, ' ', false, json::error_handler_t::replace));
    KRONIEK_RETURN_IF_ERROR(step(ins_json, "insert event json"));
    if (r.place) {
      ins_rtree.Int(1, rowid);
      ins_rtree.Double(2, r.place->lon);
      ins_rtree.Double(3, r.place->lat);
      KRONIEK_RETURN_IF_ERROR(step(ins_rtree, "insert event location"));
    }
  }
  for (const auto& [id, ev] : old) {
    if (taken.count(id)) continue;
    del_event.Int(1, ev.rowid);
    KRONIEK_RETURN_IF_ERROR(step(del_event, "delete event"));
    del_json.Int(1, ev.rowid);
    KRONIEK_RETURN_IF_ERROR(step(del_json, "delete event json"));
    del_rtree.Int(1, ev.rowid);
    KRONIEK_RETURN_IF_ERROR(step(del_rtree, "delete event location"));
    bury.Text(1, id);
    bury.Text(2, now);
    KRONIEK_RETURN_IF_ERROR(step(bury, "record tombstone"));
    ++sum.deleted;
  }
  KRONIEK_RETURN_IF_ERROR(Run(db_, R"sql(
DELETE FROM actor_summary;
INSERT INTO actor_summary(code, name, events)
  SELECT code, min(name), count(DISTINCT event_rowid) FROM (
    SELECT source_code AS code, source_text AS name, event_rowid FROM events
      WHERE source_code IS NOT NULL
    UNION ALL
    SELECT target_code, target_text, event_rowid FROM events
      WHERE target_code IS NOT NULL)
  GROUP BY code;)sql"));
  sum.events = static_cast<int64_t>(reps.size());
  if (summary) *summary = sum;
  return Status::OK();
}

}  // namespace kroniek::store
