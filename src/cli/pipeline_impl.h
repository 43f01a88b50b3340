// Copyright 2026 The Kroniek Authors. Apache-2.0.
// Template implementation of RunPipeline (included by pipeline.h only).
#ifndef KRONIEK_CLI_PIPELINE_IMPL_H_
#define KRONIEK_CLI_PIPELINE_IMPL_H_

#include <atomic>
#include <chrono>
#include <thread>
#include <utility>

#include "cli/progress.h"

namespace kroniek::cli {

namespace internal {

template <typename R>
class BatchingSink : public ingest::DocumentSink {
 public:
  BatchingSink(int threads, const std::function<R(const Document&)>& process,
               const std::function<Status(Item<R>&)>& emit, Progress* progress,
               PipelineTotals* totals)
      : threads_(threads), process_(process), emit_(emit),
        progress_(progress), totals_(totals) {
    batch_.reserve(kBatch);
  }

  void OnDocument(Document doc) override {
    Item<R> it;
    it.is_document = true;
    it.doc = std::move(doc);
    Push(std::move(it));
  }
  void OnQuarantine(QuarantineItem q) override {
    Item<R> it;
    it.quarantine = std::move(q);
    Push(std::move(it));
  }

  // Processes and emits what is left. Returns the first emit error.
  Status Flush() {
    if (!status_.ok() || batch_.empty()) return status_;
    // Process documents of the batch in parallel; results land in place.
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < batch_.size(); i = next++) {
        if (batch_[i].is_document) batch_[i].result = process_(batch_[i].doc);
      }
    };
    int n = std::min<int>(threads_, static_cast<int>(batch_.size()));
    if (n <= 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      pool.reserve(n - 1);
      for (int t = 0; t < n - 1; ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
    }
    for (Item<R>& it : batch_) {
      if (it.is_document) {
        ++totals_->documents;
        totals_->bytes += static_cast<int64_t>(it.doc.raw.size());
      } else {
        ++totals_->quarantined;
        totals_->bytes += static_cast<int64_t>(it.quarantine.raw.size());
      }
      ++totals_->read;
      if (status_.ok()) status_ = emit_(it);
    }
    batch_.clear();
    progress_->Update(totals_->read, totals_->bytes);
    return status_;
  }

 private:
  static constexpr size_t kBatch = 256;
  void Push(Item<R> it) {
    if (!status_.ok()) return;  // a failed emit stops the run; drain quietly
    batch_.push_back(std::move(it));
    if (batch_.size() >= kBatch) Flush().IgnoreError();
  }

  int threads_;
  const std::function<R(const Document&)>& process_;
  const std::function<Status(Item<R>&)>& emit_;
  Progress* progress_;
  PipelineTotals* totals_;
  std::vector<Item<R>> batch_;
  Status status_;
};

}  // namespace internal

template <typename R>
Status RunPipeline(const InputFlags& flags, const ingest::ReadOptions& opts,
                   const std::function<R(const Document&)>& process,
                   const std::function<Status(Item<R>&)>& emit,
                   PipelineTotals* totals) {
  auto t0 = std::chrono::steady_clock::now();
  Progress progress(flags.inputs, flags.quiet);
  internal::BatchingSink<R> sink(ResolveThreads(flags.threads), process, emit,
                                 &progress, totals);
  ingest::ReadStats stats;
  Status read = ingest::ReadInputs(flags.inputs, opts, &sink, &stats);
  Status flushed = sink.Flush();
  progress.Finish();
  totals->inputs = stats.inputs;
  totals->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!flushed.ok()) return flushed;
  return read;
}

}  // namespace kroniek::cli

#endif  // KRONIEK_CLI_PIPELINE_IMPL_H_
