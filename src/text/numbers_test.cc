// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/numbers.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <thread>

#include "base/resources.h"
#include "kroniek/date.h"
#include "text/tokenizer.h"

namespace kroniek::text {
namespace {

const Tokenizer& TokenizerFor(const std::string& lang) {
  // Test-only cache; built once per language, then read-only.
  static std::map<std::string, std::unique_ptr<Tokenizer>> cache;
  auto& slot = cache[lang];
  if (!slot) {
    StatusOr<TokenizerRules> rules =
        LoadTokenizerRules(base::ResourceDir(), lang);
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    slot = std::make_unique<Tokenizer>(rules.ok() ? *std::move(rules)
                                                  : TokenizerRules{});
  }
  return *slot;
}

std::vector<Token> Tokenize(const std::string& raw, const std::string& lang) {
  std::vector<Token> tokens;
  TokenizerFor(lang).Tokenize(raw, 0, static_cast<uint32_t>(raw.size()),
                              &tokens);
  return tokens;
}

const NumberRules& RulesFor(const std::string& lang) {
  static std::map<std::string, NumberRules> cache;
  auto it = cache.find(lang);
  if (it == cache.end()) {
    StatusOr<NumberRules> r = LoadNumberRules(base::ResourceDir(), lang);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    it = cache.emplace(lang, r.ok() ? *r : NumberRules()).first;
  }
  return it->second;
}

// "text=value", "text=min..max vague", plus " ~qualifier" when approximate.
std::string Render(const NumberMention& m) {
  std::ostringstream os;
  os.precision(15);
  os << m.text << "=";
  if (m.vague) {
    os << m.min << ".." << m.max << " vague";
  } else {
    os << m.value;
  }
  if (m.approximate) os << " ~" << m.qualifier;
  return os.str();
}

std::vector<std::string> Find(const std::string& text,
                              const std::string& lang) {
  std::vector<Token> tokens = Tokenize(text, lang);
  std::vector<NumberMention> found;
  FindNumbers(text, tokens, RulesFor(lang), &found);
  std::vector<std::string> out;
  for (const NumberMention& m : found) {
    EXPECT_EQ(m.text, std::string(m.span.Of(text)));
    EXPECT_LT(m.token_begin, m.token_end);
    EXPECT_EQ(m.span.begin, tokens[m.token_begin].span.begin);
    EXPECT_EQ(m.span.end, tokens[m.token_end - 1].span.end);
    EXPECT_LE(m.min, m.max);
    out.push_back(Render(m));
  }
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  std::vector<std::string> expected;
};

TEST(FindNumbers, DutchAndEnglishTable) {
  const std::vector<Case> cases = {
      {"nl", "Er vielen 26 doden.", {"26=26"}},
      {"nl", "Er zijn 3.500 soldaten.", {"3.500=3500"}},
      {"nl", "Een groei van 3,5 procent.", {"3,5=3.5"}},
      {"nl", "Het kostte 1.000.000 euro.", {"1.000.000=1000000"}},
      {"nl", "Het kostte 1.250,75 euro.", {"1.250,75=1250.75"}},
      {"nl", "Dat is 3,500 in Nederlandse notatie.", {"3,500=3.5"}},
      {"nl", "Azerbeidzjan meldde negen doden.", {"negen=9"}},
      {"nl",
       "Drieëntwintig mensen en honderdtwintig dieren.",
       {"Drieëntwintig=23", "honderdtwintig=120"}},
      {"nl", "Tweeduizend betogers.", {"Tweeduizend=2000"}},
      {"nl", "Hij kocht twee dozijn eieren.", {"twee dozijn=24"}},
      {"nl", "Er zijn 3 miljoen kiezers.", {"3 miljoen=3000000"}},
      {"nl", "Een schuld van 1,5 miljard.", {"1,5 miljard=1500000000"}},
      {"nl", "Er kwamen tienduizend mensen.", {"tienduizend=10000"}},
      {"nl", "Er kwamen tien duizend mensen.", {"tien duizend=10000"}},
      {"nl", "Er wonen een miljoen mensen.", {"een miljoen=1000000"}},
      {"nl", "Er is een man gewond.", {}},
      {"nl", "Eén man en één vrouw.", {"Eén=1", "één=1"}},
      {"nl",
       "Tientallen gewonden en honderden doden.",
       {"Tientallen=20..99 vague", "honderden=200..999 vague"}},
      {"nl",
       "Aan beide kanten zijn talloze gewonden gevallen.",
       {"talloze=10..1000000 vague"}},
      {"nl", "zo’n 120 kilometer", {"zo’n 120=120 ~zo'n"}},
      {"nl", "na ongeveer 26 jaar", {"ongeveer 26=26 ~ongeveer"}},
      {"nl", "meer dan 40 doden", {"meer dan 40=40 ~meer dan"}},
      {"nl", "minstens tot 2044", {"2044=2044"}},
      {"nl", "in 1994 en in 2044", {"1994=1994", "2044=2044"}},
      {"nl", "op de derde dag", {}},
      {"nl", "een 26-jarige man", {}},
      {"nl", "op 27-09-2020", {}},
      {"nl", "in de jaren negentig en de jaren 80", {}},
      {"en", "Some 3,500 troops.", {"Some 3,500=3500 ~some"}},
      {"en", "Growth of 3.5 percent.", {"3.5=3.5"}},
      {"en",
       "Nine dead and twenty-three injured.",
       {"Nine=9", "twenty-three=23"}},
      {"en", "twenty three people", {"twenty three=23"}},
      {"en",
       "one hundred twenty-three thousand voters",
       {"one hundred twenty-three thousand=123000"}},
      {"en", "a hundred and five days", {"a hundred and five=105"}},
      {"en", "a dozen eggs", {"a dozen=12"}},
      {"en", "a man and an apple", {}},
      {"en", "dozens of casualties", {"dozens=24..99 vague"}},
      {"en", "scores of people", {"scores of=40..99 vague"}},
      {"en",
       "tens of thousands marched",
       {"tens of thousands=20000..99999 vague"}},
      {"en", "at least 26 dead", {"at least 26=26 ~at least"}},
      {"en", "1.5 billion dollars", {"1.5 billion=1500000000"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Find(c.text, c.lang), c.expected) << c.lang << ": " << c.text;
  }
}

TEST(FindNumbers, SpelloutTableIsGeneratedFromIcu) {
  // 0..9999 plus thousands: far more forms than any hand list.
  EXPECT_GT(RulesFor("nl").word_count(), 10000u);
  EXPECT_GT(RulesFor("en").word_count(), 90u);  // single-word forms only
  EXPECT_EQ(
      Find("negenduizendnegenhonderdnegenennegentig", "nl"),
      std::vector<std::string>{"negenduizendnegenhonderdnegenennegentig=9999"});
}

TEST(FindNumbers, EmptyRulesParseDigitsOnly) {
  const std::string text = "negen en 3.500";
  std::vector<NumberMention> out;
  FindNumbers(text, Tokenize(text, "nl"), NumberRules(), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].value, 3500);
}

TEST(FindNumbers, SeedArticle) {
  const std::string path =
      KRONIEK_SOURCE_DIR "/../shared/data/seed/seed-article.txt";
  std::string raw;
  if (!base::ReadFileToString(path, &raw)) GTEST_SKIP() << path << " absent";
  std::vector<std::string> found = Find(raw, "nl");
  auto has = [&](const std::string& s) {
    return std::find(found.begin(), found.end(), s) != found.end();
  };
  for (const char* want :
       {"26=26", "89=89", "negen=9", "3500=3500", "zo’n 120=120 ~zo'n",
        "tientallen=20..99 vague", "talloze=10..1000000 vague",
        "ongeveer 26=26 ~ongeveer", "2044=2044"}) {
    EXPECT_TRUE(has(want)) << want;
  }
  EXPECT_FALSE(has("een=1"));
  EXPECT_FALSE(has("negentig=90"));  // "in de jaren negentig" is a decade
}

TEST(FindNumbers, ConcurrentCallsAgree) {
  const std::string text =
      "Zo’n 3.500 soldaten, tientallen tanks en twee dozijn vliegtuigen.";
  const std::vector<Token> tokens = Tokenize(text, "nl");
  const NumberRules& rules = RulesFor("nl");
  std::vector<NumberMention> reference;
  FindNumbers(text, tokens, rules, &reference);
  std::vector<std::vector<NumberMention>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&] {
      for (int k = 0; k < 50; ++k) {
        r.clear();
        FindNumbers(text, tokens, rules, &r);
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.size(), reference.size());
    for (size_t k = 0; k < r.size(); ++k)
      EXPECT_EQ(Render(r[k]), Render(reference[k]));
  }
}

// Writes `content` as <tmp>/nl/text/numbers.tsv and loads it.
Status LoadFrom(const std::string& content) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("kroniek_numbers_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "nl" / "text");
  std::ofstream(dir / "nl" / "text" / "numbers.tsv", std::ios::binary)
      << content;
  Status s = LoadNumberRules(dir.string(), "nl").status();
  std::filesystem::remove_all(dir);
  return s;
}

TEST(LoadNumberRules, RejectsBadLines) {
  struct ErrorCase {
    std::string content;
    StatusCode code;
    std::string fragment;
  };
  const std::vector<ErrorCase> cases = {
      {"# comment\nbogus\tx\n", StatusCode::kInvalidArgument,
       "nl/text/numbers.tsv:2: unknown kind 'bogus' in 'bogus"},
      {"vague\ttientallen\t99\t20\n", StatusCode::kInvalidArgument,
       "numbers.tsv:1: min > max in 'vague"},
      {"multiplier\tmiljoen\tveel\n", StatusCode::kInvalidArgument,
       "bad number 'veel'"},
      {"multiplier\tmiljoen\t1\n", StatusCode::kInvalidArgument,
       "multiplier below 2"},
      {"setting\tdecimal\t;\n", StatusCode::kInvalidArgument,
       "separator must be '.' or ','"},
      {"setting\tcolour\tred\n", StatusCode::kInvalidArgument,
       "unknown setting 'colour'"},
      {"qualifier\n", StatusCode::kInvalidArgument,
       "'qualifier' takes 1 field(s), got 0"},
      {"word\tnegen\t\n", StatusCode::kInvalidArgument, "takes 2 field(s)"},
      {"word\tne\xffgen\t9\n", StatusCode::kInvalidArgument,
       "numbers.tsv:1: invalid UTF-8 at byte 7"},
      {"setting\tdecimal\t.\n", StatusCode::kInvalidArgument,
       "decimal and group separators are equal"},
  };
  for (const ErrorCase& c : cases) {
    Status s = LoadFrom(c.content);
    EXPECT_EQ(s.code(), c.code) << c.content << " -> " << s.ToString();
    EXPECT_NE(s.message().find(c.fragment), std::string::npos)
        << c.content << " -> " << s.ToString();
  }
}

TEST(LoadNumberRules, MissingFileIsNotFound) {
  StatusOr<NumberRules> r = LoadNumberRules("/nonexistent-kroniek", "nl");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("numbers.tsv"), std::string::npos);
}

// The usage example from numbers.h, compiled so it cannot rot.
TEST(FindNumbers, HeaderExample) {
  StatusOr<NumberRules> rules = LoadNumberRules(base::ResourceDir(), "nl");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const std::string raw = "zo'n 3.500 soldaten";
  std::vector<NumberMention> numbers;
  FindNumbers(raw, Tokenize(raw, "nl"), *rules, &numbers);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].text, "zo'n 3.500");
  EXPECT_EQ(numbers[0].value, 3500);
  EXPECT_TRUE(numbers[0].approximate);
  EXPECT_EQ(numbers[0].qualifier, "zo'n");
}

}  // namespace
}  // namespace kroniek::text
