// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/hash.h"

#include <cstdio>
#include <cstring>

namespace kroniek::base {

uint64_t Fnv1a64(std::string_view s, uint64_t h) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

namespace {
constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
inline uint64_t Mix(uint64_t h, uint64_t w) {
  h ^= w;
  h *= kMul;
  return h ^ (h >> 29);
}
inline uint64_t Load64(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);  // little-endian hosts only (see geo_format.h)
  return w;
}
}  // namespace

uint64_t Checksum64(std::string_view s) {
  uint64_t lane[4] = {0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL,
                      0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL};
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 32; p += 32, n -= 32) {
    for (int k = 0; k < 4; ++k) lane[k] = Mix(lane[k], Load64(p + 8 * k));
  }
  uint64_t h = Mix(Mix(lane[0], lane[1]), Mix(lane[2], lane[3]));
  for (; n >= 8; p += 8, n -= 8) h = Mix(h, Load64(p));
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  return Mix(Mix(h, tail), s.size());
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
