// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "store/store.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <string>

#include "base/hash.h"
#include "store/internal/sqlite_util.h"

namespace kroniek::store {

using internal::NowUtc;
using internal::SqliteError;
using internal::Stmt;

namespace {

// Schema version 1: documents, quarantine, runs. Later versions add tables
// through Migrate(); never edit a released step, add a new one.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  run_id        INTEGER PRIMARY KEY,
  command       TEXT NOT NULL,
  coder_version TEXT NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  inputs        INTEGER,
  read          INTEGER,
  documents     INTEGER,
  new_documents INTEGER,
  quarantined   INTEGER,
  bytes         INTEGER,
  status        TEXT
);
CREATE TABLE IF NOT EXISTS documents (
  doc_id          TEXT PRIMARY KEY,
  external_id     TEXT,
  source          TEXT NOT NULL,
  outlet          TEXT,
  format          TEXT NOT NULL,
  title           TEXT,
  url             TEXT,
  date            TEXT NOT NULL,
  date_precision  TEXT NOT NULL CHECK (date_precision IN ('year','month','day')),
  lang            TEXT NOT NULL,
  lang_detected   INTEGER NOT NULL,
  raw             BLOB NOT NULL,
  body_begin      INTEGER NOT NULL,
  sentence_count  INTEGER NOT NULL DEFAULT 0,
  token_count     INTEGER NOT NULL DEFAULT 0,
  ingested_at     TEXT NOT NULL,
  run_id          INTEGER NOT NULL REFERENCES runs(run_id)
);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
CREATE TABLE IF NOT EXISTS quarantine (
  quarantine_id TEXT PRIMARY KEY,
  source        TEXT NOT NULL,
  line          INTEGER NOT NULL,
  byte_offset   INTEGER NOT NULL,
  code          TEXT NOT NULL,
  reason        TEXT NOT NULL,
  raw           BLOB NOT NULL,
  created_at    TEXT NOT NULL,
  run_id        INTEGER NOT NULL REFERENCES runs(run_id)
);
)sql";


// Schema version 2: coded mentions (one event in one article), deduplicated
// events, tombstones for deleted events, full-text search over evidence and
// an R*Tree over event locations. v1 tables are kept as they are.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE mentions (
  mention_rowid     INTEGER PRIMARY KEY,
  mention_id        TEXT NOT NULL UNIQUE,
  doc_id            TEXT NOT NULL REFERENCES documents(doc_id),
  event_id          TEXT,
  sentence_index    INTEGER NOT NULL,
  lang              TEXT NOT NULL,
  cameo             TEXT NOT NULL,
  plover_type       TEXT NOT NULL,
  plover_mode       TEXT NOT NULL,
  quad_class        INTEGER NOT NULL,
  goldstein         REAL NOT NULL,
  source_text       TEXT, source_code TEXT, source_country TEXT, source_sector TEXT,
  target_text       TEXT, target_code TEXT, target_country TEXT, target_sector TEXT,
  date_start        TEXT NOT NULL,
  date_end          TEXT NOT NULL,
  date_precision    TEXT NOT NULL,
  date_derived_from TEXT NOT NULL,
  loc_text          TEXT, loc_name TEXT, geonames_id INTEGER, region_id TEXT,
  lat               REAL, lon REAL,
  country           TEXT, admin1 TEXT, loc_precision TEXT, loc_inferred INTEGER,
  killed            INTEGER, injured INTEGER,
  cumulative_killed INTEGER, cumulative_injured INTEGER,
  civilians         INTEGER, vague INTEGER,
  reported          INTEGER NOT NULL,
  negated           INTEGER NOT NULL,
  historical        INTEGER NOT NULL,
  hypothetical      INTEGER NOT NULL,
  sentence_start    INTEGER NOT NULL,
  sentence_end      INTEGER NOT NULL,
  sentence_text     TEXT NOT NULL,
  trigger_text      TEXT NOT NULL,
  evidence          TEXT NOT NULL,
  confidence        REAL NOT NULL,
  coder_version     TEXT NOT NULL,
  run_id            INTEGER NOT NULL REFERENCES runs(run_id),
  event_json        TEXT NOT NULL,
  content_hash      TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE VIRTUAL TABLE mention_fts USING fts5(
  sentence_text, loc_name, source_text, target_text,
  content='mentions', content_rowid='mention_rowid',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER mentions_fts_ai AFTER INSERT ON mentions BEGIN
  INSERT INTO mention_fts(rowid, sentence_text, loc_name, source_text, target_text)
  VALUES (new.mention_rowid, new.sentence_text, new.loc_name, new.source_text,
          new.target_text);
END;
CREATE TRIGGER mentions_fts_ad AFTER DELETE ON mentions BEGIN
  INSERT INTO mention_fts(mention_fts, rowid, sentence_text, loc_name,
                          source_text, target_text)
  VALUES ('delete', old.mention_rowid, old.sentence_text, old.loc_name,
          old.source_text, old.target_text);
END;
CREATE TABLE events (
  event_rowid       INTEGER PRIMARY KEY,
  event_id          TEXT NOT NULL UNIQUE,
  plover_type       TEXT NOT NULL,
  plover_mode       TEXT NOT NULL,
  cameo             TEXT NOT NULL,
  source_text       TEXT, source_code TEXT,
  target_text       TEXT, target_code TEXT,
  date_start        TEXT NOT NULL,
  date_end          TEXT NOT NULL,
  lat               REAL, lon REAL,
  country           TEXT, admin1 TEXT,
  killed            INTEGER,
  reports           INTEGER NOT NULL,
  langs             TEXT NOT NULL,
  confidence        REAL NOT NULL,
  members_hash      TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX events_order ON events(date_start DESC, event_id);
CREATE INDEX events_timeseries ON events(date_start, reports, killed);
-- The API object of each event, apart so that filtering scans small rows.
CREATE TABLE event_json (
  event_rowid INTEGER PRIMARY KEY,
  json        TEXT NOT NULL
);
CREATE INDEX events_updated ON events(updated_at);
CREATE INDEX events_country ON events(country, date_start DESC);
CREATE VIRTUAL TABLE event_rtree USING rtree(
  event_rowid, min_lon, max_lon, min_lat, max_lat);
CREATE TABLE event_tombstones (
  event_id   TEXT PRIMARY KEY,
  deleted_at TEXT NOT NULL
);
CREATE INDEX event_tombstones_at ON event_tombstones(deleted_at);
CREATE TABLE actor_summary (
  code   TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  events INTEGER NOT NULL
);
)sql";

}  // namespace

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                               SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqliteError(db, "open '" + path + "'");
    sqlite3_close(db);
    return UnavailableError(s.message());
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 5000);
  // A file that is not a database fails on the first read.
  if (path != ":memory:") {
    Status s = store->Exec("PRAGMA journal_mode=WAL;");
    if (!s.ok()) return s.WithPrefix(path);
  }
  KRONIEK_RETURN_IF_ERROR(store->Exec("PRAGMA foreign_keys=ON;"));
  KRONIEK_RETURN_IF_ERROR(store->Exec("PRAGMA synchronous=NORMAL;"));
  Status m = store->Migrate();
  if (!m.ok()) return m.WithPrefix(path);
  return store;
}

Store::~Store() {
  if (in_batch_) RollbackBatch();
  sqlite3_close(db_);
}

Status Store::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    return SqliteError(db_, "exec");
  }
  return Status::OK();
}

Status Store::Migrate() {
  int version = 0;
  {
    Stmt has(db_, "SELECT value FROM meta WHERE key='schema_version'");
    if (has.ok() && has.Step() == SQLITE_ROW) {
      version = static_cast<int>(has.ColInt(0));
    } else if (!has.ok() && sqlite3_errcode(db_) != SQLITE_ERROR) {
      return SqliteError(db_, "read schema version");
    }
  }
  if (version > kSchemaVersion) {
    return InvalidArgumentError(
        "store has schema version " + std::to_string(version) +
        ", newer than this build's " + std::to_string(kSchemaVersion) +
        "; upgrade kroniek");
  }
  if (version < 1) {
    KRONIEK_RETURN_IF_ERROR(Exec("BEGIN;"));
    Status s = Exec(kSchemaV1);
    if (s.ok())
      s = Exec("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version','1');");
    if (!s.ok()) {
      Exec("ROLLBACK;").IgnoreError();
      return s;
    }
    KRONIEK_RETURN_IF_ERROR(Exec("COMMIT;"));
    version = 1;
  }
  if (version < 2) {
    // One transaction: a store is either v1 or fully v2.
    KRONIEK_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE;"));
    Status s = Exec(kSchemaV2);
    if (s.ok())
      s = Exec("UPDATE meta SET value='2' WHERE key='schema_version';");
    if (!s.ok()) {
      Exec("ROLLBACK;").IgnoreError();
      return s.WithPrefix("migrating schema 1 -> 2");
    }
    KRONIEK_RETURN_IF_ERROR(Exec("COMMIT;"));
    version = 2;
  }
  schema_version_ = version;
  return Status::OK();
}

StatusOr<int64_t> Store::BeginRun(std::string_view command) {
  Stmt st(db_,
          "INSERT INTO runs(command, coder_version, started_at, status) "
          "VALUES(?1, ?2, ?3, 'running')");
  if (!st.ok()) return SqliteError(db_, "prepare run");
  st.Text(1, command);
  st.Text(2, KRONIEK_STORE_VERSION);
  st.Text(3, NowUtc());
  if (st.Step() != SQLITE_DONE) return SqliteError(db_, "insert run");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status Store::FinishRun(int64_t run_id, const RunSummary& s) {
  Stmt st(db_,
          "UPDATE runs SET finished_at=?2, inputs=?3, read=?4, documents=?5, "
          "new_documents=?6, quarantined=?7, bytes=?8, status=?9 "
          "WHERE run_id=?1");
  if (!st.ok()) return SqliteError(db_, "prepare finish run");
  st.Int(1, run_id);
  st.Text(2, NowUtc());
  st.Int(3, s.inputs);
  st.Int(4, s.read);
  st.Int(5, s.documents);
  st.Int(6, s.new_documents);
  st.Int(7, s.quarantined);
  st.Int(8, s.bytes);
  st.Text(9, s.status);
  if (st.Step() != SQLITE_DONE) return SqliteError(db_, "finish run");
  return Status::OK();
}

Status Store::BeginBatch() {
  if (in_batch_) return InternalError("BeginBatch inside an open batch");
  KRONIEK_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE;"));
  in_batch_ = true;
  return Status::OK();
}

Status Store::CommitBatch() {
  if (!in_batch_) return InternalError("CommitBatch without BeginBatch");
  in_batch_ = false;
  return Exec("COMMIT;");
}

void Store::RollbackBatch() {
  if (!in_batch_) return;
  in_batch_ = false;
  Exec("ROLLBACK;").IgnoreError();
}

StatusOr<bool> Store::AddDocument(const Document& doc, int64_t run_id,
                                  int64_t sentence_count, int64_t token_count) {
  Stmt st(db_,
          "INSERT OR IGNORE INTO documents(doc_id, external_id, source, outlet, "
          "format, title, url, date, date_precision, lang, lang_detected, raw, "
          "body_begin, sentence_count, token_count, ingested_at, run_id) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)");
  if (!st.ok()) return SqliteError(db_, "prepare document");
  st.Text(1, doc.id);
  st.Text(2, doc.external_id);
  st.Text(3, doc.source);
  st.Text(4, doc.outlet);
  st.Text(5, doc.format);
  st.Text(6, doc.title);
  st.Text(7, doc.url);
  st.Text(8, doc.date.ToString());
  st.Text(9, DatePrecisionName(doc.date.precision));
  st.Text(10, doc.lang);
  st.Int(11, doc.lang_detected ? 1 : 0);
  st.Blob(12, doc.raw);
  st.Int(13, doc.body_begin);
  st.Int(14, sentence_count);
  st.Int(15, token_count);
  st.Text(16, NowUtc());
  st.Int(17, run_id);
  if (st.Step() != SQLITE_DONE)
    return SqliteError(db_, "insert document " + doc.source);
  return sqlite3_changes(db_) > 0;
}

StatusOr<bool> Store::AddQuarantine(const QuarantineItem& item, int64_t run_id) {
  std::string key = base::ContentId(
      {item.source, std::to_string(item.line), std::to_string(item.byte_offset),
       item.reason.message(), item.raw});
  Stmt st(db_,
          "INSERT OR IGNORE INTO quarantine(quarantine_id, source, line, "
          "byte_offset, code, reason, raw, created_at, run_id) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  if (!st.ok()) return SqliteError(db_, "prepare quarantine");
  st.Text(1, key);
  st.Text(2, item.source);
  st.Int(3, item.line);
  st.Int(4, item.byte_offset);
  st.Text(5, StatusCodeName(item.reason.code()));
  st.Text(6, item.reason.message());
  st.Blob(7, item.raw);
  st.Text(8, NowUtc());
  st.Int(9, run_id);
  if (st.Step() != SQLITE_DONE)
    return SqliteError(db_, "insert quarantine " + item.source);
  return sqlite3_changes(db_) > 0;
}

StatusOr<StoreCounts> Store::Counts() const {
  StoreCounts c;
  struct Q { const char* sql; int64_t* out; } qs[] = {
      {"SELECT count(*) FROM documents", &c.documents},
      {"SELECT count(*) FROM quarantine", &c.quarantined},
      {"SELECT count(*) FROM runs", &c.runs},
      {"SELECT count(*) FROM mentions", &c.mentions},
      {"SELECT count(*) FROM events", &c.events},
  };
  for (auto& q : qs) {
    Stmt st(db_, q.sql);
    if (!st.ok() || st.Step() != SQLITE_ROW) return SqliteError(db_, q.sql);
    *q.out = st.ColInt(0);
  }
  return c;
}

}  // namespace kroniek::store
