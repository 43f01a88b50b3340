// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/internal/geo_mo.h"

#include <cstdint>
#include <cstring>

namespace kroniek::entities::internal {
namespace {

uint32_t Read32(std::string_view b, size_t off, bool swap) {
  uint32_t v;
  std::memcpy(&v, b.data() + off, 4);
  return swap ? __builtin_bswap32(v) : v;
}

std::string At(std::string_view source, size_t off) {
  return std::string(source) + ": offset " + std::to_string(off) + ": ";
}

}  // namespace

StatusOr<std::vector<std::pair<std::string, std::string>>> ParseMo(
    std::string_view b, std::string_view source) {
  if (b.size() < 20) {
    return DataLossError(At(source, b.size()) + "truncated .mo header (" +
                         std::to_string(b.size()) + " bytes)");
  }
  bool swap;
  uint32_t magic = Read32(b, 0, false);
  if (magic == 0x950412deU) {
    swap = false;
  } else if (magic == 0xde120495U) {
    swap = true;
  } else {
    return DataLossError(At(source, 0) + "not a .mo file (bad magic)");
  }
  const uint32_t n = Read32(b, 8, swap);
  const uint64_t orig = Read32(b, 12, swap);
  const uint64_t trans = Read32(b, 16, swap);
  for (uint64_t table : {orig, trans}) {
    if (table + uint64_t{n} * 8 > b.size()) {
      return DataLossError(At(source, table) + "string table of " +
                           std::to_string(n) + " entries runs past end (" +
                           std::to_string(b.size()) + " bytes)");
    }
  }
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(n);
  auto get = [&](uint64_t table, uint32_t i, std::string* s) -> Status {
    const size_t entry = table + size_t{i} * 8;
    const uint64_t len = Read32(b, entry, swap);
    const uint64_t off = Read32(b, entry + 4, swap);
    if (off + len > b.size()) {
      return DataLossError(At(source, entry) + "string " + std::to_string(i) +
                           " [" + std::to_string(off) + ", +" +
                           std::to_string(len) + ") runs past end");
    }
    std::string_view v = b.substr(off, len);
    // Plural entries are NUL-separated: keep the first form.
    if (size_t nul = v.find('\0'); nul != std::string_view::npos) {
      v = v.substr(0, nul);
    }
    s->assign(v);
    return Status::OK();
  };
  for (uint32_t i = 0; i < n; ++i) {
    std::string id, str;
    KRONIEK_RETURN_IF_ERROR(get(orig, i, &id));
    KRONIEK_RETURN_IF_ERROR(get(trans, i, &str));
    if (id.empty()) continue;  // catalogue header
    out.emplace_back(std::move(id), std::move(str));
  }
  return out;
}

}  // namespace kroniek::entities::internal
