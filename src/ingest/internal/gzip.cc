// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "ingest/internal/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <vector>

namespace kroniek::ingest::internal {

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Status Gunzip(std::string_view in, size_t max_out, std::string* out,
              size_t* error_offset) {
  out->clear();
  *error_offset = 0;
  z_stream zs{};
  // 16 + MAX_WBITS: gzip wrapper only, so a zlib or raw stream is corrupt.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    return InternalError("zlib inflateInit2 failed");
  }
  // avail_in is 32-bit: feed large inputs in slices.
  constexpr size_t kSlice = size_t{1} << 30;
  size_t fed = 0;
  auto feed = [&] {
    size_t n = std::min(kSlice, in.size() - fed);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
    zs.avail_in = static_cast<uInt>(n);
    fed += n;
  };
  auto position = [&] { return fed - zs.avail_in; };
  feed();
  std::vector<unsigned char> buf(64 * 1024);
  Status status;
  for (;;) {
    zs.next_out = buf.data();
    zs.avail_out = static_cast<uInt>(buf.size());
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = buf.size() - zs.avail_out;
    if (produced > max_out - std::min(max_out, out->size())) {
      status = InvalidArgumentError("decompressed size exceeds cap of " +
                                    std::to_string(max_out) + " bytes");
      break;
    }
    out->append(reinterpret_cast<const char*>(buf.data()), produced);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0 && fed < in.size()) feed();
      if (position() == in.size()) break;   // done
      if (IsGzip(in.substr(position()))) {  // next member
        inflateReset(&zs);
        continue;
      }
      status = DataLossError("trailing garbage after gzip stream");
      break;
    }
    if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR ||
        rc == Z_STREAM_ERROR) {
      status = DataLossError(std::string("corrupt gzip stream (") +
                             (zs.msg != nullptr ? zs.msg : "zlib error") + ")");
      break;
    }
    // Z_OK or Z_BUF_ERROR: wants more output space or more input.
    if (zs.avail_out == 0) continue;
    if (zs.avail_in == 0 && fed < in.size()) {
      feed();
      continue;
    }
    if (zs.avail_in == 0) {
      status = DataLossError("truncated gzip stream");
      break;
    }
    if (rc == Z_BUF_ERROR) {  // no progress with input and space left
      status = DataLossError("corrupt gzip stream (no progress)");
      break;
    }
  }
  if (!status.ok()) *error_offset = position();
  inflateEnd(&zs);
  return status;
}

std::string Gzip(std::string_view in) {
  z_stream zs{};
  std::string out;
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return out;
  }
  out.resize(deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace kroniek::ingest::internal
