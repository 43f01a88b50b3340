// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Averaged perceptron for sequence labelling: greedy left to right, or
// exact second-order Viterbi (ViterbiDecode, below).
//
// The idea (Collins 2002, https://aclanthology.org/W02-1001/; the greedy
// variant popularised by Honnibal's "A good POS tagger in about 200 lines",
// https://explosion.ai/blog/part-of-speech-pos-tagger-in-python): every
// (feature key, class) pair has a weight; a token's class is the argmax of
// the summed weights of its features. Tags are chosen left to right, so
// features may look at the tags already chosen. Training walks the sentences
// in a fixed-seed shuffled order, decodes each token with the current
// weights and, when wrong, adds 1 to the gold class and subtracts 1 from the
// predicted class for all active features. The final weights are the average
// over all steps (kept lazily: each weight remembers when it last changed),
// which is what makes the perceptron generalise.
//
// PerceptronModel is the frozen, averaged result: an open-addressing hash
// table from feature key to a short run of (class, weight) pairs; features
// whose weights all rounded to zero are pruned. Immutable after construction,
// so const methods are safe from any number of threads.
#ifndef KRONIEK_LANG_INTERNAL_PERCEPTRON_H_
#define KRONIEK_LANG_INTERNAL_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lang/internal/features.h"

namespace kroniek::lang::internal {

class PerceptronModel {
 public:
  // One feature's non-zero weights.
  struct Row {
    uint64_t key;
    std::vector<std::pair<uint8_t, float>> weights;  // (class, weight)
  };

  PerceptronModel() = default;
  // Requires num_classes in [1, 255], class ids < num_classes, keys unique.
  PerceptronModel(int num_classes, const std::vector<Row>& rows);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_rows_; }

  // scores[c] += weight(key, c) for every key; scores has num_classes() slots.
  void Score(const uint64_t* keys, size_t n, float* scores) const;
  // A hint: these keys will be scored soon (starts their cache misses).
  void Prefetch(const uint64_t* keys, size_t n) const;

  // All rows, sorted by key (for serialising).
  std::vector<Row> Rows() const;

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty (feature keys are never 0)
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  const Slot* Find(uint64_t key) const;

  // A row's weights are contiguous (class, weight) pairs: one cache line
  // per hit after the slot.
  struct Weight {
    uint32_t cls;
    float w;
  };

  int num_classes_ = 0;
  size_t num_rows_ = 0;
  std::vector<Slot> slots_;  // power-of-two size, load <= 0.5
  std::vector<Weight> weights_;
};

// The mutable learner. Not thread-safe.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }
  void Score(const uint64_t* keys, size_t n, float* scores) const;
  void Prefetch(const uint64_t*, size_t) const {}
  // One training step (call once per token, right or wrong).
  void Update(const uint64_t* keys, size_t n, int gold, int predicted);
  // Structured updates: Tick() once per training example, then Add() the
  // difference between the gold and the predicted structure.
  void Tick() { ++clock_; }
  void Add(const uint64_t* keys, size_t n, int cls, float delta);
  // The averaged weights; weights with |w| < prune_below are dropped.
  PerceptronModel Average(float prune_below) const;

 private:
  int num_classes_;
  uint64_t clock_ = 0;
  std::unordered_map<uint64_t, uint32_t> rows_;
  std::vector<float> w_, total_;
  std::vector<uint64_t> stamp_;
};

// allowed[(prev + 1) * C + cur]: may `cur` follow `prev` (prev -1 = sentence
// start)? Empty = everything allowed.
using TransitionMask = std::vector<uint8_t>;

// Greedy decoding with the dynamic features of features.h. `probs`, when not
// null, receives the softmax probability of each chosen class.
template <typename Scorer>
void GreedyDecode(const Scorer& scorer, const SentenceFeatures& sf, uint32_t feature_set,
                  const TransitionMask& mask, std::vector<int>* tags,
                  std::vector<float>* probs);

// Exact decoding for models trained with kDecodeViterbi: the best tag
// sequence under static + dynamic features (features.h), where the dynamic
// ones look at the two previous tags. States are (previous tag, tag) pairs, so
// this is second-order Viterbi: O(n * C^3) additions (C = 9 for NER), cheap
// next to feature lookup. History-only weights (Prev1Key, Prev12Key) are the
// same for every token and are read once into a table (ViterbiTables); only
// the (token, previous tag) features are looked up per token, C + 1 times.
// `mask` forbids transitions (I-X after anything but B-X/I-X) exactly.
// `probs`, when not null, receives for each chosen tag its softmax
// probability given the chosen previous tags (a confidence).
struct ViterbiTables {
  int num_classes = 0;
  // hist[((h2 * (C + 1)) + h1) * C + c] = weight of Prev1Key(h1 - 1) +
  // Prev12Key(h1 - 1, h2 - 1) for class c (h = tag + 1; 0 = before the sentence).
  std::vector<float> hist;
};
template <typename Scorer>
ViterbiTables MakeViterbiTables(const Scorer& scorer);
template <typename Scorer>
void ViterbiDecode(const Scorer& scorer, const ViterbiTables& tables, const SentenceFeatures& sf,
                   uint32_t feature_set, const TransitionMask& mask, std::vector<int>* tags,
                   std::vector<float>* probs);

// One training sentence: cached static features and gold classes.
struct TrainSentence {
  SentenceFeatures features;
  std::vector<int> gold;
};

struct TrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  float prune_below = 1e-3f;
  uint32_t feature_set = kFeatBase | kFeatContext;
  TransitionMask mask;
  // Called after each epoch with the averaged model so far (may be empty).
  std::function<void(int epoch, const PerceptronModel&)> on_epoch;
};

// Trains on `data` (order is shuffled per epoch with a fixed-seed generator,
// so results are reproducible). Returns the averaged model. With
// kDecodeViterbi in options.feature_set, trains a structured perceptron
// (Collins 2002): each sentence is Viterbi-decoded with the current weights
// and, when wrong, the features of the gold sequence get +1 and those of the
// predicted one -1; averaging is per sentence.
PerceptronModel TrainGreedy(const std::vector<TrainSentence>& data, int num_classes,
                            const TrainOptions& options);

}  // namespace kroniek::lang::internal

#endif  // KRONIEK_LANG_INTERNAL_PERCEPTRON_H_
