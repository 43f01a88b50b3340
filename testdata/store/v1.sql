-- A kroniek store at schema version 1 (before mentions and events), as
-- written by commit 679f283: one run and one document. Used by
-- store_test.cc (Store.MigratesVersion1Forward).
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (run_id INTEGER PRIMARY KEY, command TEXT NOT NULL,
  coder_version TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
  inputs INTEGER, read INTEGER, documents INTEGER, new_documents INTEGER,
  quarantined INTEGER, bytes INTEGER, status TEXT);
CREATE TABLE documents (doc_id TEXT PRIMARY KEY, external_id TEXT,
  source TEXT NOT NULL, outlet TEXT, format TEXT NOT NULL, title TEXT, url TEXT,
  date TEXT NOT NULL,
  date_precision TEXT NOT NULL CHECK (date_precision IN ('year','month','day')),
  lang TEXT NOT NULL, lang_detected INTEGER NOT NULL, raw BLOB NOT NULL,
  body_begin INTEGER NOT NULL, sentence_count INTEGER NOT NULL DEFAULT 0,
  token_count INTEGER NOT NULL DEFAULT 0, ingested_at TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(run_id));
CREATE INDEX documents_date ON documents(date);
CREATE TABLE quarantine (quarantine_id TEXT PRIMARY KEY, source TEXT NOT NULL,
  line INTEGER NOT NULL, byte_offset INTEGER NOT NULL, code TEXT NOT NULL,
  reason TEXT NOT NULL, raw BLOB NOT NULL, created_at TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(run_id));
INSERT INTO meta VALUES('schema_version', '1');
INSERT INTO runs VALUES(1, 'ingest --db old.db samples/', '0.1.0',
  '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', 1, 1, 1, 1, 0, 60, 'ok');
INSERT INTO documents VALUES('d1', '', 'samples/nl/a.txt', '', 'dated-text',
  '', '', '2020-09-28', 'day', 'nl', 1,
  CAST('date 2020-09-28' || char(10) || 'Stepanakert werd beschoten.' AS BLOB),
  16, 1, 4, '2026-01-01T00:00:00Z', 1);
