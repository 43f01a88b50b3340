// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Every quarantine reason, as a table of (input, code, message fragment,
// line, byte offset), plus a mixed directory where good and broken files sit
// side by side and the counts must reconcile.
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/internal/gzip.h"
#include "ingest/reader.h"
#include "ingest/reader_test_util.h"

namespace kroniek::ingest {
namespace {

using testing::CollectingSink;
using testing::ScratchDir;
using testing::TestdataDir;

std::string Big(char c, size_t n) { return std::string(n, c); }

struct ErrorCase {
  std::string name;
  std::string input;
  std::string format;      // forced format, "auto" by default
  size_t max_doc_bytes;    // 0 = default
  size_t max_input_bytes;  // 0 = default
  StatusCode code;
  std::string fragment;  // expected in the message
  int64_t line;
  int64_t byte_offset;
};

std::vector<ErrorCase> Cases() {
  const std::string gz =
      internal::Gzip("date 2020-01-01\nDe raad vergadert vanavond opnieuw.\n");
  const std::string jsonl_ok =
      R"({"id":"ok","date":"2020-01","text":"Tekst."})";
  const StatusCode kBad = StatusCode::kInvalidArgument;
  return {
      {"invalid utf8 dated-text",
       "date 2024-01\nDe verd\xE4"
       "chte is vrij.\n",
       "auto", 0, 0, kBad, "src:2: invalid UTF-8 at byte 20: 'De verd\\xE4chte",
       2, 20},
      {"invalid utf8 in a jsonl line",
       jsonl_ok + "\n" +
           R"({"id":"b","date":"2020","text":"caf)"
           "\xC3("
           R"("})",
       "auto", 0, 0, kBad, "src:2: invalid UTF-8 at byte 80", 2, 80},
      {"empty file", "", "auto", 0, 0, kBad, "src: empty file", 0, 0},
      {"white space only", " \n\t\r\n  ", "auto", 0, 0, kBad,
       "src: white-space-only file", 0, 0},
      {"binary", std::string("PK\x03\x04\0\0payload", 13), "auto", 0, 0, kBad,
       "src: binary file: 'PK\\x03\\x04\\x00", 0, 0},
      {"over-long dated-text", "date 2020-01\n" + Big('a', 40), "auto", 30, 0,
       kBad, "src: document of 53 bytes exceeds limit of 30 bytes", 0, 0},
      {"over-long jsonl line", jsonl_ok + "\n" + jsonl_ok + Big(' ', 40),
       "auto", 60, 0, kBad, "src:2: line of 84 bytes exceeds limit of 60 bytes",
       2, 0},
      {"missing date header", "\n\nGeen datum hier.\n", "dated-text", 0, 0,
       kBad,
       "src:3: missing date header (expected 'date YYYY-MM[-DD]') at "
       "byte 2: 'Geen datum hier.\\x0A'",
       3, 2},
      {"impossible date", "date 2020-02-30\nTekst.", "auto", 0, 0, kBad,
       "src:1: bad date: impossible day in date '2020-02-30'", 1, 5},
      {"malformed date", "  date 2020-1\nTekst.", "auto", 0, 0, kBad,
       "src:1: bad date: malformed month in date '2020-1' ", 1, 7},
      {"empty article after date", "date 2020-01-01\n \n", "auto", 0, 0, kBad,
       "src:1: empty text after date header at byte 15", 1, 15},
      {"plain text without --date", "Gewoon een bericht.\n", "auto", 0, 0, kBad,
       "src: no date: plain text needs --date: 'Gewoon een bericht.", 0, 0},
      {"malformed json",
       jsonl_ok + "\n" + jsonl_ok + "\n{\"id\": 1, \"date\" 5}", "auto", 0, 0,
       kBad,
       "src:3: malformed JSON (syntax error while parsing object separator - "
       "unexpected number literal; expected ':') at byte 107: '\"id\": 1, "
       "\"date\" 5}'",
       3, 107},
      {"json not an object", "[1, 2]", "jsonl", 0, 0, kBad,
       "src:1: JSON line is array, expected an object: '[1, 2]'", 1, 0},
      {"missing text", R"({"id":"x","date":"2020"})", "auto", 0, 0, kBad,
       "src:1: missing required field 'text'", 1, 0},
      {"missing id", R"({"date":"2020","text":"t"})", "auto", 0, 0, kBad,
       "src:1: missing required field 'id'", 1, 0},
      {"missing date", R"({"id":3,"text":"t"})", "auto", 0, 0, kBad,
       "src:1: missing required field 'date'", 1, 0},
      {"id wrong type", R"({"id":true,"date":"2020","text":"t"})", "auto", 0, 0,
       kBad, "field 'id' must be a string or number, not boolean", 1, 0},
      {"date wrong type", R"({"id":"x","date":2020,"text":"t"})", "auto", 0, 0,
       kBad, "field 'date' must be a string, not number", 1, 0},
      {"text wrong type", R"({"id":"x","date":"2020","text":["t"]})", "auto", 0,
       0, kBad, "field 'text' must be a string, not array", 1, 0},
      {"optional field wrong type",
       R"({"id":"x","date":"2020","text":"t","title":7})", "auto", 0, 0, kBad,
       "field 'title' must be a string, not number", 1, 0},
      {"jsonl bad date", R"({"id":"x","date":"2021-13","text":"t"})", "auto", 0,
       0, kBad, "src:1: bad date: impossible month in date '2021-13'", 1, 0},
      {"empty text", R"({"id":"x","date":"2021","text":" \n "})", "auto", 0, 0,
       kBad, "src:1: empty text", 1, 0},
      {"corrupt gzip", std::string("\x1f\x8b\x08\x00garbage-garbage", 19),
       "auto", 0, 0, StatusCode::kDataLoss, "src: corrupt gzip stream (", 0,
       -1},
      {"truncated gzip", gz.substr(0, gz.size() - 12), "auto", 0, 0,
       StatusCode::kDataLoss, "src: truncated gzip stream at byte ", 0,
       static_cast<int64_t>(gz.size() - 12)},
      {"trailing garbage after gzip", gz + "junk", "auto", 0, 0,
       StatusCode::kDataLoss, "trailing garbage after gzip stream at byte ", 0,
       static_cast<int64_t>(gz.size())},
      {"gzip over the size cap", internal::Gzip(Big('a', 100000)), "auto", 0,
       1000, kBad, "src: decompressed size exceeds cap of 1000 bytes", 0, -1},
      {"plain input over the size cap", "date 2020\n" + Big('a', 100), "auto",
       0, 50, kBad, "src: input exceeds cap of 50 bytes", 0, 0},
  };
}

TEST(ReaderQuarantine, EveryReasonHasCodeMessageLineAndOffset) {
  for (const ErrorCase& c : Cases()) {
    SCOPED_TRACE(c.name);
    ReadOptions opts;
    opts.format = c.format;
    if (c.max_doc_bytes != 0) opts.max_doc_bytes = c.max_doc_bytes;
    if (c.max_input_bytes != 0) opts.max_input_bytes = c.max_input_bytes;
    CollectingSink sink;
    ReadStats stats;
    ReadBuffer("src", c.input, opts, &sink, &stats);
    ASSERT_FALSE(sink.bad.empty());
    const QuarantineItem& q = sink.bad.back();
    EXPECT_EQ(q.reason.code(), c.code) << q.reason.ToString();
    EXPECT_NE(q.reason.message().find(c.fragment), std::string::npos)
        << q.reason.message();
    EXPECT_EQ(q.source, "src");
    EXPECT_EQ(q.line, c.line);
    if (c.byte_offset >= 0) {
      EXPECT_EQ(q.byte_offset, c.byte_offset);
    }
    EXPECT_LE(q.raw.size(), opts.max_doc_bytes);
    if (c.input.size() <= opts.max_doc_bytes && c.line <= 1) {
      EXPECT_EQ(q.raw, c.input.substr(0, q.raw.size()));  // bytes kept
    }
    EXPECT_EQ(stats.documents + stats.quarantined,
              static_cast<int64_t>(sink.docs.size() + sink.bad.size()));
  }
}

TEST(ReaderQuarantine, BadJsonlLineKeepsItsBytesAndTheRestOfTheFile) {
  const std::string good1 = R"({"id":1,"date":"2020","text":"De eerste."})";
  const std::string bad = R"({"id":2,"date":"2020","text":)";
  const std::string good2 = R"({"id":3,"date":"2020","text":"De derde."})";
  CollectingSink sink;
  ReadStats stats;
  ReadBuffer("f.jsonl", good1 + "\n" + bad + "\r\n\n" + good2 + "\n",
             ReadOptions(), &sink, &stats);
  ASSERT_EQ(sink.docs.size(), 2u);
  ASSERT_EQ(sink.bad.size(), 1u);
  EXPECT_EQ(sink.order, (std::vector<std::string>{
                            "doc f.jsonl:1", "bad f.jsonl", "doc f.jsonl:4"}));
  EXPECT_EQ(sink.bad[0].raw, bad + "\r");
  EXPECT_EQ(sink.bad[0].line, 2);
  EXPECT_EQ(stats.documents, 2);
  EXPECT_EQ(stats.quarantined, 1);
}

TEST(ReaderQuarantine, OverLongDocumentKeepsOnlyTheCappedBytes) {
  ReadOptions opts;
  opts.max_doc_bytes = 32;
  CollectingSink sink;
  const std::string input = "date 2020-01\n" + Big('z', 100);
  ReadBuffer("src", input, opts, &sink, nullptr);
  ASSERT_EQ(sink.bad.size(), 1u);
  EXPECT_EQ(sink.bad[0].raw, input.substr(0, 32));
}

// The committed testdata/ingest/mixed folder (also the CLI demo input).
TEST(ReaderQuarantine, MixedDirectoryReadsGoodFilesAndQuarantinesTheRest) {
  ScratchDir dir;
  std::filesystem::copy(TestdataDir() + "/mixed", dir.path(),
                        std::filesystem::copy_options::recursive);
  // A dangling symlink: a directory entry that cannot be read.
  std::filesystem::create_symlink(dir.path() + "/nowhere",
                                  dir.path() + "/10-dangling.txt");
  CollectingSink sink;
  ReadStats stats;
  ASSERT_TRUE(ReadInputs({dir.path()}, ReadOptions(), &sink, &stats).ok());
  const std::string p = dir.path() + "/";
  EXPECT_EQ(sink.order, (std::vector<std::string>{
                            "doc " + p + "01-good-nl.txt",
                            "doc " + p + "02-good-en.jsonl:1",
                            "bad " + p + "02-good-en.jsonl",
                            "doc " + p + "02-good-en.jsonl:3",
                            "bad " + p + "03-invalid-utf8.txt",
                            "bad " + p + "04-empty.txt",
                            "bad " + p + "05-binary.dat",
                            "bad " + p + "06-bad-date.txt",
                            "bad " + p + "07-no-header.txt",
                            "bad " + p + "08-truncated.txt.gz",
                            "bad " + p + "10-dangling.txt",
                            "doc " + p + "sub/09-good-nl.txt.gz",
                        }));
  EXPECT_EQ(stats.inputs, 10);
  EXPECT_EQ(stats.documents, 4);
  EXPECT_EQ(stats.quarantined, 8);
  ASSERT_EQ(sink.bad.size(), 8u);
  const std::vector<std::pair<StatusCode, std::string>> expected = {
      {StatusCode::kInvalidArgument, "02-good-en.jsonl:2: malformed JSON"},
      {StatusCode::kInvalidArgument,
       "03-invalid-utf8.txt:2: invalid UTF-8 at byte 38"},
      {StatusCode::kInvalidArgument, "04-empty.txt: empty file"},
      {StatusCode::kInvalidArgument, "05-binary.dat: binary file"},
      {StatusCode::kInvalidArgument, "06-bad-date.txt:1: bad date"},
      {StatusCode::kInvalidArgument, "07-no-header.txt: no date"},
      {StatusCode::kDataLoss, "08-truncated.txt.gz: truncated gzip stream"},
      {StatusCode::kUnavailable, "10-dangling.txt: cannot read"},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(sink.bad[i].reason.code(), expected[i].first);
    EXPECT_NE(sink.bad[i].reason.message().find(expected[i].second),
              std::string::npos)
        << sink.bad[i].reason.message();
  }
}

}  // namespace
}  // namespace kroniek::ingest
