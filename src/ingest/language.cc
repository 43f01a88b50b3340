// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Language identification by function words. A word is a maximal run of
// ASCII letters, apostrophes and non-ASCII bytes (so "zo'n" and "ruïne" stay
// whole), lowercased in ASCII. A language wins when it has at least two hits
// and more than twice the hits of the other; anything closer is "und".
// NOTE(ingest): character statistics (ij, th) were left out on purpose: on
// one-line inputs they misfire on names (Dijk, Thomas) more than they help.
#include <algorithm>
#include <string>

#include "ingest/internal/function_words.h"
#include "ingest/reader.h"

namespace kroniek::ingest {
namespace {

constexpr int kMaxWords = 4096;
constexpr size_t kMaxWordBytes = 16;

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' ||
         c >= 0x80;
}

bool Contains(std::span<const std::string_view> list, std::string_view w) {
  return std::binary_search(list.begin(), list.end(), w);
}

}  // namespace

std::string DetectLanguage(std::string_view text) {
  const auto nl_words = internal::DutchFunctionWords();
  const auto en_words = internal::EnglishFunctionWords();
  int nl = 0;
  int en = 0;
  int words = 0;
  char word[kMaxWordBytes];
  size_t i = 0;
  while (i < text.size() && words < kMaxWords) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t len = 0;
    bool too_long = false;
    for (; i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]));
         ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (len < kMaxWordBytes) {
        word[len++] = c;
      } else {
        too_long = true;
      }
    }
    ++words;
    if (too_long) continue;
    std::string_view w(word, len);
    if (Contains(nl_words, w)) ++nl;
    if (Contains(en_words, w)) ++en;
  }
  if (nl >= 2 && nl > 2 * en) return "nl";
  if (en >= 2 && en > 2 * nl) return "en";
  return "und";
}

}  // namespace kroniek::ingest
