// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "ingest/reader.h"

#include <filesystem>
#include <string>
#include <vector>

#include "base/resources.h"
#include "gtest/gtest.h"
#include "ingest/internal/gzip.h"
#include "ingest/reader_test_util.h"

namespace kroniek::ingest {
namespace {

using testing::CollectingSink;
using testing::ScratchDir;
using testing::TestdataDir;

bool IsHexId(const std::string& id) {
  return id.size() == 32 &&
         id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// The usage example of reader.h, compiled so it cannot rot.
TEST(Reader, HeaderExampleWorks) {
  class Collect : public kroniek::ingest::DocumentSink {
   public:
    void OnDocument(kroniek::Document doc) override { docs.push_back(doc); }
    void OnQuarantine(kroniek::QuarantineItem q) override { bad.push_back(q); }
    std::vector<kroniek::Document> docs;
    std::vector<kroniek::QuarantineItem> bad;
  };
  kroniek::ingest::ReadOptions opts;
  Collect sink;
  kroniek::ingest::ReadStats stats;
  kroniek::Status s = kroniek::ingest::ReadInputs({TestdataDir() + "/mixed"},
                                                  opts, &sink, &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(stats.documents, static_cast<int64_t>(sink.docs.size()));
  EXPECT_EQ(stats.quarantined, static_cast<int64_t>(sink.bad.size()));
}

TEST(Reader, DatedTextKeepsMonthPrecisionAndOffsets) {
  const std::string path = TestdataDir() + "/nl-dated.txt";
  CollectingSink sink;
  ReadStats stats;
  ASSERT_TRUE(ReadInputs({path}, ReadOptions(), &sink, &stats).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_TRUE(sink.bad.empty());
  const Document& d = sink.docs[0];
  std::string file;
  ASSERT_TRUE(base::ReadFileToString(path, &file));
  EXPECT_EQ(d.raw, file);  // raw is the whole file: offsets point into it
  EXPECT_EQ(d.body_begin, std::string("date 2023-04\n").size());
  EXPECT_EQ(d.body().substr(0, 15), "De gemeenteraad");
  EXPECT_EQ(d.date.precision, DatePrecision::kMonth);
  EXPECT_EQ(d.date.ToString(), "2023-04");
  EXPECT_EQ(d.format, "dated-text");
  EXPECT_EQ(d.source, path);
  EXPECT_EQ(d.lang, "nl");
  EXPECT_TRUE(d.lang_detected);
  EXPECT_TRUE(IsHexId(d.id));
  EXPECT_TRUE(d.external_id.empty());
  EXPECT_EQ(stats.inputs, 1);
  EXPECT_EQ(stats.bytes, static_cast<int64_t>(file.size()));

  CollectingSink again;  // the same file gives the same id
  ASSERT_TRUE(ReadInputs({path}, ReadOptions(), &again, nullptr).ok());
  ASSERT_EQ(again.docs.size(), 1u);
  EXPECT_EQ(again.docs[0].id, d.id);
}

TEST(Reader, SharedSeedArticleIsDatedTextOfMonthPrecision) {
  const std::string path =
      KRONIEK_SOURCE_DIR "/../shared/data/seed/seed-article.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "shared seed article absent: " << path;
  }
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({path}, ReadOptions(), &sink, nullptr).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.format, "dated-text");
  EXPECT_EQ(d.date.precision, DatePrecision::kMonth);
  EXPECT_EQ(d.raw.substr(d.body_begin - 8, 8), "2020-09 ");
  EXPECT_NE(d.raw[d.body_begin], ' ');
  EXPECT_EQ(d.lang, "nl");
}

TEST(Reader, DatedTextWithLeadingSpaceAndArticleOnDateLine) {
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({TestdataDir() + "/en-dated-day.txt"}, ReadOptions(),
                         &sink, nullptr)
                  .ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.body_begin, std::string("\n  date 2022-11-05   ").size());
  EXPECT_EQ(d.body().substr(0, 18), "The port authority");
  EXPECT_EQ(d.date.precision, DatePrecision::kDay);
  EXPECT_EQ(d.date.ToString(), "2022-11-05");
  EXPECT_EQ(d.lang, "en");
}

TEST(Reader, JsonlReadsFieldsSkipsBlankLinesAndNumbersSources) {
  const std::string path = TestdataDir() + "/articles.jsonl";
  CollectingSink sink;
  ReadStats stats;
  ASSERT_TRUE(ReadInputs({path}, ReadOptions(), &sink, &stats).ok());
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_TRUE(sink.bad.empty());
  EXPECT_EQ(stats.documents, 2);  // the blank line is not a unit

  const Document& a = sink.docs[0];
  EXPECT_EQ(a.source, path + ":1");
  EXPECT_EQ(a.external_id, "a-1");
  EXPECT_EQ(a.format, "jsonl");
  EXPECT_EQ(a.body_begin, 0u);
  EXPECT_EQ(a.raw.substr(0, 18), "Honderden boeren h");
  EXPECT_EQ(a.date.ToString(), "2021-06-14");
  EXPECT_EQ(a.title, "Boeren blokkeren snelweg");
  EXPECT_EQ(a.url, "https://example.org/a-1");
  EXPECT_EQ(a.outlet, "Voorbeeldkrant");
  EXPECT_EQ(a.lang, "nl");
  EXPECT_TRUE(a.lang_detected);

  const Document& b = sink.docs[1];
  EXPECT_EQ(b.source, path + ":3");
  EXPECT_EQ(b.external_id, "42");  // numeric ids become their decimal text
  EXPECT_EQ(b.date.precision, DatePrecision::kMonth);
  EXPECT_EQ(b.lang, "en");
  EXPECT_FALSE(b.lang_detected);  // given by the line
  EXPECT_NE(a.id, b.id);
}

TEST(Reader, IdUsesJsonlSourceFieldElseInputPath) {
  const std::string with_source =
      R"({"id":1,"date":"2020","source":"Krant","text":"Een  tekst.\n"})";
  const std::string without = R"({"id":1,"date":"2020","text":"Een tekst."})";
  CollectingSink sink;
  ReadBuffer("a.jsonl", with_source, ReadOptions(), &sink, nullptr);
  ReadBuffer("b.jsonl", with_source, ReadOptions(), &sink, nullptr);
  ReadBuffer("a.jsonl", without, ReadOptions(), &sink, nullptr);
  ReadBuffer("b.jsonl", without, ReadOptions(), &sink, nullptr);
  ReadBuffer("a.jsonl", without, ReadOptions(), &sink, nullptr);
  ASSERT_EQ(sink.docs.size(), 5u);
  EXPECT_EQ(sink.docs[0].id, sink.docs[1].id);  // same outlet, other file
  EXPECT_NE(sink.docs[2].id, sink.docs[3].id);  // keyed by path
  EXPECT_EQ(sink.docs[2].id, sink.docs[4].id);  // re-read: same id
  EXPECT_NE(sink.docs[0].id, sink.docs[2].id);
}

TEST(Reader, IdIgnoresWhiteSpaceLayoutAndUnicodeComposition) {
  CollectingSink sink;
  ReadOptions opts;
  opts.date = PartialDate{2020, 1, 0, DatePrecision::kMonth};
  ReadBuffer("x", "Caf\xC3\xA9 in   brand.\n", opts, &sink, nullptr);  // é
  ReadBuffer("x", "  Cafe\xCC\x81 in\n\nbrand.", opts, &sink, nullptr);  // e+◌́
  ReadBuffer("x", "Cafe in brand.", opts, &sink, nullptr);
  ASSERT_EQ(sink.docs.size(), 3u);
  EXPECT_EQ(sink.docs[0].id, sink.docs[1].id);
  EXPECT_NE(sink.docs[0].id, sink.docs[2].id);
  EXPECT_NE(sink.docs[0].raw, sink.docs[1].raw);  // raw is never rewritten
}

TEST(Reader, PlainTextTakesDateFromOptions) {
  ReadOptions opts;
  opts.date = PartialDate{2019, 3, 0, DatePrecision::kMonth};
  opts.lang = "nl";
  CollectingSink sink;
  ASSERT_TRUE(
      ReadInputs({TestdataDir() + "/plain.txt"}, opts, &sink, nullptr).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].format, "txt");
  EXPECT_EQ(sink.docs[0].body_begin, 0u);
  EXPECT_EQ(sink.docs[0].date, *opts.date);
  EXPECT_EQ(sink.docs[0].lang, "nl");
  EXPECT_FALSE(sink.docs[0].lang_detected);
}

TEST(Reader, ForcedFormatOverridesDetection) {
  ReadOptions opts;
  opts.format = "txt";
  opts.date = PartialDate{2018, 0, 0, DatePrecision::kYear};
  CollectingSink sink;
  ReadBuffer("f", "date 2020-01-01\nTekst.", opts, &sink, nullptr);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].format, "txt");
  EXPECT_EQ(sink.docs[0].date.ToString(), "2018");
  EXPECT_EQ(sink.docs[0].body(), "date 2020-01-01\nTekst.");
}

TEST(Reader, GzipDecodesToTheSameDocumentsAsPlainBytes) {
  const std::string text =
      "date 2024-05-07\nDe gemeente opent een nieuw centrum voor de wijk.\n";
  CollectingSink plain, zipped;
  ReadStats zstats;
  ReadBuffer("doc", text, ReadOptions(), &plain, nullptr);
  const std::string gz = internal::Gzip(text);
  ReadBuffer("doc", gz, ReadOptions(), &zipped, &zstats);
  ASSERT_EQ(zipped.docs.size(), 1u);
  EXPECT_EQ(zipped.docs[0].raw, text);  // raw is the decompressed file
  EXPECT_EQ(zipped.docs[0].body_begin, plain.docs[0].body_begin);
  EXPECT_EQ(zipped.docs[0].id, plain.docs[0].id);
  EXPECT_EQ(zstats.bytes, static_cast<int64_t>(gz.size()));

  // Multi-member gzip (cat a.gz b.gz) decodes as the concatenation.
  CollectingSink multi;
  ReadBuffer(
      "doc",
      internal::Gzip(text.substr(0, 20)) + internal::Gzip(text.substr(20)),
      ReadOptions(), &multi, nullptr);
  ASSERT_EQ(multi.docs.size(), 1u);
  EXPECT_EQ(multi.docs[0].raw, text);
}

TEST(Reader, GzipFileOnDiskIsDetectedByMagicBytes) {
  ScratchDir dir;
  const std::string path = dir.Write(
      "feed.jsonl.bin",
      internal::Gzip(R"({"id":"x","date":"2020-05","text":"The army said so."})"
                     "\n"));
  CollectingSink sink;
  ASSERT_TRUE(ReadInputs({path}, ReadOptions(), &sink, nullptr).ok());
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].source, path + ":1");
  EXPECT_EQ(sink.docs[0].raw, "The army said so.");
}

TEST(Reader, DirectoriesRecurseInSortedOrder) {
  ScratchDir dir;
  const std::string doc = "date 2020-01\nTekst van het bericht.\n";
  for (const char* rel :
       {"c.txt", "a/z.txt", "b.txt", "a/c.txt", "B.txt", "a/b/y.txt"}) {
    dir.Write(rel, doc);
  }
  CollectingSink sink;
  ReadStats stats;
  ASSERT_TRUE(ReadInputs({dir.path()}, ReadOptions(), &sink, &stats).ok());
  const std::string p = dir.path();
  EXPECT_EQ(sink.order, (std::vector<std::string>{
                            "doc " + p + "/B.txt", "doc " + p + "/a/b/y.txt",
                            "doc " + p + "/a/c.txt", "doc " + p + "/a/z.txt",
                            "doc " + p + "/b.txt", "doc " + p + "/c.txt"}));
  EXPECT_EQ(stats.inputs, 6);
}

TEST(Reader, BufferNamedDashReadsLikeStdin) {
  CollectingSink sink;
  ReadStats stats;
  ReadBuffer("-", "date 2021-09-01\nThe talks will resume on Monday.",
             ReadOptions(), &sink, &stats);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].source, "-");
  EXPECT_EQ(sink.docs[0].body(), "The talks will resume on Monday.");
  EXPECT_EQ(stats.inputs, 1);
}

TEST(Reader, NamedNonRegularFileIsReadLikeAFile) {
  // /dev/null stands in for a FIFO or /dev/fd/N from process substitution.
  CollectingSink sink;
  ReadStats stats;
  ASSERT_TRUE(ReadInputs({"/dev/null"}, ReadOptions(), &sink, &stats).ok());
  ASSERT_EQ(sink.bad.size(), 1u);
  EXPECT_EQ(sink.bad[0].reason.message(), "/dev/null: empty file");
  EXPECT_EQ(stats.inputs, 1);
}

TEST(Reader, RunLevelErrorsReportNothing) {
  struct Case {
    std::vector<std::string> inputs;
    std::string format;
    StatusCode code;
    std::string fragment;
  };
  const std::string good = TestdataDir() + "/nl-dated.txt";
  const std::vector<Case> cases = {
      {{good, "/nonexistent/kroniek.txt"},
       "auto",
       StatusCode::kNotFound,
       "input '/nonexistent/kroniek.txt' does not exist"},
      {{good}, "xml", StatusCode::kInvalidArgument, "unknown format 'xml'"},
  };
  for (const Case& c : cases) {
    ReadOptions opts;
    opts.format = c.format;
    CollectingSink sink;
    Status s = ReadInputs(c.inputs, opts, &sink, nullptr);
    EXPECT_EQ(s.code(), c.code) << s.ToString();
    EXPECT_NE(s.message().find(c.fragment), std::string::npos) << s.ToString();
    EXPECT_TRUE(sink.order.empty());  // checked before anything is read
  }
}

}  // namespace
}  // namespace kroniek::ingest
