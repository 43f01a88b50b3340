// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/tokenizer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/resources.h"
#include "text/internal/tok_chars.h"

namespace kroniek::text {
namespace {

namespace fs = std::filesystem;

const Tokenizer& Nl() {
  static const Tokenizer* t = [] {
    auto rules = LoadTokenizerRules(base::ResourceDir(), "nl");
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    return new Tokenizer(rules.ok() ? *std::move(rules) : TokenizerRules{});
  }();
  return *t;
}

const Tokenizer& En() {
  static const Tokenizer* t = [] {
    auto rules = LoadTokenizerRules(base::ResourceDir(), "en");
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    return new Tokenizer(rules.ok() ? *std::move(rules) : TokenizerRules{});
  }();
  return *t;
}

// Every byte of raw[begin, end) is in exactly one token or is white space.
::testing::AssertionResult Covers(std::string_view raw, uint32_t begin,
                                  uint32_t end, const std::vector<Token>& toks) {
  uint32_t pos = begin;
  auto gap_is_space = [&](uint32_t from, uint32_t to) {
    std::string_view cut = raw.substr(0, to);
    while (from < to) {
      auto u = internal::PeekAt(cut, from);
      if (u.cls != internal::CharClass::kSpace) return false;
      from += u.length;
    }
    return true;
  };
  for (size_t i = 0; i < toks.size(); ++i) {
    const Span& s = toks[i].span;
    if (s.empty() || s.begin < pos || s.end > end) {
      return ::testing::AssertionFailure()
             << "token " << i << " [" << s.begin << "," << s.end << ") out of order";
    }
    if (!gap_is_space(pos, s.begin)) {
      return ::testing::AssertionFailure()
             << "non-space bytes lost before token " << i << " at " << pos;
    }
    pos = s.end;
  }
  if (!gap_is_space(pos, end)) {
    return ::testing::AssertionFailure() << "non-space bytes lost at the end, " << pos;
  }
  return ::testing::AssertionSuccess();
}

std::string Join(std::string_view raw, const std::vector<Token>& toks) {
  std::string out;
  for (const Token& t : toks) {
    if (!out.empty()) out += '|';
    out += t.span.Of(raw);
  }
  return out;
}

std::vector<Token> Tok(const Tokenizer& t, std::string_view raw) {
  std::vector<Token> toks;
  t.Tokenize(raw, 0, static_cast<uint32_t>(raw.size()), &toks);
  EXPECT_TRUE(Covers(raw, 0, static_cast<uint32_t>(raw.size()), toks)) << raw;
  return toks;
}

TEST(Tokenizer, UsageExampleFromHeader) {
  StatusOr<TokenizerRules> rules = LoadTokenizerRules(base::ResourceDir(), "nl");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const Tokenizer tokenizer(*std::move(rules));
  const std::string raw = "Het regent. Morgen niet.";
  std::vector<Token> tokens;
  tokenizer.Tokenize(raw, 0, static_cast<uint32_t>(raw.size()), &tokens);
  std::vector<Sentence> sentences;
  tokenizer.SplitSentences(raw, tokens, &sentences);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[1].span.Of(raw), "Morgen niet.");
  EXPECT_EQ(tokens[2].text, ".");
}

struct Case {
  const char* lang;
  const char* text;
  const char* tokens;  // '|'-separated
};

TEST(Tokenizer, SplitsLikeTheSpec) {
  const Case cases[] = {
      {"nl", "o.a. bijv. dhr. mr. prof. J. Jansen", "o.a.|bijv.|dhr.|mr.|prof.|J.|Jansen"},
      {"nl", "Bijv. dit", "Bijv.|dit"},
      {"nl", "zo’n auto's Azeri’s", "zo’n|auto's|Azeri’s"},
      {"nl", "'s-Hertogenbosch en ’s avonds 't", "'s-Hertogenbosch|en|’s|avonds|'t"},
      {"nl", "„Vrede”, zei hij. \"Nu\" en 'later'",
       "„|Vrede|”|,|zei|hij|.|\"|Nu|\"|en|'|later|'"},
      {"nl", ",,Ja,'' zei ze", ",,|Ja|,|''|zei|ze"},
      {"nl", "staakt-het-vuren Nagorno-Karabach Noord-Korea",
       "staakt-het-vuren|Nagorno-Karabach|Noord-Korea"},
      {"nl", "3.500 3,5 120 1.000.000 12,5%", "3.500|3,5|120|1.000.000|12,5|%"},
      {"nl", "27-09-2020 27/9 2020-09-27", "27-09-2020|27/9|2020-09-27"},
      {"nl", "zie https://nos.nl/a?b=1. Of mail a.b@c.nl.",
       "zie|https://nos.nl/a?b=1|.|Of|mail|a.b@c.nl|."},
      {"nl", "Wacht... nee… -- ja – nee", "Wacht|...|nee|…|--|ja|–|nee"},
      {"nl", "land- en tuinbouw, de jaren '80", "land-|en|tuinbouw|,|de|jaren|'80"},
      {"nl", "(Reuters) [1] €5", "(|Reuters|)|[|1|]|€|5"},
      {"nl", "d.w.z. de V.S. en St.-Jan", "d.w.z.|de|V.S.|en|St.-Jan"},
      {"nl", "om 12:30 uur en/of later", "om|12:30|uur|en/of|later"},
      {"en", "don't U.S. e.g. Mr. Smith", "don't|U.S.|e.g.|Mr.|Smith"},
      {"en", "the CEO's plan.", "the|CEO's|plan|."},
      {"en", "-5 degrees, not 5-3", "-5|degrees|,|not|5-3"},
      {"nl", "hoi 👍🏽 ☃!", "hoi|👍🏽|☃|!"},
  };
  for (const Case& c : cases) {
    const Tokenizer& t = std::string_view(c.lang) == "nl" ? Nl() : En();
    EXPECT_EQ(Join(c.text, Tok(t, c.text)), c.tokens) << c.text;
  }
}

TEST(Tokenizer, AssignsTypes) {
  const std::string raw =
      "Op 27-09-2020 stierven 3.500 mensen, o.a. in www.x.nl (mail a@b.nl) 5% 👍 't";
  auto toks = Tok(Nl(), raw);
  std::string got;
  for (const Token& t : toks) got += std::string(TokenTypeName(t.type)) + " ";
  EXPECT_EQ(got,
            "word date word number word punct abbreviation word url punct word "
            "email punct number symbol other word ");
}

TEST(Tokenizer, KeepsInvalidUtf8AsOtherTokens) {
  const std::string raw = "ab\xff\xfe cd\xc3";
  auto toks = Tok(Nl(), raw);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[1].type, TokenType::kOther);
  EXPECT_EQ(toks[1].span, (Span{2, 3}));
  EXPECT_EQ(toks[1].text, "\xEF\xBF\xBD");
  EXPECT_EQ(toks[4].span, (Span{7, 8}));
}

TEST(Tokenizer, TextIsNfcAndSpansStayRaw) {
  const std::string raw = "ee\xCC\x81n idee\xCC\x88n";  // decomposed é and ë
  auto toks = Tok(Nl(), raw);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].text, "e\xC3\xA9n");
  EXPECT_EQ(toks[0].span, (Span{0, 5}));
  EXPECT_EQ(toks[1].text, "ide\xC3\xABn");
}

TEST(Tokenizer, HonoursRangeAndOffsets) {
  const std::string raw = "XX Hallo wereld. YY";
  std::vector<Token> toks;
  Nl().Tokenize(raw, 3, 16, &toks);
  EXPECT_EQ(Join(raw, toks), "Hallo|wereld|.");
  EXPECT_EQ(toks[0].span.begin, 3u);
  // A range ending inside a multi-byte character keeps the cut byte.
  const std::string e = "ab é";
  toks.clear();
  Nl().Tokenize(e, 0, 4, &toks);
  EXPECT_TRUE(Covers(e, 0, 4, toks));
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[1].type, TokenType::kOther);
}

std::vector<std::string> Sentences(const Tokenizer& t, std::string_view raw) {
  auto toks = Tok(t, raw);
  std::vector<Sentence> ss;
  t.SplitSentences(raw, toks, &ss);
  std::vector<std::string> out;
  uint32_t next = 0;
  for (const Sentence& s : ss) {
    EXPECT_EQ(s.token_begin, next);
    next = s.token_end;
    out.emplace_back(s.span.Of(raw));
  }
  EXPECT_EQ(next, toks.size());
  return out;
}

TEST(SentenceSplitter, HandlesAbbreviationsQuotesAndBreaks) {
  struct SCase {
    const char* lang;
    const char* text;
    std::vector<std::string> want;
  };
  const SCase cases[] = {
      {"nl", "Dit is dhr. Jansen. Hij komt.", {"Dit is dhr. Jansen.", "Hij komt."}},
      {"nl", "Hij zei: \"Kom!\" Zij bleef.", {"Hij zei: \"Kom!\"", "Zij bleef."}},
      {"nl", "\"Kom!\" zei hij.", {"\"Kom!\" zei hij."}},
      {"nl", "Hij won (met 3-1.) Daarna niet.", {"Hij won (met 3-1.)", "Daarna niet."}},
      {"nl", "Het was in 2020. 3500 man vocht.", {"Het was in 2020.", "3500 man vocht."}},
      {"nl", "Kaas, brood enz. Daarna soep.", {"Kaas, brood enz.", "Daarna soep."}},
      {"nl", "Zie J. Stalin en o.a. Rusland.", {"Zie J. Stalin en o.a. Rusland."}},
      {"nl", "Kop zonder punt\n\nDe tekst begint hier.",
       {"Kop zonder punt", "De tekst begint hier."}},
      {"nl", "Hij wachtte... en wachtte.", {"Hij wachtte... en wachtte."}},
      {"nl", "Echt?! Ja.", {"Echt?!", "Ja."}},
      {"en", "He met Dr. Brown in the U.S. today. Fine.",
       {"He met Dr. Brown in the U.S. today.", "Fine."}},
      {"en", "Apples, pears etc. Then more.", {"Apples, pears etc.", "Then more."}},
  };
  for (const SCase& c : cases) {
    const Tokenizer& t = std::string_view(c.lang) == "nl" ? Nl() : En();
    EXPECT_EQ(Sentences(t, c.text), c.want) << c.text;
  }
}

TEST(SentenceSplitter, SeedArticleHas21Sentences) {
  std::string raw;
  if (!base::ReadFileToString(KRONIEK_SOURCE_DIR "/../shared/data/seed/seed-article.txt",
                              &raw)) {
    GTEST_SKIP() << "seed article absent";
  }
  // The header "date 2020-09" is not part of the body.
  std::vector<Token> all = Tok(Nl(), raw);
  ASSERT_GE(all.size(), 3u);
  ASSERT_EQ(all[0].text, "date");
  const uint32_t body = all[2].span.begin;
  std::vector<Token> toks;
  Nl().Tokenize(raw, body, static_cast<uint32_t>(raw.size()), &toks);
  std::vector<Sentence> ss;
  Nl().SplitSentences(raw, toks, &ss);
  EXPECT_EQ(ss.size(), 21u);
}

// ---------------------------------------------------------------- loading

class RulesFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kroniek_tok_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "xx" / "text");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / "xx" / "text" / name, std::ios::binary) << content;
  }
  fs::path dir_;
};

TEST_F(RulesFiles, ReportsBadLines) {
  struct ECase {
    const char* abbreviations;
    const char* elisions;  // nullptr: no file
    StatusCode code;
    const char* fragment;
  };
  const ECase cases[] = {
      {"ok.\nbad\n", nullptr, StatusCode::kInvalidArgument,
       "xx/text/abbreviations.txt:2: abbreviation must end in '.' in 'bad'"},
      {"# c\n\nx.\tfinall\n", nullptr, StatusCode::kInvalidArgument,
       "abbreviations.txt:3: unknown flag"},
      {"a b.\n", nullptr, StatusCode::kInvalidArgument, "white space inside"},
      {"x.\nx.\n", nullptr, StatusCode::kInvalidArgument, ":2: duplicate abbreviation"},
      {"\xff.\n", nullptr, StatusCode::kInvalidArgument, ":1: invalid UTF-8"},
      {"x.\n", "'s\nt\n", StatusCode::kInvalidArgument,
       "xx/text/tok_elisions.txt:2: elision must be an apostrophe"},
      {"x.\n", "'S\n", StatusCode::kInvalidArgument, "ASCII lower case in ''S'"},
  };
  for (const ECase& c : cases) {
    Write("abbreviations.txt", c.abbreviations);
    fs::remove(dir_ / "xx" / "text" / "tok_elisions.txt");
    if (c.elisions) Write("tok_elisions.txt", c.elisions);
    auto r = LoadTokenizerRules(dir_.string(), "xx");
    ASSERT_FALSE(r.ok()) << c.abbreviations;
    EXPECT_EQ(r.status().code(), c.code);
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << r.status().message();
  }
}

TEST_F(RulesFiles, MissingLanguageIsNotFound) {
  auto r = LoadTokenizerRules(dir_.string(), "zz");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("zz/text/abbreviations.txt"), std::string::npos);
}

TEST_F(RulesFiles, LoadsFlagsAndElisions) {
  Write("abbreviations.txt", "# comment\nfoo.\nbar.\tfinal\r\n");
  Write("tok_elisions.txt", "'k\n'ns\n");
  auto r = LoadTokenizerRules(dir_.string(), "xx");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->abbreviations.size(), 2u);
  EXPECT_EQ(r->final_abbreviations.count("bar."), 1u);
  ASSERT_EQ(r->elisions.size(), 2u);
  EXPECT_EQ(r->elisions[0], "'ns");
  Tokenizer t(*std::move(r));
  EXPECT_EQ(Join("Foo. 'ns 'k", Tok(t, "Foo. 'ns 'k")), "Foo.|'ns|'k");
}

// ---------------------------------------------------------------- golden

std::string GoldenTsv(const Tokenizer& t, std::string_view raw) {
  std::vector<Token> toks;
  t.Tokenize(raw, 0, static_cast<uint32_t>(raw.size()), &toks);
  std::vector<Sentence> ss;
  t.SplitSentences(raw, toks, &ss);
  std::string out = "# token\ttype\tbegin\tend (blank line between sentences)\n";
  for (size_t s = 0; s < ss.size(); ++s) {
    if (s > 0) out += '\n';
    for (uint32_t i = ss[s].token_begin; i < ss[s].token_end; ++i) {
      out += toks[i].text + '\t' + std::string(TokenTypeName(toks[i].type)) + '\t' +
             std::to_string(toks[i].span.begin) + '\t' +
             std::to_string(toks[i].span.end) + '\n';
    }
  }
  return out;
}

// Set KRONIEK_UPDATE_GOLDEN=1 (scripts/update-golden.sh) to rewrite the
// expected files instead of comparing.
TEST(TokenizerGolden, MatchesExpectedFiles) {
  const fs::path dir = fs::path(KRONIEK_SOURCE_DIR) / "testdata" / "tokenizer";
  const bool update = std::getenv("KRONIEK_UPDATE_GOLDEN") != nullptr;
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path p = entry.path();
    if (p.extension() != ".txt") continue;
    const std::string name = p.stem().string();
    const Tokenizer& t = name.starts_with("en_") ? En() : Nl();
    std::string raw;
    ASSERT_TRUE(base::ReadFileToString(p.string(), &raw)) << p;
    const std::string got = GoldenTsv(t, raw);
    EXPECT_TRUE(Covers(raw, 0, static_cast<uint32_t>(raw.size()), [&] {
      std::vector<Token> toks;
      t.Tokenize(raw, 0, static_cast<uint32_t>(raw.size()), &toks);
      return toks;
    }()));
    const fs::path want_path = dir / (name + ".tokens.tsv");
    ++cases;
    if (update) {
      std::ofstream(want_path, std::ios::binary) << got;
      continue;
    }
    std::string want;
    ASSERT_TRUE(base::ReadFileToString(want_path.string(), &want))
        << want_path << " missing: run scripts/update-golden.sh";
    if (got == want) continue;
    std::istringstream g(got), w(want);
    std::string gl, wl;
    int line = 0;
    while (true) {
      ++line;
      bool gm = static_cast<bool>(std::getline(g, gl));
      bool wm = static_cast<bool>(std::getline(w, wl));
      if (!gm && !wm) break;
      if (gl != wl || gm != wm) {
        ADD_FAILURE() << want_path.filename() << ":" << line << ": expected '" << wl
                      << "', got '" << gl << "'";
        break;
      }
    }
  }
  EXPECT_GE(cases, 4);
}

}  // namespace
}  // namespace kroniek::text
