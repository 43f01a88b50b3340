// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Content hashing for stable ids (document ids, event ids). Not cryptographic:
// two independent 64-bit FNV-1a streams give a 128-bit id, written as 32 hex
// digits. Stable across platforms and releases: ids are stored.
#ifndef KRONIEK_BASE_HASH_H_
#define KRONIEK_BASE_HASH_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace kroniek::base {

uint64_t Fnv1a64(std::string_view s, uint64_t seed = 0xcbf29ce484222325ULL);

// A checksum for large files (the compiled gazetteer): four independent
// multiply-xor lanes over little-endian 64-bit words, so it runs at memory
// speed instead of FNV's one byte per multiply. Stable: it is stored in files.
// Catches corruption, not tampering.
uint64_t Checksum64(std::string_view s);

// 32 lowercase hex digits over the parts, each part length-prefixed so that
// ("ab","c") and ("a","bc") differ.
std::string ContentId(std::initializer_list<std::string_view> parts);

}  // namespace kroniek::base

#endif  // KRONIEK_BASE_HASH_H_
