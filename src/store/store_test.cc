// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/internal/sqlite_util.h"

namespace kroniek::store {
namespace {

Document MakeDoc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.source = "test.txt";
  d.format = "dated-text";
  d.raw = "date 2020-09\n" + text;
  d.body_begin = 13;
  d.date = *ParsePartialDate("2020-09");
  d.lang = "nl";
  return d;
}

std::string TempPath(const char* name) {
  auto p = std::filesystem::temp_directory_path() /
           (std::string("kroniek_store_test_") + name + "_" +
            std::to_string(::getpid()) + ".db");
  std::filesystem::remove(p);
  return p.string();
}

TEST(Store, AddingTheSameDocumentTwiceStoresItOnce) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto run = (*store)->BeginRun("test");
  ASSERT_TRUE(run.ok());
  auto first = (*store)->AddDocument(MakeDoc("a1", "Tekst."), *run);
  auto second = (*store)->AddDocument(MakeDoc("a1", "Tekst."), *run);
  auto other = (*store)->AddDocument(MakeDoc("b2", "Andere tekst."), *run);
  ASSERT_TRUE(first.ok() && second.ok() && other.ok());
  EXPECT_TRUE(*first);
  EXPECT_FALSE(*second);
  EXPECT_TRUE(*other);
  EXPECT_EQ((*store)->Counts()->documents, 2);
}

TEST(Store, KeepsMonthPrecisionAndRawBytes) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  auto run = (*store)->BeginRun("test");
  Document d = MakeDoc("a1", "Armeni\xC3\xAB wendt zich tot Rusland.");
  ASSERT_TRUE((*store)->AddDocument(d, *run).ok());
  internal::Stmt st((*store)->handle(),
                    "SELECT date, date_precision, raw, body_begin FROM documents");
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(st.Step(), SQLITE_ROW);
  EXPECT_EQ(st.ColText(0), "2020-09");
  EXPECT_EQ(st.ColText(1), "month");
  std::string raw(static_cast<const char*>(sqlite3_column_blob(st.get(), 2)),
                  static_cast<size_t>(sqlite3_column_bytes(st.get(), 2)));
  EXPECT_EQ(raw, d.raw);
  EXPECT_EQ(st.ColInt(3), 13);
}

TEST(Store, QuarantineIsIdempotentAndKeepsReason) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  auto run = (*store)->BeginRun("test");
  QuarantineItem q;
  q.source = "bad.txt";
  q.line = 3;
  q.byte_offset = 17;
  q.reason = InvalidArgumentError("bad.txt:3: invalid UTF-8 at byte 17");
  q.raw = "ab\xFF";
  EXPECT_TRUE(*(*store)->AddQuarantine(q, *run));
  EXPECT_FALSE(*(*store)->AddQuarantine(q, *run));
  EXPECT_EQ((*store)->Counts()->quarantined, 1);
}

TEST(Store, BatchRollbackLosesOnlyTheOpenBatch) {
  std::string path = TempPath("batch");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto run = (*store)->BeginRun("test");
    ASSERT_TRUE((*store)->BeginBatch().ok());
    ASSERT_TRUE((*store)->AddDocument(MakeDoc("a1", "Een."), *run).ok());
    ASSERT_TRUE((*store)->CommitBatch().ok());
    ASSERT_TRUE((*store)->BeginBatch().ok());
    ASSERT_TRUE((*store)->AddDocument(MakeDoc("b2", "Twee."), *run).ok());
    // Destroyed with the batch open: as if the process were killed.
  }
  auto reopened = Store::Open(path);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->Counts()->documents, 1);
  EXPECT_EQ((*reopened)->schema_version(), kSchemaVersion);
  std::filesystem::remove(path);
}

TEST(Store, RejectsCorruptAndNewerStores) {
  std::string garbage = TempPath("garbage");
  {
    std::ofstream out(garbage, std::ios::binary);
    for (int i = 0; i < 512; ++i) out << "not a database ";
  }
  auto bad = Store::Open(garbage);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss) << bad.status().ToString();
  EXPECT_NE(bad.status().message().find(garbage), std::string::npos);
  std::filesystem::remove(garbage);

  std::string newer = TempPath("newer");
  {
    auto s = Store::Open(newer);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(sqlite3_exec((*s)->handle(),
                           "UPDATE meta SET value='99' WHERE key='schema_version'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
  }
  auto n = Store::Open(newer);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(n.status().message().find("schema version 99"), std::string::npos);
  std::filesystem::remove(newer);
}

TEST(Store, RunSummaryIsRecorded) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  auto run = (*store)->BeginRun("ingest x");
  RunSummary s;
  s.read = 5;
  s.documents = 4;
  s.quarantined = 1;
  ASSERT_TRUE((*store)->FinishRun(*run, s).ok());
  internal::Stmt st((*store)->handle(),
                    "SELECT read, documents, quarantined, status FROM runs");
  ASSERT_EQ(st.Step(), SQLITE_ROW);
  EXPECT_EQ(st.ColInt(0), 5);
  EXPECT_EQ(st.ColInt(1), 4);
  EXPECT_EQ(st.ColInt(2), 1);
  EXPECT_EQ(st.ColText(3), "ok");
}

}  // namespace
}  // namespace kroniek::store
