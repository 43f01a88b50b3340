// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace kroniek::cli {

namespace fs = std::filesystem;

Progress::Progress(const std::vector<std::string>& inputs, bool quiet) {
  enabled_ = !quiet && isatty(STDERR_FILENO);
  start_ = last_ = std::chrono::steady_clock::now();
  if (!enabled_) return;
  std::error_code ec;
  for (const std::string& in : inputs) {
    if (in == "-") {
      total_bytes_ = 0;
      return;
    }
    if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) total_bytes_ += it->file_size(ec);
      }
    } else if (fs::is_regular_file(in, ec)) {
      total_bytes_ += static_cast<int64_t>(fs::file_size(in, ec));
    }
  }
}

void Progress::Update(int64_t docs, int64_t bytes) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mb = bytes / 1e6;
  double rate = secs > 0 ? mb / secs : 0;
  char eta[32] = "";
  if (total_bytes_ > 0 && rate > 0 && bytes < total_bytes_) {
    int left = static_cast<int>((total_bytes_ - bytes) / 1e6 / rate);
    std::snprintf(eta, sizeof eta, " ETA %d:%02d", left / 60, left % 60);
  }
  std::fprintf(stderr, "\r\033[K%lld docs  %.1f MB  %.1f MB/s%s",
               static_cast<long long>(docs), mb, rate, eta);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace kroniek::cli
