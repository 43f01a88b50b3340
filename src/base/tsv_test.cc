// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/tsv.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace kroniek::base {
namespace {

using Fields = std::vector<std::string>;

TEST(Tsv, SplitFieldsKeepsEmptyParts) {
  EXPECT_EQ(SplitFields("a\tb", '\t'), (Fields{"a", "b"}));
  EXPECT_EQ(SplitFields("a\t\tb\t", '\t'), (Fields{"a", "", "b", ""}));
  EXPECT_EQ(SplitFields("", '|'), (Fields{""}));
  EXPECT_EQ(SplitFields("x|y", '\t'), (Fields{"x|y"}));
}

TEST(Tsv, SkipsBlankAndCommentLinesKeepingLineNumbers) {
  std::vector<TsvLine> lines =
      TsvLines("t.tsv", "# header\na\tb\n\n  # not a comment\r\nc\t\n#x\td\nlast");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].number, 2);
  EXPECT_EQ(lines[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(lines[1].number, 4);  // only a '#' in the first column comments
  EXPECT_EQ(lines[1].text, "  # not a comment");
  EXPECT_EQ(lines[2].number, 5);
  EXPECT_EQ(lines[2].fields, (Fields{"c", ""}));
  EXPECT_EQ(lines[3].number, 7);  // no final line break
  EXPECT_EQ(lines[3].text, "last");
  EXPECT_TRUE(TsvLines("t.tsv", "").empty());
  EXPECT_TRUE(TsvLines("t.tsv", "\n\r\n#\n").empty());
}

TEST(Tsv, KeepsCarriageReturnsWhenAsked) {
  TsvOptions keep;
  keep.strip_cr = false;
  std::vector<TsvLine> lines = TsvLines("t.tsv", "a\tb\r\n\r\n", keep);
  ASSERT_EQ(lines.size(), 2u);  // a lone "\r" is not blank then
  EXPECT_EQ(lines[0].fields, (Fields{"a", "b\r"}));
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[1].text, "\r");
}

TEST(Tsv, ErrorNamesFileLineAndSnippet) {
  std::vector<TsvLine> lines = TsvLines("dir/t.tsv", "\nab\x01" "cd\n");
  ASSERT_EQ(lines.size(), 1u);
  Status s = lines[0].Error("bad thing");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "dir/t.tsv:2: bad thing in 'ab\\x01cd'");

  // The quote is cut at snippet_bytes (40 unless told).
  const std::string long_line(70, 'x');
  EXPECT_EQ(TsvLines("t", long_line)[0].Error("w").message(),
            "t:1: w in '" + std::string(40, 'x') + "\xE2\x80\xA6'");
  TsvOptions wide;
  wide.snippet_bytes = 60;
  EXPECT_EQ(TsvLines("t", long_line, wide)[0].Error("w").message(),
            "t:1: w in '" + std::string(60, 'x') + "\xE2\x80\xA6'");
}

TEST(Tsv, ReadTsvFileReadsOrSaysNotFound) {
  auto missing = ReadTsvFile("/nonexistent/kroniek/t.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "cannot read /nonexistent/kroniek/t.tsv");

  const std::string path = testing::TempDir() + "kroniek_tsv_test.tsv";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("# c\nk\tv\n", f);
  std::fclose(f);
  auto lines = ReadTsvFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_EQ((*lines)[0].file, path);
  EXPECT_EQ((*lines)[0].number, 2);
  EXPECT_EQ((*lines)[0].fields, (Fields{"k", "v"}));
}

}  // namespace
}  // namespace kroniek::base
