// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Schema v2: migration, mentions, dedup, batches, and the read queries.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <sstream>

#include "store/event_reader.h"
#include "store/internal/cluster.h"
#include "store/internal/sqlite_util.h"
#include "store/store.h"
#include "store/store_test_util.h"
#include "store/synthetic.h"

namespace kroniek::store {
namespace {

using internal::Stmt;
using testing::RemoveDb;
using testing::TempDbPath;
using testing::TestDoc;
using testing::TestEvent;

int64_t QueryInt(sqlite3* db, const std::string& sql) {
  Stmt st(db, sql);
  EXPECT_TRUE(st.ok()) << sqlite3_errmsg(db) << " in " << sql;
  return st.Step() == SQLITE_ROW ? st.ColInt(0) : -1;
}

// Every mention column except the event link, one line per mention.
std::string MentionSnapshot(sqlite3* db) {
  Stmt st(db, "SELECT * FROM mentions ORDER BY mention_id");
  EXPECT_TRUE(st.ok()) << sqlite3_errmsg(db);
  std::string out;
  while (st.Step() == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st.get()); ++c) {
      if (std::string(sqlite3_column_name(st.get(), c)) == "event_id") continue;
      const unsigned char* t = sqlite3_column_text(st.get(), c);
      out += t ? reinterpret_cast<const char*>(t) : "NULL";
      out += '|';
    }
    out += '\n';
  }
  return out;
}

struct Fixture {
  std::unique_ptr<Store> store;
  int64_t run = 0;

  explicit Fixture(const std::string& path = ":memory:") {
    auto s = Store::Open(path);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    store = std::move(*s);
    run = *store->BeginRun("test");
  }
  // One document with one event.
  void Report(const std::string& doc_id, const std::string& date, double lat,
              double lon, const std::string& src = "AZEMIL",
              std::optional<int64_t> killed = std::nullopt,
              const std::string& text = "Bij beschietingen op Stepanakert vielen doden.") {
    Document d = TestDoc(doc_id, date, text);
    ASSERT_TRUE(store->AddDocument(d, run).ok());
    Status s = store->AddMentions(
        d, {TestEvent(d, "m-" + doc_id, date, lat, lon, "Stepanakert", src,
                      "ARMCVL", killed)},
        run);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  sqlite3* db() { return store->handle(); }
};

TEST(StoreV2, MigratesVersion1Forward) {
  std::string path = TempDbPath("v1");
  {
    std::ifstream in(std::string(KRONIEK_TESTDATA_DIR) + "/v1.sql");
    ASSERT_TRUE(in) << "testdata/store/v1.sql missing";
    std::stringstream sql;
    sql << in.rdbuf();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->schema_version(), 2);
  EXPECT_EQ((*store)->Counts()->documents, 1);
  EXPECT_EQ((*store)->Counts()->mentions, 0);
  EXPECT_EQ(QueryInt((*store)->handle(),
                     "SELECT value FROM meta WHERE key='schema_version'"),
            2);
  // The v1 document can now carry mentions.
  Document d = TestDoc("d1", "2020-09-28", "Stepanakert werd beschoten.");
  d.id = "d1";
  auto run = (*store)->BeginRun("test");
  ASSERT_TRUE((*store)->AddMentions(
      d, {TestEvent(d, "m1", "2020-09-27", 39.8, 46.75)}, *run).ok());
  EXPECT_EQ((*store)->Counts()->mentions, 1);
  store->reset();
  // Reopening does not migrate again.
  auto again = Store::Open(path);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ((*again)->Counts()->mentions, 1);
  RemoveDb(path);
}

TEST(StoreV2, AddMentionsIsIdempotent) {
  Fixture f;
  Document d = TestDoc("d1", "2020-09-28", "Bij beschietingen op Stepanakert vielen doden.");
  ASSERT_TRUE(f.store->AddDocument(d, f.run).ok());
  std::vector<Event> evs = {
      TestEvent(d, "m1", "2020-09-27", 39.8, 46.75),
      TestEvent(d, "m2", "2020-09-27", 39.8, 46.75, "Stepanakert", "ARMMIL")};
  ASSERT_TRUE(f.store->AddMentions(d, evs, f.run).ok());
  std::string first = MentionSnapshot(f.db());
  ASSERT_TRUE(f.store->AddMentions(d, evs, f.run).ok());
  EXPECT_EQ(f.store->Counts()->mentions, 2);
  EXPECT_EQ(MentionSnapshot(f.db()).size(), first.size());
  // The full-text index follows: one hit per mention, no stale rows.
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM mention_fts "
                             "WHERE mention_fts MATCH 'stepanakert'"),
            2);
  // Coding again with fewer events leaves exactly those.
  ASSERT_TRUE(f.store->AddMentions(d, {evs[0]}, f.run).ok());
  EXPECT_EQ(f.store->Counts()->mentions, 1);
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM mention_fts "
                             "WHERE mention_fts MATCH 'stepanakert'"),
            1);
  // Two events with the same id in one document are both kept.
  ASSERT_TRUE(f.store->AddMentions(d, {evs[0], evs[0]}, f.run).ok());
  EXPECT_EQ(f.store->Counts()->mentions, 2);
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM mentions "
                             "WHERE mention_id='m1#2'"),
            1);
}

TEST(StoreV2, AddMentionsErrors) {
  Fixture f;
  Document stored = TestDoc("d1", "2020-09-28", "Tekst over Stepanakert.");
  Document missing = TestDoc("d2", "2020-09-28", "Tekst over Stepanakert.");
  ASSERT_TRUE(f.store->AddDocument(stored, f.run).ok());
  Event foreign = TestEvent(stored, "m1", "2020-09-27", 1, 1);
  foreign.doc_id = "other";
  struct Case {
    const char* name;
    Document doc;
    Event ev;
    StatusCode code;
    const char* fragment;
  } cases[] = {
      {"event of another document", stored, foreign,
       StatusCode::kInvalidArgument, "belongs to document 'other'"},
      {"document not stored", missing,
       TestEvent(missing, "m2", "2020-09-27", 1, 1),
       StatusCode::kInvalidArgument, "is not in the store"},
  };
  for (const Case& c : cases) {
    Status s = f.store->AddMentions(c.doc, {c.ev}, f.run);
    EXPECT_EQ(s.code(), c.code) << c.name << ": " << s.ToString();
    EXPECT_NE(s.message().find(c.fragment), std::string::npos)
        << c.name << ": " << s.message();
  }
  EXPECT_EQ(f.store->Counts()->mentions, 0);

  DedupSettings bad_window;
  bad_window.window_days = -1;
  DedupSettings bad_distance;
  bad_distance.distance_km = -5;
  for (const DedupSettings& s : {bad_window, bad_distance}) {
    EXPECT_EQ(f.store->Deduplicate(s).code(), StatusCode::kInvalidArgument);
  }
  ASSERT_TRUE(f.store->BeginBatch().ok());
  EXPECT_EQ(f.store->Deduplicate({}).code(), StatusCode::kInternal);
  f.store->RollbackBatch();
}

TEST(StoreV2, ThreeReportsOfOneIncidentBecomeOneEvent) {
  Fixture f;
  // Three articles, a day apart at most, a few km apart, one without a
  // source actor and one with a higher toll.
  f.Report("a", "2020-09-27", 39.8153, 46.7519, "AZEMIL", 26);
  f.Report("b", "2020-09-28", 39.83, 46.76, "", 27);
  f.Report("c", "2020-09-28", 39.80, 46.74, "AZEMIL", std::nullopt);
  // Same place and day, another attacker: a different event.
  f.Report("d", "2020-09-27", 39.8153, 46.7519, "ARMMIL");
  DedupSummary sum;
  ASSERT_TRUE(f.store->Deduplicate({}, &sum).ok());
  EXPECT_EQ(sum.mentions, 4);
  EXPECT_EQ(sum.events, 2);
  EXPECT_EQ(sum.created, 2);
  EXPECT_EQ(QueryInt(f.db(), "SELECT reports FROM events WHERE source_code='AZEMIL'"), 3);
  EXPECT_EQ(QueryInt(f.db(), "SELECT killed FROM events WHERE source_code='AZEMIL'"), 27);
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(DISTINCT event_id) FROM mentions "
                             "WHERE doc_id IN ('a','b','c')"),
            1);
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM mentions WHERE event_id IS NULL"), 0);
  // Its id is derived from the first report's mention and stable.
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM events e JOIN mentions m "
                             "ON m.event_id = e.event_id WHERE m.mention_id='m-a'"),
            1);
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM event_rtree"), 2);
  EXPECT_EQ(QueryInt(f.db(), "SELECT events FROM actor_summary WHERE code='ARMCVL'"), 2);
}

TEST(StoreV2, PlacesFarApartAreDifferentEvents) {
  Fixture f;
  f.Report("a", "2020-09-27", 39.8153, 46.7519);
  // ~100 km north: same day, same actors, another incident.
  f.Report("b", "2020-09-27", 40.72, 46.7519);
  DedupSummary sum;
  ASSERT_TRUE(f.store->Deduplicate({}, &sum).ok());
  EXPECT_EQ(sum.events, 2);
  // With a 150 km radius they merge.
  DedupSettings wide;
  wide.distance_km = 150;
  ASSERT_TRUE(f.store->Deduplicate(wide, &sum).ok());
  EXPECT_EQ(sum.events, 1);
  EXPECT_EQ(sum.deleted, 1);
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM event_tombstones"), 1);
}

TEST(StoreV2, DedupChangesNoMentionAndKeepsUnchangedEvents) {
  Fixture f;
  f.Report("a", "2020-09-27", 39.8153, 46.7519, "AZEMIL", 3);
  f.Report("b", "2020-09-29", 39.8153, 46.7519, "AZEMIL", 4);
  f.Report("c", "2020-10-20", 39.8153, 46.7519);
  ASSERT_TRUE(f.store->Deduplicate({}).ok());
  std::string mentions = MentionSnapshot(f.db());
  ASSERT_EQ(f.store->Counts()->events, 3);
  ASSERT_EQ(sqlite3_exec(f.db(), "UPDATE events SET updated_at='2000-01-01T00:00:00Z'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  // Same settings again: nothing changes, not even updated_at.
  DedupSummary sum;
  ASSERT_TRUE(f.store->Deduplicate({}, &sum).ok());
  EXPECT_EQ(sum.unchanged, 3);
  EXPECT_EQ(sum.relinked, 0);
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM events "
                             "WHERE updated_at='2000-01-01T00:00:00Z'"),
            3);
  // A wider window merges a and b (two days apart); c keeps its id and time.
  DedupSettings wide;
  wide.window_days = 3;
  ASSERT_TRUE(f.store->Deduplicate(wide, &sum).ok());
  EXPECT_EQ(sum.events, 2);
  EXPECT_EQ(sum.unchanged, 1);
  EXPECT_EQ(sum.updated, 1);
  EXPECT_EQ(sum.deleted, 1);
  EXPECT_EQ(MentionSnapshot(f.db()), mentions);
  ASSERT_TRUE(f.store->Deduplicate({}).ok());
  EXPECT_EQ(MentionSnapshot(f.db()), mentions);
  EXPECT_EQ(f.store->Counts()->events, 3);
  // The re-split event took its old id back out of the tombstones.
  EXPECT_EQ(QueryInt(f.db(), "SELECT count(*) FROM event_tombstones t "
                             "JOIN events e USING(event_id)"),
            0);
}

TEST(StoreV2, KilledBatchLosesNothingAndRerunDuplicatesNothing) {
  std::string path = TempDbPath("kill");
  auto ingest = [&](int docs, bool die_in_second_batch) {
    auto s = Store::Open(path);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    Store& store = **s;
    auto run = store.BeginRun("ingest");
    for (int i = 0; i < docs; ++i) {
      if (i % 5 == 0) {
        ASSERT_TRUE(store.BeginBatch().ok());
      }
      std::string id = "doc" + std::to_string(i);
      Document d = TestDoc(id, "2020-09-28", "Bij Stepanakert " + id + ".");
      ASSERT_TRUE(store.AddDocument(d, *run).ok());
      ASSERT_TRUE(store.AddMentions(
          d, {TestEvent(d, "m" + id, "2020-09-27", 39.8 + i, 46.7)}, *run).ok());
      if (die_in_second_batch && i == 7) return;  // killed: batch 2 open
      if (i % 5 == 4) {
        ASSERT_TRUE(store.CommitBatch().ok());
      }
    }
    ASSERT_TRUE(store.Deduplicate({}).ok());
  };
  ingest(10, /*die_in_second_batch=*/true);
  {
    auto s = Store::Open(path);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ((*s)->Counts()->documents, 5);
    EXPECT_EQ((*s)->Counts()->mentions, 5);
  }
  ingest(10, false);
  ingest(10, false);
  auto s = Store::Open(path);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->Counts()->documents, 10);
  EXPECT_EQ((*s)->Counts()->mentions, 10);
  EXPECT_EQ((*s)->Counts()->events, 10);
  EXPECT_EQ(QueryInt((*s)->handle(), "SELECT count(*) FROM mention_fts "
                                     "WHERE mention_fts MATCH 'stepanakert'"),
            10);
  s->reset();
  RemoveDb(path);
}

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempDbPath("reader");
    Fixture f(path_);
    f.Report("a", "2020-09-27", 39.8153, 46.7519, "AZEMIL", 26,
             "Bij beschietingen op Stepanakert vielen 26 doden.");
    f.Report("b", "2020-09-28", 39.82, 46.75, "AZEMIL", 20,
             "Zondag werd Stepanakert gebombardeerd.");
    f.Report("c", "2020-10-05", 40.68, 46.36, "ARMMIL", 5,
             "Raketten troffen Gəncə, meldt Bakoe.");
    f.Report("d", "2020-10-20", 52.37, 4.89, "NLDCOP", std::nullopt,
             "De ME greep in bij een demonstratie in Amsterdam.");
    ASSERT_TRUE(f.store->Deduplicate({}).ok());
    auto r = EventReader::Open(path_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    reader_ = std::move(*r);
  }
  void TearDown() override {
    reader_.reset();
    RemoveDb(path_);
  }
  std::vector<std::string> Ids(const EventFilter& f) {
    auto page = reader_->ListEvents(f, 100, std::nullopt);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    for (const auto& r : page->events) ids.push_back(r.date_start);
    EXPECT_EQ(page->total, static_cast<int64_t>(ids.size()));
    return ids;
  }
  std::string path_;
  std::unique_ptr<EventReader> reader_;
};

TEST_F(ReaderTest, FullTextSearchFindsEventsByEvidenceWords) {
  EventFilter f;
  f.q = "gebombardeerd";
  EXPECT_EQ(Ids(f), std::vector<std::string>{"2020-09-27"});
  f.q = "gənc";  // prefix, non-ASCII
  EXPECT_EQ(Ids(f), std::vector<std::string>{"2020-10-05"});
  f.q = "\"; DROP TABLE events; --";
  EXPECT_TRUE(Ids(f).empty());
  f.q = "AND OR NOT ***";  // FTS operators are words here, not syntax
  EXPECT_TRUE(Ids(f).empty());
  EXPECT_EQ(EventReader::FtsQuery("de \"ME\" greep*"), "\"de\" \"ME\" \"greep\"*");
}

TEST_F(ReaderTest, BoundingBoxUsesTheRTree) {
  EventFilter f;
  f.bbox = BoundingBox{46.0, 39.0, 47.0, 41.0};
  EXPECT_EQ(Ids(f), (std::vector<std::string>{"2020-10-05", "2020-09-27"}));
  f.bbox = BoundingBox{4.0, 52.0, 5.0, 53.0};
  EXPECT_EQ(Ids(f), std::vector<std::string>{"2020-10-20"});
  f.bbox = BoundingBox{170.0, -50.0, -170.0, 50.0};  // across the antimeridian
  EXPECT_TRUE(Ids(f).empty());
  f.bbox = BoundingBox{40.0, -90.0, 4.0, 90.0};  // everything but Amsterdam
  EXPECT_EQ(Ids(f).size(), 2u);
}

TEST_F(ReaderTest, FiltersAndTimeseries) {
  EventFilter f;
  f.start = "2020-09-28";
  // The merged a+b is dated by its earliest precise report (09-27).
  EXPECT_EQ(Ids(f), (std::vector<std::string>{"2020-10-20", "2020-10-05"}));
  f = {};
  f.actor = "ARM";
  EXPECT_EQ(Ids(f).size(), 3u);  // ARMCVL is every target
  f.actor = "NLD";
  EXPECT_EQ(Ids(f), std::vector<std::string>{"2020-10-20"});
  f = {};
  f.min_fatalities = 10;
  EXPECT_EQ(Ids(f), std::vector<std::string>{"2020-09-27"});
  f = {};
  f.cameo = "19";
  EXPECT_EQ(Ids(f).size(), 3u);
  f.cameo = "18";
  EXPECT_TRUE(Ids(f).empty());
  f = {};
  f.countries = {"AZE"};
  EXPECT_EQ(Ids(f).size(), 3u);
  f = {};
  f.admin1 = "nagorno-karabakh";
  EXPECT_EQ(Ids(f).size(), 3u);
  auto ts = reader_->Timeseries({}, Interval::kMonth);
  ASSERT_TRUE(ts.ok());
  ASSERT_EQ(ts->size(), 2u);
  EXPECT_EQ((*ts)[0].start, "2020-09-01");
  EXPECT_EQ((*ts)[0].events, 1);
  EXPECT_EQ((*ts)[0].reports, 2);
  EXPECT_EQ((*ts)[0].fatalities, 26);
  auto weeks = reader_->Timeseries({}, Interval::kWeek);
  ASSERT_TRUE(weeks.ok());
  EXPECT_EQ((*weeks)[0].start, "2020-09-21");  // Monday before Sunday 27th
  auto actors = reader_->Actors("az", 10);
  ASSERT_TRUE(actors.ok());
  ASSERT_EQ(actors->size(), 1u);
  EXPECT_EQ((*actors)[0].code, "AZEMIL");
  auto totals = reader_->Totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->events, 3);
  EXPECT_EQ(totals->reports, 4);
}

TEST_F(ReaderTest, EventDetailHasMentionsWithSpans) {
  auto page = reader_->ListEvents({}, 10, std::nullopt);
  ASSERT_TRUE(page.ok());
  std::string id = page->events.back().event_id;  // the merged one
  auto ev = reader_->GetEvent(id);
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();
  EXPECT_EQ((*ev)["reports"], 2);
  ASSERT_EQ((*ev)["mentions"].size(), 2u);
  const auto& m = (*ev)["mentions"][0];
  EXPECT_EQ(m["doc_id"], "a");
  EXPECT_EQ(m["sentence"], "Bij beschietingen op Stepanakert vielen 26 doden.");
  EXPECT_EQ(m["evidence"]["spans"][0]["role"], "place");
  EXPECT_EQ(reader_->GetEvent("nope").status().code(), StatusCode::kNotFound);
}

TEST_F(ReaderTest, CursorPagesCoverEveryRowOnce) {
  std::vector<std::string> seen;
  std::optional<EventCursor> cur;
  do {
    auto page = reader_->ListEvents({}, 1, cur);
    ASSERT_TRUE(page.ok());
    for (auto& r : page->events) seen.push_back(r.event_id);
    cur = page->next;
  } while (cur);
  EXPECT_EQ(seen.size(), 3u);
}

TEST(EventReader, OpenErrors) {
  std::string v1 = TempDbPath("reader_v1");
  {
    sqlite3* db = nullptr;
    sqlite3_open(v1.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE meta(key TEXT, value TEXT);"
                     "INSERT INTO meta VALUES('schema_version','1');",
                 nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  std::string junk = TempDbPath("reader_junk");
  {
    std::ofstream out(junk);
    for (int i = 0; i < 300; ++i) out << "not sqlite ";
  }
  struct Case {
    std::string path;
    StatusCode code;
    const char* fragment;
  } cases[] = {
      {"/nonexistent/kroniek.db", StatusCode::kNotFound, "does not exist"},
      {v1, StatusCode::kInvalidArgument, "kroniek dedup --db"},
      {junk, StatusCode::kDataLoss, "not a database"},
  };
  for (const Case& c : cases) {
    auto r = EventReader::Open(c.path);
    ASSERT_FALSE(r.ok()) << c.path;
    EXPECT_EQ(r.status().code(), c.code) << r.status().ToString();
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << r.status().ToString();
  }
  RemoveDb(v1);
  RemoveDb(junk);
}

TEST(Cluster, IsIndependentOfInputOrder) {
  std::vector<internal::MentionKey> keys;
  for (int i = 0; i < 40; ++i) {
    internal::MentionKey k;
    k.mention_id = "m" + std::to_string(i);
    k.group = i % 2 ? "ASSAULT" : "PROTEST";
    k.start_day = k.end_day = 18000 + i / 4;
    k.place = internal::PlaceKind::kPoint;
    k.lat = 50 + 0.1 * (i % 3);
    k.lon = 4;
    keys.push_back(k);
  }
  auto a = internal::ClusterMentions(keys, 1, 25);
  std::map<std::string, std::string> by_id_a;
  auto rev = keys;
  std::reverse(rev.begin(), rev.end());
  auto b = internal::ClusterMentions(rev, 1, 25);
  // Same partition: mentions together in one run are together in the other.
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t j = 0; j < keys.size(); ++j)
      EXPECT_EQ(a[i] == a[j], b[keys.size() - 1 - i] == b[keys.size() - 1 - j]);
  EXPECT_NEAR(internal::DistanceKm(39.8153, 46.7519, 40.72, 46.7519), 100.6, 0.5);
}

TEST(Synthetic, BuildsADeduplicatedStore) {
  Fixture f;
  ASSERT_TRUE(AddSyntheticIncidents(*f.store, 300, 7).ok());
  DedupSummary sum;
  ASSERT_TRUE(f.store->Deduplicate({}, &sum).ok());
  EXPECT_GT(sum.mentions, 300);
  EXPECT_GE(sum.events, 295);  // a few random incidents may coincide
  EXPECT_LE(sum.events, 300);
}

}  // namespace
}  // namespace kroniek::store
