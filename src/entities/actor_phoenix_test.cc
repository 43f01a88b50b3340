// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/actor_phoenix.h"

#include <gtest/gtest.h>

#include <string>

namespace kroniek::entities {
namespace {

TEST(ActorPhoenix, ConvertsFixtureDirectory) {
  PhoenixImportStats stats;
  StatusOr<std::string> tsv =
      ImportPhoenixDirectory(KRONIEK_SOURCE_DIR "/testdata/actors/phoenix", &stats);
  ASSERT_TRUE(tsv.ok()) << tsv.status().ToString();
  EXPECT_EQ(stats.files, 2);
  const std::string kWant[] = {
      "country\tatlantis\tATL\tAtlantis|Republic Of Atlantis\t\t\t",
      "person\tjohn_example\tATLELI\tJohn Example|Example\t\t2015-01-01\t",
      "person\tjohn_example\tATLGOV\tJohn Example|Example\t2015-01-01\t\t",
      "person\tmary_sample\tATLGOV\tMary Sample\t2010-03-01\t2012-12-31\t",
      "org\tworld_example_organization\tIGOWEO\tWorld Example Organization\t\t\t",
      "role\tpresident\tGOV\tpresident|presidents|head of state\t\t\t",
      "role\tsoldier\tMIL\tsoldier\t\t\t",
  };
  for (const std::string& line : kWant) {
    EXPECT_NE(tsv->find(line), std::string::npos) << "missing: " << line << "\nin:\n" << *tsv;
  }
  EXPECT_EQ(stats.entries, 7);
  EXPECT_EQ(tsv->find("comment block"), std::string::npos);
}

struct BadPhoenix {
  const char* content;
  const char* fragment;
};

TEST(ActorPhoenix, RejectsMalformedLines) {
  const BadPhoenix kCases[] = {
      {"+ORPHAN_\n", "f.txt:1: synonym before any entry"},
      {"A_ [ABC\n", "f.txt:1: malformed [code]"},
      {"A_\n\t[ABC >1999]\n", "f.txt:2: malformed [code date]"},
      {"A_\n\t[ABC 990101-991301]\n", "malformed [code date]"},
      {"A_ {B_ [~GOV]\n", "unclosed {plural}"},
      {"A B_ [ABC]\n", "entry name must be one WORD_WORD_ token"},
      {"\t[ABC]\n", "date restriction before any entry"},
  };
  for (const BadPhoenix& c : kCases) {
    std::string out = "keep";
    Status s = ConvertPhoenixDictionary("f.txt", c.content, false, &out, nullptr);
    ASSERT_FALSE(s.ok()) << c.content;
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.message().find(c.fragment), std::string::npos) << s.message();
    EXPECT_EQ(out, "keep");
  }
}

TEST(ActorPhoenix, MissingDirectoryIsNotFound) {
  PhoenixImportStats stats;
  EXPECT_EQ(ImportPhoenixDirectory("/nonexistent-kroniek", &stats).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace kroniek::entities
