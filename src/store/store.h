// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Store: the embedded SQLite store of documents, quarantined inputs and runs.
//
//   auto store = kroniek::store::Store::Open("kroniek.db");
//   if (!store.ok()) return store.status();
//   auto run = (*store)->BeginRun("ingest samples/");
//   KRONIEK_RETURN_IF_ERROR((*store)->BeginBatch());
//   auto added = (*store)->AddDocument(doc, *run);   // false: stored before
//   KRONIEK_RETURN_IF_ERROR((*store)->CommitBatch());
//
// Schema (docs/SCHEMA.md describes every column). Versioned in table `meta`
// (key 'schema_version'); Open() creates a new store or migrates an older one
// forward, and refuses a newer one (NotFound is never used for that: it is
// InvalidArgument naming both versions).
//
// Idempotent: a document's id is a hash of its normalised text and source, so
// coding the same input twice stores it once; quarantine rows are keyed by a
// hash of (source, line, offset, reason, bytes) likewise.
//
// Thread-safety: a Store is used by one thread at a time (the writer). SQLite
// runs in WAL mode so readers (kroniek serve) can open the same file
// concurrently through their own Store.
#ifndef KRONIEK_STORE_STORE_H_
#define KRONIEK_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kroniek/document.h"
#include "kroniek/status.h"

struct sqlite3;

namespace kroniek::store {

inline constexpr int kSchemaVersion = 1;

// Totals a run reports when it finishes. `read == documents + quarantined`.
struct RunSummary {
  int64_t inputs = 0;         // files/stdin read
  int64_t read = 0;           // document-sized units read
  int64_t documents = 0;      // processed into documents
  int64_t new_documents = 0;  // of those, not stored before
  int64_t quarantined = 0;
  int64_t bytes = 0;
  std::string status = "ok";  // "ok" or the failure message
};

// What the store holds, for summaries and tests.
struct StoreCounts {
  int64_t documents = 0;
  int64_t quarantined = 0;
  int64_t runs = 0;
};

class Store {
 public:
  // Opens (creating if needed) the store at `path`; ":memory:" for an
  // in-memory store. Errors: Unavailable (cannot open/lock), DataLoss (not a
  // SQLite file or corrupt), InvalidArgument (schema newer than this build).
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema_version() const { return schema_version_; }

  // Records a run and returns its id.
  StatusOr<int64_t> BeginRun(std::string_view command);
  Status FinishRun(int64_t run_id, const RunSummary& summary);

  // Groups the following writes into one transaction (much faster; also the
  // unit that is kept or lost as a whole when a run is killed).
  Status BeginBatch();
  Status CommitBatch();
  // Discards the open batch (no-op when none is open).
  void RollbackBatch();

  // Stores `doc` unless a document with the same id exists. Returns true when
  // it was new. Analysis totals are optional (0 when not analysed).
  StatusOr<bool> AddDocument(const Document& doc, int64_t run_id,
                             int64_t sentence_count = 0,
                             int64_t token_count = 0);
  // Stores a quarantined input; returns true when it was new.
  StatusOr<bool> AddQuarantine(const QuarantineItem& item, int64_t run_id);

  StatusOr<StoreCounts> Counts() const;

  // The raw SQLite handle, for later stages that add tables (mentions,
  // events) within the same file. Owned by the Store.
  sqlite3* handle() const { return db_; }

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Status Migrate();
  Status Exec(const char* sql);

  sqlite3* db_ = nullptr;
  int schema_version_ = 0;
  bool in_batch_ = false;
};

}  // namespace kroniek::store

#endif  // KRONIEK_STORE_STORE_H_
