// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/dates.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include "base/resources.h"
#include "text/tokenizer.h"

namespace kroniek::text {
namespace {

std::vector<Token> Tokenize(const std::string& raw, const std::string& lang) {
  static std::map<std::string, std::unique_ptr<Tokenizer>> cache;  // test-only
  auto& slot = cache[lang];
  if (!slot) {
    StatusOr<TokenizerRules> rules =
        LoadTokenizerRules(base::ResourceDir(), lang);
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    slot = std::make_unique<Tokenizer>(rules.ok() ? *std::move(rules)
                                                  : TokenizerRules{});
  }
  std::vector<Token> tokens;
  slot->Tokenize(raw, 0, static_cast<uint32_t>(raw.size()), &tokens);
  return tokens;
}

const DateRules& RulesFor(const std::string& lang) {
  static std::map<std::string, DateRules> cache;
  auto it = cache.find(lang);
  if (it == cache.end()) {
    StatusOr<DateRules> r = LoadDateRules(base::ResourceDir(), lang);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    it = cache.emplace(lang, r.ok() ? *r : DateRules()).first;
  }
  return it->second;
}

// "text|kind|start|end|precision|weekday" plus "|historical".
std::string Render(const DateMention& m) {
  std::string s = m.text + "|" + m.kind + "|" + m.date.start + "|" +
                  m.date.end + "|" + m.date.precision + "|" +
                  std::to_string(m.date.weekday);
  if (m.date.historical) s += "|historical";
  return s;
}

std::vector<DateMention> FindAll(const std::string& text,
                                 const std::string& lang,
                                 const std::string& doc) {
  StatusOr<PartialDate> d = ParsePartialDate(doc);
  EXPECT_TRUE(d.ok()) << doc;
  std::vector<Token> tokens = Tokenize(text, lang);
  std::vector<DateMention> out;
  FindDates(text, tokens, d.ok() ? *d : PartialDate{}, RulesFor(lang), &out);
  for (const DateMention& m : out) {
    EXPECT_EQ(m.text, std::string(m.span.Of(text)));
    EXPECT_EQ(m.span.begin, tokens[m.token_begin].span.begin);
    EXPECT_EQ(m.span.end, tokens[m.token_end - 1].span.end);
    EXPECT_FALSE(m.date.derived_from.empty()) << m.text;
    if (!m.date.start.empty()) {
      EXPECT_LE(m.date.start, m.date.end) << m.text;
    }
  }
  return out;
}

std::vector<std::string> Find(const std::string& text, const std::string& lang,
                              const std::string& doc) {
  std::vector<std::string> out;
  for (const DateMention& m : FindAll(text, lang, doc))
    out.push_back(Render(m));
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  const char* doc;
  std::vector<std::string> expected;
};

TEST(FindDates, DutchTable) {
  // 2020-09-28 is a Monday.
  const std::vector<Case> cases = {
      {"nl",
       "maandag",
       "2020-09",
       {"maandag|weekday|2020-09-07|2020-09-28|range|0"}},
      {"nl",
       "zondag",
       "2020-09",
       {"zondag|weekday|2020-09-06|2020-09-27|range|6"}},
      {"nl",
       "maandag",
       "2020-09-28",
       {"maandag|weekday|2020-09-28|2020-09-28|day|0"}},
      {"nl",
       "zondag",
       "2020-09-28",
       {"zondag|weekday|2020-09-27|2020-09-27|day|6"}},
      {"nl",
       "Maandagavond",
       "2020-09-30",
       {"Maandagavond|weekday|2020-09-28|2020-09-28|day|0"}},
      {"nl",
       "vorige maandag",
       "2020-09-28",
       {"vorige maandag|weekday|2020-09-21|2020-09-21|day|0"}},
      {"nl",
       "volgende maandag",
       "2020-09-28",
       {"volgende maandag|weekday|2020-10-05|2020-10-05|day|0"}},
      {"nl",
       "gisteren",
       "2020-09-28",
       {"gisteren|relative|2020-09-27|2020-09-27|day|-1"}},
      {"nl",
       "gisteren",
       "2020-09",
       {"gisteren|relative|2020-08-31|2020-09-29|range|-1"}},
      {"nl",
       "eergisteren",
       "2020-03-01",
       {"eergisteren|relative|2020-02-28|2020-02-28|day|-1"}},
      {"nl",
       "vandaag",
       "2020-09-28",
       {"vandaag|relative|2020-09-28|2020-09-28|day|-1"}},
      {"nl",
       "morgen",
       "2020-12-31",
       {"morgen|relative|2021-01-01|2021-01-01|day|-1"}},
      {"nl",
       "vorige week",
       "2020-09-28",
       {"vorige week|relative|2020-09-21|2020-09-27|week|-1"}},
      {"nl",
       "afgelopen weekend",
       "2020-09-28",
       {"afgelopen weekend|relative|2020-09-26|2020-09-27|range|-1"}},
      {"nl",
       "vorige maand",
       "2020-01-15",
       {"vorige maand|relative|2019-12-01|2019-12-31|month|-1"}},
      {"nl",
       "vorige maand",
       "2020-09",
       {"vorige maand|relative|2020-08-01|2020-08-31|month|-1"}},
      {"nl",
       "vorig jaar",
       "2020-09",
       {"vorig jaar|relative|2019-01-01|2019-12-31|year|-1"}},
      {"nl",
       "op 27 september 2020",
       "2020-09",
       {"op 27 september 2020|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"nl",
       "op 27 sept. vielen",
       "2020-10-05",
       {"op 27 sept.|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"nl",
       "27 december",
       "2021-01-05",
       {"27 december|absolute|2020-12-27|2020-12-27|day|-1"}},
      {"nl",
       "op 27/9",
       "2020-09",
       {"op 27/9|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"nl",
       "27-09-2020",
       "2020-09",
       {"27-09-2020|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"nl",
       "2020-09-27",
       "2020-09",
       {"2020-09-27|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"nl",
       "in september 2020",
       "2021-05",
       {"in september 2020|absolute|2020-09-01|2020-09-30|month|-1"}},
      {"nl",
       "maandag 28 september",
       "2020-09",
       {"maandag 28 september|absolute|2020-09-28|2020-09-28|day|0"}},
      {"nl",
       "in de jaren negentig",
       "2020-09",
       {"in de jaren "
        "negentig|period|1990-01-01|1999-12-31|decade|-1|historical"}},
      {"nl",
       "de jaren '80",
       "2020-09",
       {"jaren '80|period|1980-01-01|1989-12-31|decade|-1|historical"}},
      {"nl",
       "de jaren twintig",
       "2020-09",
       {"jaren twintig|period|2020-01-01|2029-12-31|decade|-1"}},
      {"nl",
       "de jaren twintig",
       "2019-09",
       {"jaren twintig|period|1920-01-01|1929-12-31|decade|-1|historical"}},
      {"nl",
       "in 1994",
       "2020-09",
       {"in 1994|period|1994-01-01|1994-12-31|year|-1|historical"}},
      {"nl",
       "in 2044",
       "2020-09",
       {"in 2044|period|2044-01-01|2044-12-31|year|-1"}},
      {"nl",
       "in 2019",
       "2020-09",
       {"in 2019|period|2019-01-01|2019-12-31|year|-1"}},
      {"nl",
       "minstens tot 2044",
       "2020-09",
       {"tot 2044|until|2020-09-01|2044-12-31|range|-1"}},
      {"nl",
       "Sinds zondag",
       "2020-09-28",
       {"Sinds zondag|since|2020-09-27|2020-09-28|range|6"}},
      // Since long ago: what happened since is history, not news.
      {"nl",
       "sinds 1947",
       "2025-06",
       {"sinds 1947|since|1947-01-01|2025-06-30|range|-1|historical"}},
      {"nl",
       "sinds januari",
       "2025-06",
       {"sinds januari|since|2025-01-01|2025-06-30|range|-1"}},
      // Not dates.
      {"nl",
       "3.500 soldaten, 26 doden, 2-1 gewonnen en 1994 stemmen",
       "2020-09",
       {}},
      {"nl", "tot 26 doden", "2020-09", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Find(c.text, c.lang, c.doc), c.expected)
        << c.text << " @ " << c.doc;
  }
}

TEST(FindDates, EnglishTable) {
  const std::vector<Case> cases = {
      {"en",
       "Monday",
       "2020-09-28",
       {"Monday|weekday|2020-09-28|2020-09-28|day|0"}},
      {"en",
       "Monday night",
       "2020-09",
       {"Monday night|weekday|2020-09-07|2020-09-28|range|0"}},
      {"en",
       "yesterday",
       "2020-09-28",
       {"yesterday|relative|2020-09-27|2020-09-27|day|-1"}},
      {"en",
       "last week",
       "2020-09-28",
       {"last week|relative|2020-09-21|2020-09-27|week|-1"}},
      {"en",
       "September 27, 2020",
       "2020-09",
       {"September 27, 2020|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"en",
       "27 September 2020",
       "2020-09",
       {"27 September 2020|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"en",
       "on 9/27",
       "2020-09",
       {"on 9/27|absolute|2020-09-27|2020-09-27|day|-1"}},
      {"en",
       "in the 1990s",
       "2020-09",
       {"in the 1990s|period|1990-01-01|1999-12-31|decade|-1|historical"}},
      {"en",
       "in the nineties",
       "2020-09",
       {"in the nineties|period|1990-01-01|1999-12-31|decade|-1|historical"}},
      {"en",
       "since Sunday",
       "2020-09-28",
       {"since Sunday|since|2020-09-27|2020-09-28|range|6"}},
      {"en",
       "May 2020",
       "2020-09",
       {"May 2020|absolute|2020-05-01|2020-05-31|month|-1"}},
      {"en", "it may be so", "2020-09", {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Find(c.text, c.lang, c.doc), c.expected)
        << c.text << " @ " << c.doc;
  }
}

TEST(FindDates, NoDocumentDateLeavesRelativeUnresolved) {
  std::vector<Token> tokens = Tokenize("gisteren en 27-09-2020", "nl");
  std::vector<DateMention> out;
  FindDates("gisteren en 27-09-2020", tokens, PartialDate{}, RulesFor("nl"),
            &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].date.precision, "unresolved");
  EXPECT_TRUE(out[0].date.start.empty());
  EXPECT_EQ(out[1].date.start, "2020-09-27");
}

TEST(FindDates, SeedArticle) {
  const std::string path =
      KRONIEK_SOURCE_DIR "/../shared/data/seed/seed-article.txt";
  std::string raw;
  if (!base::ReadFileToString(path, &raw)) GTEST_SKIP() << path << " absent";
  // The file opens with "date YYYY-MM"; the document date comes from there.
  const size_t at = raw.find("date ");
  ASSERT_NE(at, std::string::npos);
  const size_t sp = raw.find(' ', at + 5);
  StatusOr<PartialDate> doc = ParsePartialDate(raw.substr(at + 5, sp - at - 5));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<Token> tokens;
  std::vector<Token> all = Tokenize(raw, "nl");
  for (const Token& t : all) {
    if (t.span.begin > sp) tokens.push_back(t);
  }
  std::vector<DateMention> out;
  FindDates(raw, tokens, *doc, RulesFor("nl"), &out);
  int mondays = 0;
  bool sunday = false, nineties = false, until_2044 = false;
  for (const DateMention& m : out) {
    const std::string r = Render(m);
    if (m.text == "maandag") {
      ++mondays;
      EXPECT_EQ(r, "maandag|weekday|2020-09-07|2020-09-28|range|0");
    } else if (m.text == "Sinds zondag") {
      sunday = true;
      EXPECT_EQ(m.kind, "since");
      EXPECT_EQ(m.date.weekday, 6);
      EXPECT_EQ(m.date.start, "2020-09-06");
      EXPECT_EQ(m.date.end, "2020-09-30");
    } else if (m.text == "in de jaren negentig") {
      nineties = true;
      EXPECT_EQ(r,
                "in de jaren "
                "negentig|period|1990-01-01|1999-12-31|decade|-1|historical");
    } else if (m.text == "tot 2044") {
      until_2044 = true;
      EXPECT_FALSE(m.date.historical);
      EXPECT_EQ(m.date.end, "2044-12-31");
    } else {
      ADD_FAILURE() << "unexpected date " << r;
    }
  }
  EXPECT_EQ(mondays, 4);
  EXPECT_TRUE(sunday);
  EXPECT_TRUE(nineties);
  EXPECT_TRUE(until_2044);
}

TEST(FindDates, ConcurrentCallsAgree) {
  const std::string text =
      "Sinds zondag, vorige week en in de jaren negentig; op 27/9.";
  const std::vector<Token> tokens = Tokenize(text, "nl");
  const PartialDate doc = *ParsePartialDate("2020-09");
  std::vector<DateMention> reference;
  FindDates(text, tokens, doc, RulesFor("nl"), &reference);
  ASSERT_EQ(reference.size(), 4u);
  std::vector<std::vector<DateMention>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results) {
    threads.emplace_back([&] {
      for (int k = 0; k < 50; ++k) {
        r.clear();
        FindDates(text, tokens, doc, RulesFor("nl"), &r);
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

Status LoadFrom(const std::string& content) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("kroniek_dates_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "nl" / "text");
  std::ofstream(dir / "nl" / "text" / "dates.tsv", std::ios::binary) << content;
  Status s = LoadDateRules(dir.string(), "nl").status();
  std::filesystem::remove_all(dir);
  return s;
}

TEST(LoadDateRules, RejectsBadLines) {
  struct ErrorCase {
    std::string content;
    std::string fragment;
  };
  const std::vector<ErrorCase> cases = {
      {"# months\nmonth\tfoo\t13\n",
       "nl/text/dates.tsv:2: month '13' not in 1..12 in 'month"},
      {"weekday\tx\t7\n", "dates.tsv:1: weekday '7' not in 0..6"},
      {"relative\tx\tfortnight\t1\n", "unknown unit 'fortnight'"},
      {"relative\tgisteren\tday\n", "'relative' takes 3 field(s), got 2"},
      {"relative\tgisteren\tday\tx\n", "offset 'x' not in -100..100"},
      {"decade\tx\t85\n", "decade not a multiple of 10"},
      {"setting\torder\tymd\n", "order must be dmy or mdy"},
      {"setting\tspeed\tfast\n", "unknown setting 'speed'"},
      {"weekday_mod\tx\tsoon\n", "modifier must be last or next"},
      {"month\tmei\t5\tbig\n", "flag must be 'cap'"},
      {"holiday\tkerst\n", "unknown kind 'holiday'"},
      {"prep\t\n", "'prep' takes 1 field(s), got 0"},
  };
  for (const ErrorCase& c : cases) {
    Status s = LoadFrom(c.content);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument)
        << c.content << " -> " << s.ToString();
    EXPECT_NE(s.message().find(c.fragment), std::string::npos)
        << c.content << " -> " << s.ToString();
  }
}

TEST(LoadDateRules, MissingFileIsNotFound) {
  StatusOr<DateRules> r = LoadDateRules("/nonexistent-kroniek", "en");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

// The usage example from dates.h.
TEST(FindDates, HeaderExample) {
  StatusOr<DateRules> rules = LoadDateRules(base::ResourceDir(), "nl");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  PartialDate doc = *ParsePartialDate("2020-09");
  const std::string raw = "maandag";
  std::vector<DateMention> dates;
  FindDates(raw, Tokenize(raw, "nl"), doc, *rules, &dates);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].kind, "weekday");
  EXPECT_EQ(dates[0].date.start, "2020-09-07");
  EXPECT_EQ(dates[0].date.end, "2020-09-28");
  EXPECT_EQ(dates[0].date.precision, "range");
  EXPECT_EQ(dates[0].date.weekday, 0);
}

}  // namespace
}  // namespace kroniek::text
