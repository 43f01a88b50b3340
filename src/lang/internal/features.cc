// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/internal/features.h"

#include <array>
#include <cstddef>

#include "lang/internal/gazetteer.h"
#include "lang/internal/perceptron.h"

namespace kroniek::lang::internal {
namespace {

// Template ids. Append only: they are baked into shipped models.
enum Template : uint64_t {
  kTBias = 1,
  kTWord,
  kTLower,
  kTPrefix1,  // +k for k = 0..3
  kTSuffix1 = kTPrefix1 + 4,
  kTShape = kTSuffix1 + 4,
  kTShortShape,
  kTFlags,
  kTLowerM1,
  kTLowerM2,
  kTLowerP1,
  kTLowerP2,
  kTSuffix3M1,
  kTSuffix3P1,
  kTBigramM1,
  kTBigramP1,
  kTSentInitCap,
  kTShapeM1,
  kTShapeP1,
  kTGaz,
  kTGazM1,
  kTGazP1,
  kTDocHint,
  kTPrev1,
  kTPrev12,
  kTPrev1Word,
  kTPrev1Shape,
  kTWordShapeM1P1,
  kTLength,
  kTLowerM1Shape,
  kTShapeLowerP1,
  kTPrefix5,
  kTSuffix5,
  kTFlagsM1,
  kTFlagsP1,
  kTCapList,
  kTDocList,
  kTChar3,
};

inline bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte length of the last `k` code points of s (all of s if shorter).
size_t SuffixBytes(std::string_view s, int k) {
  size_t i = s.size();
  int n = 0;
  while (i > 0 && n < k) {
    --i;
    while (i > 0 && IsContinuation(static_cast<unsigned char>(s[i]))) --i;
    ++n;
  }
  return s.size() - i;
}

// Latin Extended-A (U+0100..U+017F) pairs capital/small, but the capital is
// the even code point in some runs and the odd one in others.
inline uint32_t LatinExtACodePoint(unsigned char c, unsigned char d) {
  return ((c & 0x1Fu) << 6) | (d & 0x3Fu);
}
inline bool IsLatinExtACapital(uint32_t cp) {
  if (cp == 0x0138 || cp == 0x0149 || cp == 0x017F) return false;  // no capital
  if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E)) return (cp & 1) == 1;
  if (cp == 0x0178) return true;  // Ÿ (its small form is U+00FF)
  return (cp & 1) == 0;
}

// Character class of the code point starting at s[i]; sets *len.
// 'X' capital, 'x' lowercase, 'd' digit, else the byte itself (or 'o' for
// other non-ASCII).
char CharClass(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<char>(c);
  }
  size_t j = i + 1;
  while (j < s.size() && IsContinuation(static_cast<unsigned char>(s[j]))) ++j;
  *len = j - i;
  if (c == 0xC3 && *len == 2) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d >= 0x80 && d <= 0x9E && d != 0x97) return 'X';
    if (d >= 0x9F && d != 0xB7) return 'x';
  }
  if ((c == 0xC4 || c == 0xC5) && *len == 2) {
    return IsLatinExtACapital(LatinExtACodePoint(c, static_cast<unsigned char>(s[i + 1]))) ? 'X'
                                                                                           : 'x';
  }
  return 'o';
}

}  // namespace

void AppendLowerUtf8(std::string_view s, std::string* out) {
  const size_t base = out->size();
  out->append(s);
  char* p = out->data() + base;
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') p[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < n) {
      unsigned char d = static_cast<unsigned char>(p[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) p[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else if ((c == 0xC4 || c == 0xC5) && i + 1 < n) {
      unsigned char d = static_cast<unsigned char>(p[i + 1]);
      uint32_t cp = LatinExtACodePoint(c, d);
      if (IsContinuation(d) && cp != 0x0178 && IsLatinExtACapital(cp)) {
        ++cp;  // the small letter follows its capital (re-encode: U+013F -> U+0140 changes lead byte)
        p[i] = static_cast<char>(0xC0 | (cp >> 6));
        p[i + 1] = static_cast<char>(0x80 | (cp & 0x3F));
      }
      ++i;
    }
  }
}

std::string LowerUtf8(std::string_view s) {
  std::string out;
  AppendLowerUtf8(s, &out);
  return out;
}

std::string WordShape(std::string_view s, bool collapse) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    char cls = CharClass(s, i, &len);
    i += len;
    if (collapse && !out.empty() && out.back() == cls) continue;
    out.push_back(cls);
    if (!collapse && out.size() >= 12) break;  // long words: cap the shape
  }
  return out;
}

namespace {

// One pass over a word's characters: hashes of WordShape(w, false) and
// WordShape(w, true) (without building them) and the flag bits.
struct ShapeInfo {
  uint64_t full_hash, short_hash;
  uint32_t flags;
};
ShapeInfo ScanShape(std::string_view w) {
  uint64_t full = kFnvOffset, shrt = kFnvOffset;
  int full_len = 0;
  char last = 0;
  uint32_t f = 0;
  bool all_upper = !w.empty(), any_alpha = false;
  for (size_t j = 0; j < w.size();) {
    size_t len;
    const char cls = CharClass(w, j, &len);
    if (full_len < 12) {
      full = FnvUpdate(full, std::string_view(&cls, 1));
      ++full_len;
    }
    if (j == 0 || cls != last) shrt = FnvUpdate(shrt, std::string_view(&cls, 1));
    last = cls;
    if (j == 0 && cls == 'X') f |= 1;
    if (cls == 'd') f |= 2;
    if (cls == '-') f |= 4;
    if (cls == 'X' || cls == 'x') any_alpha = true;
    if (cls == 'x') all_upper = false;
    if (cls == '.') f |= 16;
    j += len;
  }
  if (all_upper && any_alpha) f |= 8;
  return {FnvFinish(full), FnvFinish(shrt), f};
}

}  // namespace

namespace {

// Writes token i's word-only keys (bias and the kFeatBase templates: they
// depend on the word's bytes alone) at w; returns the end.
uint64_t* AppendWordKeys(const SentenceFeatures& sf, size_t i, std::string_view lw,
                         uint32_t feature_set, uint64_t* w) {
  const std::vector<uint32_t>& flags = sf.flags;
  const std::vector<uint64_t>& full_shape_hash = sf.full_shape_hash;
  *w++ = Combine(kTBias, 0);
  if (feature_set & kFeatBase) {
    *w++ = Combine(kTWord, sf.word_hash[i]);
    *w++ = Combine(kTLower, sf.lower_hash[i]);
    // Affixes of 1..5 code points (all of lw if shorter): byte lengths,
    // and prefix hashes from one running FNV state.
    size_t pre_bytes[6] = {0}, suf_bytes[6] = {0};
    uint64_t pre_state[6] = {kFnvOffset};
    for (size_t a = 1, pb = 0, sb = lw.size(); a <= 5; ++a) {
      const size_t from = pb;
      if (pb < lw.size()) {
        ++pb;
        while (pb < lw.size() && IsContinuation(static_cast<unsigned char>(lw[pb]))) ++pb;
      }
      pre_state[a] = FnvUpdate(pre_state[a - 1], lw.substr(from, pb - from));
      pre_bytes[a] = pb;
      if (sb > 0) {
        --sb;
        while (sb > 0 && IsContinuation(static_cast<unsigned char>(lw[sb]))) --sb;
      }
      suf_bytes[a] = lw.size() - sb;
    }
    for (int a = 1; a <= 4; ++a) {
      const size_t pb = pre_bytes[a], sb = suf_bytes[a];
      // Short words: skip affixes equal to the whole word or to the
      // previous affix length (they add nothing).
      if (pb < lw.size() && pb != pre_bytes[a - 1]) {
        *w++ = Combine(kTPrefix1 + a - 1, FnvFinish(pre_state[a]));
      }
      if (sb < lw.size() && sb != suf_bytes[a - 1]) {
        *w++ = Combine(kTSuffix1 + a - 1, HashBytes(lw.substr(lw.size() - sb)));
      }
    }
    *w++ = Combine(kTShape, full_shape_hash[i]);
    *w++ = Combine(kTShortShape, sf.shape_hash[i]);
    *w++ = Combine(kTFlags, flags[i]);
    size_t cps = 0;
    for (unsigned char c : lw) cps += !IsContinuation(c);
    *w++ = Combine(kTLength, cps > 8 ? 8 : cps);
    if (feature_set & kFeatAffix5) {
      if (pre_bytes[5] < lw.size() && cps > 5) {
        *w++ = Combine(kTPrefix5, FnvFinish(pre_state[5]));
        *w++ = Combine(kTSuffix5, HashBytes(lw.substr(lw.size() - suf_bytes[5])));
      }
    }
    if (feature_set & kFeatChar3) {
      // Byte 3-grams of "^word$" (UTF-8 pieces are fine: only equality matters).
      uint64_t h0 = FnvUpdate(kFnvOffset, "^");
      for (size_t b = 0; b + 2 <= lw.size() + 1 && lw.size() >= 2; ++b) {
        uint64_t h = b == 0 ? FnvUpdate(h0, lw.substr(0, 2))
                            : FnvUpdate(kFnvOffset, lw.substr(b - 1, b + 2 <= lw.size() ? 3 : 2));
        if (b + 2 > lw.size()) h = FnvUpdate(h, "$");
        *w++ = Combine(kTChar3, FnvFinish(h));
      }
    }
  }
  return w;
}

}  // namespace

void ExtractStatic(const std::vector<std::string_view>& words, uint32_t feature_set,
                   const std::vector<const Gazetteer*>& gazetteers,
                   const std::vector<uint32_t>* doc_hints, SentenceFeatures* out,
                   const WordScoreCache* cache) {
  const size_t n = words.size();
  out->word_sums.assign(cache != nullptr ? n : 0, nullptr);
  out->word_keys.clear();
  out->word_group.assign(1, 0);
  out->word_token.clear();
  out->keys.clear();
  out->begin.assign(1, 0);
  out->word_end.resize(n);
  out->word_hash.resize(n);
  out->lower_hash.resize(n);
  out->shape_hash.resize(n);
  out->suffix3_hash.resize(n);
  out->flags.resize(n);
  out->lower.clear();
  out->lower_begin.assign(1, 0);
  std::vector<uint64_t>& full_shape_hash = out->full_shape_hash;
  full_shape_hash.resize(n);
  // Per-token precomputation: lowercase once, shapes and flags in one scan.
  for (size_t i = 0; i < n; ++i) {
    AppendLowerUtf8(words[i], &out->lower);
    out->lower_begin.push_back(static_cast<uint32_t>(out->lower.size()));
  }
  const std::string_view lower_all = out->lower;
  auto lower_of = [&](size_t i) {
    return lower_all.substr(out->lower_begin[i], out->lower_begin[i + 1] - out->lower_begin[i]);
  };
  for (size_t i = 0; i < n; ++i) {
    const std::string_view lw = lower_of(i);
    out->lower_hash[i] = HashBytes(lw);
    // Most words are lowercase already: their hash is lower_hash.
    out->word_hash[i] = words[i] == lw ? out->lower_hash[i] : HashBytes(words[i]);
    const ShapeInfo si = ScanShape(words[i]);
    out->shape_hash[i] = si.short_hash;
    full_shape_hash[i] = si.full_hash;
    out->flags[i] = si.flags;
    out->suffix3_hash[i] = HashBytes(lw.substr(lw.size() - SuffixBytes(lw, 3)));
  }
  const size_t num_gaz = (feature_set & kFeatGazetteer) ? gazetteers.size() : 0;
  out->gaz_bits.assign(num_gaz * n, 0);
  for (size_t g = 0; g < num_gaz; ++g) {
    if (gazetteers[g] == nullptr) continue;
    gazetteers[g]->Match(lower_all, out->lower_begin.data(), n, &out->gaz_scratch);
    std::copy(out->gaz_scratch.begin(), out->gaz_scratch.end(), out->gaz_bits.begin() + g * n);
  }
  static constexpr uint64_t kBos = 0x5b4f535dULL, kEos = 0x5b454f535dULL;
  auto lower_at = [&](std::ptrdiff_t j) -> uint64_t {
    if (j < 0) return kBos + static_cast<uint64_t>(-j);
    if (j >= static_cast<std::ptrdiff_t>(n)) return kEos + static_cast<uint64_t>(j - n);
    return out->lower_hash[j];
  };
  // Keys are written through a pointer, the buffer grown per token to a bound
  // on the token's key count: 68 + char 3-grams (<= word bytes) + gazetteer
  // bits (3 x 32 per gazetteer). (push_back in this long loop is not inlined.)
  std::vector<uint64_t>& k = out->keys;
  size_t used = 0;
  const std::vector<uint32_t>& flags = out->flags;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view lw = lower_of(i);
    const std::ptrdiff_t si = static_cast<std::ptrdiff_t>(i);
    const size_t bound = 72 + lw.size() + 96 * num_gaz;
    if (k.size() < used + bound) k.resize(std::max(2 * k.size(), used + bound));
    uint64_t* w = k.data() + used;
    const float* cached = cache != nullptr ? cache->Find(out->word_hash[i]) : nullptr;
    if (cached != nullptr) {
      out->word_sums[i] = cached;  // no word-only keys
    } else {
      uint64_t* const word_begin = w;
      w = AppendWordKeys(*out, i, lw, feature_set, w);
      if (cache != nullptr) {  // set the word-only keys apart
        out->word_keys.insert(out->word_keys.end(), word_begin, w);
        out->word_group.push_back(static_cast<uint32_t>(out->word_keys.size()));
        out->word_token.push_back(static_cast<uint32_t>(i));
        w = word_begin;
      }
    }
    out->word_end[i] = static_cast<uint32_t>(w - k.data());
    if (feature_set & kFeatContext) {
      *w++ = Combine(kTLowerM1, lower_at(si - 1));
      *w++ = Combine(kTLowerM2, lower_at(si - 2));
      *w++ = Combine(kTLowerP1, lower_at(si + 1));
      *w++ = Combine(kTLowerP2, lower_at(si + 2));
      *w++ = Combine(kTSuffix3M1, i > 0 ? out->suffix3_hash[i - 1] : kBos);
      *w++ = Combine(kTSuffix3P1, i + 1 < n ? out->suffix3_hash[i + 1] : kEos);
      *w++ = Combine(kTBigramM1, Combine(lower_at(si - 1), out->lower_hash[i]));
      *w++ = Combine(kTBigramP1, Combine(out->lower_hash[i], lower_at(si + 1)));
    }
    if (feature_set & kFeatNerExtras) {
      *w++ = Combine(kTSentInitCap, (i == 0 ? 2u : 0u) | (flags[i] & 1u));
      uint64_t sm1 = i > 0 ? out->shape_hash[i - 1] : kBos;
      uint64_t sp1 = i + 1 < n ? out->shape_hash[i + 1] : kEos;
      *w++ = Combine(kTShapeM1, sm1);
      *w++ = Combine(kTShapeP1, sp1);
      *w++ = Combine(kTWordShapeM1P1, Combine(Combine(sm1, out->shape_hash[i]), sp1));
      *w++ = Combine(kTLowerM1Shape, Combine(lower_at(si - 1), out->shape_hash[i]));
      *w++ = Combine(kTShapeLowerP1, Combine(out->shape_hash[i], lower_at(si + 1)));
    }
    if (num_gaz > 0) {
      for (size_t g = 0; g < num_gaz; ++g) {
        const uint32_t* bits = out->gaz_bits.data() + g * n;
        auto emit = [&](uint64_t tmpl, uint32_t mask) {
          for (uint32_t b = 0; mask != 0; ++b, mask >>= 1) {
            if (mask & 1u) *w++ = Combine(tmpl, g * 64 + b);
          }
        };
        emit(kTGaz, bits[i]);
        if (i > 0) emit(kTGazM1, bits[i - 1]);
        if (i + 1 < n) emit(kTGazP1, bits[i + 1]);
      }
    }
    if (feature_set & kFeatNerContext2) {
      *w++ = Combine(kTFlagsM1, i > 0 ? flags[i - 1] : 0x100);
      *w++ = Combine(kTFlagsP1, i + 1 < n ? flags[i + 1] : 0x100);
      const uint32_t list = num_gaz > kWordListSlot ? out->gaz_bits[kWordListSlot * n + i] : 0;
      const uint32_t pos = (flags[i] & 9u) | (i == 0 ? 0x20u : 0u);
      *w++ = Combine(kTCapList, Combine(pos, list));
      if ((feature_set & kFeatDocument) && doc_hints != nullptr) {
        *w++ = Combine(kTDocList, Combine((*doc_hints)[i], list));
      }
    }
    if ((feature_set & kFeatDocument) && doc_hints != nullptr) {
      uint32_t mask = (*doc_hints)[i];
      *w++ = Combine(kTDocHint, 0x100 | mask);  // the combination too
      for (uint32_t b = 0; mask != 0; ++b, mask >>= 1) {
        if (mask & 1u) *w++ = Combine(kTDocHint, b);
      }
    }
    used = static_cast<size_t>(w - k.data());
    out->begin.push_back(static_cast<uint32_t>(used));
  }
  k.resize(used);
}

std::vector<std::vector<uint32_t>> ComputeDocHints(
    const std::vector<std::vector<std::string_view>>& sentences) {
  // One flat table keyed by word hash (a form's exact bytes; a lowercase
  // word's bytes are also the key its capitalised variants look up):
  // how often the form is capitalised mid-sentence / inside a capitalised
  // run, and whether it is used in lowercase. Hash collisions (2^-64 per
  // pair) are ignored. Thread-local buffers: no allocation once warm.
  struct Entry {
    uint64_t key = 0;
    int cap_non_initial = 0, in_cap_run = 0;
    bool lower_use = false;
    bool used = false;
  };
  thread_local std::vector<Entry> table;
  thread_local std::string lower;
  size_t tokens = 0;
  for (const auto& ws : sentences) tokens += ws.size();
  size_t cap = 64;
  while (cap < tokens * 2) cap <<= 1;
  table.assign(cap, Entry{});
  const size_t m = cap - 1;
  auto slot = [&](uint64_t key) -> Entry& {
    size_t i = static_cast<size_t>(key) & m;
    while (table[i].used && table[i].key != key) i = (i + 1) & m;
    if (!table[i].used) {
      table[i].used = true;
      table[i].key = key;
    }
    return table[i];
  };
  auto find = [&](uint64_t key) -> const Entry* {
    for (size_t i = static_cast<size_t>(key) & m;; i = (i + 1) & m) {
      if (!table[i].used) return nullptr;
      if (table[i].key == key) return &table[i];
    }
  };
  auto cls0 = [](std::string_view w) {
    size_t len;
    return w.empty() ? '\0' : CharClass(w, 0, &len);
  };
  for (const auto& ws : sentences) {
    for (size_t i = 0; i < ws.size(); ++i) {
      const char c = cls0(ws[i]);
      if (c == 'X') {
        Entry& e = slot(HashBytes(ws[i]));
        if (i > 0) ++e.cap_non_initial;
        if ((i > 0 && cls0(ws[i - 1]) == 'X') || (i + 1 < ws.size() && cls0(ws[i + 1]) == 'X')) {
          ++e.in_cap_run;
        }
      } else if (c == 'x') {
        slot(HashBytes(ws[i])).lower_use = true;
      }
    }
  }
  std::vector<std::vector<uint32_t>> hints(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto& ws = sentences[s];
    hints[s].assign(ws.size(), 0);
    for (size_t i = 0; i < ws.size(); ++i) {
      if (cls0(ws[i]) != 'X') continue;
      const bool own_non_initial = i > 0;
      const bool own_run =
          (i > 0 && cls0(ws[i - 1]) == 'X') || (i + 1 < ws.size() && cls0(ws[i + 1]) == 'X');
      uint32_t h = 0;
      if (const Entry* e = find(HashBytes(ws[i]))) {
        // Elsewhere = total minus this token's own contribution.
        if (e->cap_non_initial - (own_non_initial ? 1 : 0) > 0) h |= 1;
        if (e->in_cap_run - (own_run ? 1 : 0) > 0) h |= 4;
      }
      lower.clear();
      AppendLowerUtf8(ws[i], &lower);
      if (const Entry* e = find(HashBytes(lower)); e != nullptr && e->lower_use) h |= 2;
      if (i == 0) h |= 8;
      hints[s][i] = h;
    }
  }
  return hints;
}

uint64_t Prev1Key(int prev1) { return Combine(kTPrev1, static_cast<uint64_t>(prev1) + 1); }
uint64_t Prev12Key(int prev1, int prev2) {
  return Combine(kTPrev12,
                 Combine(static_cast<uint64_t>(prev2) + 1, static_cast<uint64_t>(prev1) + 1));
}

uint64_t Prev1WordKey(int prev1, uint64_t lower_hash) {
  return Combine(kTPrev1Word, Combine(static_cast<uint64_t>(prev1) + 1, lower_hash));
}
uint64_t Prev1ShapeKey(int prev1, uint64_t shape_hash) {
  return Combine(kTPrev1Shape, Combine(static_cast<uint64_t>(prev1) + 1, shape_hash));
}

void AppendTokenPrevKeys(const SentenceFeatures& sf, size_t i, int prev1, uint32_t feature_set,
                         std::vector<uint64_t>* out) {
  out->push_back(Prev1WordKey(prev1, sf.lower_hash[i]));
  if (feature_set & kFeatNerExtras) out->push_back(Prev1ShapeKey(prev1, sf.shape_hash[i]));
}

void AppendDynamic(const SentenceFeatures& sf, size_t i, int prev1, int prev2,
                   uint32_t feature_set, std::vector<uint64_t>* out) {
  out->push_back(Prev1Key(prev1));
  out->push_back(Prev12Key(prev1, prev2));
  AppendTokenPrevKeys(sf, i, prev1, feature_set, out);
}

}  // namespace kroniek::lang::internal
