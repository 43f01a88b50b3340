// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Bounded gzip decompression (RFC 1952) on top of zlib. Multi-member streams
// (`cat a.gz b.gz`) decode as the concatenation, like gzip(1). The output cap
// defends against gzip bombs: decoding stops as soon as it would be exceeded.
//
// Thread-safety: pure function.
#ifndef KRONIEK_INGEST_INTERNAL_GZIP_H_
#define KRONIEK_INGEST_INTERNAL_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "kroniek/status.h"

namespace kroniek::ingest::internal {

// True when `bytes` starts with the gzip magic 1f 8b.
bool IsGzip(std::string_view bytes);

// Decompresses `in` into *out. On failure *out holds what was decoded so far
// and *error_offset the compressed byte offset where decoding stopped.
// Errors (messages without source, the caller adds it):
//   DataLoss         "corrupt gzip stream (<zlib reason>)", "truncated gzip
//                    stream", "trailing garbage after gzip stream"
//   InvalidArgument  "decompressed size exceeds cap of N bytes"
//   Internal         zlib could not be initialised
Status Gunzip(std::string_view in, size_t max_out, std::string* out,
              size_t* error_offset);

// Compresses `in` as a single gzip member (tests and fuzzers).
std::string Gzip(std::string_view in);

}  // namespace kroniek::ingest::internal

#endif  // KRONIEK_INGEST_INTERNAL_GZIP_H_
