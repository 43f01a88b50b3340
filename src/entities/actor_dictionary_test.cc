// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/actor_dictionary.h"

#include <gtest/gtest.h>

#include "entities/internal/actor_text.h"

#include <cstdlib>
#include <string>
#include <vector>

namespace kroniek::entities {
namespace {

const char kCodes[] =
    "# code\tkind\tiso3\n"
    "ARM\tcountry\tARM\nRUS\tcountry\tRUS\nROM\tcountry\tROU\nEUR\tregion\n"
    "GOV\ttype\nMIL\ttype\nIGO\ttype\nEEC\tgroup\nPRE\tsector\n";

StatusOr<ActorDictionary> Build(const std::string& entries) {
  return BuildActorDictionary(
      "nl", {{"common/actors/codes.tsv", kCodes}, {"nl/actors/x.tsv", entries}});
}

TEST(ActorDictionary, LoadsEntriesAndFindsAliases) {
  StatusOr<ActorDictionary> d = Build(
      "# comment\n"
      "country\tARM\tARM\tArmenië|Republiek Armenië\n"
      "role\tgov\tGOV\tregering|Kamer\n"
      "people\taze\tARM\tAzeri’s\n"
      "person\tp\tRUSGOV\tJan Jansen\t2012-05\t2020\tnote\n"
      "#test\tArmenië\tARM\t2020-09\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->entries().size(), 4u);
  EXPECT_EQ(d->self_tests().size(), 1u);
  EXPECT_EQ(d->Find(AliasSpace::kName, "Republiek  Armenië").size(), 1u);
  EXPECT_EQ(d->Find(AliasSpace::kRole, "Regering").size(), 1u);  // folded
  EXPECT_TRUE(d->Find(AliasSpace::kRole, "kamer").empty());      // case kept
  EXPECT_EQ(d->Find(AliasSpace::kName, "Azeri's").size(), 1u);   // apostrophe
  EXPECT_TRUE(d->Find(AliasSpace::kAdjective, "Armenië").empty());
  const ActorEntry& p = d->entries()[3];
  EXPECT_EQ(p.valid_from_day, DaysFromCivil(2012, 5, 1));
  EXPECT_EQ(p.valid_to_day, DaysFromCivil(2020, 12, 31));
  EXPECT_EQ(p.source, "nl/actors/x.tsv:5");
  EXPECT_EQ(d->CountryOf("ROMGOV"), "ROU");
  EXPECT_EQ(d->SectorOf("ARMGOV"), "GOV");
  EXPECT_EQ(d->SectorOf("ARM"), "");
  EXPECT_TRUE(d->IsKnownCode("IGOEUREEC"));
  EXPECT_FALSE(d->IsKnownCode("GOVEUR"));  // a region only after a type
  EXPECT_FALSE(d->IsKnownCode("GOVARM"));  // a country only first
}

TEST(ActorDictionary, SameAliasSameCodeOrDisjointDatesIsFine) {
  StatusOr<ActorDictionary> d = Build(
      "country\ta\tARM\tArmenië\n"
      "country\tb\tARM\tArmenië\n"
      "person\tp\tRUSGOV\tJansen\t2010\t2012\n"
      "person\tp\tARMGOV\tJansen\t2013\t\n");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->Find(AliasSpace::kName, "Jansen").size(), 2u);
}

struct BadLine {
  const char* entries;
  const char* fragment;
};

TEST(ActorDictionary, RejectsBadLinesWithFileAndLine) {
  const BadLine kCases[] = {
      {"country\tA\tXYZ\tAtlantis\n", "x.tsv:1: unknown code 'XYZ' in 'country"},
      {"country\tA\tARMGO\tArmenië\n", "unknown code 'ARMGO'"},
      {"nation\tA\tARM\tArmenië\n", "x.tsv:1: unknown kind 'nation'"},
      {"\ncountry\tA\tARM\tArmenië||Armenia\n", "x.tsv:2: empty alias"},
      {"country\tA\tARM\t\n", "empty alias"},
      {"person\tp\tRUSGOV\tJansen\t2020-13\t\n", "bad valid_from date '2020-13'"},
      {"person\tp\tRUSGOV\tJansen\t\t2020-02-30\n", "bad valid_to date"},
      {"person\tp\tRUSGOV\tJansen\t2021\t2020\n", "valid_to before valid_from"},
      {"country\tA\tARM\tArmenië\ncountry\tB\tRUS\tArmenië\n",
       "x.tsv:2: conflicting duplicate alias 'Armenië' (RUS here, ARM at nl/actors/x.tsv:1)"},
      {"person\tp\tRUSGOV\tJansen\t2010\t2015\nperson\tq\tARMGOV\tJansen\t2015-06\t\n",
       "x.tsv:2: conflicting duplicate alias 'Jansen'"},
      {"role\tr\tARMGOV\tregering\n", "role code must be one sector"},
      {"country\tA\tARM\n", "expected 4 to 7 tab-separated fields, got 3"},
      {"\tA\tARM\tArmenië\n", "unknown kind ''"},
      {"country\t\tARM\tArmenië\n", "empty id"},
      {"country\tA\tARM\tArm\xff\n", "x.tsv:1: invalid UTF-8"},
      {"#test\tArmenië\n", "malformed self-test"},
      {"#test\tArmenië\tQQQ\n", "unknown code 'QQQ'"},
      {"#test\tArmenië\tARM\t2020-99\n", "bad self-test date"},
  };
  for (const BadLine& c : kCases) {
    StatusOr<ActorDictionary> d = Build(c.entries);
    ASSERT_FALSE(d.ok()) << c.entries;
    EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(d.status().message().find(c.fragment), std::string::npos)
        << "want '" << c.fragment << "' in: " << d.status().message();
  }
}

TEST(ActorDictionary, ListsEveryBadLine) {
  StatusOr<ActorDictionary> d =
      Build("country\tA\tXYZ\tA\ncountry\tB\tARM\tB\ncountry\tC\tQQQ\tC\n");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("x.tsv:1:"), std::string::npos);
  EXPECT_NE(d.status().message().find("\nnl/actors/x.tsv:3:"), std::string::npos);
  EXPECT_EQ(d.status().message().find("x.tsv:2:"), std::string::npos);
}

TEST(ActorDictionary, BadCodeTableLine) {
  StatusOr<ActorDictionary> d = BuildActorDictionary(
      "nl", {{"common/actors/codes.tsv", "ARMX\tcountry\n"}});
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("codes.tsv:1: code must be 3 upper-case letters"),
            std::string::npos);
}

TEST(ActorDictionary, MissingFolderIsNotFound) {
  StatusOr<ActorDictionary> d = LoadActorDictionary("/nonexistent-kroniek", "nl");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kNotFound);
}

TEST(ActorDictionary, ShippedDictionariesLoad) {
  const char* res = std::getenv("KRONIEK_RESOURCES");
  const std::string dir = res ? res : KRONIEK_SOURCE_DIR "/src/lang";
  for (const char* lang : {"nl", "en"}) {
    StatusOr<ActorDictionary> d = LoadActorDictionary(dir, lang);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    EXPECT_GT(d->entries().size(), 500u) << lang;
  }
  EXPECT_EQ(ActorLanguages(dir), (std::vector<std::string>{"en", "nl"}));
}

// The matcher stops its n-gram walk when IsAliasPrefix says no: it must say
// yes for every prefix of every alias (else an alias is never reached), and
// no for text no alias starts with (else nothing is gained).
TEST(ActorDictionary, AliasPrefixesOfTheShippedDictionary) {
  const char* res = std::getenv("KRONIEK_RESOURCES");
  const std::string dir = res ? res : KRONIEK_SOURCE_DIR "/src/lang";
  StatusOr<ActorDictionary> d = LoadActorDictionary(dir, "nl");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  size_t checked = 0, rejected = 0, strangers = 0;
  for (const ActorEntry& e : d->entries()) {
    for (const std::string& alias : e.aliases) {
      const std::string folded = internal::FoldKey(alias);
      for (size_t i = 1; i <= folded.size(); ++i) {
        if (i < folded.size() && (static_cast<unsigned char>(folded[i]) & 0xC0) == 0x80) continue;
        ASSERT_TRUE(d->IsAliasPrefix(folded.substr(0, i))) << folded.substr(0, i);
        ++checked;
      }
      // Not a prefix of anything (unless some alias really goes on so).
      ++strangers;
      if (!d->IsAliasPrefix(folded + " qqzx")) ++rejected;
    }
  }
  EXPECT_GT(checked, 10000u);
  EXPECT_EQ(rejected, strangers);
  EXPECT_FALSE(d->IsAliasPrefix("qqzx"));
  EXPECT_TRUE(d->IsAliasPrefix(""));  // every alias starts with the empty string
}

}  // namespace
}  // namespace kroniek::entities
