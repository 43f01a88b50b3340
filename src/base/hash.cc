// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/hash.h"

#include <cstdio>

namespace kroniek::base {

uint64_t Fnv1a64(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string ContentId(std::initializer_list<std::string_view> parts) {
  uint64_t a = 0xcbf29ce484222325ULL;
  uint64_t b = 0x84222325cbf29ce4ULL;
  for (std::string_view p : parts) {
    char len[24];
    int n = std::snprintf(len, sizeof len, "%zu:", p.size());
    std::string_view lv(len, static_cast<size_t>(n));
    a = Fnv1a64(p, Fnv1a64(lv, a));
    b = Fnv1a64(p, Fnv1a64(lv, b ^ 0x9e3779b97f4a7c15ULL));
  }
  char out[40];
  std::snprintf(out, sizeof out, "%016llx%016llx",
                static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return out;
}

}  // namespace kroniek::base
