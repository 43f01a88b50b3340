// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Progress: a one-line progress display for long runs (documents, MB, MB/s,
// ETA when the total input size is known). Writes to stderr only when stderr
// is a terminal and --quiet is not set; otherwise it is silent.
#ifndef KRONIEK_CLI_PROGRESS_H_
#define KRONIEK_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace kroniek::cli {

class Progress {
 public:
  // `inputs` are the command's input paths; their total size (files and
  // directories, not stdin) gives the ETA.
  Progress(const std::vector<std::string>& inputs, bool quiet);
  // Called from one thread. Redraws at most every 200 ms.
  void Update(int64_t docs, int64_t bytes);
  // Clears the line.
  void Finish();

  bool enabled() const { return enabled_; }

 private:
  bool enabled_ = false;
  int64_t total_bytes_ = 0;  // 0 = unknown
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace kroniek::cli

#endif  // KRONIEK_CLI_PROGRESS_H_
