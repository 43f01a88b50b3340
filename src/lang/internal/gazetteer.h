// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// A phrase gazetteer for NER features: a set of lowercased token sequences
// ("new york", "verenigde staten"), each carrying a bit mask of types (up to
// 16: country, city, demonym, PER seen in training, ...). Phrases are stored
// as 64-bit hashes of the lowercased tokens joined by one space, so the set is
// compact and can be embedded in a model file. Lookups hash the tokens
// incrementally (FNV-1a is a running hash, so "new york" is hashed as "new",
// then " york" appended) and never allocate beyond the output vector; the set
// is a flat open-addressing table, so loading 500k phrases is one pass.
//
// Match() marks, for every token, which types cover it and whether it is the
// first token of the match (B) or a later one (I): bit 2*type is B, bit
// 2*type+1 is I. All matches of length 1..max_tokens() are marked (not just
// the longest), which is what a feature extractor wants.
//
// Thread-safety: const methods are safe to call concurrently; Add() is not.
#ifndef KRONIEK_LANG_INTERNAL_GAZETTEER_H_
#define KRONIEK_LANG_INTERNAL_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kroniek/status.h"

namespace kroniek::lang::internal {

class Gazetteer {
 public:
  static constexpr int kMaxTypes = 15;
  // Mask bit marking "a longer phrase starts with these tokens", so Match()
  // stops extending a candidate as soon as no phrase can continue it.
  static constexpr uint32_t kPrefixBit = 1u << 15;
  static constexpr int kMaxPhraseTokens = 6;

  // Adds a phrase (any case; split on spaces) with type `type` (< kMaxTypes).
  // Phrases longer than kMaxPhraseTokens tokens are ignored.
  void Add(std::string_view phrase, int type);
  // Makes room for n entries (avoids rehashing while loading a model).
  void Reserve(size_t n);
  // Adds a pre-hashed entry (from a model file).
  void AddHashed(uint64_t key, uint32_t type_mask, int num_tokens);

  // Per-token B/I bits (see file comment); `lower_words` are lowercased.
  std::vector<uint32_t> Match(const std::vector<std::string>& lower_words) const;
  // The same into `bits` (resized to n; no other allocation). Token i is
  // lower[offsets[i], offsets[i+1]).
  void Match(std::string_view lower, const uint32_t* offsets, size_t n,
             std::vector<uint32_t>* bits) const;
  // The mask stored for one pre-hashed phrase (0 when absent).
  uint32_t Lookup(uint64_t key) const;

  size_t size() const { return size_; }
  int max_tokens() const { return max_tokens_; }
  // (key, mask | num_tokens << 16) pairs sorted by key: for serialising.
  std::vector<std::pair<uint64_t, uint32_t>> Entries() const;

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t mask = 0;  // 0 = empty slot
  };
  void Grow();
  void Rehash(size_t size);  // power of two, > 2 * size_

  std::vector<Slot> slots_;  // power-of-two size, load <= 0.5
  size_t size_ = 0;
  int max_tokens_ = 0;
};

// Gazetteer types filled from open data (see LoadOpenDataGazetteer).
enum GazetteerType : int {
  kGazCountry = 0,
  kGazCity = 1,
  kGazDemonym = 2,
  // Types 4.. hold entity names seen in training data: 4 + entity type index.
  kGazTrainBase = 4,
  // A word list (LoadWordListGazetteer), keyed by lowercase form.
  kGazListLower = 0,    // the list has the word in lowercase ("brug")
  kGazListCapital = 1,  // the list has it capitalised ("Brussel", a name)
};

// Loads a plain word list, one word per line (e.g. /usr/share/dict/dutch,
// the OpenTaal list): words starting with a lowercase letter get
// kGazListLower, capitalised ones kGazListCapital, both under their lowercase
// form, so Match() answers "is this word's lowercase form a common word?".
// Multi-word lines are skipped. Errors: NotFound when unreadable.
StatusOr<Gazetteer> LoadWordListGazetteer(const std::string& path);

// Loads country names (i18n-iso-countries nl/en), demonyms (i18n-nationality
// nl/en, plus the Dutch inflected forms -e/-en/-se) and GeoNames cities-500
// names into a gazetteer. `node_modules_dir` is the folder that holds those
// npm packages (installed by `make deps` under <repo>/data/node_modules).
// Errors: NotFound naming the first missing file; DataLoss when a JSON file
// does not parse (file name and parser message).
StatusOr<Gazetteer> LoadOpenDataGazetteer(const std::string& node_modules_dir);

}  // namespace kroniek::lang::internal

#endif  // KRONIEK_LANG_INTERNAL_GAZETTEER_H_
