// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Store: the embedded SQLite store of documents, quarantined inputs and runs.
//
//   auto store = kroniek::store::Store::Open("kroniek.db");
//   if (!store.ok()) return store.status();
//   auto run = (*store)->BeginRun("ingest samples/");
//   KRONIEK_RETURN_IF_ERROR((*store)->BeginBatch());
//   auto added = (*store)->AddDocument(doc, *run);   // false: stored before
//   KRONIEK_RETURN_IF_ERROR((*store)->AddMentions(doc, coded_events, *run));
//   KRONIEK_RETURN_IF_ERROR((*store)->CommitBatch());
//   KRONIEK_RETURN_IF_ERROR((*store)->Deduplicate(store::DedupSettings{}));
//
// Two levels of events (schema v2). A *mention* is one coded Event in one
// article, exactly as the coder produced it (AddMentions). An *event* is an
// incident deduplicated across articles: Deduplicate() clusters mentions of
// the same type, compatible actors, close dates and close places into one
// event with `reports` = number of mentions (see dedup.cc for the algorithm).
// Readers (kroniek serve) query events through EventReader (event_reader.h).
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

#include <vector>

#include "kroniek/document.h"
#include "kroniek/event.h"
#include "kroniek/status.h"

struct sqlite3;

namespace kroniek::store {

inline constexpr int kSchemaVersion = 2;

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
  int64_t mentions = 0;  // coded events, one per article (schema v2)
  int64_t events = 0;    // deduplicated events
};

// When two mentions describe the same incident (Deduplicate()).
struct DedupSettings {
  // Date ranges [start, end] may be up to this many days apart.
  int window_days = 1;
  // Located mentions must lie within this great-circle distance.
  double distance_km = 25;
};

// What one Deduplicate() call did.
struct DedupSummary {
  int64_t mentions = 0;   // mentions clustered
  int64_t events = 0;     // events after the run
  int64_t created = 0;    // events with a new id
  int64_t updated = 0;    // kept their id, mention set changed
  int64_t unchanged = 0;  // same mention set: id and updated_at kept
  int64_t deleted = 0;    // ids gone (recorded in event_tombstones)
  int64_t relinked = 0;   // mentions whose event_id changed
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

  // Stores the events coded from `doc` as its mentions, replacing the
  // mentions stored for `doc.id` before (coding a document again leaves
  // exactly the new set, no duplicates). `doc` must have been stored with
  // AddDocument(). Call it inside a batch so a document and its mentions are
  // kept or lost together. New mentions are not linked to an event until the
  // next Deduplicate(). Two events with the same event_id in one document
  // are kept apart ("<id>#2"). Errors: InvalidArgument (an event whose doc_id
  // is not doc.id, or unknown document), Unavailable/Internal (SQLite). On
  // error the open batch should be rolled back.
  Status AddMentions(const Document& doc, const std::vector<Event>& events,
                     int64_t run_id);

  // Re-clusters every mention into deduplicated events (algorithm in
  // dedup.cc) in one transaction of its own (must not be called inside a
  // batch). Changes no mention row except its event_id link. An event whose
  // mention set (and the mentions' content) is unchanged keeps its id and
  // updated_at; a new cluster takes the id of the old event most of its
  // mentions belonged to, else an id derived from its first mention's id.
  // Ids that disappear go to event_tombstones. `summary` may be null.
  // Errors: InvalidArgument (bad settings), Unavailable/Internal (SQLite);
  // on error nothing is changed.
  Status Deduplicate(const DedupSettings& settings,
                     DedupSummary* summary = nullptr);

  StatusOr<StoreCounts> Counts() const;

  // The raw SQLite handle, for later stages that add tables (mentions,
  // events) within the same file. Owned by the Store.
  sqlite3* handle() const { return db_; }

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Status Migrate();
  Status Exec(const char* sql);
  Status DeduplicateLocked(const DedupSettings& settings,
                           DedupSummary* summary);

  sqlite3* db_ = nullptr;
  int schema_version_ = 0;
  bool in_batch_ = false;
};

}  // namespace kroniek::store

#endif  // KRONIEK_STORE_STORE_H_
