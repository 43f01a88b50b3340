// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// JSON views of pipeline results for the CLI (analyze output). The field
// names are a contract: docs/ANALYZE.md documents them; add fields, never
// rename or remove them.
#ifndef KRONIEK_CLI_JSON_VIEWS_H_
#define KRONIEK_CLI_JSON_VIEWS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "events/document_coder.h"
#include "kroniek/document.h"
#include "text/analyzer.h"

namespace kroniek::cli {

nlohmann::json AnalysisToJson(const Document& doc, const text::Analysis& a,
                              bool with_tokens);

// Adds `upos` to each token and an `entities` list (text, offsets, NER type,
// actor code with country and sector, place resolution, and how each was
// decided) to a JSON object made by AnalysisToJson.
void AddEntitiesToJson(const events::CodedDocument& coded, bool with_tokens,
                       nlohmann::json* j);

// Appends AnalysisToJson (plus AddEntitiesToJson when `coded` is not null)
// dumped compactly, without building the tree: the same bytes, at a
// fraction of the cost (`kroniek analyze` without --pretty).
void AppendAnalysisJson(const Document& doc, const text::Analysis& a,
                        const events::CodedDocument* coded, bool with_tokens,
                        std::string* out);

}  // namespace kroniek::cli

#endif  // KRONIEK_CLI_JSON_VIEWS_H_
