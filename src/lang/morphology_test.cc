// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/morphology.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "base/resources.h"

namespace kroniek::lang {
namespace {

const Morphology& M() {
  static const Morphology* m = [] {
    auto r = Morphology::Load(base::ResourceDir(), "nl", kDutchWordList);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->release() : nullptr;
  }();
  return *m;
}

bool HasReading(const std::string& word, const std::string& lemma,
                const std::string& particle = "") {
  auto rs = M().VerbReadings(word);
  return std::any_of(rs.begin(), rs.end(), [&](const VerbReading& r) {
    return r.lemma == lemma && r.particle == particle;
  });
}

TEST(Morphology, StrongAndIrregularVerbs) {
  EXPECT_TRUE(HasReading("riep", "roepen"));
  EXPECT_TRUE(HasReading("drong", "dringen"));
  EXPECT_TRUE(HasReading("gevallen", "vallen"));
  EXPECT_TRUE(HasReading("is", "zijn"));
  EXPECT_TRUE(HasReading("roept", "roepen"));
  EXPECT_TRUE(HasReading("beschoten", "beschieten"));  // prefix + strong
  EXPECT_TRUE(HasReading("versloeg", "verslaan"));
}

TEST(Morphology, WeakVerbsByRule) {
  EXPECT_TRUE(HasReading("bestookten", "bestoken"));
  EXPECT_TRUE(HasReading("bestookt", "bestoken"));
  EXPECT_TRUE(HasReading("wendt", "wenden"));
  EXPECT_TRUE(HasReading("beschuldigt", "beschuldigen"));
  EXPECT_TRUE(HasReading("gedood", "doden"));
  EXPECT_TRUE(HasReading("meldde", "melden"));
  EXPECT_TRUE(HasReading("gemeld", "melden"));
  EXPECT_TRUE(HasReading("stelde", "stellen"));
  EXPECT_TRUE(HasReading("geëist", "eisen"));
  EXPECT_TRUE(HasReading("leefde", "leven"));
  // Wrong voicing is not a reading: *wenddte.
  EXPECT_FALSE(HasReading("bestookde", "bestoken"));
}

TEST(Morphology, SeparableVerbsKeepTheirParticle) {
  EXPECT_TRUE(HasReading("opgeroepen", "oproepen", "op"));
  EXPECT_TRUE(HasReading("opgeworpen", "opwerpen", "op"));
  EXPECT_TRUE(HasReading("opriep", "oproepen", "op"));
  EXPECT_TRUE(HasReading("aangevallen", "aanvallen", "aan"));
  EXPECT_TRUE(HasReading("uitgebroken", "uitbreken", "uit"));
  EXPECT_TRUE(M().IsParticle("op"));
  EXPECT_FALSE(M().IsParticle("de"));
}

TEST(Morphology, LemmaPicksAttestedForms) {
  if (M().word_list_size() == 0) GTEST_SKIP() << "word list /usr/share/dict/dutch absent";
  EXPECT_EQ(M().Lemma("bestookten", "VERB"), "bestoken");
  EXPECT_EQ(M().Lemma("riep", "VERB"), "roepen");
  EXPECT_EQ(M().Lemma("opgeworpen", "VERB"), "opwerpen");
  EXPECT_EQ(M().Lemma("gevechten", "NOUN"), "gevecht");
  EXPECT_EQ(M().Lemma("aanvallen", "NOUN"), "aanval");
  EXPECT_EQ(M().Lemma("Russische", "ADJ"), "russisch");
  EXPECT_EQ(M().Lemma("Peskov", "PROPN"), "Peskov");
}

TEST(Morphology, BadDataFilesNameFileAndLine) {
  // A strong-verb table with a bad line, in a temporary resource folder.
  std::string dir = ::testing::TempDir() + "/morph_bad";
  std::string cmd = "mkdir -p " + dir + "/nl/morph && printf 'roepen\\triep\\n' > " + dir +
                    "/nl/morph/strong_verbs.tsv && : > " + dir +
                    "/nl/morph/particles.txt && : > " + dir + "/nl/morph/prefixes.txt";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto r = Morphology::Load(dir, "nl", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("strong_verbs.tsv:1: expected 4 or 5"), std::string::npos)
      << r.status().message();
  auto missing = Morphology::Load(dir + "/nope", "nl", "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace kroniek::lang
