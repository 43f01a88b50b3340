// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/geocoder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>
#include <sstream>
#include <thread>

#include "base/resources.h"
#include "entities/internal/geo_test_util.h"
#include "text/tokenizer.h"

namespace kroniek::entities {
namespace {

using internal::MiniSources;
using internal::ScratchDir;

struct Tokenized {
  std::string raw;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

Tokenized Tokenize(std::string raw) {
  static const text::Tokenizer* tokenizer = [] {
    auto rules = text::LoadTokenizerRules(base::ResourceDir(), "nl");
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    return new text::Tokenizer(rules.ok() ? *std::move(rules)
                                          : text::TokenizerRules{});
  }();
  Tokenized t;
  t.raw = std::move(raw);
  tokenizer->Tokenize(t.raw, 0, static_cast<uint32_t>(t.raw.size()), &t.tokens);
  tokenizer->SplitSentences(t.raw, t.tokens, &t.sentences);
  return t;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double a = std::pow(std::sin((lat2 - lat1) * kRad / 2), 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                       std::pow(std::sin((lon2 - lon1) * kRad / 2), 2);
  return 6371.0 * 2 * std::asin(std::sqrt(a));
}

class MiniGeocoder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto bytes = BuildGazetteer(MiniSources());
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    auto g = Gazetteer::FromBytes(*std::move(bytes));
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    geo_ = new Geocoder(*std::move(g));
  }
  static void TearDownTestSuite() {
    delete geo_;
    geo_ = nullptr;
  }
  static int64_t Id(std::string_view name, const PlaceContext& ctx = {}) {
    auto p = geo_->Resolve(name, ctx);
    return p ? p->geonames_id : -1;
  }
  static Geocoder* geo_;
};
Geocoder* MiniGeocoder::geo_ = nullptr;

// The usage example of geocoder.h, kept compiling here.
TEST_F(MiniGeocoder, HeaderExample) {
  PlaceContext ctx;
  ctx.doc_countries = {"ARM"};
  std::optional<ResolvedPlace> p = geo_->Resolve("Gjoemri", ctx);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->geonames_id, 9000002);
  EXPECT_EQ(p->country_iso3, "ARM");
  EXPECT_EQ(p->precision, "city");
  EXPECT_NE(p->decided_by.find("doc country ARM"), std::string::npos);
}

TEST_F(MiniGeocoder, StopListAndCapitalisationGate) {
  EXPECT_EQ(Id("Zo"), -1);  // a village in the fixture, but a Dutch word
  PlaceContext ner;
  ner.ner_loc = true;
  EXPECT_EQ(Id("Zo", ner), 9000007);
  PlaceContext lower;
  lower.capitalised = false;
  EXPECT_EQ(Id("Yerevan", lower), -1);
  EXPECT_EQ(Id("Atlantis"), -1);
}

TEST_F(MiniGeocoder, PopulationPrior) {
  EXPECT_EQ(Id("Springfield"), 9000003);  // 110000 beats 3000
  EXPECT_EQ(Id("Moscow"), 9000011);
}

TEST_F(MiniGeocoder, DocumentCountryBreaksTies) {
  EXPECT_EQ(Id("Lindenberg"), 9000006);  // AUT: 5200 people beat 5000
  PlaceContext de;
  de.doc_countries = {"DEU"};
  EXPECT_EQ(Id("Lindenberg", de), 9000005);
  PlaceContext gb;
  gb.doc_countries = {"GBR"};
  EXPECT_EQ(Id("Springfield", gb), 9000004);
}

TEST_F(MiniGeocoder, ContainerDecides) {
  PlaceContext ctx;
  ctx.container = "Noorwegen";
  EXPECT_EQ(Id("Rosendal"), 9000010);
  EXPECT_EQ(Id("Rosendal", ctx), 9000009);
  auto p = geo_->Resolve("Rosendal", ctx);
  ASSERT_TRUE(p);
  EXPECT_NE(p->decided_by.find("in/near Noorwegen (NOR)"), std::string::npos)
      << p->decided_by;
}

TEST_F(MiniGeocoder, CountriesAndRegions) {
  auto arm = geo_->Resolve("Armenië", {});
  ASSERT_TRUE(arm);
  EXPECT_EQ(arm->precision, "country");
  EXPECT_EQ(arm->country_iso3, "ARM");
  EXPECT_EQ(arm->region_id, "country:ARM");
  auto vs = geo_->Resolve("VS", {});  // nl_exonyms.tsv -> country
  ASSERT_TRUE(vs);
  EXPECT_EQ(vs->country_iso3, "USA");
  auto nk = geo_->Resolve("Nagorno–Karabach", {});
  ASSERT_TRUE(nk);
  EXPECT_EQ(nk->precision, "region");
  EXPECT_EQ(nk->region_id, "nagorno-karabakh");
  EXPECT_LT(DistanceKm(nk->lat, nk->lon, 39.9, 46.7), 100);
  auto kk = geo_->Resolve("Kaukasus", {});
  ASSERT_TRUE(kk);
  EXPECT_EQ(kk->region_id, "caucasus");
  EXPECT_EQ(kk->country_iso3, "");
}

TEST_F(MiniGeocoder, FindPlacesInText) {
  Tokenized t = Tokenize(
      "Zo ligt Gjoemri ten noorden van hoofdstad Jerevan in Armenië. "
      "Door de oorlog vluchtte men naar Rosendal in Noorwegen en naar Den "
      "Haag. Josef Stalin sprak. Toen zei Josef Stalin niets.");
  auto places = geo_->FindPlaces(t.raw, t.tokens, t.sentences, {});
  std::vector<std::string> texts;
  for (const auto& p : places) {
    texts.push_back(p.text);
    EXPECT_EQ(p.span.Of(t.raw), p.text);
  }
  EXPECT_EQ(texts,
            (std::vector<std::string>{"Gjoemri", "Jerevan", "Armenië",
                                      "Rosendal", "Noorwegen", "Den Haag"}));
  ASSERT_EQ(places.size(), 6u);
  EXPECT_EQ(places[0].geonames_id, 9000002);
  EXPECT_NE(places[0].decided_by.find("in/near Jerevan (ARM)"),
            std::string::npos)
      << places[0].decided_by;
  EXPECT_EQ(places[3].geonames_id, 9000009);  // Rosendal in Noorwegen
  EXPECT_EQ(places[5].geonames_id, 9000013);  // two-word name
}

TEST_F(MiniGeocoder, ConcurrentCallsAgree) {
  std::vector<std::thread> threads;
  std::vector<int64_t> ids(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 200; ++k) ids[i] = Id("Springfield");
    });
  }
  for (auto& th : threads) th.join();
  for (int64_t id : ids) EXPECT_EQ(id, 9000003);
}

// --- With the real installed data ------------------------------------------

// ctest runs each test in its own process: share one full build between
// them (and between runs) while it is newer than every source file.
std::string CachePath() {
  return (std::filesystem::temp_directory_path() /
          ("kroniek-geo-test-full-v1-" + std::to_string(getuid()) + ".bin"))
      .string();
}

std::string FreshCachedGazetteer(const GazetteerSources& src) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string path = CachePath();
  const auto built = fs::last_write_time(path, ec);
  if (ec) return "";
  std::vector<fs::path> inputs = {src.cities500, src.geonames_mo};
  for (const auto& e : fs::directory_iterator(src.geo_dir, ec)) {
    inputs.push_back(e.path());
  }
  for (const fs::path& in : inputs) {
    const auto t = fs::last_write_time(in, ec);
    if (ec || t > built) return "";
  }
  return Gazetteer::Open(path).ok() ? path : "";
}

class RealGeocoder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string data = std::string(KRONIEK_SOURCE_DIR) + "/data";
    GazetteerSources src =
        GazetteerSources::Defaults(data, base::ResourceDir() + "/geo");
    if (!std::filesystem::exists(src.cities500) ||
        !std::filesystem::exists(src.geonames_mo)) {
      skip_ = "GeoNames data absent (" + src.cities500 + " or " +
              src.geonames_mo + "): run `make deps`";
      return;
    }
    // Reuse a gazetteer given by the environment, else build one.
    std::string path;
    if (const char* env = std::getenv("KRONIEK_GAZETTEER"); env && *env) {
      path = env;
    } else if (path = FreshCachedGazetteer(src); path.empty()) {
      path = CachePath();
      const auto t0 = std::chrono::steady_clock::now();
      auto st = BuildGazetteerFile(src, path);
      ASSERT_TRUE(st.ok()) << st.status().ToString();
      std::printf(
          "[ geo ] built %s: %zu bytes, %zu places, %zu keys in %.1f s\n",
          path.c_str(), st->file_bytes, st->places, st->keys,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
              .count());
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto g = Geocoder::Open(path);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    load_seconds_ =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
            .count();
    std::printf("[ geo ] loaded in %.1f ms\n", load_seconds_ * 1e3);
    geo_ = new Geocoder(*std::move(g));
  }
  static void TearDownTestSuite() {
    delete geo_;
    geo_ = nullptr;
  }
  void SetUp() override {
    if (!skip_.empty()) GTEST_SKIP() << skip_;
    ASSERT_NE(geo_, nullptr);
  }
  static Geocoder* geo_;
  static std::string skip_;
  static double load_seconds_;
};
Geocoder* RealGeocoder::geo_ = nullptr;
std::string RealGeocoder::skip_;
double RealGeocoder::load_seconds_ = 0;

TEST_F(RealGeocoder, LoadsFast) { EXPECT_LT(load_seconds_, 1.0); }

TEST_F(RealGeocoder, SeedArticlePlacesMatchGold) {
  const std::string dir =
      std::string(KRONIEK_SOURCE_DIR) + "/../shared/data/seed";
  std::string article, gold_text;
  if (!base::ReadFileToString(dir + "/seed-article.txt", &article) ||
      !base::ReadFileToString(dir + "/seed.gold.json", &gold_text)) {
    GTEST_SKIP() << "seed data absent in " << dir;
  }
  const nlohmann::json gold = nlohmann::json::parse(gold_text);
  Tokenized t = Tokenize(article);
  auto places = geo_->FindPlaces(t.raw, t.tokens, t.sentences, {});
  for (const auto& want : gold["entities"]["places"]) {
    const std::string text = want["text"];
    bool found = false;
    for (const ResolvedPlace& p : places) {
      if (p.text != text) continue;
      found = true;
      SCOPED_TRACE(text + " -> " + p.name + " (" + p.decided_by + ")");
      if (want.contains("geonames_id")) {
        EXPECT_EQ(p.geonames_id, want["geonames_id"].get<int64_t>());
      }
      if (want.contains("max_km")) {
        EXPECT_LE(DistanceKm(p.lat, p.lon, want["lat"], want["lon"]),
                  want["max_km"].get<double>());
      }
      if (want.contains("kind")) {
        EXPECT_EQ(p.precision, want["kind"].get<std::string>());
      }
      if (want.contains("iso3")) {
        EXPECT_EQ(p.country_iso3, want["iso3"].get<std::string>());
      }
    }
    EXPECT_TRUE(found) << "gold place not found: " << text;
  }
  // Nothing that is not a place: every hit is a gold place or a country.
  for (const ResolvedPlace& p : places) {
    bool in_gold = false;
    for (const auto& want : gold["entities"]["places"]) {
      in_gold |= want["text"] == p.text;
    }
    EXPECT_TRUE(in_gold || p.precision == "country")
        << "unexpected place '" << p.text << "' -> " << p.name << " ("
        << p.decided_by << ")";
  }
}

TEST_F(RealGeocoder, LongerNamesAndMinorAlternateNamesAbroadAreNoPlaces) {
  // "Penal" (Trinidad) inside an organisation's name; "Boni", an alternate
  // name of Bonn, in a story set in Mali.
  Tokenized t = Tokenize(
      "Volgens Foro Penal zijn in Venezuela 1100 mensen opgepakt. Strijders overvielen de post "
      "bij Boni, tussen Mopti en Gao in Mali.");
  auto places = geo_->FindPlaces(t.raw, t.tokens, t.sentences, {});
  std::string got;
  for (const ResolvedPlace& p : places) got += p.text + "=" + p.name + " ";
  for (const ResolvedPlace& p : places) {
    EXPECT_NE(p.text, "Penal") << got;
    EXPECT_NE(p.country_iso3, "DEU") << got;
  }
  EXPECT_NE(got.find("Gao=Gao"), std::string::npos) << got;
  EXPECT_NE(got.find("Venezuela=Venezuela"), std::string::npos) << got;
}

TEST_F(RealGeocoder, DutchExonymsResolve) {
  std::ifstream in(std::string(KRONIEK_SOURCE_DIR) +
                   "/testdata/geo/exonyms_nl.tsv");
  ASSERT_TRUE(in) << "testdata/geo/exonyms_nl.tsv missing";
  std::string line;
  int total = 0, ok = 0;
  std::ostringstream misses;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("text\t")) continue;
    std::istringstream f(line);
    std::string text, expected;
    std::getline(f, text, '\t');
    std::getline(f, expected, '\t');
    ++total;
    auto p = geo_->Resolve(text, {});
    const std::string got = !p ? "-"
                            : p->geonames_id != 0
                                ? std::to_string(p->geonames_id)
                                : p->region_id;
    if (got == expected) {
      ++ok;
    } else {
      misses << "  " << text << ": want " << expected << ", got " << got
             << (p ? " (" + p->name + "; " + p->decided_by + ")" : "") << "\n";
    }
  }
  ASSERT_GE(total, 100);
  std::printf("[ geo ] exonyms: %d / %d resolve as expected\n%s", ok, total,
              misses.str().c_str());
  EXPECT_GE(ok * 100, total * 95) << misses.str();
}

}  // namespace
}  // namespace kroniek::entities
