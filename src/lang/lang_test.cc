// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "lang/conll.h"
#include "lang/ner.h"
#include "lang/tagger.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KRONIEK_LANG_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define KRONIEK_LANG_SANITIZED 1
#endif
#endif

namespace kroniek::lang {
namespace {

const std::string kSharedData = KRONIEK_SOURCE_DIR "/../shared/data";
const std::string kTestData = KRONIEK_SOURCE_DIR "/testdata/lang";

// Figures reported in src/lang/nl/models/MODEL_CARD.md, minus a small margin.
constexpr double kMinUposAccuracy = 93.49 - 0.3;
constexpr double kMinNerTestbF1 = 82.78 - 0.5;
constexpr double kMinNerTestaF1 = 81.50 - 0.5;

std::vector<std::string_view> Views(const std::vector<std::string>& w) {
  return {w.begin(), w.end()};
}

TEST(Conll, ParsesConllUSkippingRangesAndEmptyNodes) {
  const char* text =
      "# sent_id = 1\n"
      "1-2\tvan de\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tvan\tvan\tADP\t_\t_\t_\t_\t_\t_\n"
      "2\tde\tde\tDET\t_\t_\t_\t_\t_\t_\n"
      "2.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n"
      "3\tzee\tzee\tNOUN\t_\t_\t_\t_\t_\t_\n"
      "\n"
      "1\tJa\tja\tINTJ\t_\t_\t_\t_\t_\t_\n";
  auto s = ParseConllU(text, "t.conllu");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].words, (std::vector<std::string>{"van", "de", "zee"}));
  EXPECT_EQ((*s)[0].tags, (std::vector<std::string>{"ADP", "DET", "NOUN"}));
  EXPECT_EQ((*s)[1].words, (std::vector<std::string>{"Ja"}));
}

TEST(Conll, ReadsConll2002Documents) {
  auto s = ReadConll2002File(kTestData + "/tiny_ner.conll");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 4u);
  EXPECT_EQ((*s)[0].doc, 0);
  EXPECT_EQ((*s)[1].doc, 0);
  EXPECT_EQ((*s)[2].doc, 1);
  EXPECT_EQ((*s)[0].words[0], "Marieke");
  EXPECT_EQ((*s)[0].tags[0], "B-PER");
}

TEST(Conll, InputErrors) {
  struct Case {
    std::string text;
    bool conllu;
    StatusCode code;
    std::string fragment;
  } cases[] = {
      {"1\tvan\tvan\tADP\n", true, StatusCode::kInvalidArgument, "t:1: expected 10 tab-separated"},
      {"a O\nlonely\n", false, StatusCode::kInvalidArgument, "t:2: expected 'WORD ... TAG'"},
  };
  for (const Case& c : cases) {
    auto s = c.conllu ? ParseConllU(c.text, "t") : ParseConll2002(c.text, "t");
    ASSERT_FALSE(s.ok()) << c.fragment;
    EXPECT_EQ(s.status().code(), c.code);
    EXPECT_NE(s.status().message().find(c.fragment), std::string::npos) << s.status().ToString();
  }
}

TEST(Conll, CorpusSpecSelectsChunks) {
  const std::string path = kTestData + "/tiny_ner.conll";
  auto first = ReadCorpusSpec(path + "#1/2", false);
  auto second = ReadCorpusSpec(path + "#2/2", false);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_EQ(first->size(), 2u);
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ((*first)[0].words[0], "Marieke");
  EXPECT_EQ((*second)[0].words[0], "De");
  struct Case {
    std::string spec;
    StatusCode code;
    std::string fragment;
  } cases[] = {
      {path + "#3/2", StatusCode::kInvalidArgument, "expected PATH#K/N"},
      {path + "#0/2", StatusCode::kInvalidArgument, "expected PATH#K/N"},
      {path + "#1", StatusCode::kInvalidArgument, "expected PATH#K/N"},
      {path + "#a/b", StatusCode::kInvalidArgument, "expected PATH#K/N"},
      {"/nonexistent.conll#1/2", StatusCode::kNotFound, "/nonexistent.conll: cannot read"},
  };
  for (const Case& c : cases) {
    auto s = ReadCorpusSpec(c.spec, false);
    ASSERT_FALSE(s.ok()) << c.spec;
    EXPECT_EQ(s.status().code(), c.code) << s.status().ToString();
    EXPECT_NE(s.status().message().find(c.fragment), std::string::npos) << s.status().ToString();
  }
}

TEST(EntityScorer, ChunksFollowConllevalRules) {
  using V = std::vector<std::string>;
  // IOB2.
  EXPECT_EQ(ExtractChunks(V{"B-PER", "I-PER", "O", "B-LOC"}),
            (std::vector<Chunk>{{0, 2, "PER"}, {3, 4, "LOC"}}));
  // IOB1: I- starts an entity; B- splits two adjacent ones of the same type.
  EXPECT_EQ(ExtractChunks(V{"I-PER", "I-PER", "B-PER", "O"}),
            (std::vector<Chunk>{{0, 2, "PER"}, {2, 3, "PER"}}));
  // A type change ends a chunk even without B-.
  EXPECT_EQ(ExtractChunks(V{"I-ORG", "I-LOC"}),
            (std::vector<Chunk>{{0, 1, "ORG"}, {1, 2, "LOC"}}));
  // Stray I- after O starts a chunk (conlleval), entity at the very end.
  EXPECT_EQ(ExtractChunks(V{"O", "I-MISC"}), (std::vector<Chunk>{{1, 2, "MISC"}}));
}

TEST(EntityScorer, ExactMatchOnly) {
  std::vector<std::vector<std::string>> gold = {{"B-PER", "I-PER", "O", "B-LOC"},
                                                {"B-ORG", "O"}};
  std::vector<std::vector<std::string>> pred = {{"B-PER", "O", "O", "B-LOC"},  // PER too short
                                                {"B-ORG", "B-MISC"}};         // extra MISC
  auto s = ScoreConllEntities(gold, pred);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->overall.gold, 3);
  EXPECT_EQ(s->overall.predicted, 4);
  EXPECT_EQ(s->overall.correct, 2);  // LOC and ORG
  EXPECT_NEAR(s->overall.precision, 50.0, 1e-9);
  EXPECT_NEAR(s->overall.recall, 200.0 / 3, 1e-9);
  EXPECT_NEAR(s->overall.f1, 2 * 50.0 * (200.0 / 3) / (50.0 + 200.0 / 3), 1e-9);
  EXPECT_EQ(s->per_type.at("PER").correct, 0);
  EXPECT_EQ(s->per_type.at("MISC").gold, 0);
  EXPECT_EQ(s->per_type.at("MISC").f1, 0);
  EXPECT_EQ(s->tokens, 6);
  EXPECT_EQ(s->tokens_correct, 4);
  // IOB1 gold against IOB2 prediction of the same entities: perfect.
  auto same = ScoreConllEntities({{"I-PER", "I-PER", "O"}}, {{"B-PER", "I-PER", "O"}});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->overall.f1, 100.0);
}

TEST(EntityScorer, LengthMismatchIsInvalidArgument) {
  struct Case {
    std::vector<std::vector<std::string>> gold, pred;
    std::string fragment;
  } cases[] = {
      {{{"O"}}, {}, "1 gold sentences but 0 predicted"},
      {{{"O", "O"}}, {{"O"}}, "sentence 0 has 2 gold tags but 1 predicted"},
  };
  for (const Case& c : cases) {
    auto s = ScoreConllEntities(c.gold, c.pred);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.status().message().find(c.fragment), std::string::npos) << s.status().ToString();
  }
}

TEST(NerModel, FitsTinyTrainingSetAndRoundTrips) {
  auto data = ReadConll2002File(kTestData + "/tiny_ner.conll");
  ASSERT_TRUE(data.ok());
  NerTrainOptions opt;
  opt.epochs = 10;
  // The 2-fold name gazetteer shows each document only the other's names, so
  // training and evaluation features differ on purpose; fit without it.
  opt.train_gazetteer = false;
  auto model = TrainNerModel(*data, opt);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto scores = EvaluateNer(**model, *data);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->overall.f1, 100.0);
  const std::string path = ::testing::TempDir() + "/tiny_ner.model";
  ASSERT_TRUE((*model)->Save(path).ok());
  auto loaded = NerModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<EntitySpan> spans = (*loaded)->Recognize(Views((*data)[1].words));
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].token_begin, 0u);
  EXPECT_EQ(spans[0].token_end, 3u);
  EXPECT_EQ(spans[0].type, "PER");
  EXPECT_GT(spans[0].score, 0.0f);
  EXPECT_LE(spans[0].score, 1.0f);
  EXPECT_EQ(spans[1].type, "ORG");
  // A tagger model is not an NER model.
  auto wrong = PosTagger::Load(path);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
}

TEST(PosTagger, TrainErrors) {
  struct Case {
    std::vector<LabeledSentence> data;
    std::string fragment;
  } cases[] = {
      {{}, "no training sentences"},
      {{LabeledSentence{{"a", "b"}, {"X"}, 0}}, "sentence 0 has 2 words but 1 tags"},
  };
  for (const Case& c : cases) {
    auto t = TrainPosTagger(c.data, {});
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(t.status().message().find(c.fragment), std::string::npos) << t.status().ToString();
  }
}

// The usage example of tagger.h, compiled so it cannot rot.
TEST(PosTagger, HeaderExample) {
  auto tagger = PosTagger::Load(PosTagger::DefaultPath());
  if (!tagger.ok()) GTEST_SKIP() << "shipped model absent: " << tagger.status().ToString();
  std::vector<std::string_view> words = {"De", "kat", "slaapt", "."};
  std::vector<std::string> tags = (*tagger)->Tag(words);
  EXPECT_EQ(tags, (std::vector<std::string>{"DET", "NOUN", "VERB", "PUNCT"}));
}

TEST(NerModel, HeaderExample) {
  auto ner = NerModel::Load(NerModel::DefaultPath());
  if (!ner.ok()) GTEST_SKIP() << "shipped model absent: " << ner.status().ToString();
  std::vector<std::string_view> words = {"Guy", "Verhofstadt", "bezocht", "Antwerpen", "."};
  std::vector<EntitySpan> spans = (*ner)->Recognize(words);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].type, "PER");
  EXPECT_EQ(spans[0].token_end, 2u);
  EXPECT_EQ(spans[1].type, "LOC");
  EXPECT_EQ(spans[1].token_begin, 3u);
}

TEST(ShippedModels, LoadFast) {
  auto start = std::chrono::steady_clock::now();
  auto ner = NerModel::Load(NerModel::DefaultPath());
  auto tagger = PosTagger::Load(PosTagger::DefaultPath());
  if (!ner.ok() || !tagger.ok()) GTEST_SKIP() << "shipped models absent";
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
#ifdef KRONIEK_LANG_SANITIZED
  (void)seconds;  // timing is meaningless under sanitizers
#else
  EXPECT_LT(seconds, 0.6);  // both models; target 0.3 s each
#endif
  EXPECT_LT(std::filesystem::file_size(NerModel::DefaultPath()), 15u << 20);
  EXPECT_LT(std::filesystem::file_size(PosTagger::DefaultPath()), 15u << 20);
}

// Held-out split (see MODEL_CARD.md): the second half of each UD test file.
TEST(ShippedModels, UposAccuracyOnHeldOutHalf) {
#ifdef KRONIEK_LANG_SANITIZED
  GTEST_SKIP() << "slow under sanitizers";
#endif
  if (!std::filesystem::exists(kSharedData)) GTEST_SKIP() << kSharedData << " absent";
  auto tagger = PosTagger::Load(PosTagger::DefaultPath());
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  std::vector<LabeledSentence> held_out;
  for (const char* spec : {"/ud-dutch-alpino/nl_alpino-ud-test.conllu#2/2",
                           "/ud-dutch-lassysmall/nl_lassysmall-ud-test.conllu#2/2"}) {
    auto part = ReadCorpusSpec(kSharedData + spec, true);
    ASSERT_TRUE(part.ok()) << part.status().ToString();
    held_out.insert(held_out.end(), part->begin(), part->end());
  }
  EXPECT_GE(TagAccuracy(**tagger, held_out), kMinUposAccuracy);
}

TEST(ShippedModels, NerF1OnTestb) {
#ifdef KRONIEK_LANG_SANITIZED
  GTEST_SKIP() << "slow under sanitizers";
#endif
  if (!std::filesystem::exists(kSharedData)) GTEST_SKIP() << kSharedData << " absent";
  auto ner = NerModel::Load(NerModel::DefaultPath());
  ASSERT_TRUE(ner.ok()) << ner.status().ToString();
  auto testb = ReadConll2002File(kSharedData + "/conll2002-ned/ned.testb");
  ASSERT_TRUE(testb.ok()) << testb.status().ToString();
  auto s = EvaluateNer(**ner, *testb);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->overall.gold, 3941);
  EXPECT_GE(s->overall.f1, kMinNerTestbF1);
  // Viterbi decoding obeys IOB2: I-X only after B-X or I-X.
  std::vector<std::vector<std::string_view>> doc;
  for (size_t i = 0; i < 200 && i < testb->size(); ++i) doc.push_back(Views((*testb)[i].words));
  for (const auto& tags : (*ner)->TagBioDocument(doc)) {
    for (size_t i = 0; i < tags.size(); ++i) {
      if (tags[i][0] != 'I') continue;
      ASSERT_GT(i, 0u);
      EXPECT_EQ(tags[i - 1].substr(1), tags[i].substr(1)) << "I- after " << tags[i - 1];
    }
  }
}

TEST(ShippedModels, NerF1OnTesta) {
#ifdef KRONIEK_LANG_SANITIZED
  GTEST_SKIP() << "slow under sanitizers";
#endif
  if (!std::filesystem::exists(kSharedData)) GTEST_SKIP() << kSharedData << " absent";
  auto ner = NerModel::Load(NerModel::DefaultPath());
  ASSERT_TRUE(ner.ok()) << ner.status().ToString();
  auto testa = ReadConll2002File(kSharedData + "/conll2002-ned/ned.testa");
  ASSERT_TRUE(testa.ok()) << testa.status().ToString();
  auto s = EvaluateNer(**ner, *testa);
  ASSERT_TRUE(s.ok());
  EXPECT_GE(s->overall.f1, kMinNerTestaF1);
}

}  // namespace
}  // namespace kroniek::lang
