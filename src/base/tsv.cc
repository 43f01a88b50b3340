// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/tsv.h"

#include <utility>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::base {

Status TsvLine::Error(std::string_view what) const {
  return InvalidArgumentError(file + ":" + std::to_string(number) + ": " +
                              std::string(what) + " in '" +
                              Snippet(text, snippet_bytes) + "'");
}

std::vector<std::string> SplitFields(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.emplace_back(s.substr(start, p == std::string_view::npos ? p : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::vector<TsvLine> TsvLines(std::string_view file, std::string_view content,
                              const TsvOptions& options) {
  std::vector<TsvLine> out;
  int number = 0;
  // The lines std::getline would give: text after the last '\n' is a line
  // only when it is not empty.
  for (size_t start = 0; start < content.size();) {
    size_t nl = content.find('\n', start);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view text = content.substr(start, nl - start);
    start = nl + 1;
    ++number;
    if (options.strip_cr && !text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty() || text[0] == '#') continue;
    TsvLine line;
    line.file = std::string(file);
    line.number = number;
    line.text = std::string(text);
    line.fields = SplitFields(text, '\t');
    line.snippet_bytes = options.snippet_bytes;
    out.push_back(std::move(line));
  }
  return out;
}

StatusOr<std::vector<TsvLine>> ReadTsvFile(const std::string& path,
                                           const TsvOptions& options) {
  std::string content;
  if (!ReadFileToString(path, &content)) return NotFoundError("cannot read " + path);
  return TsvLines(path, content, options);
}

}  // namespace kroniek::base
