// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The three input formats. Each reads one decompressed, non-blank, non-binary
// input (the checks that need no format are done by ReadBuffer) and reports
// every unit it finds to the Emitter exactly once.
//
// Thread-safety: pure functions of their arguments.
#ifndef KRONIEK_INGEST_INTERNAL_FORMATS_H_
#define KRONIEK_INGEST_INTERNAL_FORMATS_H_

#include <string_view>

#include "ingest/internal/emitter.h"

namespace kroniek::ingest::internal {

// "jsonl", "dated-text" or "txt" by the first non-space bytes (see reader.h).
std::string_view DetectFormat(std::string_view bytes);

// Offset of the first byte that is not ASCII white space or a UTF-8 BOM.
size_t SkipSpace(std::string_view bytes, size_t pos = 0);

void ReadDatedText(std::string_view source, std::string_view bytes,
                   Emitter* out);
void ReadJsonl(std::string_view source, std::string_view bytes, Emitter* out);
void ReadTxt(std::string_view source, std::string_view bytes, Emitter* out);

}  // namespace kroniek::ingest::internal

#endif  // KRONIEK_INGEST_INTERNAL_FORMATS_H_
