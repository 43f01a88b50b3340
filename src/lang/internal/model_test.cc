// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lang/internal/features.h"
#include "lang/internal/gazetteer.h"
#include "lang/internal/model_file.h"
#include "lang/internal/perceptron.h"

namespace kroniek::lang::internal {
namespace {

TEST(Features, LowerUtf8HandlesLatinCapitals) {
  EXPECT_EQ(LowerUtf8("BRUSSEL"), "brussel");
  EXPECT_EQ(LowerUtf8("ÉÉN"), "één");
  EXPECT_EQ(LowerUtf8("ŁÓDŹ"), "łódź");
  EXPECT_EQ(LowerUtf8("ČEŠKA"), "češka");
  EXPECT_EQ(LowerUtf8("×"), "×");  // U+00D7 is not a letter
}

TEST(Features, WordShape) {
  EXPECT_EQ(WordShape("Verhofstadt", true), "Xx");
  EXPECT_EQ(WordShape("Verhofstadt", false), "Xxxxxxxxxxx");
  EXPECT_EQ(WordShape("Staatssecretarissen", false).size(), 12u);  // capped
  EXPECT_EQ(WordShape("1999", true), "d");
  EXPECT_EQ(WordShape("Sint-Niklaas", true), "Xx-Xx");
  EXPECT_EQ(WordShape("Één", true), "Xx");
}

TEST(Features, StaticFeaturesDependOnWordsAndContext) {
  SentenceFeatures a, b, c;
  ExtractStatic({"De", "kat", "slaapt"}, kFeatBase | kFeatContext, {}, nullptr, &a);
  ExtractStatic({"De", "kat", "slaapt"}, kFeatBase | kFeatContext, {}, nullptr, &b);
  ExtractStatic({"De", "hond", "slaapt"}, kFeatBase | kFeatContext, {}, nullptr, &c);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(a.begin.size(), 4u);
  EXPECT_EQ(a.keys, b.keys);  // deterministic
  // "slaapt" has a different left neighbour in c: some of its keys differ.
  std::vector<uint64_t> a2(a.keys.begin() + a.begin[2], a.keys.end());
  std::vector<uint64_t> c2(c.keys.begin() + c.begin[2], c.keys.end());
  EXPECT_NE(a2, c2);
  for (uint64_t k : a.keys) EXPECT_NE(k, 0u);
}

TEST(Features, GazetteerMatchesMultiWordPhrases) {
  Gazetteer g;
  g.Add("Verenigde Staten", kGazCountry);
  g.Add("Gent", kGazCity);
  std::vector<uint32_t> bits = g.Match({"de", "verenigde", "staten", "en", "gent"});
  EXPECT_EQ(bits[0], 0u);
  EXPECT_EQ(bits[1], 1u << (2 * kGazCountry));
  EXPECT_EQ(bits[2], 1u << (2 * kGazCountry + 1));
  EXPECT_EQ(bits[3], 0u);
  EXPECT_EQ(bits[4], 1u << (2 * kGazCity));
  // A prefix alone is not a match.
  EXPECT_EQ(g.Match({"verenigde"})[0], 0u);
}

TEST(Features, DocHintsSeeOtherSentences) {
  std::vector<std::vector<std::string_view>> doc = {{"Brussel", "is", "groot"},
                                                    {"Hij", "woont", "in", "Brussel"},
                                                    {"Groot", "nieuws"}};
  auto hints = ComputeDocHints(doc);
  EXPECT_EQ(hints[0][0] & 1u, 1u);  // capitalised mid-sentence elsewhere
  EXPECT_EQ(hints[0][0] & 8u, 8u);  // sentence-initial
  EXPECT_EQ(hints[2][0] & 2u, 2u);  // "groot" written lowercase elsewhere
  EXPECT_EQ(hints[1][0] & 1u, 0u);  // "Hij" never mid-sentence
}

// Tiny synthetic task: the tag is a function of the word's suffix and the
// previous tag. The learner must fit it perfectly.
TEST(Perceptron, FitsSyntheticSequences) {
  std::vector<std::vector<std::string_view>> sents = {
      {"de", "kat", "loopt"}, {"de", "hond", "slaapt"}, {"een", "kat", "eet"},
      {"een", "vis", "zwemt"}, {"de", "vis", "eet"},     {"een", "hond", "loopt"}};
  // 0 = DET, 1 = NOUN, 2 = VERB
  std::vector<TrainSentence> data(sents.size());
  for (size_t s = 0; s < sents.size(); ++s) {
    ExtractStatic(sents[s], kFeatBase | kFeatContext, {}, nullptr, &data[s].features);
    data[s].gold = {0, 1, 2};
  }
  TrainOptions opt;
  opt.epochs = 5;
  PerceptronModel m = TrainGreedy(data, 3, opt);
  EXPECT_GT(m.num_features(), 0u);
  for (const TrainSentence& ts : data) {
    std::vector<int> tags;
    GreedyDecode(m, ts.features, opt.feature_set, {}, &tags, nullptr);
    EXPECT_EQ(tags, ts.gold);
  }
  // Same data and seed: bit-identical model.
  EXPECT_EQ(SerializeModel({ModelKind::kUpos, opt.feature_set, {"DET", "NOUN", "VERB"}, {}, m}),
            SerializeModel({ModelKind::kUpos, opt.feature_set, {"DET", "NOUN", "VERB"}, {},
                            TrainGreedy(data, 3, opt)}));
}

// The synthetic task of FitsSyntheticSequences, trained as a structured
// perceptron and decoded with second-order Viterbi.
TEST(Perceptron, ViterbiFitsSyntheticSequencesAndRespectsMask) {
  std::vector<std::vector<std::string_view>> sents = {
      {"de", "kat", "loopt"}, {"de", "hond", "slaapt"}, {"een", "kat", "eet"},
      {"een", "vis", "zwemt"}, {"de", "vis", "eet"},     {"een", "hond", "loopt"}};
  std::vector<TrainSentence> data(sents.size());
  for (size_t s = 0; s < sents.size(); ++s) {
    ExtractStatic(sents[s], kFeatBase | kFeatContext, {}, nullptr, &data[s].features);
    data[s].gold = {0, 1, 2};
  }
  TrainOptions opt;
  opt.epochs = 5;
  opt.feature_set = kFeatBase | kFeatContext | kDecodeViterbi;
  PerceptronModel m = TrainGreedy(data, 3, opt);
  const ViterbiTables tables = MakeViterbiTables(m);
  for (const TrainSentence& ts : data) {
    std::vector<int> tags;
    std::vector<float> probs;
    ViterbiDecode(m, tables, ts.features, opt.feature_set, {}, &tags, &probs);
    EXPECT_EQ(tags, ts.gold);
    for (float p : probs) EXPECT_TRUE(p > 0.0f && p <= 1.0f) << p;
  }
  EXPECT_EQ(SerializeModel({ModelKind::kUpos, opt.feature_set, {"A", "B", "C"}, {}, m}),
            SerializeModel({ModelKind::kUpos, opt.feature_set, {"A", "B", "C"}, {},
                            TrainGreedy(data, 3, opt)}));
  // A mask that forbids class 2 after class 1 (and 1 at the start): the
  // decoder must find the best sequence that obeys it.
  TransitionMask mask(4 * 3, 1);
  mask[0 * 3 + 1] = 0;  // start -> 1
  mask[2 * 3 + 2] = 0;  // 1 -> 2
  std::vector<int> tags;
  ViterbiDecode(m, tables, data[0].features, opt.feature_set, mask, &tags, nullptr);
  ASSERT_EQ(tags.size(), 3u);
  EXPECT_NE(tags[0], 1);
  for (size_t i = 1; i < tags.size(); ++i) EXPECT_FALSE(tags[i - 1] == 1 && tags[i] == 2);
  // Empty sentence.
  SentenceFeatures empty;
  ExtractStatic({}, opt.feature_set, {}, nullptr, &empty);
  ViterbiDecode(m, tables, empty, opt.feature_set, {}, &tags, nullptr);
  EXPECT_TRUE(tags.empty());
}

TEST(Features, RunningHashEqualsHashOfJoinedBytes) {
  EXPECT_EQ(HashBytes("new york"),
            FnvFinish(FnvUpdate(FnvUpdate(FnvUpdate(kFnvOffset, "new"), " "), "york")));
  EXPECT_EQ(HashBytes(""), FnvFinish(kFnvOffset));
}

// Decoders reuse one SentenceFeatures per thread: a long sentence followed by
// a short one must give the short one's features exactly.
TEST(Features, ReusedBuffersGiveFreshFeatures) {
  const uint32_t all = kFeatBase | kFeatContext | kFeatNerExtras | kFeatAffix5 |
                       kFeatNerContext2 | kFeatChar3;
  SentenceFeatures reused, fresh;
  ExtractStatic({"Het", "Verenigd", "Koninkrijk", "stemde", "gisteren", "."}, all, {}, nullptr,
                &reused);
  ExtractStatic({"Één", "kat"}, all, {}, nullptr, &reused);
  ExtractStatic({"Één", "kat"}, all, {}, nullptr, &fresh);
  EXPECT_EQ(reused.keys, fresh.keys);
  EXPECT_EQ(reused.begin, fresh.begin);
  EXPECT_EQ(reused.lower, "éénkat");
}

TEST(Gazetteer, WordListMarksLowercaseAndCapitalisedEntries) {
  auto g = LoadWordListGazetteer(KRONIEK_SOURCE_DIR "/testdata/lang/tiny_wordlist.txt");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->size(), 4u);  // brug, bank, brussel, één (multi-word line skipped)
  std::vector<uint32_t> bits = g->Match({"bank", "brussel", "brug", "staten", "één"});
  EXPECT_EQ(bits[0], (1u << (2 * kGazListLower)) | (1u << (2 * kGazListCapital)));
  EXPECT_EQ(bits[1], 1u << (2 * kGazListCapital));
  EXPECT_EQ(bits[2], 1u << (2 * kGazListLower));
  EXPECT_EQ(bits[3], 0u);
  EXPECT_EQ(bits[4], 1u << (2 * kGazListLower));
  auto missing = LoadWordListGazetteer("/nonexistent/words");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/words"), std::string::npos);
}

ModelContents SmallModel() {
  ModelContents m;
  m.kind = ModelKind::kNer;
  m.feature_set = kFeatBase;
  m.classes = {"O", "B-PER", "I-PER"};
  m.gazetteers = {{{42, 1u | (1u << 16)}}, {}};
  m.weights = PerceptronModel(3, {{7, {{0, 1.5f}, {2, -0.25f}}}, {9, {{1, 3.0f}}}});
  return m;
}

TEST(ModelFile, RoundTrip) {
  std::string bytes = SerializeModel(SmallModel());
  auto m = ParseModel(bytes, "small.model", ModelKind::kNer);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->classes, SmallModel().classes);
  EXPECT_EQ(m->gazetteers, SmallModel().gazetteers);
  float scores[3] = {0, 0, 0};
  uint64_t keys[] = {7, 9, 12345};
  m->weights.Score(keys, 3, scores);
  EXPECT_NEAR(scores[0], 1.5f, 1e-3);
  EXPECT_NEAR(scores[1], 3.0f, 1e-3);
  EXPECT_NEAR(scores[2], -0.25f, 1e-3);
  EXPECT_EQ(SerializeModel(*m), bytes);
}

TEST(ModelFile, CorruptionIsDataLossWithOffset) {
  const std::string good = SerializeModel(SmallModel());
  auto flip = [&](size_t at) {
    std::string b = good;
    b[at] = static_cast<char>(b[at] ^ 0x5a);
    return b;
  };
  const size_t n = good.size();
  struct Case {
    std::string bytes;
    StatusCode code;
    std::string fragment;
  } cases[] = {
      {"", StatusCode::kDataLoss, "byte offset 0: truncated reading magic"},
      {good.substr(0, 10), StatusCode::kDataLoss, "byte offset 8: truncated reading format version"},
      {good.substr(0, 22), StatusCode::kDataLoss, "byte offset 20: truncated reading class count"},
      {good.substr(0, n - 20), StatusCode::kDataLoss, "truncated"},
      {good.substr(0, n - 1), StatusCode::kDataLoss, "truncated reading checksum"},
      {good + "x", StatusCode::kDataLoss, "trailing bytes after checksum"},
      {flip(0), StatusCode::kDataLoss, "byte offset 0: not a kroniek perceptron model"},
      {flip(8), StatusCode::kDataLoss, "byte offset 8: unsupported version"},
      {flip(n - 6), StatusCode::kDataLoss, "checksum mismatch"},
      {flip(n - 3), StatusCode::kDataLoss, "byte offset " + std::to_string(n - 4) + ": checksum"},
  };
  for (const Case& c : cases) {
    auto m = ParseModel(c.bytes, "x.model", ModelKind::kNer);
    ASSERT_FALSE(m.ok()) << c.fragment;
    EXPECT_EQ(m.status().code(), c.code) << m.status().ToString();
    EXPECT_NE(m.status().message().find("x.model: "), std::string::npos) << m.status().ToString();
    EXPECT_NE(m.status().message().find(c.fragment), std::string::npos)
        << m.status().ToString() << " lacks '" << c.fragment << "'";
  }
  // Wrong kind is not corruption.
  auto wrong = ParseModel(good, "x.model", ModelKind::kUpos);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
}

TEST(ModelFile, MissingFileIsNotFound) {
  auto m = ReadModelFile("/nonexistent/dir/upos.model", ModelKind::kUpos);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
  EXPECT_NE(m.status().message().find("/nonexistent/dir/upos.model"), std::string::npos);
}

TEST(Gazetteer, OpenDataMissingIsNotFound) {
  auto g = LoadOpenDataGazetteer("/nonexistent/node_modules");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
  EXPECT_NE(g.status().message().find("i18n-iso-countries"), std::string::npos);
}

}  // namespace
}  // namespace kroniek::lang::internal
