// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/gazetteer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "base/hash.h"
#include "entities/internal/geo_format.h"
#include "entities/internal/geo_mo.h"
#include "entities/internal/geo_test_util.h"

namespace kroniek::entities {
namespace {

using internal::MakeMo;
using internal::MiniSources;
using internal::ScratchDir;
using internal::WriteFile;

TEST(FoldPlaceName, FoldsCaseDiacriticsAndDashes) {
  const std::pair<const char*, const char*> cases[] = {
      {"Nagorno-Karabach", "nagorno karabach"},
      {"  Nagorno – Karabách ", "nagorno karabach"},
      {"Armenië", "armenie"},
      {"Zürich", "zurich"},
      {"Łódź", "lodz"},
      {"Straße", "strasse"},
      {"İstanbul", "istanbul"},
      {"’s-Hertogenbosch", "'s hertogenbosch"},
      {"St. Petersburg", "st petersburg"},
      {"Ts’khinvali", "ts'khinvali"},
      {"Caïro", "cairo"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(FoldPlaceName(in), want) << in;
  }
}

TEST(ParseMo, ReadsPairsAndSkipsHeader) {
  auto pairs = internal::ParseMo(
      MakeMo({{"616052", "Jerevan"}, {"AM", "Armenië"}}), "t.mo");
  ASSERT_TRUE(pairs.ok()) << pairs.status().ToString();
  ASSERT_EQ(pairs->size(), 2u);
  EXPECT_EQ((*pairs)[0].first, "616052");
  EXPECT_EQ((*pairs)[0].second, "Jerevan");
  EXPECT_EQ((*pairs)[1].second, "Armenië");
}

TEST(ParseMo, RejectsCorruptCatalogues) {
  const std::string good = MakeMo({{"1", "Een"}});
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  std::string bad_offset = good;
  const uint32_t far = 1u << 30;
  std::memcpy(bad_offset.data() + 28 + 8 + 4, &far, 4);  // entry 1 offset
  const struct {
    std::string bytes;
    const char* fragment;
  } cases[] = {
      {good.substr(0, 10), "offset 10: truncated .mo header"},
      {bad_magic, "bad magic"},
      {good.substr(0, 40), "runs past end"},
      {bad_offset, "string 1"},
  };
  for (const auto& c : cases) {
    auto r = internal::ParseMo(c.bytes, "t.mo");
    ASSERT_FALSE(r.ok()) << c.fragment;
    EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find("t.mo"), std::string::npos);
  }
}

class MiniGazetteer : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ScratchDir() + "/mini.bin";
    auto st = BuildGazetteerFile(MiniSources(), path_);
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    stats_ = *st;
  }
  std::string path_;
  GazetteerStats stats_;
};

TEST_F(MiniGazetteer, MmapRoundTrip) {
  auto g = Gazetteer::Open(path_);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->file_bytes(), std::filesystem::file_size(path_));
  EXPECT_EQ(g->place_count(), stats_.places);
  // 13 cities + 11 countries with a point (2 from countries.tsv, 9 from
  // their largest place... all 11 have places) + 2 regions.
  EXPECT_EQ(stats_.regions, 2u);
  EXPECT_EQ(stats_.countries, 11u);
  EXPECT_EQ(stats_.places, 13u + 11u + 2u);
  EXPECT_NE(g->attribution().find("CC BY 4.0"), std::string_view::npos);

  auto c = g->Lookup("jerevan");
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].match, MatchKind::kDutch);  // from the .mo, beats alternate
  PlaceRecord p = g->place(c[0].place);
  EXPECT_EQ(p.geonames_id, 9000001);
  EXPECT_EQ(p.name, "Yerevan");
  EXPECT_EQ(p.nl_name, "Jerevan");
  EXPECT_EQ(p.country_iso3, "ARM");
  EXPECT_EQ(p.feature_class, 'P');
  EXPECT_EQ(p.feature_code, "PPLC");
  EXPECT_DOUBLE_EQ(p.lat, 40.18);
  EXPECT_EQ(p.population, 1000000u);

  auto gy = g->Lookup("gjoemri");  // nl_exonyms.tsv
  ASSERT_EQ(gy.size(), 1u);
  EXPECT_EQ(g->place(gy[0].place).admin1_name, "Sjirak");  // AM.07 in .mo

  auto arm = g->Lookup("armenie");
  ASSERT_FALSE(arm.empty());
  PlaceRecord a = g->place(arm[0].place);
  EXPECT_EQ(a.kind, PlaceKind::kCountry);
  EXPECT_EQ(a.region_id, "country:ARM");
  EXPECT_DOUBLE_EQ(a.lat, 40.2);      // countries.tsv, not the capital
  EXPECT_EQ(a.population, 1150000u);  // sum of its places

  auto nk = g->Lookup("nagorno karabach");
  ASSERT_EQ(nk.size(), 1u);
  EXPECT_EQ(g->place(nk[0].place).kind, PlaceKind::kRegion);
  EXPECT_EQ(g->place(nk[0].place).radius_km, 60u);

  // Postings are ordered by population within a kind.
  auto sp = g->Lookup("springfield");
  ASSERT_EQ(sp.size(), 2u);
  EXPECT_EQ(g->place(sp[0].place).country_iso3, "USA");

  EXPECT_TRUE(g->Lookup("atlantis").empty());
  EXPECT_TRUE(g->Lookup("mow").empty());  // codes are not indexed
  EXPECT_TRUE(g->HasLongerKey("den"));
  EXPECT_FALSE(g->HasLongerKey("springfield"));
  EXPECT_TRUE(g->IsStopWord("zo"));
  EXPECT_FALSE(g->IsStopWord("gyumri"));
}

TEST_F(MiniGazetteer, BuildIsDeterministic) {
  auto a = BuildGazetteer(MiniSources());
  auto b = BuildGazetteer(MiniSources());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST_F(MiniGazetteer, CorruptFilesAreDataLossWithOffset) {
  auto good = BuildGazetteer(MiniSources());
  ASSERT_TRUE(good.ok());
  const std::string& g = *good;
  auto with = [&](size_t at, char c) {
    std::string s = g;
    s[at] = c;
    return s;
  };
  std::string bad_version = g;
  const uint32_t v = 99;
  std::memcpy(bad_version.data() + offsetof(internal::FileHeader, version), &v,
              4);
  const struct {
    std::string bytes;
    const char* fragment;
  } cases[] = {
      {"", "offset 0: truncated header"},
      {g.substr(0, 100), "offset 100: truncated header"},
      {with(0, 'X'), "bad magic"},
      {bad_version, "unsupported version 99"},
      {g.substr(0, g.size() - 8), "header says"},
      {g + std::string(8, '\0'), "header says"},
      {with(g.size() - 3, 'Q'), "checksum mismatch"},
      {with(200, static_cast<char>(g[200] ^ 1)), "offset 128: checksum"},
  };
  for (const auto& c : cases) {
    auto r = Gazetteer::FromBytes(c.bytes, "gaz.bin");
    ASSERT_FALSE(r.ok()) << c.fragment;
    EXPECT_EQ(r.status().code(), StatusCode::kDataLoss) << c.fragment;
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find("gaz.bin"), std::string::npos);
  }
  const std::string truncated = ScratchDir() + "/truncated.bin";
  WriteFile(truncated, g.substr(0, g.size() / 2));
  auto r = Gazetteer::Open(truncated);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  auto missing = Gazetteer::Open(ScratchDir() + "/nope.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST_F(MiniGazetteer, ReadsVersionOneFilesWithTheirFnvChecksum) {
  auto good = BuildGazetteer(MiniSources());
  ASSERT_TRUE(good.ok());
  std::string v1 = *good;
  internal::FileHeader h;
  std::memcpy(&h, v1.data(), sizeof h);
  h.version = internal::kGeoVersionFnv;
  // A version-2 checksum under a version-1 header is a mismatch...
  std::memcpy(v1.data(), &h, sizeof h);
  EXPECT_FALSE(Gazetteer::FromBytes(v1, "v1.bin").ok());
  // ...and the FNV-1a checksum that version 1 wrote is accepted.
  h.checksum = base::Fnv1a64(std::string_view(v1).substr(sizeof h));
  std::memcpy(v1.data(), &h, sizeof h);
  auto r = Gazetteer::FromBytes(v1, "v1.bin");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

TEST(BuildGazetteer, RejectsBadSources) {
  const std::string dir = ScratchDir() + "/bad";
  std::filesystem::create_directories(dir + "/geo");
  WriteFile(dir + "/cities_ok.txt",
            "1\tA\tA\t\t1.0\t2.0\tP\tPPL\tAM\t\t01\t\t\t\t10\t\t\tX\t2020\n");
  WriteFile(
      dir + "/cities_bad.txt",
      "1\tA\tA\t\t1.0\t2.0\tP\tPPL\tAM\t\t01\t\t\t\t10\t\t\tX\t2020\n"
      "\n2\tB\tB\t\tnorth\t2.0\tP\tPPL\tAM\t\t01\t\t\t\t10\t\t\tX\t2020\n");
  const struct {
    const char* cities;
    const char* geo_file;
    const char* geo_text;
    StatusCode code;
    const char* fragment;
  } cases[] = {
      {"missing.txt", nullptr, nullptr, StatusCode::kNotFound, "missing.txt"},
      {"cities_bad.txt", nullptr, nullptr, StatusCode::kInvalidArgument,
       "cities_bad.txt:3: malformed GeoNames record"},
      {"cities_ok.txt", "nl_exonyms.tsv", "Nergens\t424242\n",
       StatusCode::kInvalidArgument,
       "nl_exonyms.tsv:1: exonym 'Nergens': geonames id 424242 is not in"},
      {"cities_ok.txt", "nl_exonyms.tsv", "Nergens\tatlantis\n",
       StatusCode::kInvalidArgument, "unknown target 'atlantis'"},
      {"cities_ok.txt", "regions.tsv", "# c\nx\tL\tRGN\t-\t99\t0\t5\tX\tX\n",
       StatusCode::kInvalidArgument, "regions.tsv:2: bad class/iso3/lat/lon"},
      {"cities_ok.txt", "regions.tsv", "x\tL\tRGN\n",
       StatusCode::kInvalidArgument, "regions.tsv:1: expected 10"},
      {"cities_ok.txt", "countries.tsv", "ARM\t40\n",
       StatusCode::kInvalidArgument, "countries.tsv:1: expected ISO3"},
  };
  for (const auto& c : cases) {
    std::filesystem::remove_all(dir + "/geo");
    std::filesystem::create_directories(dir + "/geo");
    if (c.geo_file) WriteFile(dir + "/geo/" + c.geo_file, c.geo_text);
    GazetteerSources s;
    s.cities500 = dir + "/" + c.cities;
    s.geo_dir = dir + "/geo";
    auto r = BuildGazetteer(s);
    ASSERT_FALSE(r.ok()) << c.fragment;
    EXPECT_EQ(r.status().code(), c.code) << r.status().ToString();
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << r.status().message();
  }
}

}  // namespace
}  // namespace kroniek::entities
