// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "store/event_reader.h"

#include <sqlite3.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <variant>

#include "kroniek/date.h"
#include "store/internal/sqlite_util.h"
#include "store/store.h"

namespace kroniek::store {

using internal::SqliteError;
using internal::Stmt;
using nlohmann::json;

namespace {

using Param = std::variant<std::string, int64_t, double>;

// A WHERE clause and its parameters, bound in order ("?" placeholders).
struct Where {
  std::string sql = "1";
  std::vector<Param> params;

  void Add(const std::string& clause, std::vector<Param> p = {}) {
    sql += " AND (" + clause + ")";
    for (auto& x : p) params.push_back(std::move(x));
  }
};

std::string LikeEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string Placeholders(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

Where BuildWhere(const EventFilter& f) {
  Where w;
  if (!f.start.empty()) w.Add("e.date_end >= ?", {f.start});
  if (!f.end.empty()) w.Add("e.date_start <= ?", {f.end});
  if (!f.countries.empty()) {
    std::string in = "e.country IN (" + Placeholders(f.countries.size()) + ")";
    w.Add(in, std::vector<Param>(f.countries.begin(), f.countries.end()));
  }
  if (!f.admin1.empty()) w.Add("e.admin1 = ? COLLATE NOCASE", {f.admin1});
  if (f.bbox) {
    const BoundingBox& b = *f.bbox;
    if (b.min_lon <= b.max_lon) {
      w.Add("e.event_rowid IN (SELECT event_rowid FROM event_rtree WHERE "
            "max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?) "
            "AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?",
            {b.min_lon, b.max_lon, b.min_lat, b.max_lat, b.min_lon, b.max_lon,
             b.min_lat, b.max_lat});
    } else {  // crosses the antimeridian
      w.Add("e.event_rowid IN (SELECT event_rowid FROM event_rtree WHERE "
            "(max_lon >= ? OR min_lon <= ?) AND max_lat >= ? AND min_lat <= ?) "
            "AND (e.lon >= ? OR e.lon <= ?) AND e.lat BETWEEN ? AND ?",
            {b.min_lon, b.max_lon, b.min_lat, b.max_lat, b.min_lon, b.max_lon,
             b.min_lat, b.max_lat});
    }
  }
  if (!f.plover.empty()) {
    std::string in = "e.plover_type IN (" + Placeholders(f.plover.size()) + ")";
    w.Add(in, std::vector<Param>(f.plover.begin(), f.plover.end()));
  }
  if (!f.cameo.empty()) {
    w.Add("substr(e.cameo, 1, ?) = ?",
          {static_cast<int64_t>(f.cameo.size()), f.cameo});
  }
  if (!f.actor.empty()) {
    std::string prefix = LikeEscape(f.actor) + "%";
    std::string infix = "%" + LikeEscape(f.actor) + "%";
    w.Add("e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\' "
          "OR e.source_text LIKE ? ESCAPE '\\' OR e.target_text LIKE ? ESCAPE '\\'",
          {prefix, prefix, infix, infix});
  }
  if (f.min_fatalities > 0) w.Add("e.killed >= ?", {f.min_fatalities});
  if (!f.lang.empty()) w.Add("instr(e.langs, ?) > 0", {"," + f.lang + ","});
  if (!f.updated_since.empty()) w.Add("e.updated_at >= ?", {f.updated_since});
  if (!f.q.empty()) {
    std::string fts = EventReader::FtsQuery(f.q);
    if (fts.empty()) {
      w.Add("0");
    } else {
      w.Add("e.event_id IN (SELECT m.event_id FROM mention_fts "
            "JOIN mentions m ON m.mention_rowid = mention_fts.rowid "
            "WHERE mention_fts MATCH ?)",
            {fts});
    }
  }
  return w;
}

void Bind(Stmt& st, const std::vector<Param>& params, int first = 1) {
  int i = first;
  for (const Param& p : params) {
    if (auto* s = std::get_if<std::string>(&p)) {
      st.Text(i, *s);
    } else if (auto* n = std::get_if<int64_t>(&p)) {
      st.Int(i, *n);
    } else {
      st.Double(i, std::get<double>(p));
    }
    ++i;
  }
}

json Parse(const std::string& text) {
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

EventReader::EventReader(sqlite3* db) : db_(db) {
  sqlite3_progress_handler(db_, 2000, &EventReader::OnProgress, this);
}

EventReader::~EventReader() { sqlite3_close(db_); }

int EventReader::OnProgress(void* self) {
  auto* r = static_cast<EventReader*>(self);
  return r->deadline_set_ && std::chrono::steady_clock::now() > r->deadline_;
}

void EventReader::StartDeadline() {
  deadline_set_ = timeout_ms_ > 0;
  deadline_ = std::chrono::steady_clock::now() +
              std::chrono::milliseconds(timeout_ms_);
}

StatusOr<std::unique_ptr<EventReader>> EventReader::Open(
    const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return NotFoundError("store '" + path + "' does not exist");
  }
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(db, "open '" + path + "' read-only");
    sqlite3_close(db);
    return UnavailableError(s.message());
  }
  std::unique_ptr<EventReader> r(new EventReader(db));
  sqlite3_busy_timeout(db, 2000);
  sqlite3_exec(db, "PRAGMA query_only=1; PRAGMA mmap_size=268435456;", nullptr,
               nullptr, nullptr);
  Stmt st(db, "SELECT value FROM meta WHERE key='schema_version'");
  if (!st.ok()) {
    Status s = SqliteError(db, "read schema version");
    if (s.code() == StatusCode::kInternal) {
      return InvalidArgumentError("'" + path + "' is not a kroniek store");
    }
    return s.WithPrefix(path);
  }
  rc = st.Step();
  if (rc != SQLITE_ROW) {
    if (rc == SQLITE_DONE)
      return InvalidArgumentError("'" + path + "' has no schema version");
    return SqliteError(db, "read schema version").WithPrefix(path);
  }
  int version = static_cast<int>(st.ColInt(0));
  if (version != kSchemaVersion) {
    return InvalidArgumentError(
        "store '" + path + "' has schema version " + std::to_string(version) +
        ", this build reads " + std::to_string(kSchemaVersion) +
        (version < kSchemaVersion
             ? "; migrate it with `kroniek dedup --db " + path + "`"
             : "; upgrade kroniek"));
  }
  return r;
}

std::string EventReader::FtsQuery(const std::string& text) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && words.size() < 32) words.push_back(cur);
    cur.clear();
  };
  for (unsigned char c : text) {
    // Bytes >= 0x80 belong to non-ASCII letters (UTF-8 sequences).
    if (std::isalnum(c) || c >= 0x80) {
      cur += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  std::string q;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) q += ' ';
    q += '"' + words[i] + '"';
    if (i + 1 == words.size()) q += '*';
  }
  return q;
}

StatusOr<EventPage> EventReader::ListEvents(
    const EventFilter& f, int limit, const std::optional<EventCursor>& after) {
  if (limit < 1 || limit > 10000) {
    return InvalidArgumentError("limit must be 1..10000, got " +
                                std::to_string(limit));
  }
  StartDeadline();
  Where w = BuildWhere(f);
  EventPage page;
  {
    Stmt st(db_, "SELECT count(*) FROM events e WHERE " + w.sql);
    if (!st.ok()) return SqliteError(db_, "prepare count");
    Bind(st, w.params);
    if (st.Step() != SQLITE_ROW) return SqliteError(db_, "count events");
    page.total = st.ColInt(0);
  }
  Where pw = w;
  if (after) {
    pw.Add("e.date_start <= ? AND (e.date_start < ? OR e.event_id > ?)",
           {after->date_start, after->date_start, after->event_id});
  }
  Stmt st(db_,
          "SELECT e.event_id, e.date_start, e.lat, e.lon, j.json "
          "FROM events e JOIN event_json j ON j.event_rowid = e.event_rowid "
          "WHERE " +
              pw.sql + " ORDER BY e.date_start DESC, e.event_id ASC LIMIT ?");
  if (!st.ok()) return SqliteError(db_, "prepare events");
  Bind(st, pw.params);
  st.Int(static_cast<int>(pw.params.size()) + 1, limit + 1);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    if (static_cast<int>(page.events.size()) == limit) {
      const EventRow& last = page.events.back();
      page.next = EventCursor{last.date_start, last.event_id};
      break;
    }
    EventRow row;
    row.event_id = st.ColText(0);
    row.date_start = st.ColText(1);
    if (!st.IsNull(2) && !st.IsNull(3)) {
      row.lat = st.ColDouble(2);
      row.lon = st.ColDouble(3);
    }
    row.json = st.ColText(4);
    page.events.push_back(std::move(row));
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return SqliteError(db_, "list events");
  return page;
}

StatusOr<json> EventReader::GetEvent(const std::string& event_id) {
  StartDeadline();
  json ev;
  {
    Stmt st(db_,
            "SELECT j.json FROM events e JOIN event_json j "
            "ON j.event_rowid = e.event_rowid WHERE e.event_id=?1");
    if (!st.ok()) return SqliteError(db_, "prepare event");
    st.Text(1, event_id);
    int rc = st.Step();
    if (rc == SQLITE_DONE) return NotFoundError("no event '" + event_id + "'");
    if (rc != SQLITE_ROW) return SqliteError(db_, "read event");
    ev = Parse(st.ColText(0));
    if (!ev.is_object())
      return DataLossError("event '" + event_id + "' has corrupt JSON");
  }
  json mentions = json::array();
  Stmt st(db_, R"sql(
SELECT m.mention_id, m.event_json, m.evidence, d.doc_id, d.date, d.source,
  d.title, d.outlet, d.url
FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
WHERE m.event_id = ?1 ORDER BY d.date, m.mention_id LIMIT 10000)sql");
  if (!st.ok()) return SqliteError(db_, "prepare mentions");
  st.Text(1, event_id);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    json e = Parse(st.ColText(1));
    json spans = Parse(st.ColText(2));
    if (!e.is_object() || !spans.is_array()) {
      return DataLossError("mention '" + st.ColText(0) + "' has corrupt JSON");
    }
    const json& evd = e.value("evidence", json::object());
    auto null_if_empty = [](const std::string& s) {
      return s.empty() ? json(nullptr) : json(s);
    };
    json m = {
        {"mention_id", st.ColText(0)},
        {"doc_id", st.ColText(3)},
        {"doc_date", st.ColText(4)},
        {"doc_source", st.ColText(5)},
        {"doc_title", null_if_empty(st.ColText(6))},
        {"doc_outlet", null_if_empty(st.ColText(7))},
        {"doc_url", null_if_empty(st.ColText(8))},
        {"lang", e.value("lang", "")},
        {"sentence", evd.value("sentence", "")},
        {"sentence_start", evd.value("sentence_start", 0)},
        {"sentence_end", evd.value("sentence_end", 0)},
        {"trigger", evd.value("trigger", "")},
        {"evidence", {{"spans", spans}}},
    };
    for (const char* k :
         {"sentence_index", "cameo", "plover", "quad_class", "goldstein",
          "source", "target", "date", "location", "fatalities", "reported",
          "negated", "historical", "hypothetical", "confidence",
          "coder_version"}) {
      if (e.contains(k)) m[k] = e[k];
    }
    mentions.push_back(std::move(m));
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "read mentions");
  ev["mentions"] = std::move(mentions);
  return ev;
}

StatusOr<std::vector<Bucket>> EventReader::Timeseries(const EventFilter& f,
                                                      Interval interval) {
  StartDeadline();
  // Group by day in SQL (a covering index scan), fold days into weeks or
  // months here: a few thousand date computations instead of one per event.
  Where w = BuildWhere(f);
  Stmt st(db_,
          "SELECT e.date_start, count(*), sum(e.reports), "
          "sum(coalesce(e.killed, 0)) FROM events e WHERE " +
              w.sql + " GROUP BY e.date_start ORDER BY e.date_start");
  if (!st.ok()) return SqliteError(db_, "prepare timeseries");
  Bind(st, w.params);
  std::vector<Bucket> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    std::string day = st.ColText(0);
    std::string start = day;
    if (interval != Interval::kDay) {
      auto d = ParsePartialDate(day);
      if (!d.ok() || d->precision != DatePrecision::kDay) continue;
      int y = d->year, m = d->month, dd = 1;
      if (interval == Interval::kWeek) {
        int64_t days = DaysFromCivil(d->year, d->month, d->day) -
                       Weekday(d->year, d->month, d->day);
        CivilFromDays(days, &y, &m, &dd);
      }
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
      start = buf;
    }
    if (out.empty() || out.back().start != start) {
      if (!out.empty() && start < out.back().start) {
        return InternalError("timeseries buckets out of order at " + day);
      }
      out.push_back({start, 0, 0, 0});
    }
    out.back().events += st.ColInt(1);
    out.back().reports += st.ColInt(2);
    out.back().fatalities += st.ColInt(3);
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "timeseries");
  return out;
}

StatusOr<std::vector<ActorCount>> EventReader::Actors(const std::string& q,
                                                      int limit) {
  if (limit < 1 || limit > 1000) {
    return InvalidArgumentError("limit must be 1..1000, got " +
                                std::to_string(limit));
  }
  StartDeadline();
  Stmt st(db_,
          "SELECT code, name, events FROM actor_summary "
          "WHERE ?1 = '' OR code LIKE ?2 ESCAPE '\\' OR name LIKE ?2 ESCAPE '\\' "
          "ORDER BY events DESC, code LIMIT ?3");
  if (!st.ok()) return SqliteError(db_, "prepare actors");
  st.Text(1, q);
  st.Text(2, "%" + LikeEscape(q) + "%");
  st.Int(3, limit);
  std::vector<ActorCount> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    out.push_back({st.ColText(0), st.ColText(1), st.ColInt(2)});
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "actors");
  return out;
}

StatusOr<std::vector<Tombstone>> EventReader::DeletedSince(
    const std::string& since, int limit) {
  StartDeadline();
  Stmt st(db_,
          "SELECT event_id, deleted_at FROM event_tombstones "
          "WHERE deleted_at >= ?1 ORDER BY deleted_at, event_id LIMIT ?2");
  if (!st.ok()) return SqliteError(db_, "prepare tombstones");
  st.Text(1, since);
  st.Int(2, limit);
  std::vector<Tombstone> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    out.push_back({st.ColText(0), st.ColText(1)});
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, "tombstones");
  return out;
}

StatusOr<StoreTotals> EventReader::Totals() {
  StartDeadline();
  Stmt st(db_,
          "SELECT (SELECT count(*) FROM events), "
          "(SELECT coalesce(sum(reports), 0) FROM events), "
          "(SELECT count(*) FROM mentions), (SELECT count(*) FROM documents)");
  if (!st.ok()) return SqliteError(db_, "prepare totals");
  if (st.Step() != SQLITE_ROW) return SqliteError(db_, "totals");
  return StoreTotals{st.ColInt(0), st.ColInt(1), st.ColInt(2), st.ColInt(3)};
}

}  // namespace kroniek::store
