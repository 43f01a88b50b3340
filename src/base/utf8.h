// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// UTF-8 helpers used by every stage that touches outside bytes.
//
//   size_t bad = kroniek::base::FindInvalidUtf8(bytes);
//   if (bad != std::string_view::npos) ... // byte offset of the first bad byte
//
// Strict RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
#ifndef KRONIEK_BASE_UTF8_H_
#define KRONIEK_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kroniek::base {

// Byte offset of the first byte that does not start a valid UTF-8 sequence,
// or std::string_view::npos when `s` is entirely valid.
size_t FindInvalidUtf8(std::string_view s);

// Decodes the code point at s[*pos] and advances *pos past it. Invalid bytes
// decode as U+FFFD and advance by one byte. Requires *pos < s.size().
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// True when `s` looks binary: NUL bytes or a high share of control bytes in
// its first 4 KiB.
bool LooksBinary(std::string_view s);

// `s` cut to at most `max_bytes` bytes on a code point boundary, with "…"
// appended when cut; control characters shown as \xNN. For error messages.
std::string Snippet(std::string_view s, size_t max_bytes = 40);

}  // namespace kroniek::base

#endif  // KRONIEK_BASE_UTF8_H_
