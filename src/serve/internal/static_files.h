// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Static files of the web UI: maps a (percent-decoded) URL path to a file
// inside the web directory, never outside it. Rejected: ".." and "."
// segments, backslashes, NUL bytes, and any path whose canonical form (all
// symlinks resolved) is not under the canonical web directory, so a symlink
// cannot lead out either.
//
//   auto file = ResolveStaticPath("/srv/web/dist", "/assets/index.js");
//   if (file.ok()) Send(ReadAll(*file), MimeType(*file));
//
// Thread-safety: pure functions (they only read the file system).
#ifndef KRONIEK_SERVE_INTERNAL_STATIC_FILES_H_
#define KRONIEK_SERVE_INTERNAL_STATIC_FILES_H_

#include <string>
#include <string_view>

#include "kroniek/status.h"

namespace kroniek::serve::internal {

// `root` must be canonical (std::filesystem::canonical). "/" maps to
// index.html. Errors: InvalidArgument (a path that tries to leave `root`:
// HTTP 403), NotFound (no such regular file: 404).
StatusOr<std::string> ResolveStaticPath(const std::string& root,
                                        std::string_view url_path);

// Content type by extension; "application/octet-stream" when unknown.
std::string_view MimeType(std::string_view path);

}  // namespace kroniek::serve::internal

#endif  // KRONIEK_SERVE_INTERNAL_STATIC_FILES_H_
