// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Reading the tab-separated tables of the language packs (ontology, event
// dictionary, morphology, ...): the lines that carry data, with their 1-based
// line numbers, split on tabs, and errors in the one format every loader
// uses, "<file>:<line>: <what> in '<snippet>'".
//
//   KRONIEK_ASSIGN_OR_RETURN(std::vector<base::TsvLine> lines,
//                            base::ReadTsvFile(path));
//   for (const base::TsvLine& l : lines) {
//     if (l.fields.size() != 3) return l.Error("expected 3 columns");
//     ...
//   }
//
// Thread-safety: plain functions and value types.
#ifndef KRONIEK_BASE_TSV_H_
#define KRONIEK_BASE_TSV_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/status.h"

namespace kroniek::base {

struct TsvOptions {
  // Drop a '\r' before the line break, so files saved on Windows read the
  // same. The ontology has always read lines as they are; it turns this off
  // so that its messages and its handling of stray CRs stay unchanged.
  bool strip_cr = true;
  // How many bytes of the line an error message quotes (base::Snippet).
  size_t snippet_bytes = 40;
};

// One line that carries data: not blank and not a '#' comment.
struct TsvLine {
  std::string file;  // as given, for messages
  int number = 0;    // 1-based, counting every line of the file
  std::string text;  // without the line break
  // `text` split on every tab; empty fields are kept ("a\t\tb" has three,
  // "a\t" two), so that a column count check sees stray tabs.
  std::vector<std::string> fields;
  size_t snippet_bytes = 40;

  // InvalidArgument "<file>:<number>: <what> in '<snippet of text>'".
  Status Error(std::string_view what) const;
};

// `s` split on every `sep`, empty parts kept: "" gives {""}, "a|" {"a", ""}.
std::vector<std::string> SplitFields(std::string_view s, char sep);

// The data lines of `content`, a table read from `file` (used only in
// messages). Lines end at '\n'; a last line without one counts too.
std::vector<TsvLine> TsvLines(std::string_view file, std::string_view content,
                              const TsvOptions& options = {});

// TsvLines of the file at `path`. NotFound "cannot read <path>" when it
// cannot be read.
StatusOr<std::vector<TsvLine>> ReadTsvFile(const std::string& path,
                                           const TsvOptions& options = {});

}  // namespace kroniek::base

#endif  // KRONIEK_BASE_TSV_H_
