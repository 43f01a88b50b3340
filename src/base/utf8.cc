// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/utf8.h"

#include <cstdio>

namespace kroniek::base {

namespace {

// Length of the valid sequence starting at s[i], or 0 when invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t c = b(i);
  const size_t n = s.size();
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return k < n && (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII.
    if (static_cast<uint8_t>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = ValidSequenceLength(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  size_t i = *pos;
  size_t len = ValidSequenceLength(s, i);
  const auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  switch (len) {
    case 1:
      *pos = i + 1;
      return b(i);
    case 2:
      *pos = i + 2;
      return (char32_t(b(i) & 0x1F) << 6) | (b(i + 1) & 0x3F);
    case 3:
      *pos = i + 3;
      return (char32_t(b(i) & 0x0F) << 12) | (char32_t(b(i + 1) & 0x3F) << 6) |
             (b(i + 2) & 0x3F);
    case 4:
      *pos = i + 4;
      return (char32_t(b(i) & 0x07) << 18) | (char32_t(b(i + 1) & 0x3F) << 12) |
             (char32_t(b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
    default:
      *pos = i + 1;
      return 0xFFFD;
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool LooksBinary(std::string_view s) {
  std::string_view head = s.substr(0, 4096);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return !head.empty() && control * 10 > head.size();
}

std::string Snippet(std::string_view s, size_t max_bytes) {
  std::string out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_bytes) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = DecodeUtf8(s, &i);
    if (cp == 0xFFFD && i == start + 1 && c >= 0x80) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  if (i < s.size()) out += "\xE2\x80\xA6";  // …
  return out;
}

}  // namespace kroniek::base
