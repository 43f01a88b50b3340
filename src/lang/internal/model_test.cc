// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <utility>
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

// --- PerceptronModel's table and the decoders against plain references. ---

using RowMap = std::map<uint64_t, std::vector<std::pair<uint8_t, float>>>;

// The reference for Score: per key in order, per weight of its row,
// scores[class] += weight.
void NaiveScore(const RowMap& rows, const uint64_t* keys, size_t n, float* scores) {
  for (size_t k = 0; k < n; ++k) {
    auto it = rows.find(keys[k]);
    if (it == rows.end()) continue;
    for (const auto& [c, w] : it->second) scores[c] += w;
  }
}

// Rows with random keys, plus keys made to collide: many sharing a home
// bucket (low 32 bits, so buckets fill and spill) and some also sharing the
// 16-bit tag (high bits, so only the full key tells them apart). Weights are
// q * quantum (q a non-zero int16) when quantum > 0.
RowMap RandomRows(std::mt19937_64& rng, int num_classes, size_t count, float quantum) {
  RowMap rows;
  auto weight = [&] {
    const int q = static_cast<int>(rng() % 65534) - 32767;
    if (quantum > 0) return static_cast<float>(q == 0 ? 1 : q) * quantum;
    return static_cast<float>(q == 0 ? 1 : q) / 1024.0f + 1.0f / 3.0f;
  };
  auto add = [&](uint64_t key) {
    if (key == 0 || rows.count(key)) return;
    std::vector<uint8_t> classes(num_classes);
    for (int c = 0; c < num_classes; ++c) classes[c] = static_cast<uint8_t>(c);
    std::shuffle(classes.begin(), classes.end(), rng);
    classes.resize(1 + rng() % num_classes);
    auto& r = rows[key];
    for (uint8_t c : classes) r.emplace_back(c, weight());
  };
  for (size_t i = 0; i < count; ++i) add(rng());
  const uint64_t home = rng() & 0xFFFFFFFFu, tag = rng() << 48;
  for (uint64_t i = 1; i <= 80; ++i) add(home | (rng() << 32));         // one home bucket
  for (uint64_t i = 1; i <= 40; ++i) add(home | tag | (i << 32));       // and one tag
  return rows;
}

std::vector<PerceptronModel::Row> ToRows(const RowMap& rows) {
  std::vector<PerceptronModel::Row> out;
  for (const auto& [key, weights] : rows) out.push_back({key, weights});
  return out;
}

// Query keys: present ones, random absent ones, and absent ones sharing a
// present key's home bucket and tag.
std::vector<uint64_t> QueryKeys(std::mt19937_64& rng, const RowMap& rows, size_t n) {
  std::vector<uint64_t> present;
  for (const auto& [key, w] : rows) present.push_back(key);
  std::vector<uint64_t> keys;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t p = present[rng() % present.size()];
    switch (rng() % 3) {
      case 0: keys.push_back(p); break;
      case 1: keys.push_back(rng() | 1); break;
      default: keys.push_back(p ^ (uint64_t{1 + rng() % 0xFFFF} << 32)); break;
    }
  }
  return keys;
}

TEST(Perceptron, ScoreMatchesNaiveSums) {
  std::mt19937_64 rng(7);
  for (int num_classes : {1, 3, 9, 17, 40}) {  // 40: the generic (> 32 classes) path
    for (float quantum : {0.0f, 1.0f / 4096}) {  // float and 16-bit tables
      SCOPED_TRACE(testing::Message() << num_classes << " classes, quantum " << quantum);
      const RowMap rows = RandomRows(rng, num_classes, 3000, quantum);
      const PerceptronModel m(num_classes, ToRows(rows), quantum);
      ASSERT_EQ(m.num_features(), rows.size());
      // Rows() gives back every weight exactly (classes in ascending order).
      std::vector<PerceptronModel::Row> back = m.Rows();
      ASSERT_EQ(back.size(), rows.size());
      for (const PerceptronModel::Row& r : back) {
        auto expected = rows.at(r.key);
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(r.weights, expected);
      }
      // Groups of 0..40 keys, ~9000 keys: many chunks of the pipeline.
      const std::vector<uint64_t> keys = QueryKeys(rng, rows, 9000);
      std::vector<uint32_t> begin = {0};
      while (begin.back() < keys.size()) {
        begin.push_back(std::min<uint32_t>(begin.back() + rng() % 41, keys.size()));
      }
      const size_t groups = begin.size() - 1;
      std::vector<float> start(groups * num_classes);
      for (float& x : start) x = static_cast<float>(rng() % 1000) / 7.0f - 70.0f;
      std::vector<float> got = start, want = start;
      m.ScoreGroups(keys.data(), begin.data(), groups, got.data());
      for (size_t g = 0; g < groups; ++g) {
        NaiveScore(rows, keys.data() + begin[g], begin[g + 1] - begin[g],
                   want.data() + g * num_classes);
      }
      EXPECT_EQ(got, want);  // bit for bit: the same additions in the same order
      std::vector<float> one(num_classes, 0.0f), one_want(num_classes, 0.0f);
      m.Score(keys.data(), 25, one.data());
      NaiveScore(rows, keys.data(), 25, one_want.data());
      EXPECT_EQ(one, one_want);
    }
  }
  // Weights that are not multiples of the quantum stay floats, exactly.
  const PerceptronModel m(2, {{5, {{0, 0.1f}, {1, 1.0f / 3}}}}, 1.0f / 4096);
  float scores[2] = {0, 0};
  const uint64_t key = 5;
  m.Score(&key, 1, scores);
  EXPECT_EQ(scores[0], 0.1f);
  EXPECT_EQ(scores[1], 1.0f / 3);
  // An empty model scores nothing.
  PerceptronModel empty;
  empty.Score(&key, 1, scores);
  EXPECT_EQ(scores[0], 0.1f);
}

// The decoders as they were before their lookups were batched (one Score
// per token and previous tag): the batched ones must give the same tags and
// probabilities, bit for bit.
void ReferenceViterbi(const PerceptronModel& m, const ViterbiTables& tables,
                      const SentenceFeatures& sf, uint32_t feature_set,
                      const TransitionMask& mask, std::vector<int>* tags,
                      std::vector<float>* probs) {
  const float kNegInf = -1e30f;
  const int c = m.num_classes(), h = c + 1;
  const size_t n = sf.size(), states = static_cast<size_t>(h) * c;
  tags->assign(n, 0);
  probs->assign(n, 1.0f);
  if (n == 0) return;
  std::vector<float> emit(n * c, 0.0f), local(n * states, 0.0f), delta(n * states, kNegInf);
  std::vector<uint8_t> back(n * states, 0);
  const float* hist = tables.hist.data();
  auto allowed = [&](int h1, int cls) { return mask.empty() || mask[h1 * c + cls] != 0; };
  for (size_t i = 0; i < n; ++i) {
    float* e = emit.data() + i * c;
    m.Score(sf.keys.data() + sf.begin[i], sf.begin[i + 1] - sf.begin[i], e);
    float* loc = local.data() + i * states;
    for (int h1 = i == 0 ? 0 : 1; h1 <= (i == 0 ? 0 : c); ++h1) {
      std::vector<uint64_t> keys;
      AppendTokenPrevKeys(sf, i, h1 - 1, feature_set, &keys);
      m.Score(keys.data(), keys.size(), loc + h1 * c);
    }
    float* d = delta.data() + i * states;
    uint8_t* bp = back.data() + i * states;
    if (i == 0) {
      for (int cls = 0; cls < c; ++cls) {
        if (allowed(0, cls)) d[cls] = e[cls] + loc[cls] + hist[cls];
      }
      continue;
    }
    const float* dp = d - states;
    for (int h1 = 1; h1 <= c; ++h1) {
      for (int cls = 0; cls < c; ++cls) {
        if (!allowed(h1, cls)) continue;
        const float base = e[cls] + loc[h1 * c + cls];
        float best = kNegInf;
        int arg = 0;
        for (int h2 = 0; h2 < h; ++h2) {
          const float prev = dp[h2 * c + (h1 - 1)];
          if (prev <= kNegInf) continue;
          const float v = prev + hist[(static_cast<size_t>(h2) * h + h1) * c + cls];
          if (v > best) {
            best = v;
            arg = h2;
          }
        }
        if (best <= kNegInf) continue;
        d[h1 * c + cls] = best + base;
        bp[h1 * c + cls] = static_cast<uint8_t>(arg);
      }
    }
  }
  const float* d = delta.data() + (n - 1) * states;
  size_t best_state = 0;
  for (size_t st = 1; st < states; ++st) {
    if (d[st] > d[best_state]) best_state = st;
  }
  int h1 = static_cast<int>(best_state) / c, cls = static_cast<int>(best_state) % c;
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = cls;
    if (i == 0) break;
    const int h2 = back[i * states + h1 * c + cls];
    cls = h1 - 1;
    h1 = h2;
  }
  for (size_t i = 0; i < n; ++i) {
    const int p1 = i > 0 ? (*tags)[i - 1] + 1 : 0, p2 = i > 1 ? (*tags)[i - 2] + 1 : 0;
    const float* e = emit.data() + i * c;
    const float* loc = local.data() + i * states + p1 * c;
    const float* hs = hist + (static_cast<size_t>(p2) * h + p1) * c;
    const int chosen = (*tags)[i];
    const float top = e[chosen] + loc[chosen] + hs[chosen];
    double z = 0;
    for (int k = 0; k < c; ++k) {
      if (allowed(p1, k)) z += std::exp(static_cast<double>(e[k] + loc[k] + hs[k] - top));
    }
    (*probs)[i] = static_cast<float>(1.0 / z);
  }
}

void ReferenceGreedy(const PerceptronModel& m, const SentenceFeatures& sf, uint32_t feature_set,
                     const TransitionMask& mask, std::vector<int>* tags,
                     std::vector<float>* probs) {
  const int c = m.num_classes();
  const size_t n = sf.size();
  tags->assign(n, 0);
  probs->assign(n, 1.0f);
  for (size_t i = 0; i < n; ++i) {
    std::vector<float> scores(c, 0.0f);
    m.Score(sf.keys.data() + sf.begin[i], sf.begin[i + 1] - sf.begin[i], scores.data());
    const int prev1 = i > 0 ? (*tags)[i - 1] : -1, prev2 = i > 1 ? (*tags)[i - 2] : -1;
    std::vector<uint64_t> dyn;
    AppendDynamic(sf, i, prev1, prev2, feature_set, &dyn);
    m.Score(dyn.data(), dyn.size(), scores.data());
    int best = -1;
    for (int k = 0; k < c; ++k) {
      if (!mask.empty() && !mask[static_cast<size_t>(prev1 + 1) * c + k]) continue;
      if (best < 0 || scores[k] > scores[best]) best = k;
    }
    if (best < 0) best = 0;
    (*tags)[i] = best;
    double z = 0;
    for (int k = 0; k < c; ++k) z += std::exp(static_cast<double>(scores[k] - scores[best]));
    (*probs)[i] = static_cast<float>(1.0 / z);
  }
}

TEST(Perceptron, DecodersMatchPerTokenLookups) {
  // Sentences with repeated words and shapes (the Viterbi decoder looks up
  // the (token, previous tag) features once per distinct word and shape).
  const std::vector<std::vector<std::string_view>> sents = {
      {"De", "minister", "van", "Buitenlandse", "Zaken", "bezocht", "de", "stad", "van", "de",
       "koning", "."},
      {"Antwerpen", ",", "Gent", "en", "Brussel", "stemden", "op", "12", "mei", "2024", "."},
      {"Het", "Verenigd", "Koninkrijk", "en", "het", "Verenigd", "Koninkrijk", "!"},
      {"Één"},
      {}};
  const uint32_t feature_set = kFeatBase | kFeatContext | kFeatNerExtras | kDecodeViterbi;
  std::vector<SentenceFeatures> features(sents.size());
  for (size_t s = 0; s < sents.size(); ++s) {
    ExtractStatic(sents[s], feature_set, {}, nullptr, &features[s]);
  }
  std::mt19937_64 rng(11);
  for (int c : {2, 9, 17, 37}) {  // 37: the generic (> 32 classes) paths
    // Float weights, 16-bit ones, and coarse 16-bit ones (q in -3..3: many
    // exact ties, which must break the same way: to the first maximum).
    for (int mode = 0; mode < 3; ++mode) {
      const float quantum = mode == 0 ? 0.0f : mode == 1 ? 1.0f / 2048 : 0.5f;
      const int range = mode == 2 ? 3 : 1000;
      SCOPED_TRACE(testing::Message() << c << " classes, quantum " << quantum);
      // Weights for most of the features the sentences can look up.
      std::vector<uint64_t> keys;
      for (const SentenceFeatures& sf : features) {
        keys.insert(keys.end(), sf.keys.begin(), sf.keys.end());
        for (size_t i = 0; i < sf.size(); ++i) {
          for (int p = -1; p < c; ++p) {
            AppendTokenPrevKeys(sf, i, p, feature_set, &keys);
            for (int p2 = -1; p2 < c; ++p2) AppendDynamic(sf, i, p, p2, feature_set, &keys);
          }
        }
      }
      RowMap rows;
      for (uint64_t key : keys) {
        if (rows.count(key) || rng() % 5 == 0) continue;
        auto& r = rows[key];
        for (int k = 0; k < c; ++k) {
          if (rng() % 3 == 0) continue;
          const int q = static_cast<int>(rng() % (2 * range + 1)) - range;
          const float w = quantum > 0 ? static_cast<float>(q) * quantum : q / 977.0f;
          if (w != 0.0f) r.emplace_back(static_cast<uint8_t>(k), w);
        }
      }
      const PerceptronModel m(c, ToRows(rows), quantum);
      const ViterbiTables tables = MakeViterbiTables(m);
      // Without a mask, and with one forbidding about a third of transitions.
      TransitionMask mask(static_cast<size_t>(c + 1) * c);
      for (auto& allowed : mask) allowed = rng() % 3 != 0;
      for (const TransitionMask& tm : {TransitionMask{}, mask}) {
        for (const SentenceFeatures& sf : features) {
          std::vector<int> tags, want_tags;
          std::vector<float> probs, want_probs;
          ViterbiDecode(m, tables, sf, feature_set, tm, &tags, &probs);
          ReferenceViterbi(m, tables, sf, feature_set, tm, &want_tags, &want_probs);
          EXPECT_EQ(tags, want_tags);
          EXPECT_EQ(probs, want_probs);
          GreedyDecode(m, sf, feature_set, tm, &tags, &probs);
          ReferenceGreedy(m, sf, feature_set, tm, &want_tags, &want_probs);
          EXPECT_EQ(tags, want_tags);
          EXPECT_EQ(probs, want_probs);
        }
        // With a WordScoreCache: the same tags and probabilities, bit for
        // bit, whether the words are not cached yet (first pass) or are.
        WordScoreCache cache;
        ViterbiCache history;
        cache.Bind(m);
        history.Bind(m);
        for (int pass = 0; pass < 2; ++pass) {
          for (size_t s = 0; s < sents.size(); ++s) {
            SCOPED_TRACE(testing::Message() << "cached, pass " << pass << ", sentence " << s);
            SentenceFeatures cf;
            std::vector<int> tags, want_tags;
            std::vector<float> probs, want_probs;
            ExtractStatic(sents[s], feature_set, {}, nullptr, &cf, &cache);
            if (pass == 1) {
              EXPECT_TRUE(cf.word_token.empty());  // every word cached
            }
            ViterbiDecode(m, tables, cf, feature_set, tm, &tags, &probs, &cache, &history);
            ReferenceViterbi(m, tables, features[s], feature_set, tm, &want_tags, &want_probs);
            EXPECT_EQ(tags, want_tags);
            EXPECT_EQ(probs, want_probs);
            ExtractStatic(sents[s], feature_set, {}, nullptr, &cf, &cache);
            GreedyDecode(m, cf, feature_set, tm, &tags, &probs, &cache);
            ReferenceGreedy(m, features[s], feature_set, tm, &want_tags, &want_probs);
            EXPECT_EQ(tags, want_tags);
            EXPECT_EQ(probs, want_probs);
          }
        }
        EXPECT_GT(cache.size(), 0u);
        EXPECT_GT(history.prev_word.size(), 0u);
        EXPECT_GT(history.prev_shape.size(), 0u);
      }
    }
  }
}

TEST(Perceptron, WordScoreCacheBelongsToOneModel) {
  const PerceptronModel a(2, {{Combine(1, 0), {{0, 1.0f}}}}), b = a;
  const PerceptronModel c(2, {{Combine(1, 0), {{1, 1.0f}}}});
  EXPECT_EQ(a.id(), b.id());  // a copy: the same weights
  EXPECT_NE(a.id(), c.id());
  WordScoreCache cache;
  EXPECT_EQ(cache.Find(42), nullptr);  // unbound: never holds anything
  cache.Bind(a);
  const float sums[2] = {1.5f, -2.0f};
  cache.Insert(42, sums);
  ASSERT_NE(cache.Find(42), nullptr);
  EXPECT_EQ(cache.Find(42)[1], -2.0f);
  cache.Bind(b);  // same weights: kept
  EXPECT_NE(cache.Find(42), nullptr);
  cache.Bind(c);  // other weights: emptied
  EXPECT_EQ(cache.Find(42), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  // Full: it empties itself and goes on.
  for (uint64_t w = 1; w <= WordScoreCache::kMaxWords + 5; ++w) cache.Insert(w * 7919, sums);
  EXPECT_LE(cache.size(), WordScoreCache::kMaxWords);
  EXPECT_NE(cache.Find((WordScoreCache::kMaxWords + 5) * 7919), nullptr);
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
  // A row naming a class twice (the table holds one weight per class).
  ModelContents dup = SmallModel();
  dup.weights = PerceptronModel(3, {{7, {{0, 1.5f}, {2, -0.25f}}}});
  std::string bytes = SerializeModel(dup);
  const size_t second_class = bytes.size() - 4 - 3;  // before the CRC: (class, i16)
  ASSERT_EQ(bytes[second_class], 2);
  bytes[second_class] = 0;
  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()),
                          static_cast<uInt>(bytes.size() - 4));
  const uint32_t crc32_value = static_cast<uint32_t>(crc);
  std::memcpy(bytes.data() + bytes.size() - 4, &crc32_value, 4);
  auto m = ParseModel(bytes, "x.model", ModelKind::kNer);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(m.status().message().find("byte offset " + std::to_string(second_class) +
                                      ": duplicate class id"),
            std::string::npos)
      << m.status().ToString();
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
