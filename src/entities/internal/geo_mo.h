// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Reader for GNU gettext .mo catalogues (the Dutch GeoNames names of Debian's
// libgeonames-common live in one). Format:
// https://www.gnu.org/software/gettext/manual/html_node/MO-Files.html
//   magic 0x950412de (either byte order), revision, N, offset of the original
//   string table, offset of the translation table; each table holds N
//   (length, offset) pairs of uint32. Hash table ignored. Plural forms keep
//   their first form only.
#ifndef KRONIEK_ENTITIES_INTERNAL_GEO_MO_H_
#define KRONIEK_ENTITIES_INTERNAL_GEO_MO_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kroniek/status.h"

namespace kroniek::entities::internal {

// (msgid, msgstr) pairs in file order, the empty header entry skipped.
// Returns DataLossError naming `source` and the byte offset when the bytes are
// truncated or a string points outside the file.
StatusOr<std::vector<std::pair<std::string, std::string>>> ParseMo(
    std::string_view bytes, std::string_view source);

}  // namespace kroniek::entities::internal

#endif  // KRONIEK_ENTITIES_INTERNAL_GEO_MO_H_
