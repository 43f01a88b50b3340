// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// ReadBuffer runs the format-independent checks in a fixed order, each one
// quarantining the whole input: gzip (corrupt, truncated, over the cap),
// empty / white-space only, binary. Then the format reader takes over and
// accounts for every unit itself. ReadInputs only expands paths and reads
// bytes; it never interprets them.
#include "ingest/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

#include "base/utf8.h"
#include "ingest/internal/emitter.h"
#include "ingest/internal/formats.h"
#include "ingest/internal/gzip.h"

namespace kroniek::ingest {
namespace {

namespace fs = std::filesystem;

bool KnownFormat(std::string_view f) {
  return f == "auto" || f == "dated-text" || f == "jsonl" || f == "txt";
}

std::string ErrnoText(int err) { return std::generic_category().message(err); }

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads at most `cap` + 1 bytes (so the caller can see "over the cap").
Status ReadStream(std::FILE* f, std::string_view name, size_t cap,
                  std::string* out) {
  out->clear();
  char buf[1 << 16];
  while (out->size() <= cap) {
    size_t want = std::min(sizeof buf, cap + 1 - out->size());
    size_t n = std::fread(buf, 1, want, f);
    out->append(buf, n);
    if (n < want) {
      if (std::ferror(f)) {
        return UnavailableError("cannot read '" + std::string(name) +
                                "': " + ErrnoText(errno));
      }
      break;
    }
  }
  return Status::OK();
}

// Inside directories only regular files are read (a FIFO would block); a
// path named by the user may be a FIFO or /dev/fd/N (process substitution).
Status ReadFile(const std::string& path, bool require_regular, size_t cap,
                std::string* out) {
  std::error_code ec;
  if (require_regular && !fs::is_regular_file(path, ec)) {
    return UnavailableError("cannot read '" + path + "': not a regular file");
  }
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    return UnavailableError("cannot read '" + path + "': " + ErrnoText(errno));
  }
  return ReadStream(f.get(), path, cap, out);
}

// Files under `dir`, depth first, entries sorted by file name.
void ListFiles(const fs::path& dir, std::vector<std::string>* files,
               std::vector<std::pair<std::string, std::string>>* errors) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) {
    errors->emplace_back(dir.string(),
                         "cannot list directory: " + ec.message());
  }
  std::sort(entries.begin(), entries.end(),
            [](const fs::path& a, const fs::path& b) {
              return a.filename().string() < b.filename().string();
            });
  for (const fs::path& p : entries) {
    std::error_code sec;
    // symlink_status: a directory symlink is not followed (no cycles).
    if (fs::is_directory(fs::symlink_status(p, sec))) {
      ListFiles(p, files, errors);
    } else {
      files->push_back(p.string());
    }
  }
}

}  // namespace

void ReadBuffer(std::string_view source, std::string_view bytes,
                const ReadOptions& opts, DocumentSink* sink, ReadStats* stats) {
  if (stats != nullptr) {
    ++stats->inputs;
    stats->bytes += static_cast<int64_t>(bytes.size());
  }
  internal::Emitter out(opts, sink, stats);
  if (!KnownFormat(opts.format)) {
    out.Quarantine(StatusCode::kInvalidArgument, source, 0, std::nullopt,
                   "unknown format '" + opts.format +
                       "' (expected auto, dated-text, jsonl or txt)",
                   {}, bytes);
    return;
  }
  if (bytes.size() > opts.max_input_bytes) {
    out.Quarantine(StatusCode::kInvalidArgument, source, 0, std::nullopt,
                   "input exceeds cap of " +
                       std::to_string(opts.max_input_bytes) + " bytes",
                   {}, bytes);
    return;
  }
  std::string inflated;
  if (internal::IsGzip(bytes)) {
    size_t at = 0;
    Status s = internal::Gunzip(bytes, opts.max_input_bytes, &inflated, &at);
    if (!s.ok()) {
      out.Quarantine(s.code(), source, 0, at, s.message(), {}, bytes);
      return;
    }
    bytes = inflated;
  }
  if (bytes.empty()) {
    out.Quarantine(StatusCode::kInvalidArgument, source, 0, std::nullopt,
                   "empty file", {}, bytes);
    return;
  }
  if (internal::SkipSpace(bytes) == bytes.size()) {
    out.Quarantine(StatusCode::kInvalidArgument, source, 0, std::nullopt,
                   "white-space-only file", {}, bytes);
    return;
  }
  if (base::LooksBinary(bytes)) {
    out.Quarantine(StatusCode::kInvalidArgument, source, 0, std::nullopt,
                   "binary file", bytes, bytes);
    return;
  }
  std::string_view format = opts.format == "auto"
                                ? internal::DetectFormat(bytes)
                                : std::string_view(opts.format);
  if (format == "jsonl") {
    internal::ReadJsonl(source, bytes, &out);
  } else if (format == "dated-text") {
    internal::ReadDatedText(source, bytes, &out);
  } else {
    internal::ReadTxt(source, bytes, &out);
  }
}

Status ReadInputs(const std::vector<std::string>& inputs,
                  const ReadOptions& opts, DocumentSink* sink,
                  ReadStats* stats) {
  if (sink == nullptr) return InvalidArgumentError("ReadInputs: null sink");
  if (!KnownFormat(opts.format)) {
    return InvalidArgumentError("unknown format '" + opts.format +
                                "' (expected auto, dated-text, jsonl or txt)");
  }
  // Fail before reporting anything when an input is missing.
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && !fs::exists(fs::status(in, ec))) {
      return NotFoundError("input '" + in + "' does not exist");
    }
  }
  // Inputs larger than this are quarantined without reading them whole.
  const size_t read_cap = opts.max_input_bytes;
  internal::Emitter out(opts, sink, stats);
  std::string bytes;
  for (const std::string& in : inputs) {
    if (in == "-") {
      KRONIEK_RETURN_IF_ERROR(ReadStream(stdin, "-", read_cap, &bytes));
      ReadBuffer("-", bytes, opts, sink, stats);
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      KRONIEK_RETURN_IF_ERROR(
          ReadFile(in, /*require_regular=*/false, read_cap, &bytes));
      ReadBuffer(in, bytes, opts, sink, stats);
      continue;
    }
    std::vector<std::string> files;
    std::vector<std::pair<std::string, std::string>> list_errors;
    ListFiles(in, &files, &list_errors);
    for (const auto& [path, what] : list_errors) {
      if (stats != nullptr) ++stats->inputs;
      out.Quarantine(StatusCode::kUnavailable, path, 0, std::nullopt, what, {},
                     {});
    }
    for (const std::string& path : files) {
      Status s = ReadFile(path, /*require_regular=*/true, read_cap, &bytes);
      if (!s.ok()) {
        if (stats != nullptr) ++stats->inputs;
        out.Quarantine(StatusCode::kUnavailable, path, 0, std::nullopt,
                       s.message(), {}, {});
        continue;
      }
      ReadBuffer(path, bytes, opts, sink, stats);
    }
  }
  return Status::OK();
}

}  // namespace kroniek::ingest
