// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Tests of the event coder through the whole chain (DocumentCoder): the
// example sentence of every dictionary pattern, one sentence per clause
// phenomenon of coder.h, and the seed and dev gold sets as regression
// guards. The compiled gazetteer is optional: without it the coder runs
// without places, and the dev guard uses its lower no-places figure.
#include "events/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/resources.h"
#include "events/document_coder.h"
#include "events/eval_events.h"
#include "kroniek/date.h"

namespace kroniek::events {
namespace {

namespace fs = std::filesystem;

// Dev F1 regression floors, just under the score reached when they were
// set (with and without the compiled gazetteer).
constexpr double kDevMinF1WithPlaces = 0.78;
constexpr double kDevMinF1WithoutPlaces = 0.73;

// The gazetteer next to the kroniek binary of this build tree, if built.
std::string FindGazetteer() {
  if (const char* env = std::getenv("KRONIEK_GAZETTEER")) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "gazetteer.bin")) return (dir / "gazetteer.bin").string();
    if (fs::exists(dir / "CMakeCache.txt")) break;
  }
  return "";
}

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DocumentCoderOptions opt;
    opt.gazetteer = FindGazetteer();
    if (opt.gazetteer.empty()) opt.gazetteer = "/nonexistent/gazetteer.bin";
    auto c = DocumentCoder::Load(opt);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = std::move(*c).release();
    has_places_ = coder_->warnings().empty() ||
                  std::none_of(coder_->warnings().begin(), coder_->warnings().end(),
                               [](const std::string& w) { return w.find("gazetteer") == 0; });
  }
  static void TearDownTestSuite() {
    delete coder_;
    coder_ = nullptr;
  }

  static Document Doc(const std::string& text, const std::string& date = "2024-03-12") {
    Document d;
    d.id = "test";
    d.source = "coder_test";
    d.format = "txt";
    d.raw = text;
    d.lang = "nl";
    auto pd = ParsePartialDate(date);
    if (pd.ok()) d.date = *pd;
    return d;
  }
  // Reads a gold set's article: "date YYYY-MM-DD", a blank line, the text.
  static Document Article(const std::string& path) {
    std::string raw;
    EXPECT_TRUE(base::ReadFileToString(path, &raw)) << path;
    Document d;
    d.id = path;
    d.source = path;
    d.format = "dated-text";
    d.lang = "nl";
    d.raw = raw;
    size_t nl = raw.find('\n');
    if (raw.rfind("date ", 0) == 0 && nl != std::string::npos) {
      auto pd = ParsePartialDate(raw.substr(5, nl - 5));
      if (pd.ok()) d.date = *pd;
      size_t b = nl + 1;
      while (b < raw.size() && (raw[b] == '\n' || raw[b] == '\r')) ++b;
      d.body_begin = static_cast<uint32_t>(b);
    }
    return d;
  }
  static std::vector<Event> Code(const std::string& text) {
    return coder_->Code(Doc(text)).events;
  }
  static std::string Describe(const std::vector<Event>& evs) {
    std::string out;
    for (const Event& e : evs)
      out += e.cameo + " " + (e.source ? e.source->code : "-") + " -> " +
             (e.target ? e.target->code : "-") + " (" + e.trigger + ")" +
             (e.reported ? " reported" : "") + "; ";
    return out.empty() ? "(no events)" : out;
  }
  static const Event* Find(const std::vector<Event>& evs, const std::string& cameo_prefix,
                           const std::string& src = "", const std::string& tgt = "") {
    for (const Event& e : evs) {
      if (e.cameo.rfind(cameo_prefix, 0) != 0) continue;
      if (!src.empty() && (!e.source || e.source->code.rfind(src, 0) != 0)) continue;
      if (!tgt.empty() && (!e.target || e.target->code.rfind(tgt, 0) != 0)) continue;
      return &e;
    }
    return nullptr;
  }

  static DocumentCoder* coder_;
  static bool has_places_;
};

DocumentCoder* CoderTest::coder_ = nullptr;
bool CoderTest::has_places_ = false;

// (1) Every pattern's example is coded with its code or a refinement.
TEST_F(CoderTest, EveryPatternExampleIsCodedWithItsCode) {
  auto ont = Ontology::Load(base::ResourceDir());
  ASSERT_TRUE(ont.ok());
  auto dict = EventDictionary::Load(base::ResourceDir(), "nl", **ont);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  // Examples the coder cannot yet read, each with the reason. Keyed by the
  // example sentence; a listed example that starts passing fails the test,
  // so the list only shrinks.
  const std::map<std::string, std::string> kKnownFailures = {
      {"De Nederlandse regering verklaarde zich bereid tot overleg.",
       "not yet diagnosed: no event is coded (tagger reading or clause analysis)"},
      {"Iran toonde zich dinsdag bereid tot gesprekken.",
       "not yet diagnosed: no event is coded (tagger reading or clause analysis)"},
      {"De VN manen beide partijen aan tot terughoudendheid.",
       "not yet diagnosed: no event is coded (tagger reading or clause analysis)"},
      {"Nederland gaat militair samenwerken met Estland.",
       "not yet diagnosed: no event is coded (tagger reading or clause analysis)"},
      {"Denemarken leidde Oekraïense piloten op.",
       "not yet diagnosed: no event is coded (tagger reading or clause analysis)"},
      {"Zuid-Afrika diende een aanklacht in tegen Israël.",
       "a competing pattern (114 protest) is preferred over this reading"},
      {"Oekraïne klaagde Rusland aan bij het Internationaal Gerechtshof.",
       "a competing pattern (114 protest) is preferred over this reading"},
      {"In 2020 brak oorlog uit tussen Armenië en Azerbeidzjan.",
       "not yet diagnosed: no event is coded (tagger reading or clause analysis)"},
  };
  int passed = 0, failed = 0, excluded = 0;
  std::string report;
  for (const Pattern& p : (*dict)->patterns()) {
    std::vector<Event> evs = Code(p.example);
    bool ok = false;
    for (const Event& e : evs) {
      if (e.cameo.rfind(p.cameo, 0) == 0) ok = true;
      for (const Refinement& r : p.refine)
        if (e.cameo == r.cameo) ok = true;
    }
    auto known = kKnownFailures.find(p.example);
    if (known != kKnownFailures.end()) {
      ++excluded;
      EXPECT_FALSE(ok) << "now passes, remove it from the known failures: " << p.example;
      continue;
    }
    if (ok) {
      ++passed;
    } else {
      ++failed;
      report += p.file.substr(p.file.rfind('/') + 1) + ":" + std::to_string(p.line) + " " +
                p.cameo + " '" + p.example + "' -> " + Describe(evs) + "\n";
    }
  }
  std::printf("pattern examples: %d passed, %d failed, %d known failures of %zu\n", passed,
              failed, excluded, (*dict)->patterns().size());
  EXPECT_EQ(failed, 0) << report;
}

// (2) Clause phenomena, one sentence each.
TEST_F(CoderTest, MainClauseVerbSecond) {
  auto evs = Code("Rusland viel maandag Oekraïne aan.");
  EXPECT_TRUE(Find(evs, "19", "RUS", "UKR")) << Describe(evs);
}

TEST_F(CoderTest, InversionAfterFrontedTimePhrase) {
  auto evs = Code("Op maandag viel Rusland Oekraïne aan.");
  EXPECT_TRUE(Find(evs, "19", "RUS", "UKR")) << Describe(evs);
}

TEST_F(CoderTest, SubordinateClauseVerbFinal) {
  auto evs = Code("Oekraïne meldde dat Rusland de stad had aangevallen.");
  const Event* e = Find(evs, "19", "RUS");
  ASSERT_TRUE(e) << Describe(evs);
  EXPECT_TRUE(e->reported);
}

TEST_F(CoderTest, SeparableVerbSplitAndJoined) {
  auto split = Code("Frankrijk riep Iran op de aanvallen te staken.");
  EXPECT_TRUE(Find(split, "02", "FRA", "IRN")) << Describe(split);
  auto joined = Code("Frankrijk heeft Iran opgeroepen de aanvallen te staken.");
  EXPECT_TRUE(Find(joined, "02", "FRA", "IRN")) << Describe(joined);
}

TEST_F(CoderTest, ReflexiveVerb) {
  auto evs = Code("Armenië wendt zich tot Rusland voor hulp.");
  EXPECT_TRUE(Find(evs, "02", "ARM", "RUS")) << Describe(evs);
}

TEST_F(CoderTest, PassiveWithDoor) {
  auto evs = Code("Twee Russische soldaten werden gedood door het Oekraïense leger.");
  EXPECT_TRUE(Find(evs, "1", "UKRMIL", "RUSMIL")) << Describe(evs);
}

TEST_F(CoderTest, CoordinationGivesOneEventPerActor) {
  auto evs = Code("Frankrijk en Duitsland veroordeelden de aanval van Rusland.");
  EXPECT_TRUE(Find(evs, "11", "FRA")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "11", "DEU")) << Describe(evs);
}

TEST_F(CoderTest, ReciprocalGivesBothDirections) {
  auto evs = Code("India en Pakistan beschoten elkaar zondag.");
  EXPECT_TRUE(Find(evs, "19", "IND", "PAK")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "19", "PAK", "IND")) << Describe(evs);
  auto meet = Code("Ethiopië en Somalië kwamen donderdag bijeen.");
  EXPECT_TRUE(Find(meet, "04", "ETH", "SOM")) << Describe(meet);
  EXPECT_TRUE(Find(meet, "04", "SOM", "ETH")) << Describe(meet);
}

TEST_F(CoderTest, ReportedSpeechIsFlagged) {
  auto evs = Code("Volgens Oekraïne heeft Rusland de stad beschoten.");
  const Event* e = Find(evs, "19", "RUS");
  ASSERT_TRUE(e) << Describe(evs);
  EXPECT_TRUE(e->reported);
}

TEST_F(CoderTest, NegationIsNotEmittedAndStaysInItsClause) {
  auto evs = Code("Rusland heeft de stad niet aangevallen.");
  EXPECT_FALSE(Find(evs, "19")) << Describe(evs);
  auto two = Code("Rusland viel de stad aan, maar Oekraïne heeft niet gereageerd.");
  EXPECT_TRUE(Find(two, "19", "RUS")) << Describe(two);
}

TEST_F(CoderTest, HypotheticalIsNotEmitted) {
  auto evs = Code("Rusland zou de stad kunnen aanvallen.");
  EXPECT_FALSE(Find(evs, "19")) << Describe(evs);
  auto cond = Code("Als Rusland de stad aanvalt, volgen sancties.");
  EXPECT_FALSE(Find(cond, "19")) << Describe(cond);
}

TEST_F(CoderTest, RelativeClauseKeepsTheMainSubject) {
  // After ", dat ... heeft," the main clause goes on with its verb.
  auto evs = Code("China, dat grote belangen in het gebied heeft, riep Myanmar op de gevechten te "
                  "staken.");
  EXPECT_TRUE(Find(evs, "02", "CHN", "MMR")) << Describe(evs);
  // A relative clause without a comma keeps its modal to itself: the main
  // clause is no hypothetical.
  auto bare = Code("Litouwen kondigde inreisverboden aan voor Georgische functionarissen die "
                   "verantwoordelijk zouden zijn voor het geweld.");
  EXPECT_TRUE(Find(bare, "16", "LTU", "GEO")) << Describe(bare);
}

TEST_F(CoderTest, CasualtyReportNamesVictimsAndAttackerNoun) {
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer (Charkiv is in Ukraine)";
  auto evs = Code("Bij een Russische raketaanval op Charkiv zijn zondag zeker elf mensen "
                  "omgekomen.");
  const Event* e = Find(evs, "19", "RUSMIL", "UKRCVL");
  ASSERT_TRUE(e) << Describe(evs);
  ASSERT_TRUE(e->fatalities);
  EXPECT_EQ(e->fatalities->killed, 11);
  auto soldiers = Code("Volgens het leger kwamen daarbij twee Indiase soldaten om het leven.");
  EXPECT_TRUE(Find(soldiers, "", "", "INDMIL")) << Describe(soldiers);
}

TEST_F(CoderTest, CountryAdjectiveWithWeaponIsTheMilitary) {
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer (Odesa is in Ukraine)";
  auto evs = Code("Zondag troffen Russische raketten een woonwijk in Odesa.");
  EXPECT_TRUE(Find(evs, "19", "RUSMIL", "UKR")) << Describe(evs);
}

TEST_F(CoderTest, CoordinatedPledgeIsNotMutual) {
  // Aid pledged by two countries goes to a third party, not to each other.
  auto evs = Code("De Verenigde Staten en Canada zegden donderdag extra geld toe.");
  EXPECT_TRUE(Find(evs, "03", "USA")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "03", "USA", "CAN")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "03", "CAN", "USA")) << Describe(evs);
  // A meeting of coordinated subjects still is.
  auto meet = Code("Ethiopië en Somalië kwamen donderdag bijeen.");
  EXPECT_TRUE(Find(meet, "04", "ETH", "SOM")) << Describe(meet);
}

TEST_F(CoderTest, ProtestOnTheStreetAfterFrontedPlace) {
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer (Tbilisi is in Georgia)";
  // "zijn" after a fronted place phrase is the verb; the particle is
  // written apart before the participle.
  auto evs = Code("In de Georgische hoofdstad Tbilisi zijn maandag duizenden mensen de straat op "
                  "gegaan.");
  EXPECT_TRUE(Find(evs, "14", "GEOCVL")) << Describe(evs);
}

TEST_F(CoderTest, NegationInsideTheAppealedActIsNotTheAppeal) {
  auto evs = Code("De Verenigde Staten riepen China op geen eenzijdige stappen te zetten.");
  EXPECT_TRUE(Find(evs, "02", "USA", "CHN")) << Describe(evs);
  auto neg = Code("De Verenigde Staten riepen China niet op tot terughoudendheid.");
  EXPECT_FALSE(Find(neg, "02")) << Describe(neg);
}

TEST_F(CoderTest, TwoVerbPhrasesShareSubjectAndTarget) {
  // Two acts of one sentence stay two events; the second takes the first
  // one's target.
  auto evs = Code("Manilla ontbood donderdag de Chinese ambassadeur en diende een formeel "
                  "protest in.");
  int n = 0;
  for (const Event& e : evs)
    if (e.cameo.rfind("11", 0) == 0 && e.target && e.target->code.rfind("CHN", 0) == 0) ++n;
  EXPECT_EQ(n, 2) << Describe(evs);
}

TEST_F(CoderTest, SubjectRelativeClauseTakesItsAntecedent) {
  auto evs = Code("De Russische troepen, die al maanden tegen het Oekraïense leger vechten, "
                  "trokken zich terug.");
  EXPECT_TRUE(Find(evs, "19", "RUSMIL", "UKRMIL")) << Describe(evs);
}

TEST_F(CoderTest, AttackFromACountryWithoutAgentComesFromIt) {
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer (Libanon as a place)";
  auto evs = Code("Vanuit Libanon zijn maandag zes raketten afgevuurd op het noorden van Israël.");
  EXPECT_TRUE(Find(evs, "19", "LBN")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "19", "", "LBN")) << Describe(evs);
}

TEST_F(CoderTest, CondemningAnEventNamedBeforeTargetsItsAgent) {
  auto evs = Code(
      "Noord-Korea heeft zondag een raket afgevuurd. Japan veroordeelde de lancering. "
      "Al-Shabaab pleegde zondag een bomaanslag op een controlepost in Mogadishu. "
      "Amerikaanse troepen voerden daarna een luchtaanval uit op Kismayo. "
      "De Somalische president veroordeelde de aanslag.");
  EXPECT_TRUE(Find(evs, "11", "JPN", "PRK")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "11", "SOMGOV", "SOMREB")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "11", "SOMGOV", "USA")) << Describe(evs);
}

TEST_F(CoderTest, AGovernmentProtestIsAComplaint) {
  auto evs = Code("China hield oefeningen rond Taiwan. Taipei protesteerde tegen de manoeuvres.");
  EXPECT_TRUE(Find(evs, "114", "TWN", "CHN")) << Describe(evs);
  auto street = Code("Duizenden Georgiërs protesteerden in Tbilisi tegen de regering.");
  EXPECT_TRUE(Find(street, "14", "GEO")) << Describe(street);
  EXPECT_FALSE(Find(street, "114")) << Describe(street);
}

TEST_F(CoderTest, WarningSomeoneIsAThreat) {
  EXPECT_TRUE(Find(Code("Jordanië waarschuwde Israël voor verdere escalatie."), "13", "JOR",
                   "ISR"));
  auto comment = Code("De VN waarschuwden voor een humanitaire ramp in Sudan.");
  EXPECT_FALSE(Find(comment, "13")) << Describe(comment);
}

TEST_F(CoderTest, TwoOfficeHoldersOfOneStateAreTwoActors) {
  auto evs = Code(
      "De burgemeester van Antwerpen vroeg de Belgische regering om extra rechercheurs.");
  EXPECT_TRUE(Find(evs, "02", "BELGOV", "BELGOV")) << Describe(evs);
}

TEST_F(CoderTest, APluralDemonymCountsVictims) {
  auto evs = Code("Bij een Israëlische luchtaanval zijn zeker 14 Palestijnen om het leven gekomen.");
  const Event* e = Find(evs, "19", "ISR", "PSE");
  ASSERT_TRUE(e) << Describe(evs);
  ASSERT_TRUE(e->fatalities);
  EXPECT_EQ(e->fatalities->killed.value_or(-1), 14);
}

TEST_F(CoderTest, AFrontedTimeAdverbialIsNoSubject) {
  auto evs = Code("Enkele uren later voerden Amerikaanse troepen een luchtaanval uit op Kismayo.");
  EXPECT_TRUE(Find(evs, "19", "USAMIL")) << Describe(evs);
  auto night = Code("Die nacht beschoten Russische troepen de stad Charkiv.");
  EXPECT_TRUE(Find(night, "19", "RUSMIL")) << Describe(night);
}

TEST_F(CoderTest, AttackersWithoutACountryBelongToTheStory) {
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer (Port-au-Prince, Haïti)";
  auto evs = Code(
      "De Haïtiaanse regering meldde dat bendes in Port-au-Prince een politiebureau hebben "
      "aangevallen. Agenten van de door Kenia geleide missie dreven de aanvallers terug.");
  EXPECT_TRUE(Find(evs, "19", "KEN", "HTI")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "19", "KEN", "KEN")) << Describe(evs);
}

TEST_F(CoderTest, RelativeClausesAfterTheSubject) {
  // Whatever the tagger makes of "dat", the main clause keeps its subject.
  auto evs = Code("Het Sudanese leger, dat de stad nog in handen heeft, sloeg een aanval af.");
  EXPECT_TRUE(Find(evs, "19", "SDNMIL")) << Describe(evs);
  // A share of a group is the object of an actor antecedent.
  auto share = Code("Turkije, dat een deel van de Syrische rebellen steunt, riep Damascus op.");
  EXPECT_TRUE(Find(share, "05", "TUR", "SYRREB")) << Describe(share);
  EXPECT_TRUE(Find(share, "02", "TUR", "SYR")) << Describe(share);
}

TEST_F(CoderTest, NeuterPronounBeforeADateIsTheSubject) {
  auto evs = Code("Het Malinese leger zegt dat het dinsdag met drones de schuilplaatsen van de "
                  "rebellen heeft bestookt.");
  const Event* e = Find(evs, "19", "MLIMIL");
  ASSERT_TRUE(e) << Describe(evs);
  EXPECT_TRUE(e->reported);
}

TEST_F(CoderTest, WaterCannonIsForceNotArmedAttack) {
  auto evs = Code("Een schip van de Chinese kustwacht heeft een Filipijns schip met een waterkanon "
                  "bestookt. Drie Filipijnse bemanningsleden raakten daarbij lichtgewond.");
  EXPECT_TRUE(Find(evs, "175", "CHN")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "19")) << Describe(evs);
  // The injured are the toll of that force: its source, victims by their
  // adjective.
  const Event* hurt = nullptr;
  for (const Event& e : evs)
    if (e.fatalities && e.fatalities->injured.value_or(0) == 3) hurt = &e;
  ASSERT_TRUE(hurt) << Describe(evs);
  ASSERT_TRUE(hurt->source && hurt->target) << Describe(evs);
  EXPECT_EQ(hurt->source->country, "CHN") << Describe(evs);
  EXPECT_EQ(hurt->target->code, "PHLCVL") << Describe(evs);
}

TEST_F(CoderTest, OneNamedVictimIsTheTarget) {
  auto evs = Code("Bij een vuurgevecht in Nigeria kwam een Nigeriaanse agent om.");
  const Event* e = Find(evs, "", "", "NGACOP");
  ASSERT_TRUE(e) << Describe(evs);
  ASSERT_TRUE(e->fatalities);
  EXPECT_EQ(e->fatalities->killed.value_or(-1), 1);
}

TEST_F(CoderTest, GrantingARequestAnswersWhoAsked) {
  auto evs = Code(
      "De burgemeester van Antwerpen vroeg de Belgische regering om extra rechercheurs. De "
      "minister van Justitie zegde meer middelen toe.");
  const Event* e = Find(evs, "03", "BELGOV", "BELGOV");
  ASSERT_TRUE(e) << Describe(evs);
  EXPECT_NE(e->target->text.find("burgemeester"), std::string::npos) << Describe(evs);
}

TEST_F(CoderTest, ANameInAppositionIsTheActor) {
  auto evs = Code("De Zuidoost-Aziatische statengemeenschap ASEAN riep Myanmar op het geweld te "
                  "staken.");
  EXPECT_TRUE(Find(evs, "02", "IGO", "MMR")) << Describe(evs);
}

TEST_F(CoderTest, ATollAfterAnAttackIsItsToll) {
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer (Kyiv)";
  auto evs = Code(
      "Rusland heeft in de nacht Kyiv aangevallen met drones. In de hoofdstad werden volgens de "
      "burgemeester vijf mensen gedood, toen een woonflat werd getroffen.");
  const Event* e = nullptr;
  for (const Event& x : evs)
    if (x.fatalities && x.fatalities->killed.value_or(0) == 5) e = &x;
  ASSERT_TRUE(e) << Describe(evs);
  ASSERT_TRUE(e->source) << Describe(evs);
  EXPECT_EQ(e->source->country, "RUS") << Describe(evs);
  ASSERT_TRUE(e->target) << Describe(evs);
  EXPECT_EQ(e->target->country, "UKR") << Describe(evs);
  // After an exchange of fire the toll is nobody's alone.
  auto both = Code("De legers van India en Pakistan beschoten elkaar zondag. Daarbij werden vier "
                   "burgers gedood.");
  for (const Event& x : both) {
    if (!x.fatalities) continue;
    EXPECT_FALSE(x.source && !x.source->code.empty()) << Describe(both);
  }
}

TEST_F(CoderTest, AWeaponBelongsToTheAttackerNotToThePlaceItStruck) {
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer (Nabatieh)";
  auto evs = Code(
      "Het Israëlische leger heeft maandag in Zuid-Libanon een commandant van Hezbollah gedood. "
      "De drone trof zijn auto op een weg bij Nabatieh.");
  EXPECT_FALSE(Find(evs, "19", "LBN")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "19", "ISR", "LBN")) << Describe(evs);
}

TEST_F(CoderTest, WordsThatOnlyEndInATriggerAreNone) {
  // "paleis" ends in "eis" (demand); "te laten overleggen" is the content of
  // the agreement; "zolang" opens a condition.
  auto evs = Code("De Egyptische president ontving de Franse president in het paleis.");
  EXPECT_FALSE(Find(evs, "10")) << Describe(evs);
  auto agree = Code("Griekenland en Turkije kwamen overeen hun ministers vaker te laten overleggen.");
  EXPECT_FALSE(Find(agree, "04")) << Describe(agree);
  auto cond = Code("De Houthi's zeiden dat de aanvallen doorgaan zolang de oorlog in Gaza voortduurt.");
  EXPECT_FALSE(Find(cond, "19", "", "PSE")) << Describe(cond);
}

TEST_F(CoderTest, FightingBetweenTwoSidesNamesBoth) {
  auto evs = Code("In de Ethiopische regio Amhara zijn bij gevechten tussen het federale leger "
                  "en Fano-milities meer dan zestig mensen gesneuveld.");
  EXPECT_TRUE(Find(evs, "19", "ETHMIL", "ETH")) << Describe(evs);
}

TEST_F(CoderTest, WelcomingOrRejectingADecisionTargetsWhoMadeIt) {
  auto evs = Code(
      "Het Internationaal Strafhof vaardigde een arrestatiebevel uit tegen een Soedanese "
      "minister. De Soedanese regering verwierp het bevel. Frankrijk verwelkomde het besluit.");
  EXPECT_TRUE(Find(evs, "12", "SDNGOV", "IGO")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "05", "FRA", "IGO")) << Describe(evs);
  // The owner of the object noun: "het rapport van Amnesty".
  auto report = Code("De Ethiopische regering wees het rapport van Amnesty International af.");
  EXPECT_TRUE(Find(report, "12", "ETHGOV", "NGO")) << Describe(report);
}

TEST_F(CoderTest, PluralAttackNounsNameTheAttacker) {
  auto evs = Code("Bij Israëlische luchtaanvallen op Khan Younis zijn zeker negentien "
                  "Palestijnen gedood.");
  EXPECT_TRUE(Find(evs, "19", "ISR", "PSE")) << Describe(evs);
}

TEST_F(CoderTest, ViolenceWithNoOneNamedAndNoTollIsNoEvent) {
  auto evs = Code("Het Russische ministerie verklaarde dat alleen militaire doelen waren getroffen.");
  EXPECT_FALSE(Find(evs, "19")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "18")) << Describe(evs);
}

TEST_F(CoderTest, CallingSomethingAnAttackIsAVerdictNotAnAttack) {
  auto evs = Code("De Litouwse regering spreekt van een hybride aanval.");
  EXPECT_TRUE(Find(evs, "11", "LTU")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "19")) << Describe(evs);
  // ... aimed at whoever did what it names, quotation marks aside.
  auto verdict = Code("Al-Shabaab pleegde zondag een aanslag in Mogadishu. De Somalische premier "
                      "sprak van een \"laffe daad\".");
  EXPECT_TRUE(Find(verdict, "11", "SOMGOV", "SOMREB")) << Describe(verdict);
}

TEST_F(CoderTest, ClosingABorderIsARestrictionNotABlockade) {
  auto evs = Code("Pakistan sloot dinsdag de grensovergang met Afghanistan.");
  EXPECT_TRUE(Find(evs, "172", "PAK")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "19")) << Describe(evs);
}

TEST_F(CoderTest, ThePastOfAnErenVerbIsAVerbWhereverItStands) {
  // The tagger reads "bombardeerden" as a noun after a fronted adverbial.
  auto evs = Code("In reactie daarop bombardeerden Amerikaanse gevechtsvliegtuigen een haven.");
  EXPECT_TRUE(Find(evs, "19", "USAMIL")) << Describe(evs);
}

TEST_F(CoderTest, TheCourtNamedAgainIsTheInternationalCourt) {
  auto evs = Code("Het Internationaal Strafhof vaardigde een arrestatiebevel uit tegen een "
                  "Soedanese minister. Het hof roept alle lidstaten op de man aan te houden.");
  EXPECT_TRUE(Find(evs, "02", "IGO")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "02", "SDNJUD")) << Describe(evs);
}

TEST_F(CoderTest, SanctionsNamedAgainAreTheSanctions) {
  auto evs = Code(
      "De Europese Unie nam een nieuw sanctiepakket tegen Rusland aan. Chinese bedrijven "
      "leverden onderdelen aan het Russische leger. Moskou veroordeelde de sancties.");
  EXPECT_TRUE(Find(evs, "11", "RUS", "IGOEU")) << Describe(evs);
}

TEST_F(CoderTest, TheMemberStatesOfAnOrganisationNamedBefore) {
  auto evs = Code("De Europese Unie nam nieuwe sancties aan. Oekraïne riep de lidstaten op "
                  "Russische tegoeden in te zetten.");
  EXPECT_TRUE(Find(evs, "02", "UKR", "IGOEU")) << Describe(evs);
}

TEST_F(CoderTest, StateVerbsAreNoEvents) {
  EXPECT_TRUE(Code("Rusland heeft een verdrag met Armenië.").empty());
  EXPECT_TRUE(Code("In Litouwen zijn Duitse soldaten gestationeerd.").empty());
}

TEST_F(CoderTest, CasualtiesIncrementalAndCumulative) {
  auto evs = Code(
      "Bij gevechten kwamen maandag nog eens 26 mensen om, waarmee het dodental op 89 kwam.");
  ASSERT_FALSE(evs.empty());
  const Event* e = nullptr;
  for (const Event& x : evs)
    if (x.fatalities) e = &x;
  ASSERT_TRUE(e) << Describe(evs);
  EXPECT_EQ(e->fatalities->killed.value_or(-1), 26);
  EXPECT_EQ(e->fatalities->cumulative_killed.value_or(-1), 89);
  auto total = Code("Het dodental van de gevechten is sinds zondag gestegen tot 52.");
  ASSERT_FALSE(total.empty()) << Describe(total);
  ASSERT_TRUE(total[0].fatalities);
  EXPECT_FALSE(total[0].fatalities->killed);
  EXPECT_EQ(total[0].fatalities->cumulative_killed.value_or(-1), 52);
}

TEST_F(CoderTest, SplitParticleCasualtyVerb) {
  auto evs = Code("Bij de beschietingen kwamen drie mensen om en raakten vijf mensen gewond.");
  ASSERT_FALSE(evs.empty());
  ASSERT_TRUE(evs[0].fatalities) << Describe(evs);
  EXPECT_EQ(evs[0].fatalities->killed.value_or(-1), 3);
}

TEST_F(CoderTest, CiviliansAndVagueCounts) {
  auto civ = Code("Azerbeidzjan meldde negen doden, waaronder burgers.");
  const Event* e = nullptr;
  for (const Event& x : civ)
    if (x.fatalities) e = &x;
  ASSERT_TRUE(e) << Describe(civ);
  EXPECT_TRUE(e->fatalities->civilians);
  EXPECT_EQ(e->fatalities->killed.value_or(-1), 9);
  auto vague = Code("Aan beide kanten zijn talloze gewonden gevallen.");
  ASSERT_FALSE(vague.empty());
  ASSERT_TRUE(vague[0].fatalities);
  EXPECT_TRUE(vague[0].fatalities->vague);
}

TEST_F(CoderTest, SinceDateMarksTheStart) {
  // 2024-03-12 is a Tuesday; "sinds zondag" is 2024-03-10.
  auto evs = Code("Sinds zondag zijn weer gevechten uitgebroken.");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs[0].date.start, "2024-03-10");
}

TEST_F(CoderTest, SentenceWithoutDateContinuesTheLastDatedEvent) {
  auto evs = Code("Rusland heeft zondag Odessa beschoten. Daarbij kwamen drie mensen om.");
  ASSERT_GE(evs.size(), 2u) << Describe(evs);
  EXPECT_EQ(evs.back().date.start, "2024-03-10");
}

TEST_F(CoderTest, RoleWithoutCountryTakesTheArticleCountry) {
  auto evs = Code("In Tbilisi pakte de oproerpolitie twintig betogers op.");
  if (!has_places_) GTEST_SKIP() << "needs the gazetteer";
  EXPECT_TRUE(Find(evs, "17", "GEOCOP")) << Describe(evs);
}

TEST_F(CoderTest, NonActorSubjectIsNotReplacedByALaterActor) {
  auto evs = Code("Onbekenden openden het vuur op een controlepost, meldde de politie.");
  for (const Event& e : evs) {
    if (e.cameo.rfind("19", 0) == 0) {
      EXPECT_FALSE(e.source && !e.source->code.empty()) << Describe(evs);
    }
  }
}

TEST_F(CoderTest, MediatorActsTowardsBothParties) {
  auto evs = Code(
      "Armenië en Azerbeidzjan vechten om Nagorno-Karabach. "
      "Rusland heeft zich als bemiddelaar opgeworpen.");
  EXPECT_TRUE(Find(evs, "03", "RUS", "ARM") || Find(evs, "04", "RUS", "ARM")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "03", "RUS", "AZE") || Find(evs, "04", "RUS", "AZE")) << Describe(evs);
}

TEST_F(CoderTest, EmptyTargetIsTakenFromTheContext) {
  // Another actor in the clause.
  auto bij = Code("Wit-Rusland riep zijn ambassadeur bij de Europese Unie terug.");
  EXPECT_TRUE(Find(bij, "16", "BLR", "IGOEUREEC")) << Describe(bij);
  // The other side of the conflict pair.
  auto pair = Code(
      "Armenië en Azerbeidzjan vechten om Nagorno-Karabach. "
      "Armenië gaf de stoffelijke resten van twee soldaten terug.");
  EXPECT_TRUE(Find(pair, "08", "ARM", "AZE")) << Describe(pair);
}

TEST_F(CoderTest, DenialNegatesWhatItReports) {
  auto evs = Code("Rwanda ontkent dat het de rebellen van M23 steunt.");
  EXPECT_FALSE(Find(evs, "05")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "016", "RWA")) << Describe(evs);
}

TEST_F(CoderTest, ModalTriggerIsNotHypothetical) {
  auto evs = Code("Noord-Korea dreigde dinsdag met een genadeloze vergelding tegen Zuid-Korea.");
  EXPECT_TRUE(Find(evs, "13", "PRK")) << Describe(evs);
  auto te = Code("De Europese Unie dreigt de toetredingsgesprekken met Georgië te bevriezen.");
  EXPECT_TRUE(Find(te, "131", "IGOEUREEC", "GEO")) << Describe(te);
}

TEST_F(CoderTest, CoordinatedSubjectsOfACooperativeActActOnEachOther) {
  auto evs = Code("Nederland en België hebben dinsdag een verdrag ondertekend.");
  EXPECT_TRUE(Find(evs, "057", "NLD", "BEL")) << Describe(evs);
  EXPECT_TRUE(Find(evs, "057", "BEL", "NLD")) << Describe(evs);
}

TEST_F(CoderTest, DescriptiveNounPhrasePointsBack) {
  auto evs = Code(
      "Hamas heeft het voorstel van Egypte afgewezen. "
      "De beweging eist dat Israël zich terugtrekt uit de Gazastrook.");
  EXPECT_TRUE(Find(evs, "10", "PSEHMS")) << Describe(evs);
}

TEST_F(CoderTest, ClauseFinalParticleBlocksAnotherVerb) {
  // "staken ... over" is oversteken, not a strike.
  auto evs = Code("Duizenden Soedanese vluchtelingen staken de grens met Tsjaad over.");
  EXPECT_FALSE(Find(evs, "14")) << Describe(evs);
  // "al maanden" is no verb (manen).
  auto months = Code("Polen en Litouwen wisselen al maanden informatie uit.");
  EXPECT_FALSE(Find(months, "02")) << Describe(months);
}

TEST_F(CoderTest, SingleVictimIsCounted) {
  auto evs = Code("Bij de beschieting kwam een voorbijganger om het leven.");
  const Event* e = nullptr;
  for (const Event& x : evs)
    if (x.fatalities) e = &x;
  ASSERT_TRUE(e) << Describe(evs);
  EXPECT_EQ(e->fatalities->killed.value_or(-1), 1);
}

TEST_F(CoderTest, FiniteVerbTaggedAsNounIsAVerb) {
  auto evs = Code("Duizenden Georgiërs demonstreerden tegen de regering.");
  EXPECT_TRUE(Find(evs, "14", "GEO")) << Describe(evs);
  // A bare present stem after a noun stays a noun ("het bedrag bekend").
  auto stem = Code("Het Duitse ministerie maakte het bedrag bekend.");
  EXPECT_FALSE(Find(stem, "015")) << Describe(stem);
}

TEST_F(CoderTest, RejectionAnswersThePreviousActor) {
  auto evs = Code(
      "De Verenigde Naties riepen Iran op inspecteurs toe te laten. "
      "Teheran wees dat verzoek af.");
  EXPECT_TRUE(Find(evs, "12", "IRN", "IGO")) << Describe(evs);
  auto dom = Code(
      "De Nederlandse regering nodigde de boeren uit voor overleg. "
      "Een actiegroep van boeren wees de uitnodiging af.");
  EXPECT_TRUE(Find(dom, "12", "NLD", "NLDGOV")) << Describe(dom);
  auto eval = Code(
      "De Europese Unie heeft de sancties tegen Rusland met een halfjaar verlengd. "
      "Het Russische ministerie van Buitenlandse Zaken noemde het besluit onwettig.");
  EXPECT_TRUE(Find(eval, "11", "RUS", "IGO")) << Describe(eval);
}

TEST_F(CoderTest, ThreePartiesActOncePerParty) {
  auto evs = Code("Egypte, Ethiopië en Sudan hebben dinsdag een akkoord ondertekend.");
  int n = 0;
  for (const Event& e : evs)
    if (e.cameo.rfind("057", 0) == 0) ++n;
  EXPECT_EQ(n, 3) << Describe(evs);
  EXPECT_TRUE(Find(evs, "057", "SDN")) << Describe(evs);
  // Common spelling variants of country names (Sudan beside Soedan).
  auto adj = Code("Het Sudanese leger heeft de stad Wad Madani aangevallen.");
  EXPECT_TRUE(Find(adj, "19", "SDN")) << Describe(adj);
}

TEST_F(CoderTest, StandingDetentionIsNoNewEvent) {
  auto evs = Code("Rusland houdt op dit moment nog twee Amerikaanse burgers vast.");
  EXPECT_FALSE(Find(evs, "17")) << Describe(evs);
  auto arrest = Code("China houdt twee Canadese burgers vast.");
  EXPECT_TRUE(Find(arrest, "17", "CHN")) << Describe(arrest);
}

TEST_F(CoderTest, ClaimOfOwnActIsTheActNotAStatement) {
  auto evs = Code("Het Oekraïense leger zegt dat het twintig Russische soldaten heeft gedood.");
  EXPECT_TRUE(Find(evs, "1", "UKRMIL")) << Describe(evs);
  EXPECT_FALSE(Find(evs, "010", "UKRMIL")) << Describe(evs);
}

// (3) The seed gold.
TEST_F(CoderTest, SeedGoldPrecisionAndRecall) {
  const std::string dir = std::string(KRONIEK_SOURCE_DIR) + "/../shared/data/seed/";
  if (!fs::exists(dir + "seed.gold.json")) GTEST_SKIP() << "no " << dir;
  auto gold = LoadGold(dir + "seed.gold.json");
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  Document doc = Article(dir + gold->doc);
  EventScores s;
  ScoreDocument(*gold, coder_->Code(doc).events, &s);
  EXPECT_GE(s.precision(), 0.8) << FormatScores(s, true);
  EXPECT_GE(s.recall(), 0.8) << FormatScores(s, true);
}

// (4) The dev set, a regression guard just under the current score.
TEST_F(CoderTest, DevSetScoreDoesNotRegress) {
  const fs::path dir = fs::path(KRONIEK_SOURCE_DIR) / "testdata/events/dev";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir;
  EventScores s;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string p = entry.path().string();
    if (p.size() < 10 || p.compare(p.size() - 10, 10, ".gold.json") != 0) continue;
    auto gold = LoadGold(p);
    ASSERT_TRUE(gold.ok()) << gold.status().ToString();
    Document doc = Article((entry.path().parent_path() / gold->doc).string());
    ScoreDocument(*gold, coder_->Code(doc).events, &s);
  }
  const double min_f1 = has_places_ ? kDevMinF1WithPlaces : kDevMinF1WithoutPlaces;
  std::printf("dev: P %.3f R %.3f F1 %.3f (places %s)\n", s.precision(), s.recall(), s.f1(),
              has_places_ ? "on" : "off");
  EXPECT_GE(s.f1(), min_f1) << FormatScores(s, true);
}

}  // namespace
}  // namespace kroniek::events
