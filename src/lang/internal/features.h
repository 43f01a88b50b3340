// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Feature extraction shared by the UPOS tagger and the NER model.
//
// Features are never materialised as strings: each one is a 64-bit key built
// by hashing (template id, value bytes), so extraction allocates nothing per
// feature and the model stores only keys. The hash is part of the model file
// format: changing HashBytes/Combine or a template id invalidates shipped
// models (bump kModelFormatVersion in model_file.h).
//
// A sentence's features are split in two:
//   * static features depend on the words only (word, affixes, shape,
//     neighbours, gazetteer hits); they are computed once per sentence and, in
//     training, cached across epochs;
//   * dynamic features depend on the tags already chosen to the left
//     (previous tag, previous two tags, previous tag x word); the decoder
//     appends them while walking left to right.
//
// Thread-safety: pure functions.
#ifndef KRONIEK_LANG_INTERNAL_FEATURES_H_
#define KRONIEK_LANG_INTERNAL_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kroniek::lang::internal {

class Gazetteer;
class WordScoreCache;

inline constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

// Running FNV-1a: HashBytes(a + b) == FnvFinish(FnvUpdate(FnvUpdate(kFnvOffset,
// a), b)), so multi-piece keys (gazetteer phrases) need no joined string.
inline uint64_t FnvUpdate(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}
// The finalising mix (splitmix64's).
inline uint64_t FnvFinish(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
// 64-bit FNV-1a over `s` followed by a finalising mix.
inline uint64_t HashBytes(std::string_view s, uint64_t seed = kFnvOffset) {
  return FnvFinish(FnvUpdate(seed, s));
}
// Order-sensitive combination of two keys; never returns 0. Inline: feature
// extraction calls it ~50 times per token.
inline uint64_t Combine(uint64_t a, uint64_t b) {
  const uint64_t h = FnvFinish(a * 0x9e3779b97f4a7c15ULL + b);
  return h == 0 ? 1 : h;
}

// Lowercases ASCII and the Latin-1 supplement / Latin Extended-A capitals in
// UTF-8 (enough for Dutch, French, German names); other bytes unchanged.
std::string LowerUtf8(std::string_view s);

// Word shape: capitals -> 'X', lowercase letters -> 'x', digits -> 'd', other
// bytes kept. `collapse` squeezes runs of the same class ("Xxxxx" -> "Xx").
// Non-ASCII letters are classified by LowerUtf8's rules.
std::string WordShape(std::string_view s, bool collapse);

// Which templates to extract. Stored in the model file as a bit set so a model
// always decodes with the features it was trained with.
enum FeatureSet : uint32_t {
  kFeatBase = 1u << 0,       // word, lowercase, affixes 1-4, shape, flags
  kFeatContext = 1u << 1,    // neighbours +-2, bigrams, neighbour suffixes
  kFeatNerExtras = 1u << 2,  // sentence-initial capital, neighbour shapes
  kFeatGazetteer = 1u << 3,  // gazetteer hits of the token and neighbours
  kFeatDocument = 1u << 4,   // caller-supplied per-token document hints
  // Not a template: decode with exact second-order Viterbi (trained as a
  // structured perceptron) instead of greedily.
  kDecodeViterbi = 1u << 5,
  kFeatAffix5 = 1u << 6,       // prefix and suffix of 5 code points
  kFeatNerContext2 = 1u << 7,  // neighbours' flags; capital x word-list x position
  kFeatChar3 = 1u << 8,        // character 3-grams of the lowercase word
};

// With kFeatNerContext2, gazetteer slot kWordListSlot (when present) is the
// word list (gazetteer.h kGazListLower / kGazListCapital) and is crossed with
// capitalisation, sentence position and document hints.
inline constexpr size_t kWordListSlot = 2;

// Static features of one sentence: token i owns keys[begin[i], begin[i+1]).
// Reusing one object across sentences (the decoders keep one per thread)
// makes extraction allocation-free once the buffers have grown.
struct SentenceFeatures {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> begin;        // size n + 1
  std::vector<uint64_t> lower_hash;   // per token, for dynamic features
  std::vector<uint64_t> shape_hash;   // per token (collapsed shape)
  // Token i's first keys, [begin[i], word_end[i]), depend on its exact bytes
  // alone (bias and the kFeatBase templates): a decoder may reuse their
  // summed weights for every occurrence of the same word (WordScoreCache,
  // perceptron.h). word_hash[i] = HashBytes(words[i]).
  std::vector<uint32_t> word_end;
  std::vector<uint64_t> word_hash;
  // Only when extracted with a WordScoreCache (else word_sums is empty):
  // `keys` then holds no word-only keys (word_end[i] == begin[i]). A word
  // already cached has word_sums[i] = its cached sums (valid until the cache
  // changes); for the others (word_sums[i] null) the word-only keys are in
  // word_keys, grouped per token by word_group, the tokens in word_token.
  std::vector<const float*> word_sums;
  std::vector<uint64_t> word_keys;
  std::vector<uint32_t> word_group;
  std::vector<uint32_t> word_token;
  size_t size() const { return lower_hash.size(); }

  // Scratch, valid after ExtractStatic: the lowercased words concatenated
  // (token i is lower[lower_begin[i], lower_begin[i+1])), per-token suffix-3
  // hashes and flag bits, gazetteer bits (gazetteer g, token i at g * n + i).
  std::string lower;
  std::vector<uint32_t> lower_begin;
  std::vector<uint64_t> suffix3_hash;
  std::vector<uint64_t> full_shape_hash;
  std::vector<uint32_t> flags;
  std::vector<uint32_t> gaz_bits;
  std::vector<uint32_t> gaz_scratch;
};

// Appends the lowercase form of `s` (LowerUtf8's rules) to *out.
void AppendLowerUtf8(std::string_view s, std::string* out);

// Extracts static features. `gazetteer` may be null (no gazetteer features);
// `doc_hints` may be null, else one bit set per token (see ner.cc). With a
// `cache` (read only here), cached words' word-only keys are not extracted
// and the others' are set apart (SentenceFeatures::word_sums); decode with
// the same cache, unchanged in between.
void ExtractStatic(const std::vector<std::string_view>& words, uint32_t feature_set,
                   const std::vector<const Gazetteer*>& gazetteers,
                   const std::vector<uint32_t>* doc_hints, SentenceFeatures* out,
                   const WordScoreCache* cache = nullptr);

// Document-level hints for each token of each sentence of one document
// (bit set, fed to ExtractStatic as doc_hints with kFeatDocument):
//   bit 0  the same word form occurs capitalised elsewhere in the document at
//          a position that is not sentence-initial
//   bit 1  its lowercase form occurs in the document written in lowercase
//   bit 2  it occurs elsewhere inside a run of >= 2 capitalised words
//   bit 3  the token is capitalised and sentence-initial
// Sentence-initial capitals are the classic NER ambiguity; these hints let the
// model ask how the rest of the article writes the same word.
std::vector<std::vector<uint32_t>> ComputeDocHints(
    const std::vector<std::vector<std::string_view>>& sentences);

// The dynamic features, split for exact decoding: those of the tag history
// alone (the same for every token) and those of (token i, previous tag).
// AppendDynamic appends Prev1Key, Prev12Key, then AppendTokenPrevKeys, which
// appends Prev1WordKey(prev1, lower_hash[i]) and, with kFeatNerExtras,
// Prev1ShapeKey(prev1, shape_hash[i]): they depend on the token only through
// its word and shape, so a decoder may look them up once per distinct word
// or shape.
uint64_t Prev1Key(int prev1);
uint64_t Prev12Key(int prev1, int prev2);
uint64_t Prev1WordKey(int prev1, uint64_t lower_hash);
uint64_t Prev1ShapeKey(int prev1, uint64_t shape_hash);
void AppendTokenPrevKeys(const SentenceFeatures& sf, size_t i, int prev1, uint32_t feature_set,
                         std::vector<uint64_t>* out);

// Appends the dynamic features of token i given the two previous tags
// (`prev1`, `prev2`: class ids, or `bos` for "before the sentence").
void AppendDynamic(const SentenceFeatures& sf, size_t i, int prev1, int prev2,
                   uint32_t feature_set, std::vector<uint64_t>* out);

}  // namespace kroniek::lang::internal

#endif  // KRONIEK_LANG_INTERNAL_FEATURES_H_
