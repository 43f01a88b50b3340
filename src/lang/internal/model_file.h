// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The on-disk model format shared by the tagger and the NER model. Binary,
// little-endian, versioned and checksummed:
//
//   offset  field
//   0       magic "KRNKPCP\x01" (8 bytes)
//   8       u32 format version (kModelFormatVersion)
//   12      u32 kind (ModelKind)
//   16      u32 feature set (features.h FeatureSet bits)
//   20      u32 class count C (1..255), then C x (u16 length, UTF-8 bytes)
//           u32 gazetteer count G, then G x (u32 n, n x (u64 key, u32 mask))
//           f32 weight scale s
//           u32 feature count F, then F x (u64 key, u8 k, k x (u8 class, i16 q))
//           (weight = q * s)
//   end-4   u32 CRC-32 (zlib) of every byte before it
//
// Reading validates every count against the bytes left and every class id
// against C (and that a row names each class at most once), then the
// checksum, so a truncated or garbled file gives DataLossError naming the
// file and the byte offset where it went wrong.
//
// Thread-safety: pure functions.
#ifndef KRONIEK_LANG_INTERNAL_MODEL_FILE_H_
#define KRONIEK_LANG_INTERNAL_MODEL_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kroniek/status.h"
#include "lang/internal/perceptron.h"

namespace kroniek::lang::internal {

inline constexpr uint32_t kModelFormatVersion = 1;

enum class ModelKind : uint32_t { kUpos = 1, kNer = 2 };

struct ModelContents {
  ModelKind kind = ModelKind::kUpos;
  uint32_t feature_set = 0;
  std::vector<std::string> classes;
  // Each gazetteer as (key, mask | max_tokens << 16) entries.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> gazetteers;
  PerceptronModel weights;
};

// Serialises `m` (weights quantised to 16 bits).
std::string SerializeModel(const ModelContents& m);

// Parses bytes produced by SerializeModel. `name` (a path) prefixes errors.
// Errors: DataLoss "<name>: byte offset N: <what>" for bad magic, unknown
// version, truncation, class id out of range or repeated in a row, checksum
// mismatch;
// InvalidArgument when the kind differs from `expected`.
StatusOr<ModelContents> ParseModel(std::string_view bytes, std::string_view name,
                                   ModelKind expected);

// File wrappers. Errors: NotFound (cannot open), Unavailable (cannot write),
// plus ParseModel's.
Status WriteModelFile(const ModelContents& m, const std::string& path);
StatusOr<ModelContents> ReadModelFile(const std::string& path, ModelKind expected);

}  // namespace kroniek::lang::internal

#endif  // KRONIEK_LANG_INTERNAL_MODEL_FILE_H_
