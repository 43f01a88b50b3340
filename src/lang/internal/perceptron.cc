// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/internal/perceptron.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <new>
#include <random>
#include <type_traits>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kroniek::lang::internal {

namespace {

size_t RoundUp4(size_t n) { return (n + 3) & ~size_t{3}; }

// ScoreGroups works on chunks of this many keys (see there).
constexpr size_t kChunk = 64;

// Four floats; GCC and Clang map it to SSE (x86-64) or NEON (arm64).
typedef float Float4 __attribute__((vector_size(16)));
typedef int32_t Int4 __attribute__((vector_size(16)));

// Loads and stores by value (memcpy: no alignment or aliasing assumptions),
// so that arrays of Float4 never have their address taken and stay in
// registers.
inline Float4 Load4(const float* p) {
  Float4 x;
  std::memcpy(&x, p, sizeof(x));
  return x;
}
inline void Store4(float* p, Float4 x) { std::memcpy(p, &x, sizeof(x)); }
// Four quantized weights: float(q) * quantum, rounded once, exactly as the
// model file reader computes each weight. The empty asm keeps the compiler
// from fusing the multiply with the caller's add (an FMA rounds once, which
// would change sums on targets built with FMA).
inline Float4 LoadQuantized4(const unsigned char* p, Float4 quantum) {
#if defined(__SSE2__)
  // Sign-extend 4 x int16 to int32 (unpack into the high halves, shift
  // back), convert: GCC scalarizes __builtin_convertvector here.
  const __m128i q = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
  const __m128i q32 = _mm_srai_epi32(_mm_unpacklo_epi16(q, q), 16);
  Float4 w = reinterpret_cast<Float4>(_mm_cvtepi32_ps(q32)) * quantum;
#else
  typedef int16_t Short4 __attribute__((vector_size(8)));
  Short4 q;
  std::memcpy(&q, p, sizeof(q));
  Float4 w = __builtin_convertvector(q, Float4) * quantum;
#endif
#if defined(__x86_64__) || defined(__i386__)
  __asm__("" : "+x"(w));
#elif defined(__aarch64__)
  __asm__("" : "+w"(w));
#endif
  return w;
}
// The first n <= 4 lanes only (the others load as 0).
inline Float4 LoadPartial(const float* p, size_t n) {
  float t[4] = {0, 0, 0, 0};
  for (size_t j = 0; j < n; ++j) t[j] = p[j];
  return Load4(t);
}
inline void StorePartial(float* p, size_t n, Float4 x) {
  float t[4];
  Store4(t, x);
  for (size_t j = 0; j < n; ++j) p[j] = t[j];
}

// Bit j: tag j of the bucket equals `tag` (bits 29..31 compare the size and
// first_row fields; callers mask them off with the bucket's size).
inline uint32_t BucketMatches(const uint16_t* tags, uint16_t tag) {
#if defined(__SSE2__)
  const __m128i t = _mm_set1_epi16(static_cast<short>(tag));
  const __m128i* p = reinterpret_cast<const __m128i*>(tags);
  // Compare 8 tags per instruction, pack the 16-bit results to bytes: one
  // mask bit per tag.
  auto bits = [&](int i) {
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_packs_epi16(
        _mm_cmpeq_epi16(_mm_load_si128(p + i), t), _mm_cmpeq_epi16(_mm_load_si128(p + i + 1), t))));
  };
  return bits(0) | bits(2) << 16;
#else
  uint32_t m = 0;
  for (uint32_t j = 0; j < 32; ++j) m |= static_cast<uint32_t>(tags[j] == tag) << j;
  return m;
#endif
}

constexpr size_t kHugePage = size_t{2} << 20;
// Tables this large get huge pages; their size is rounded up to whole pages
// so that the advice covers only the table.
constexpr size_t kHugeTable = size_t{1} << 20;
size_t TableBytes(size_t bytes) {
  return bytes < kHugeTable ? bytes : (bytes + kHugePage - 1) & ~(kHugePage - 1);
}

}  // namespace

void* PerceptronModel::AllocateTable(size_t bytes) {
  if (bytes < kHugeTable) return ::operator new(bytes, std::align_val_t(64));
  void* p = ::operator new(TableBytes(bytes), std::align_val_t(kHugePage));
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // A hint only: without huge pages the table works the same, slower.
  madvise(p, TableBytes(bytes), MADV_HUGEPAGE);
#endif
  return p;
}

void PerceptronModel::FreeTable(void* p, size_t bytes) {
  ::operator delete(p, std::align_val_t(bytes < kHugeTable ? 64 : kHugePage));
}

PerceptronModel::PerceptronModel(int num_classes, const std::vector<Row>& rows, float quantum)
    : num_classes_(num_classes), num_rows_(rows.size()) {
  static_assert(sizeof(Bucket) == 64);
  // An identity, not state: it only tells WordScoreCache whose sums it holds.
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1, std::memory_order_relaxed);
  // 16-bit weights when every weight is float(q) * quantum exactly.
  auto quantize = [&](float w, int16_t* q) {
    const long v = std::lround(w / quantum);
    if (v < -32767 || v > 32767) return false;
    *q = static_cast<int16_t>(v);
    return static_cast<float>(*q) * quantum == w;
  };
  bool exact = quantum > 0 && std::isfinite(quantum);
  for (size_t i = 0; exact && i < rows.size(); ++i) {
    for (const auto& [cls, w] : rows[i].weights) {
      int16_t q;
      if (!quantize(w, &q)) {
        exact = false;
        break;
      }
    }
  }
  quantum_ = exact ? quantum : 0;
  const size_t weight_bytes = exact ? sizeof(int16_t) : sizeof(float);
  key_at_ = RoundUp4(static_cast<size_t>(num_classes)) * weight_bytes;
  row_bytes_ = 16;
  while (row_bytes_ < key_at_ + sizeof(uint64_t)) row_bytes_ *= 2;
  if (row_bytes_ > 64) row_bytes_ = (key_at_ + sizeof(uint64_t) + 63) / 64 * 64;

  // Load <= 0.7 (20 of 29 entries on average) keeps full buckets, whose
  // absent keys must probe on, rare.
  buckets_.assign(rows.size() * 10 / (kBucketEntries * 7) + 1, Bucket{});
  // Entries first, to learn each bucket's size; then rows in bucket order.
  std::vector<std::pair<uint32_t, uint32_t>> place(rows.size());  // (bucket, entry)
  for (size_t i = 0; i < rows.size(); ++i) {
    size_t b = HomeBucket(rows[i].key);
    while (buckets_[b].size == kBucketEntries) b = NextBucket(b);
    Bucket& bucket = buckets_[b];
    bucket.tag[bucket.size] = TagOf(rows[i].key);
    place[i] = {static_cast<uint32_t>(b), bucket.size++};
  }
  uint32_t next_row = 1;  // row 0: the zero row
  for (Bucket& bucket : buckets_) {
    bucket.first_row = next_row;
    next_row += bucket.size;
  }
  rows_.assign(static_cast<size_t>(next_row) * row_bytes_, 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    const uint32_t r = buckets_[place[i].first].first_row + place[i].second;
    unsigned char* row = rows_.data() + static_cast<size_t>(r) * row_bytes_;
    for (const auto& [cls, w] : rows[i].weights) {
      if (exact) {
        int16_t q = 0;
        quantize(w, &q);
        std::memcpy(row + cls * sizeof(q), &q, sizeof(q));
      } else {
        std::memcpy(row + cls * sizeof(w), &w, sizeof(w));
      }
    }
    std::memcpy(row + key_at_, &rows[i].key, sizeof(uint64_t));
  }
}

uint64_t PerceptronModel::RowKey(uint32_t r) const {
  uint64_t key;
  std::memcpy(&key, RowAt(r) + key_at_, sizeof(key));
  return key;
}

float PerceptronModel::WeightAt(uint32_t r, int cls) const {
  if (quantum_ > 0) {
    int16_t q;
    std::memcpy(&q, RowAt(r) + cls * sizeof(q), sizeof(q));
    float w = static_cast<float>(q) * quantum_;
#if defined(__x86_64__) || defined(__i386__)
    __asm__("" : "+x"(w));  // no FMA with the caller's add (see LoadQuantized4)
#elif defined(__aarch64__)
    __asm__("" : "+w"(w));
#endif
    return w;
  }
  float w;
  std::memcpy(&w, RowAt(r) + cls * sizeof(w), sizeof(w));
  return w;
}

uint32_t PerceptronModel::Find(uint64_t key) const {
  const uint16_t tag = TagOf(key);
  for (size_t b = HomeBucket(key);; b = NextBucket(b)) {
    const Bucket& bucket = buckets_[b];
    for (uint32_t j = 0; j < bucket.size; ++j) {
      if (bucket.tag[j] == tag && RowKey(bucket.first_row + j) == key) return bucket.first_row + j;
    }
    if (bucket.size < kBucketEntries) return 0;  // a full bucket may have spilled
  }
}

void PerceptronModel::Prefetch(const uint64_t* keys, size_t n) const {
  if (buckets_.empty()) return;
  for (size_t k = 0; k < n; ++k) __builtin_prefetch(&buckets_[HomeBucket(keys[k])]);
}

void PerceptronModel::Score(const uint64_t* keys, size_t n, float* scores) const {
  const uint32_t begin[2] = {0, static_cast<uint32_t>(n)};
  ScoreGroups(keys, begin, 1, scores);
}

void PerceptronModel::FindRows(const uint64_t* keys, size_t n, uint32_t* found) const {
  const size_t last_line = row_bytes_ - 1;  // rows span <= 2 lines
  for (size_t j = 0; j < n; ++j) {
    const Bucket& bucket = buckets_[HomeBucket(keys[j])];
    const uint32_t match = BucketMatches(bucket.tag, TagOf(keys[j])) & ((1u << bucket.size) - 1);
    // The first tag match (confirmed by AddRows), or the zero row.
    uint32_t r = match != 0 ? bucket.first_row + static_cast<uint32_t>(__builtin_ctz(match)) : 0;
    // A full bucket without the tag: the key may have spilled (rare).
    if (__builtin_expect(bucket.size == kBucketEntries && match == 0, 0)) r = Find(keys[j]);
    found[j] = r;
    __builtin_prefetch(RowAt(r));
    if (last_line >= 64) __builtin_prefetch(RowAt(r) + last_line);
  }
}

template <int kVectors, bool kQuantized>
void PerceptronModel::AddRows(const uint64_t* keys, const uint32_t* found, size_t a, size_t b,
                              const uint32_t* begin, size_t* group, float* out) const {
  const size_t c = static_cast<size_t>(num_classes_);
  const Float4 quantum = {quantum_, quantum_, quantum_, quantum_};
  size_t g = *group;
  for (size_t k = a; k < b;) {
    while (begin[g + 1] <= k) ++g;
    const size_t end = std::min<size_t>(begin[g + 1], b);
    float* s = out + g * c;
    if constexpr (kVectors == 0) {  // any class count: sums in memory
      for (; k < end; ++k) {
        uint32_t r = found[k - a];
        if (__builtin_expect(r != 0 && RowKey(r) != keys[k], 0)) r = Find(keys[k]);
        for (size_t cls = 0; cls < c; ++cls) s[cls] += WeightAt(r, static_cast<int>(cls));
      }
    } else {
      // The group's sums stay in registers while its keys are added; the
      // last vector may hold fewer than 4 classes.
      const size_t tail = c - 4 * (kVectors - 1);
      Float4 acc[kVectors];
#pragma GCC unroll 8
      for (int v = 0; v + 1 < kVectors; ++v) acc[v] = Load4(s + 4 * v);
      acc[kVectors - 1] = LoadPartial(s + 4 * (kVectors - 1), tail);
      for (; k < end; ++k) {
        uint32_t r = found[k - a];
        if (__builtin_expect(r != 0 && RowKey(r) != keys[k], 0)) r = Find(keys[k]);
        const unsigned char* row = RowAt(r);
#pragma GCC unroll 8
        for (int v = 0; v < kVectors; ++v) {
          if constexpr (kQuantized) {
            acc[v] += LoadQuantized4(row + 8 * v, quantum);
          } else {
            acc[v] += Load4(reinterpret_cast<const float*>(row) + 4 * v);
          }
        }
      }
#pragma GCC unroll 8
      for (int v = 0; v + 1 < kVectors; ++v) Store4(s + 4 * v, acc[v]);
      StorePartial(s + 4 * (kVectors - 1), tail, acc[kVectors - 1]);
    }
  }
  *group = g;
}

void PerceptronModel::ScoreGroups(const uint64_t* keys, const uint32_t* begin, size_t groups,
                                  float* out) const {
  if (groups == 0 || buckets_.empty()) return;
  // Lookups are bound by cache misses, so they are software-pipelined over
  // chunks of keys: stage 1 prefetches a chunk's buckets, stage 2 probes
  // them and prefetches the rows found, stage 3 adds the rows. While one
  // chunk is added, the next one's rows and the one after's buckets are on
  // their way, so hundreds of misses overlap instead of one at a time.
  //
  // Stage 3 adds every key's row in key order, so each sum sees the same
  // float additions as a plain loop over the keys' (class, weight) pairs
  // (16-bit weights are expanded to exactly the floats the model file
  // reader makes), plus additions of +0.0: classes a row has no weight
  // for, and the zero row of absent keys. Those change nothing, since
  // x + 0.0f == x bit for bit for every x but -0.0, and no sum is -0.0: the
  // decoders start sums at +0.0, and non-zero floats that cancel exactly
  // give +0.0. (A caller starting a sum at -0.0 would get +0.0, which
  // compares equal.)
  const size_t first = begin[0], last = begin[groups];
  const size_t chunks = (last - first + kChunk - 1) / kChunk;
  auto chunk_begin = [&](size_t i) { return first + i * kChunk; };
  auto chunk_size = [&](size_t i) { return std::min(kChunk, last - chunk_begin(i)); };
  auto prefetch_buckets = [&](size_t i) {
    if (i >= chunks) return;
    const uint64_t* k = keys + chunk_begin(i);
    for (size_t j = 0, n = chunk_size(i); j < n; ++j) {
      __builtin_prefetch(&buckets_[HomeBucket(k[j])]);
    }
  };
  uint32_t found[2][kChunk];
  size_t group = 0;
  prefetch_buckets(0);
  prefetch_buckets(1);
  if (chunks > 0) FindRows(keys + chunk_begin(0), chunk_size(0), found[0]);
  for (size_t i = 0; i < chunks; ++i) {
    prefetch_buckets(i + 2);
    if (i + 1 < chunks) FindRows(keys + chunk_begin(i + 1), chunk_size(i + 1), found[(i + 1) % 2]);
    const size_t a = chunk_begin(i), b = a + chunk_size(i);
    const uint32_t* f = found[i % 2];
    auto add = [&](auto vectors) {
      if (quantum_ > 0) {
        AddRows<decltype(vectors)::value, true>(keys, f, a, b, begin, &group, out);
      } else {
        AddRows<decltype(vectors)::value, false>(keys, f, a, b, begin, &group, out);
      }
    };
    switch (RoundUp4(static_cast<size_t>(num_classes_)) / 4) {  // NER 3, UPOS 5
      case 1: add(std::integral_constant<int, 1>()); break;
      case 2: add(std::integral_constant<int, 2>()); break;
      case 3: add(std::integral_constant<int, 3>()); break;
      case 4: add(std::integral_constant<int, 4>()); break;
      case 5: add(std::integral_constant<int, 5>()); break;
      case 6: add(std::integral_constant<int, 6>()); break;
      case 7: add(std::integral_constant<int, 7>()); break;
      case 8: add(std::integral_constant<int, 8>()); break;
      default: AddRows<0, false>(keys, f, a, b, begin, &group, out); break;
    }
  }
}

std::vector<PerceptronModel::Row> PerceptronModel::Rows() const {
  std::vector<Row> rows;
  rows.reserve(num_rows_);
  for (const Bucket& bucket : buckets_) {
    for (uint32_t j = 0; j < bucket.size; ++j) {
      Row r{RowKey(bucket.first_row + j), {}};
      for (int c = 0; c < num_classes_; ++c) {
        const float w = WeightAt(bucket.first_row + j, c);
        if (w != 0.0f) r.weights.emplace_back(static_cast<uint8_t>(c), w);
      }
      rows.push_back(std::move(r));
    }
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  return rows;
}

void PerceptronTrainer::Score(const uint64_t* keys, size_t n, float* scores) const {
  for (size_t k = 0; k < n; ++k) {
    auto it = rows_.find(keys[k]);
    if (it == rows_.end()) continue;
    const float* w = w_.data() + static_cast<size_t>(it->second) * num_classes_;
    for (int c = 0; c < num_classes_; ++c) scores[c] += w[c];
  }
}

void PerceptronTrainer::ScoreGroups(const uint64_t* keys, const uint32_t* begin, size_t groups,
                                    float* out) const {
  for (size_t g = 0; g < groups; ++g) {
    Score(keys + begin[g], begin[g + 1] - begin[g], out + g * num_classes_);
  }
}

void PerceptronTrainer::Update(const uint64_t* keys, size_t n, int gold, int predicted) {
  ++clock_;
  if (gold == predicted) return;
  for (size_t k = 0; k < n; ++k) {
    auto [it, inserted] = rows_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
    if (inserted) {
      w_.resize(w_.size() + num_classes_, 0.0f);
      total_.resize(total_.size() + num_classes_, 0.0f);
      stamp_.resize(stamp_.size() + num_classes_, 0);
    }
    const size_t base = static_cast<size_t>(it->second) * num_classes_;
    for (int c : {gold, predicted}) {
      const size_t i = base + c;
      total_[i] += static_cast<float>(clock_ - stamp_[i]) * w_[i];
      stamp_[i] = clock_;
      w_[i] += (c == gold) ? 1.0f : -1.0f;
    }
  }
}

void PerceptronTrainer::Add(const uint64_t* keys, size_t n, int cls, float delta) {
  for (size_t k = 0; k < n; ++k) {
    auto [it, inserted] = rows_.try_emplace(keys[k], static_cast<uint32_t>(rows_.size()));
    if (inserted) {
      w_.resize(w_.size() + num_classes_, 0.0f);
      total_.resize(total_.size() + num_classes_, 0.0f);
      stamp_.resize(stamp_.size() + num_classes_, 0);
    }
    const size_t i = static_cast<size_t>(it->second) * num_classes_ + cls;
    total_[i] += static_cast<float>(clock_ - stamp_[i]) * w_[i];
    stamp_[i] = clock_;
    w_[i] += delta;
  }
}

PerceptronModel PerceptronTrainer::Average(float prune_below) const {
  std::vector<PerceptronModel::Row> rows;
  rows.reserve(rows_.size());
  const double now = static_cast<double>(clock_ == 0 ? 1 : clock_);
  for (const auto& [key, row] : rows_) {
    PerceptronModel::Row r{key, {}};
    const size_t base = static_cast<size_t>(row) * num_classes_;
    for (int c = 0; c < num_classes_; ++c) {
      const size_t i = base + c;
      double total = total_[i] + static_cast<double>(clock_ - stamp_[i]) * w_[i];
      float avg = static_cast<float>(total / now);
      if (std::fabs(avg) >= prune_below) r.weights.emplace_back(static_cast<uint8_t>(c), avg);
    }
    if (!r.weights.empty()) rows.push_back(std::move(r));
  }
  // Deterministic layout regardless of hash map iteration order.
  std::sort(rows.begin(), rows.end(),
            [](const PerceptronModel::Row& a, const PerceptronModel::Row& b) {
              return a.key < b.key;
            });
  return PerceptronModel(num_classes_, rows);
}

void WordScoreCache::Bind(const PerceptronModel& model, size_t width, size_t max_words) {
  if (width == 0) width = static_cast<size_t>(model.num_classes());
  if (model_id_ == model.id() && width_ == width && max_words_ == max_words && !keys_.empty())
    return;
  model_id_ = model.id();
  width_ = width;
  max_words_ = max_words;
  keys_.assign(2 * max_words_, 0);
  sums_.assign(2 * max_words_ * width_, 0.0f);
  size_ = 0;
}

const float* WordScoreCache::Find(uint64_t word) const {
  if (keys_.empty()) return nullptr;
  const size_t m = keys_.size() - 1;
  const uint64_t key = word == 0 ? 1 : word;
  for (size_t i = static_cast<size_t>(key) & m;; i = (i + 1) & m) {
    if (keys_[i] == key) return sums_.data() + i * width_;
    if (keys_[i] == 0) return nullptr;
  }
}

void WordScoreCache::Insert(uint64_t word, const float* sums) {
  if (keys_.empty()) return;
  if (size_ >= max_words_) {  // load 1/2: empty and start again
    std::fill(keys_.begin(), keys_.end(), 0);
    size_ = 0;
  }
  const size_t m = keys_.size() - 1;
  const uint64_t key = word == 0 ? 1 : word;
  size_t i = static_cast<size_t>(key) & m;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & m;
  if (keys_[i] == 0) ++size_;
  keys_[i] = key;
  std::copy_n(sums, width_, sums_.data() + i * width_);
}

namespace {

// Where each token's static sum starts (*start, n x C): 0, or with a
// WordScoreCache (sf extracted with it) the summed weights of its word-only
// keys, which sf.keys then lacks: the cached sums, or for words not cached
// yet their keys summed here (one pipelined batch) and cached. Adding the
// rest of the token's keys to that start makes the same float additions as
// summing all its keys (see WordScoreCache).
template <typename Scorer>
void StaticStart(const Scorer& scorer, const SentenceFeatures& sf, WordScoreCache* cache,
                 std::vector<float>* miss_sums, std::vector<float>* start) {
  const size_t n = sf.size();
  const size_t c = static_cast<size_t>(scorer.num_classes());
  start->assign(n * c, 0.0f);
  if (sf.word_sums.empty()) return;  // extracted without a cache
  for (size_t i = 0; i < n; ++i) {
    if (sf.word_sums[i] != nullptr) std::copy_n(sf.word_sums[i], c, start->data() + i * c);
  }
  const size_t misses = sf.word_token.size();
  if (misses == 0) return;
  miss_sums->assign(misses * c, 0.0f);
  scorer.ScoreGroups(sf.word_keys.data(), sf.word_group.data(), misses, miss_sums->data());
  for (size_t j = 0; j < misses; ++j) {
    const size_t i = sf.word_token[j];
    const float* sums = miss_sums->data() + j * c;
    std::copy_n(sums, c, start->data() + i * c);
    // (A word twice in the sentence is stored twice, with the same sums.)
    if (cache != nullptr) cache->Insert(sf.word_hash[i], sums);
  }
}

// Per-thread decoding buffers, reused across sentences.
struct GreedyScratch {
  std::vector<float> miss_sums;
  std::vector<float> stat;  // n x C: static scores
  std::vector<float> scores;
  std::vector<uint64_t> dyn;
};
}  // namespace

template <typename Scorer>
void GreedyDecode(const Scorer& scorer, const SentenceFeatures& sf, uint32_t feature_set,
                  const TransitionMask& mask, std::vector<int>* tags,
                  std::vector<float>* probs, WordScoreCache* cache) {
  thread_local GreedyScratch x;
  const int num_classes = scorer.num_classes();
  const size_t n = sf.size();
  tags->assign(n, 0);
  if (probs != nullptr) probs->assign(n, 1.0f);
  if (n == 0) return;
  // Static features do not depend on the tags: score them all first, with
  // their cache misses overlapped.
  StaticStart(scorer, sf, cache, &x.miss_sums, &x.stat);
  scorer.ScoreGroups(sf.keys.data(), sf.begin.data(), n, x.stat.data());
  x.scores.resize(num_classes);
  float* scores = x.scores.data();
  for (size_t i = 0; i < n; ++i) {
    std::copy_n(x.stat.data() + i * num_classes, num_classes, scores);
    const int prev1 = i > 0 ? (*tags)[i - 1] : -1;
    const int prev2 = i > 1 ? (*tags)[i - 2] : -1;
    x.dyn.clear();
    AppendDynamic(sf, i, prev1, prev2, feature_set, &x.dyn);
    scorer.Score(x.dyn.data(), x.dyn.size(), scores);
    int best = -1;
    for (int c = 0; c < num_classes; ++c) {
      if (!mask.empty() && !mask[static_cast<size_t>(prev1 + 1) * num_classes + c]) continue;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    if (best < 0) best = 0;
    (*tags)[i] = best;
    if (probs != nullptr) {
      double z = 0;
      for (int c = 0; c < num_classes; ++c) z += std::exp(static_cast<double>(scores[c] - scores[best]));
      (*probs)[i] = static_cast<float>(1.0 / z);
    }
  }
}

template void GreedyDecode<PerceptronModel>(const PerceptronModel&, const SentenceFeatures&,
                                            uint32_t, const TransitionMask&, std::vector<int>*,
                                            std::vector<float>*, WordScoreCache*);

template <typename Scorer>
ViterbiTables MakeViterbiTables(const Scorer& scorer) {
  ViterbiTables t;
  const int c = scorer.num_classes();
  const int h = c + 1;
  t.num_classes = c;
  // Padding: the decoder reads rows 4 floats at a time, past the last class.
  t.hist.assign(static_cast<size_t>(h) * h * c + 4, 0.0f);
  for (int h2 = 0; h2 < h; ++h2) {
    for (int h1 = 0; h1 < h; ++h1) {
      const uint64_t keys[2] = {Prev1Key(h1 - 1), Prev12Key(h1 - 1, h2 - 1)};
      scorer.Score(keys, 2, t.hist.data() + (static_cast<size_t>(h2) * h + h1) * c);
    }
  }
  return t;
}

namespace {
constexpr float kNegInf = -1e30f;

// Per-thread decoding buffers, reused across sentences.
struct ViterbiScratch {
  std::vector<float> miss_sums;
  std::vector<const float*> hits;  // per distinct word, then shape: cached sums
  std::vector<const float*> rows;  // the same, or their rows in `sums`
  std::vector<float> local;  // n x (C + 1) x C: (token, previous tag) scores
  std::vector<float> delta;  // n x (C + 1) x C: best score of state (h1, c) at i
  std::vector<uint8_t> back;
  std::vector<uint64_t> keys;   // all keys looked up for the sentence
  std::vector<uint32_t> group;  // their groups' boundaries
  std::vector<float> sums;      // the groups' scores
  std::vector<uint32_t> word_of, shape_of;  // token -> distinct word / shape
  std::vector<uint64_t> words, shapes;      // the distinct values
  std::vector<uint32_t> ids;                // hash table for Distinct()
  std::vector<float> best;      // per class, for BestPredecessors
  std::vector<int32_t> arg;
};

// The distinct values of `v` in first-seen order into *values, and for each
// i the index of v[i] in *values into *of. `table` is scratch.
void Distinct(const std::vector<uint64_t>& v, std::vector<uint32_t>* of,
              std::vector<uint64_t>* values, std::vector<uint32_t>* table) {
  size_t cap = 16;
  while (cap < 2 * v.size()) cap <<= 1;
  table->assign(cap, 0);  // value index + 1; 0 = empty
  of->resize(v.size());
  values->clear();
  for (size_t i = 0; i < v.size(); ++i) {
    size_t slot = static_cast<size_t>(v[i]) & (cap - 1);
    while ((*table)[slot] != 0 && (*values)[(*table)[slot] - 1] != v[i]) {
      slot = (slot + 1) & (cap - 1);
    }
    if ((*table)[slot] == 0) {
      values->push_back(v[i]);
      (*table)[slot] = static_cast<uint32_t>(values->size());
    }
    (*of)[i] = (*table)[slot] - 1;
  }
}

// For every class k < c: best[k] = max over h2 < h with prev[h2 * c] >
// kNegInf of prev[h2 * c] + hist[h2 * stride + k], arg[k] = the first h2
// reaching it (best[k] = kNegInf, arg[k] = 0 when there is none). The same
// float additions and comparisons as a scalar loop over h2 per class, so the
// same results, but kVectors x 4 classes at a time held in registers.
// best and arg have room for 4 * kVectors entries; rows of hist are read 4
// floats at a time, possibly past the row (ViterbiTables pads the table).
template <int kVectors>
void BestPredecessors(const float* prev, int c, const float* hist, size_t stride, int h,
                      float* best, int32_t* arg) {
  Float4 b[kVectors];
  Int4 a[kVectors];
#pragma GCC unroll 8
  for (int v = 0; v < kVectors; ++v) {
    b[v] = Float4{kNegInf, kNegInf, kNegInf, kNegInf};
    a[v] = Int4{0, 0, 0, 0};
  }
  for (int h2 = 0; h2 < h; ++h2) {
    const float p = prev[static_cast<size_t>(h2) * c];
    if (p <= kNegInf) continue;
    const Float4 pv = {p, p, p, p};
    const Int4 hv = {h2, h2, h2, h2};
    const float* row = hist + h2 * stride;
#pragma GCC unroll 8
    for (int v = 0; v < kVectors; ++v) {
      const Float4 x = pv + Load4(row + 4 * v);
      const Int4 gt = x > b[v];  // lanes: -1 where x wins, else 0
      b[v] = reinterpret_cast<Float4>((reinterpret_cast<Int4>(x) & gt) |
                                      (reinterpret_cast<Int4>(b[v]) & ~gt));
      a[v] = (hv & gt) | (a[v] & ~gt);
    }
  }
#pragma GCC unroll 8
  for (int v = 0; v < kVectors; ++v) {
    Store4(best + 4 * v, b[v]);
    std::memcpy(arg + 4 * v, &a[v], sizeof(a[v]));
  }
}

// The same for any class count, one class at a time.
template <>
void BestPredecessors<0>(const float* prev, int c, const float* hist, size_t stride, int h,
                         float* best, int32_t* arg) {
  std::fill(best, best + c, kNegInf);
  std::fill(arg, arg + c, 0);
  for (int h2 = 0; h2 < h; ++h2) {
    const float p = prev[static_cast<size_t>(h2) * c];
    if (p <= kNegInf) continue;
    const float* row = hist + h2 * stride;
    for (int k = 0; k < c; ++k) {
      const float v = p + row[k];
      if (v > best[k]) {
        best[k] = v;
        arg[k] = h2;
      }
    }
  }
}

using BestPredecessorsFn = void (*)(const float*, int, const float*, size_t, int, float*,
                                    int32_t*);
BestPredecessorsFn BestPredecessorsFor(int c) {
  switch ((c + 3) / 4) {
    case 1: return BestPredecessors<1>;
    case 2: return BestPredecessors<2>;
    case 3: return BestPredecessors<3>;  // NER: 9 classes
    case 4: return BestPredecessors<4>;
    case 5: return BestPredecessors<5>;
    case 6: return BestPredecessors<6>;
    case 7: return BestPredecessors<7>;
    case 8: return BestPredecessors<8>;
    default: return BestPredecessors<0>;
  }
}

// out[k] = a[k] + b[k].
void AddArrays(const float* a, const float* b, size_t n, float* out) {
  size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    Float4 x, y;
    std::memcpy(&x, a + k, sizeof(x));
    std::memcpy(&y, b + k, sizeof(y));
    x += y;
    std::memcpy(out + k, &x, sizeof(x));
  }
  for (; k < n; ++k) out[k] = a[k] + b[k];
}

}  // namespace

template <typename Scorer>
void ViterbiDecode(const Scorer& scorer, const ViterbiTables& tables, const SentenceFeatures& sf,
                   uint32_t feature_set, const TransitionMask& mask, std::vector<int>* tags,
                   std::vector<float>* probs, WordScoreCache* cache, ViterbiCache* history) {
  thread_local ViterbiScratch x;
  const int c = scorer.num_classes();
  const int h = c + 1;
  const size_t n = sf.size();
  const size_t states = static_cast<size_t>(h) * c;
  tags->assign(n, 0);
  if (probs != nullptr) probs->assign(n, 1.0f);
  if (n == 0) return;
  x.local.resize(n * states);
  x.delta.resize(n * states);  // every state is written below
  x.back.resize(n * states);   // read only along the best path
  // Every lookup is known before decoding, so all go in one pipelined batch
  // (ScoreGroups): groups [0, n) are the tokens' static features, then C + 1
  // groups (one per previous tag h1 - 1, h1 = 0 meaning "before the
  // sentence") per distinct word of the sentence, then per distinct shape:
  // the (token, previous tag) features depend on the token only through its
  // word and shape (features.h), so repeated words and shapes are looked up
  // once. The static keys' first misses start while the rest are built.
  scorer.Prefetch(sf.keys.data(), std::min<size_t>(sf.keys.size(), 64));
  const bool shapes = (feature_set & kFeatNerExtras) != 0;
  Distinct(sf.lower_hash, &x.word_of, &x.words, &x.ids);
  if (shapes) Distinct(sf.shape_hash, &x.shape_of, &x.shapes, &x.ids);
  const size_t nw = x.words.size(), ns = shapes ? x.shapes.size() : 0;
  x.keys.assign(sf.keys.begin(), sf.keys.end());
  x.group.assign(sf.begin.begin(), sf.begin.end());
  // Words and shapes whose (previous tag) sums are cached get empty groups
  // (their sums are copied in after scoring); the others' are cached after.
  // Each such group has one key, so a cached sum is exactly 0 + weight.
  x.hits.assign(nw + ns, nullptr);
  for (size_t k = 0; k < nw + ns; ++k) {
    const bool word = k < nw;
    const uint64_t v = word ? x.words[k] : x.shapes[k - nw];
    if (history != nullptr) {
      x.hits[k] = (word ? history->prev_word : history->prev_shape).Find(v);
    }
    for (int h1 = 0; h1 < h; ++h1) {
      if (x.hits[k] == nullptr) x.keys.push_back(word ? Prev1WordKey(h1 - 1, v)
                                                       : Prev1ShapeKey(h1 - 1, v));
      x.group.push_back(static_cast<uint32_t>(x.keys.size()));
    }
  }
  const size_t groups = n + (nw + ns) * h;
  StaticStart(scorer, sf, cache, &x.miss_sums, &x.sums);
  x.sums.resize(groups * c, 0.0f);
  scorer.ScoreGroups(x.keys.data(), x.group.data(), groups, x.sums.data());
  const float* emit = x.sums.data();
  // Each distinct word's and shape's (previous tag) sums: scored just now,
  // or read in place from the cache (nothing is inserted until `local` is
  // built, so those rows stay put).
  float* const dyn = x.sums.data() + n * c;
  x.rows.resize(nw + ns);
  for (size_t k = 0; k < nw + ns; ++k) {
    x.rows[k] = x.hits[k] != nullptr ? x.hits[k] : dyn + k * states;
  }
  // local[i][h1][c]: the (token i, previous tag h1 - 1) scores, word then
  // shape: the same two float additions a per-token lookup would make.
  for (size_t i = 0; i < n; ++i) {
    const float* ws = x.rows[x.word_of[i]];
    float* loc = x.local.data() + i * states;
    if (shapes) {
      AddArrays(ws, x.rows[nw + x.shape_of[i]], states, loc);
    } else {
      std::copy_n(ws, states, loc);
    }
  }
  if (history != nullptr) {
    for (size_t k = 0; k < nw + ns; ++k) {
      if (x.hits[k] != nullptr) continue;
      if (k < nw) {
        history->prev_word.Insert(x.words[k], dyn + k * states);
      } else {
        history->prev_shape.Insert(x.shapes[k - nw], dyn + k * states);
      }
    }
  }
  const float* hist = tables.hist.data();
  auto allowed = [&](int h1, int cls) { return mask.empty() || mask[h1 * c + cls] != 0; };
  x.best.resize(RoundUp4(static_cast<size_t>(c)));
  x.arg.resize(RoundUp4(static_cast<size_t>(c)));
  float* best = x.best.data();
  int32_t* arg = x.arg.data();
  const BestPredecessorsFn best_predecessors = BestPredecessorsFor(c);
  for (size_t i = 0; i < n; ++i) {
    const float* e = emit + i * c;
    const float* loc = x.local.data() + i * states;
    float* d = x.delta.data() + i * states;
    uint8_t* bp = x.back.data() + i * states;
    std::fill(d, d + (i == 0 ? states : c), kNegInf);  // unreachable states
    if (i == 0) {
      for (int cls = 0; cls < c; ++cls) {
        if (allowed(0, cls)) d[cls] = e[cls] + loc[cls] + hist[cls];
      }
      continue;
    }
    const float* dp = d - states;  // previous position
    for (int h1 = 1; h1 <= c; ++h1) {
      // Best way into state (h2, h1 - 1) at i - 1, for each h2 and class:
      // a running max over h2 (ascending; ties keep the first).
      best_predecessors(dp + (h1 - 1), c, hist + static_cast<size_t>(h1) * c,
                        static_cast<size_t>(h) * c, h, best, arg);
      for (int cls = 0; cls < c; ++cls) {
        const size_t st = static_cast<size_t>(h1) * c + cls;
        if (!allowed(h1, cls) || best[cls] <= kNegInf) {
          d[st] = kNegInf;
          continue;
        }
        d[st] = best[cls] + (e[cls] + loc[st]);
        bp[st] = static_cast<uint8_t>(arg[cls]);
      }
    }
  }
  // Best final state, then follow back pointers.
  const float* d = x.delta.data() + (n - 1) * states;
  size_t best_state = 0;
  for (size_t st = 1; st < states; ++st) {
    if (d[st] > d[best_state]) best_state = st;
  }
  int h1 = static_cast<int>(best_state) / c, cls = static_cast<int>(best_state) % c;
  for (size_t i = n; i-- > 0;) {
    (*tags)[i] = cls;
    if (i == 0) break;
    const int h2 = x.back[i * states + h1 * c + cls];
    cls = h1 - 1;
    h1 = h2;
  }
  if (probs == nullptr) return;
  for (size_t i = 0; i < n; ++i) {
    const int p1 = i > 0 ? (*tags)[i - 1] + 1 : 0, p2 = i > 1 ? (*tags)[i - 2] + 1 : 0;
    const float* e = emit + i * c;
    const float* loc = x.local.data() + i * states + p1 * c;
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

template ViterbiTables MakeViterbiTables<PerceptronModel>(const PerceptronModel&);
template void ViterbiDecode<PerceptronModel>(const PerceptronModel&, const ViterbiTables&,
                                             const SentenceFeatures&, uint32_t,
                                             const TransitionMask&, std::vector<int>*,
                                             std::vector<float>*, WordScoreCache*,
                                             ViterbiCache*);

namespace {

PerceptronModel TrainStructured(const std::vector<TrainSentence>& data, int num_classes,
                                const TrainOptions& options) {
  PerceptronTrainer trainer(num_classes);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<uint64_t> keys;
  std::vector<int> pred;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t s : order) {
      const TrainSentence& ts = data[s];
      const SentenceFeatures& sf = ts.features;
      // History weights change with every update: re-read them (C^2 lookups).
      const ViterbiTables tables = MakeViterbiTables(trainer);
      ViterbiDecode(trainer, tables, sf, options.feature_set, options.mask, &pred, nullptr);
      trainer.Tick();
      if (pred == ts.gold) continue;
      for (size_t i = 0; i < sf.size(); ++i) {
        const int g1 = i > 0 ? ts.gold[i - 1] : -1, g2 = i > 1 ? ts.gold[i - 2] : -1;
        const int p1 = i > 0 ? pred[i - 1] : -1, p2 = i > 1 ? pred[i - 2] : -1;
        const int g = ts.gold[i], p = pred[i];
        if (g == p && g1 == p1 && g2 == p2) continue;  // identical features cancel
        const uint64_t* st = sf.keys.data() + sf.begin[i];
        const size_t ns = sf.begin[i + 1] - sf.begin[i];
        if (g != p) {
          trainer.Add(st, ns, g, 1.0f);
          trainer.Add(st, ns, p, -1.0f);
        }
        keys.clear();
        AppendDynamic(sf, i, g1, g2, options.feature_set, &keys);
        trainer.Add(keys.data(), keys.size(), g, 1.0f);
        keys.clear();
        AppendDynamic(sf, i, p1, p2, options.feature_set, &keys);
        trainer.Add(keys.data(), keys.size(), p, -1.0f);
      }
    }
    if (options.on_epoch) options.on_epoch(epoch, trainer.Average(options.prune_below));
  }
  return trainer.Average(options.prune_below);
}

}  // namespace

PerceptronModel TrainGreedy(const std::vector<TrainSentence>& data, int num_classes,
                            const TrainOptions& options) {
  if (options.feature_set & kDecodeViterbi) return TrainStructured(data, num_classes, options);
  PerceptronTrainer trainer(num_classes);
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> scores(num_classes);
  std::vector<uint64_t> keys;
  std::vector<int> tags;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with our own index draw: std::shuffle's algorithm is
    // unspecified, which would make models differ across standard libraries.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t s : order) {
      const TrainSentence& ts = data[s];
      const SentenceFeatures& sf = ts.features;
      tags.assign(sf.size(), 0);
      for (size_t i = 0; i < sf.size(); ++i) {
        keys.assign(sf.keys.begin() + sf.begin[i], sf.keys.begin() + sf.begin[i + 1]);
        const int prev1 = i > 0 ? tags[i - 1] : -1;
        const int prev2 = i > 1 ? tags[i - 2] : -1;
        AppendDynamic(sf, i, prev1, prev2, options.feature_set, &keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.Score(keys.data(), keys.size(), scores.data());
        int best = -1;
        for (int c = 0; c < num_classes; ++c) {
          if (!options.mask.empty() &&
              !options.mask[static_cast<size_t>(prev1 + 1) * num_classes + c]) {
            continue;
          }
          if (best < 0 || scores[c] > scores[best]) best = c;
        }
        if (best < 0) best = 0;
        trainer.Update(keys.data(), keys.size(), ts.gold[i], best);
        tags[i] = best;
      }
    }
    if (options.on_epoch) options.on_epoch(epoch, trainer.Average(options.prune_below));
  }
  return trainer.Average(options.prune_below);
}

}  // namespace kroniek::lang::internal
