// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/actor_matcher.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "entities/internal/actor_text.h"

namespace kroniek::entities {
namespace {

std::string ResourceRoot() {
  const char* res = std::getenv("KRONIEK_RESOURCES");
  return res ? res : KRONIEK_SOURCE_DIR "/src/lang";
}

const ActorMatcher& Matcher(const std::string& lang) {
  static const ActorMatcher* nl = nullptr;
  static const ActorMatcher* en = nullptr;
  const ActorMatcher*& m = lang == "nl" ? nl : en;
  if (!m) {
    StatusOr<ActorDictionary> d = LoadActorDictionary(ResourceRoot(), lang);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    m = new ActorMatcher(d.ok() ? *std::move(d) : ActorDictionary());
  }
  return *m;
}

// Test helper until the text stage's tokenizer is linked: words and
// punctuation, sentences split after '.', '!' or '?'.
void Tokenize(std::string_view raw, std::vector<Token>* tokens,
              std::vector<Sentence>* sentences) {
  *tokens = internal::SimpleTokenize(raw);
  uint32_t begin = 0;
  for (uint32_t i = 0; i < tokens->size(); ++i) {
    const std::string& t = (*tokens)[i].text;
    if (t == "." || t == "!" || t == "?" || i + 1 == tokens->size()) {
      Sentence s;
      s.token_begin = begin;
      s.token_end = i + 1;
      s.span = Span{(*tokens)[begin].span.begin, (*tokens)[i].span.end};
      sentences->push_back(s);
      begin = i + 1;
    }
  }
}

PartialDate Date(const char* s) { return *ParsePartialDate(s); }

TEST(ActorMatcher, UsageExampleFromHeader) {
  StatusOr<ActorDictionary> dict = LoadActorDictionary(ResourceRoot(), "nl");
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  const ActorMatcher matcher(*std::move(dict));
  std::string raw = "Kremlinwoordvoerder Dmitri Peskov zei dat.";
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Tokenize(raw, &tokens, &sentences);
  std::vector<ActorMention> mentions = matcher.Match(raw, tokens, sentences, Date("2020-09"));
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].code, "RUSGOV");
  EXPECT_EQ(mentions[0].country, "RUS");
  EXPECT_EQ(mentions[0].sector, "GOV");
  EXPECT_EQ(mentions[0].text, "Kremlinwoordvoerder Dmitri Peskov");
  EXPECT_EQ(mentions[0].token_begin, 0u);
  EXPECT_EQ(mentions[0].token_end, 3u);
  EXPECT_EQ(mentions[0].entry_id, "peskov");
  EXPECT_NE(mentions[0].rule.find("compound Kremlin+woordvoerder"), std::string::npos);
}

struct Case {
  const char* lang;
  const char* text;
  const char* date;
  const char* mention;  // expected mention text
  const char* code;     // expected code
};

TEST(ActorMatcher, RulesOnHandWrittenSentences) {
  const Case kCases[] = {
      // Country adjective + role noun; adjective beats the post's location.
      {"nl", "De Armeense ambassadeur in Moskou zegt dat.", "2020-09", "De Armeense ambassadeur", "ARMGOV"},
      {"nl", "Hij zag het Azerbeidzjaanse leger.", "2020-09", "het Azerbeidzjaanse leger", "AZEMIL"},
      {"nl", "Er zijn Russische soldaten.", "2020-09", "Russische soldaten", "RUSMIL"},
      {"nl", "De Russische troepen bewaken de grens.", "2020-09", "De Russische troepen", "RUSMIL"},
      {"nl", "Volgens het Russische persagentschap Interfax is dat zo.", "2020-09",
       "het Russische persagentschap Interfax", "RUSMED"},
      // Role + 'van' + partially recognised entity.
      {"nl", "De regering van Nagorno-Karabach meldde doden.", "2020-09",
       "De regering van Nagorno-Karabach", "AZEPRE"},
      {"nl", "De regering van Turkije zweeg.", "2020-09", "De regering van Turkije", "TURGOV"},
      // Demonyms, country names.
      {"nl", "Volgens hem voeren de Azeri’s oorlog.", "2020-09", "de Azeri’s", "AZE"},
      {"nl", "De Russen hebben een basis.", "2020-09", "De Russen", "RUS"},
      {"nl", "Armenië wendt zich tot Rusland.", "2020-09", "Armenië", "ARM"},
      {"nl", "Hun bondgenoot Turkije zweeg.", "2020-09", "Turkije", "TUR"},
      // Person with a valid role, with and without a role noun.
      {"nl", "Zo zei de autoritaire Azerbeidzjaanse president Ilham Aliyev.", "2020-09",
       "de autoritaire Azerbeidzjaanse president Ilham Aliyev", "AZEGOV"},
      {"nl", "Alijev zweeg.", "2020-09", "Alijev", "AZEGOV"},
      {"nl", "Poetin sprak.", "2020-09", "Poetin", "RUSGOV"},
      // Compounds: metonym + role, role + s + role, org + - + role.
      {"nl", "De parlementsvoorzitter sprak.", "2020-09", "De parlementsvoorzitter", "LEG"},
      {"nl", "De legerleiding zweeg.", "2020-09", "De legerleiding", "MIL"},
      {"nl", "Een VN-gezant reisde af.", "2020-09", "Een VN-gezant", "IGOUNO"},
      {"nl", "Een Ruslandgezant reisde af.", "2020-09", "Een Ruslandgezant", "RUSGOV"},
      // Metonyms and organisations.
      {"nl", "Het Kremlin ontkent.", "2020-09", "Het Kremlin", "RUSGOV"},
      {"nl", "Het Witte Huis ontkent.", "2020-09", "Het Witte Huis", "USAGOV"},
      {"nl", "De NAVO vergadert.", "2020-09", "De NAVO", "IGOWSTNAT"},
      {"nl", "Artsen zonder Grenzen helpt.", "2020-09", "Artsen zonder Grenzen", "NGOMSF"},
      {"nl", "De Turkse regering zweeg.", "2020-09", "De Turkse regering", "TURGOV"},
      {"nl", "Oekraïense troepen rukken op.", "2023-06", "Oekraïense troepen", "UKRMIL"},
      {"nl", "Betogers liepen mee.", "2020-09", "Betogers", "CVL"},
      // A verb in -de/-te after a name is no adjective of the next role.
      {"nl", "Japan stuurde troepen naar de grens.", "2024-05", "troepen", "MIL"},
      {"nl", "De zwaarbewapende troepen rukten op.", "2024-05", "De zwaarbewapende troepen",
       "MIL"},
      // A lowercase word before a name, without an article, is not part of it.
      {"nl", "Kort daarna vuurde Hamas raketten af.", "2024-05", "Hamas", "PSEHMS"},
      {"nl", "Oman ontving een Houthi-delegatie.", "2024-05", "een Houthi-delegatie", "YEMREB"},
      {"nl", "De politie arresteerde vijf verdachten.", "2024-05", "verdachten", "CRM"},
      // English.
      {"en", "The Armenian ambassador in Moscow said so.", "2020-09", "The Armenian ambassador", "ARMGOV"},
      {"en", "Kremlin spokesman Dmitry Peskov said so.", "2020-09",
       "Kremlin spokesman Dmitry Peskov", "RUSGOV"},
      {"en", "Russian troops crossed.", "2022-02", "Russian troops", "RUSMIL"},
      {"en", "The government of Nagorno-Karabakh said.", "2020-09",
       "The government of Nagorno-Karabakh", "AZEPRE"},
  };
  for (const Case& c : kCases) {
    std::vector<ActorMention> ms = Matcher(c.lang).MatchPhrase(c.text, Date(c.date));
    bool found = false;
    std::string got;
    for (const ActorMention& m : ms) {
      got += "[" + m.text + " " + m.code + " (" + m.rule + ")] ";
      if (m.text == c.mention) {
        found = true;
        EXPECT_EQ(m.code, c.code) << c.text << " rule: " << m.rule;
      }
    }
    EXPECT_TRUE(found) << c.text << " -> " << got;
  }
}

// Finds the mention with text `text` in `ms`, or nullptr.
const ActorMention* FindText(const std::vector<ActorMention>& ms, const std::string& text) {
  for (const ActorMention& m : ms) {
    if (m.text == text) return &m;
  }
  return nullptr;
}

std::string Dump(const std::vector<ActorMention>& ms) {
  std::string out;
  for (const ActorMention& m : ms) out += "[" + m.text + " " + m.code + " (" + m.rule + ")] ";
  return out;
}

TEST(ActorMatcher, GroupRules) {
  const Case kCases[] = {
      // Role noun + 'van' + modifiers + organisation.
      {"nl", "Strijders van de paramilitaire RSF trokken de stad binnen.", "2024-05",
       "Strijders van de paramilitaire RSF", "SDNREB"},
      {"nl", "Gisteren sprak een commandant van het gevreesde Hezbollah.", "2024-05",
       "een commandant van het gevreesde Hezbollah", "LBNHEZ"},
      {"nl", "Jihadisten van JNIM blokkeren de weg.", "2024-05", "Jihadisten van JNIM", "MLIINS"},
      // A bare role takes the country of 'in'/'uit' + country, capital or
      // compass region; the place is not part of the mention.
      {"nl", "Raketten troffen een legerpost in Noord-Israël.", "2024-05", "een legerpost", "ISRMIL"},
      {"nl", "De militaire junta in Mali verbood de partijen.", "2024-05", "De militaire junta",
       "MLIGOV"},
      {"nl", "De politie in Moskou pakte hem op.", "2024-05", "De politie", "RUSCOP"},
      {"nl", "Vluchtelingen uit Soedan steken de grens over.", "2024-05", "Vluchtelingen", "SDNREF"},
      {"nl", "De strijdende partijen in Jemen praten weer.", "2024-05", "De strijdende partijen",
       "YEMUAF"},
      // Diplomats and correspondents are posted abroad; owned troops and
      // troops leaving a country are not of that country.
      {"nl", "De ambassadeur in Moskou zweeg.", "2024-05", "De ambassadeur", "GOV"},
      {"nl", "De correspondent in Peking meldt dat.", "2024-05", "De correspondent", "MED"},
      {"nl", "Rusland moet zijn troepen uit Oekraïne terugtrekken.", "2024-05", "troepen", "MIL"},
      {"nl", "Israël haalt de soldaten uit Libanon weg.", "2024-05", "de soldaten", "MIL"},
      {"nl", "Gisteren was minister Jansen in Kyiv.", "2024-05", "minister Jansen", "GOV"},
      // An adjective beats the place.
      {"nl", "Het Turkse leger in Syrië schoot terug.", "2024-05", "Het Turkse leger", "TURMIL"},
      // Coordinated country adjectives before one role noun.
      {"nl", "De Belgische en Nederlandse ministers van Justitie tekenden.", "2024-05",
       "De Belgische", "BELGOV"},
      {"nl", "De Belgische en Nederlandse ministers van Justitie tekenden.", "2024-05",
       "Nederlandse ministers", "NLDGOV"},
      {"nl", "Franse, Duitse en Britse diplomaten protesteerden.", "2024-05", "Franse", "FRAGOV"},
      {"nl", "Franse, Duitse en Britse diplomaten protesteerden.", "2024-05", "Duitse", "DEUGOV"},
      {"nl", "Franse, Duitse en Britse diplomaten protesteerden.", "2024-05", "Britse diplomaten",
       "GBRGOV"},
      {"nl", "Russische en Oekraïense troepen beschoten elkaar.", "2024-05", "Russische", "RUSMIL"},
      // An organisation named right after its description: one mention.
      {"nl", "De VN-vredesmissie MINUSCA meldde doden.", "2024-05", "De VN-vredesmissie MINUSCA",
       "IGOUNOPKO"},
      // A name before a hyphen and a word ending in a role noun.
      {"nl", "Een NAVO-marinecommandant waarschuwde.", "2024-05", "Een NAVO-marinecommandant",
       "IGOWSTNAT"},
      {"nl", "Een Hamas-veiligheidschef werd gedood.", "2024-05", "Een Hamas-veiligheidschef",
       "PSEHMS"},
      {"nl", "Het Houthi-gezondheidsministerie meldde vier doden.", "2024-05",
       "Het Houthi-gezondheidsministerie", "YEMREB"},
      // Group nouns of groups.tsv.
      {"nl", "Volgens de Iraanse rechterlijke macht is dat zo.", "2024-05",
       "de Iraanse rechterlijke macht", "IRNJUD"},
      {"nl", "Het Belgische federaal parket opende een onderzoek.", "2024-05",
       "Het Belgische federaal parket", "BELJUD"},
      {"nl", "Pakistaanse militanten vielen een konvooi aan.", "2024-05", "Pakistaanse militanten",
       "PAKREB"},
      {"nl", "Turkse drones troffen een auto.", "2024-05", "Turkse drones", "TURMIL"},
      {"nl", "De Revolutionaire Garde dreigde.", "2024-05", "De Revolutionaire Garde", "IRNMIL"},
  };
  for (const Case& c : kCases) {
    std::vector<ActorMention> ms = Matcher(c.lang).MatchPhrase(c.text, Date(c.date));
    const ActorMention* m = FindText(ms, c.mention);
    ASSERT_NE(m, nullptr) << c.text << " -> " << Dump(ms);
    EXPECT_EQ(m->code, c.code) << c.text << " rule: " << m->rule;
  }
}

TEST(ActorMatcher, PlaceAfterRoleStaysAPlace) {
  const ActorMatcher& m = Matcher("nl");
  std::vector<ActorMention> ms = m.MatchPhrase("Vluchtelingen uit Soedan komen aan.", Date("2024"));
  ASSERT_EQ(ms.size(), 2u) << Dump(ms);
  EXPECT_EQ(ms[0].text, "Vluchtelingen");
  EXPECT_EQ(ms[0].country, "SDN");
  EXPECT_FALSE(ms[0].locative);
  EXPECT_EQ(ms[1].text, "Soedan");
  EXPECT_TRUE(ms[1].locative);
  // A capital after 'in' is no actor of its own.
  ms = m.MatchPhrase("De rechtbank in Den Haag sprak recht.", Date("2024"));
  ASSERT_EQ(ms.size(), 1u) << Dump(ms);
  EXPECT_EQ(ms[0].code, "NLDJUD");
  // An adjective that coordinates with no role noun is no mention.
  ms = m.MatchPhrase("Russische en Oekraïense steun.", Date("2024"));
  EXPECT_TRUE(ms.empty()) << Dump(ms);
  // Organisations of different families stay apart.
  ms = m.MatchPhrase("De NAVO Hamas.", Date("2024"));
  EXPECT_EQ(ms.size(), 2u) << Dump(ms);
}

TEST(ActorMatcher, DateRangedRoles) {
  const ActorMatcher& m = Matcher("nl");
  struct DateCase {
    const char* text;
    const char* date;
    const char* code;
  } kCases[] = {
      {"Blinken", "2022-03-01", "USAGOV"},  // in office
      {"Blinken", "2019-06", "USA"},        // before: country only
      {"Blinken", "2025-06", "USA"},        // after: country only
      {"Pompeo", "2020-09", "USAGOV"},
      {"Pompeo", "2021-03", "USA"},
      {"Rutte", "2020-01", "NLDGOV"},       // one person, two roles
      {"Rutte", "2025-01", "IGOWSTNAT"},
      {"Hemedti", "2022-01", "SDNGOV"},
      {"Hemedti", "2023-05", "SDNREB"},
      {"Donald Trump", "2023-01", "USA"},   // between two terms
      {"Donald Trump", "2025-03", "USAGOV"},
  };
  for (const DateCase& c : kCases) {
    std::vector<ActorMention> ms = m.MatchPhrase(c.text, Date(c.date));
    ASSERT_EQ(ms.size(), 1u) << c.text << " " << c.date;
    EXPECT_EQ(ms[0].code, c.code) << c.text << " " << c.date << ": " << ms[0].rule;
  }
  // A person of an organisation outside his term is not coded at all.
  EXPECT_TRUE(m.MatchPhrase("Stoltenberg", Date("2010")).empty());
  // A month that straddles a change of office still finds the office holder.
  EXPECT_EQ(m.MatchPhrase("Biden", Date("2021-01")).at(0).code, "USAGOV");
}

TEST(ActorMatcher, DoesNotCodeWhatItShouldNot) {
  const ActorMatcher& m = Matcher("nl");
  const char* kNone[] = {
      "Zij woont in Moskou.",                   // metonym as a place
      "Een basis in Gjoemri en Jerevan.",       // place after 'en' in a list
      "Dat was Russische steun.",               // adjective without a role
      "Sovjetleider Josef Stalin gaf de regio weg.",  // unknown prefix, unknown name
      "Jan de Vries wandelt.",                  // unknown capitalised name
  };
  for (const char* t : kNone) {
    std::vector<ActorMention> ms = m.MatchPhrase(t, Date("2020-09"));
    for (const ActorMention& x : ms) {
      ADD_FAILURE() << t << " -> unexpected " << x.text << " " << x.code << " (" << x.rule << ")";
    }
  }
  std::vector<ActorMention> loc = m.MatchPhrase("Russen in Armenië.", Date("2020-09"));
  ASSERT_EQ(loc.size(), 2u);
  EXPECT_FALSE(loc[0].locative);
  EXPECT_TRUE(loc[1].locative);
  ActorMatchOptions strict;
  strict.emit_bare_roles = false;
  StatusOr<ActorDictionary> d = LoadActorDictionary(ResourceRoot(), "nl");
  ASSERT_TRUE(d.ok());
  const ActorMatcher no_bare(*std::move(d), strict);
  EXPECT_TRUE(no_bare.MatchPhrase("Betogers liepen mee.", Date("2020")).empty());
}

TEST(ActorMatcher, ShippedSelfTestsPass) {
  for (const char* lang : {"nl", "en"}) {
    Status s = Matcher(lang).RunSelfTests();
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_GT(Matcher(lang).dictionary().self_tests().size(), 10u);
  }
}

TEST(ActorMatcher, FailingSelfTestIsReported) {
  StatusOr<ActorDictionary> d = BuildActorDictionary(
      "nl", {{"codes.tsv", "ARM\tcountry\tARM\nRUS\tcountry\tRUS\n"},
             {"nl/actors/t.tsv",
              "country\tARM\tARM\tArmenië\n#test\tArmenië\tRUS\n#test\tniets\tARM\n"}});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  Status s = ActorMatcher(*std::move(d)).RunSelfTests();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("nl/actors/t.tsv:2: self-test 'Armenië' expected RUS, got ARM"),
            std::string::npos) << s.message();
  EXPECT_NE(s.message().find("t.tsv:3: self-test 'niets' expected ARM, got nothing"),
            std::string::npos) << s.message();
}

// Every actor of the seed gold, found with the gold span and code.
TEST(ActorMatcher, SeedGoldActors) {
  const std::string dir = KRONIEK_SOURCE_DIR "/../shared/data/seed/";
  std::ifstream art(dir + "seed-article.txt"), gold(dir + "seed.gold.json");
  if (!art || !gold) GTEST_SKIP() << "seed data absent in " << dir;
  std::stringstream ss;
  ss << art.rdbuf();
  const std::string raw = ss.str();
  nlohmann::json g = nlohmann::json::parse(gold);
  const PartialDate date = *ParsePartialDate(g["date"].get<std::string>());
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Tokenize(raw, &tokens, &sentences);
  std::vector<ActorMention> ms = Matcher("nl").Match(raw, tokens, sentences, date);
  int checked = 0;
  for (const auto& a : g["entities"]["actors"]) {
    const std::string text = a["text"];
    const std::string code = a["code"];
    size_t at = raw.find(text);
    ASSERT_NE(at, std::string::npos) << text;
    const ActorMention* hit = nullptr;
    for (const ActorMention& m : ms) {
      if (m.span.begin == at && m.span.end == at + text.size()) hit = &m;
    }
    ASSERT_NE(hit, nullptr) << "no mention with the gold span of '" << text << "'";
    EXPECT_EQ(hit->code, code) << text << ": " << hit->rule;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(g["entities"]["actors"].size()));
}

}  // namespace
}  // namespace kroniek::entities
