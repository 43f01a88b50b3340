// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "serve/internal/static_files.h"

#include <filesystem>

namespace kroniek::serve::internal {

namespace fs = std::filesystem;

StatusOr<std::string> ResolveStaticPath(const std::string& root,
                                        std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/' || url_path.size() > 1024) {
    return InvalidArgumentError("bad path");
  }
  std::string rel(url_path.substr(1));
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  if (rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos) {
    return InvalidArgumentError("bad path");
  }
  size_t b = 0;
  while (b <= rel.size()) {
    size_t e = rel.find('/', b);
    if (e == std::string::npos) e = rel.size();
    std::string_view seg(rel.data() + b, e - b);
    if (seg == ".." || seg == "." || (seg.empty() && e != rel.size())) {
      return InvalidArgumentError("path leaves the web directory");
    }
    b = e + 1;
  }
  std::error_code ec;
  fs::path full = fs::path(root) / rel;
  fs::path canon = fs::canonical(full, ec);
  if (ec) return NotFoundError("not found");
  const std::string& c = canon.native();
  if (c.size() <= root.size() || c.compare(0, root.size(), root) != 0 ||
      c[root.size()] != '/') {
    return InvalidArgumentError("path leaves the web directory");
  }
  if (!fs::is_regular_file(canon, ec)) return NotFoundError("not found");
  return c;
}

std::string_view MimeType(std::string_view path) {
  struct Entry {
    std::string_view ext, type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".wasm", "application/wasm"},
      {".txt", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".pbf", "application/x-protobuf"},
  };
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash))
    return "application/octet-stream";
  std::string_view ext = path.substr(dot);
  for (const Entry& e : kTypes)
    if (e.ext == ext) return e.type;
  return "application/octet-stream";
}

}  // namespace kroniek::serve::internal
