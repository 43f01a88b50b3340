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
// PerceptronModel is the frozen, averaged result: a hash table from feature
// key to the feature's weights; features whose weights all rounded to zero
// are pruned. Immutable after construction, so const methods are safe from
// any number of threads.
//
// Scoring is bound by memory: a sentence looks up ~25 (UPOS) to ~40 (NER)
// keys per token in tables of megabytes, and other pipeline stages evict
// them between sentences. So the index is small enough to stay in cache, a
// present key costs one more cache line (its row) and an absent one none,
// and ScoreGroups overlaps the misses of many keys (details below and in
// perceptron.cc).
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
  // Requires num_classes in [1, 255], keys unique and non-zero, class ids
  // < num_classes and distinct within a row. When every weight is exactly
  // float(q) * quantum for an integer |q| <= 32767 (weights read from a model
  // file, quantum = its scale), the table stores q in 16 bits: half the
  // memory, the same sums. quantum <= 0: keep 32-bit floats.
  PerceptronModel(int num_classes, const std::vector<Row>& rows, float quantum = 0);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_rows_; }
  // Identifies these weights within the process: every constructed model
  // gets a new id (copies keep it: the weights are immutable). 0: empty.
  uint64_t id() const { return id_; }

  // scores[c] += weight(key, c) for every key; scores has num_classes() slots.
  // Per class, weights are added in key order (sums are reproducible bit for
  // bit whichever entry point is used).
  void Score(const uint64_t* keys, size_t n, float* scores) const;
  // Many sums at once: for every group g < groups, out[g * C + c] += the
  // weights for class c of keys[begin[g], begin[g + 1]) (C = num_classes();
  // begin has groups + 1 entries). The same sums as calling Score once per
  // group, but the lookups are software-pipelined so their cache misses
  // overlap: use this whenever the keys are known in advance.
  void ScoreGroups(const uint64_t* keys, const uint32_t* begin, size_t groups, float* out) const;
  // A hint: these keys will be scored soon (starts their cache misses).
  void Prefetch(const uint64_t* keys, size_t n) const;

  // All rows, sorted by key (for serialising).
  std::vector<Row> Rows() const;

 private:
  // The index is small enough to stay in cache (~3 bytes per feature): 64-byte
  // buckets of up to 29 16-bit tags (bits 48..63 of the key), the number in
  // use, and the number of the bucket's first row; entry j's row is
  // first_row + j (rows are stored in bucket order). A full bucket spills
  // into the next one, so an absent key usually costs one probe of a cached
  // line. A tag match is confirmed against the full key stored in the row,
  // so lookups are exact.
  static constexpr int kBucketEntries = 29;
  struct alignas(64) Bucket {
    uint16_t tag[kBucketEntries];
    uint16_t size;
    uint32_t first_row;
  };
  // Rows are dense: row r is row_bytes_ bytes at rows_ + r * row_bytes_: the
  // C weights (0 for classes without one) as floats, or as int16 q with
  // weight = float(q) * quantum_, zero padding to a multiple of 4 weights,
  // then the key's 8 bytes (at key_at_). Rows are a power of two of at most
  // 64 bytes or whole lines, so none straddles a line needlessly: NER (9
  // classes) 32 bytes quantized, UPOS (17) 64. Row 0 is all zeros (key 0,
  // never a feature): absent keys add it, which changes no sum (see
  // ScoreGroups), so scoring has no branch on presence. Dense rows cost
  // memory for rare features but make every hit one line and a few vector
  // adds.
  //
  // Allocator for the tables: cache-line aligned and, for tables of 1 MB
  // and more, in transparent huge pages where the OS offers them (random
  // lookups over megabytes otherwise miss the TLB as often as the cache).
  template <typename T>
  struct TableAllocator {
    using value_type = T;
    TableAllocator() = default;
    template <typename U>
    TableAllocator(const TableAllocator<U>&) {}
    T* allocate(size_t n) { return static_cast<T*>(AllocateTable(n * sizeof(T))); }
    void deallocate(T* p, size_t n) { FreeTable(p, n * sizeof(T)); }
    bool operator==(const TableAllocator&) const { return true; }
  };
  static void* AllocateTable(size_t bytes);
  static void FreeTable(void* p, size_t bytes);

  static uint16_t TagOf(uint64_t key) { return static_cast<uint16_t>(key >> 48); }
  // Multiply-shift on the low 32 bits: any bucket count, no division.
  size_t HomeBucket(uint64_t key) const {
    return static_cast<size_t>((key & 0xFFFFFFFFu) * buckets_.size() >> 32);
  }
  size_t NextBucket(size_t b) const { return b + 1 == buckets_.size() ? 0 : b + 1; }
  const unsigned char* RowAt(uint32_t r) const { return rows_.data() + r * row_bytes_; }
  float WeightAt(uint32_t r, int cls) const;
  uint64_t RowKey(uint32_t r) const;
  // The row of `key`, or 0 (the zero row) when absent.
  uint32_t Find(uint64_t key) const;
  // Stage 2 of ScoreGroups for one chunk of keys: row numbers into `found`.
  void FindRows(const uint64_t* keys, size_t n, uint32_t* found) const;
  // Stage 3: adds the rows found for keys [a, b) to their groups' sums.
  template <int kVectors, bool kQuantized>
  void AddRows(const uint64_t* keys, const uint32_t* found, size_t a, size_t b,
               const uint32_t* begin, size_t* group, float* out) const;

  uint64_t id_ = 0;
  int num_classes_ = 0;
  size_t num_rows_ = 0;
  float quantum_ = 0;  // > 0: rows hold int16 weights
  size_t row_bytes_ = 0;
  size_t key_at_ = 0;
  std::vector<Bucket, TableAllocator<Bucket>> buckets_;  // load <= 0.7
  std::vector<unsigned char, TableAllocator<unsigned char>> rows_;
};

// The mutable learner. Not thread-safe.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }
  void Score(const uint64_t* keys, size_t n, float* scores) const;
  void ScoreGroups(const uint64_t* keys, const uint32_t* begin, size_t groups,
                   float* out) const;
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

// A memo of the word-only part of the static scores (SentenceFeatures::
// word_end): the summed weights of a word's first keys, per exact word, for
// one PerceptronModel. A decoder given a cache starts each token's static
// sum from the cached partial sum and adds the rest of its keys, which makes
// exactly the float additions, in the same order, as summing all its keys
// (ScoreGroups adds keys in order): the tags and probabilities are bit for
// bit those without a cache. Words repeat (a few hundred types make most of
// the tokens of news text), so most tokens skip ~60 % of their lookups.
// Words are keyed by their 64-bit hash, like the features themselves.
// Not thread-safe: one per thread (tagger.cc and ner.cc keep a thread_local
// one next to their other per-thread scratch). Bounded: it empties itself
// when full, and when used with another model (a different id()).
class WordScoreCache {
 public:
  static constexpr size_t kMaxWords = size_t{1} << 14;
  // Empties the cache unless it already holds sums of `model` (`width`
  // floats per word, 0: num_classes(); at most `max_words` words, a power
  // of two: wide rows are kept fewer, so the table stays cache-sized).
  void Bind(const PerceptronModel& model, size_t width = 0, size_t max_words = kMaxWords);
  // The cached sums (width floats) of `word`, or null.
  const float* Find(uint64_t word) const;
  // Caches `sums` for `word` (replacing its sums if present); may empty the
  // cache first.
  void Insert(uint64_t word, const float* sums);
  size_t size() const { return size_; }

 private:
  uint64_t model_id_ = 0;
  size_t width_ = 0;
  size_t max_words_ = 0;
  size_t size_ = 0;
  std::vector<uint64_t> keys_;  // 2 * max_words_ slots, 0 = empty
  std::vector<float> sums_;     // width_ floats per slot
};

// The same memo for the Viterbi decoder's (previous tag, token) features,
// which depend on the token only through its lowercase word or its shape
// (features.h): per word, and per shape, the sums for every previous tag
// ((C + 1) x C floats). Same results; one per thread.
struct ViterbiCache {
  WordScoreCache prev_word, prev_shape;
  void Bind(const PerceptronModel& model) {
    const size_t c = static_cast<size_t>(model.num_classes());
    prev_word.Bind(model, (c + 1) * c, size_t{1} << 12);  // ~3 MB for NER
    prev_shape.Bind(model, (c + 1) * c, size_t{1} << 9);  // shapes are few
  }
};

// allowed[(prev + 1) * C + cur]: may `cur` follow `prev` (prev -1 = sentence
// start)? Empty = everything allowed.
using TransitionMask = std::vector<uint8_t>;

// Greedy decoding with the dynamic features of features.h. `probs`, when not
// null, receives the softmax probability of each chosen class. The static
// features of the sentence are scored first in one pipelined batch.
// `cache`, when not null, memoises the word-only sums (same results; only
// for a PerceptronModel scorer, whose weights never change).
template <typename Scorer>
void GreedyDecode(const Scorer& scorer, const SentenceFeatures& sf, uint32_t feature_set,
                  const TransitionMask& mask, std::vector<int>* tags,
                  std::vector<float>* probs, WordScoreCache* cache = nullptr);

// Exact decoding for models trained with kDecodeViterbi: the best tag
// sequence under static + dynamic features (features.h), where the dynamic
// ones look at the two previous tags. States are (previous tag, tag) pairs, so
// this is second-order Viterbi: O(n * C^3) additions (C = 9 for NER), cheap
// next to feature lookup. History-only weights (Prev1Key, Prev12Key) are the
// same for every token and are read once into a table (ViterbiTables). All
// other lookups are known before decoding and go in one pipelined batch
// (PerceptronModel::ScoreGroups): the static features, and the (token,
// previous tag) ones for every previous tag, looked up once per distinct
// word and shape of the sentence (features.h).
// `mask` forbids transitions (I-X after anything but B-X/I-X) exactly.
// `probs`, when not null, receives for each chosen tag its softmax
// probability given the chosen previous tags (a confidence).
struct ViterbiTables {
  int num_classes = 0;
  // hist[((h2 * (C + 1)) + h1) * C + c] = weight of Prev1Key(h1 - 1) +
  // Prev12Key(h1 - 1, h2 - 1) for class c (h = tag + 1; 0 = before the sentence),
  // then 4 floats of padding (the decoder reads 4 classes at a time).
  std::vector<float> hist;
};
template <typename Scorer>
ViterbiTables MakeViterbiTables(const Scorer& scorer);
template <typename Scorer>
void ViterbiDecode(const Scorer& scorer, const ViterbiTables& tables, const SentenceFeatures& sf,
                   uint32_t feature_set, const TransitionMask& mask, std::vector<int>* tags,
                   std::vector<float>* probs, WordScoreCache* cache = nullptr,
                   ViterbiCache* history = nullptr);

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
