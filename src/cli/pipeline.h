// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The CLI's document pipeline: read inputs (ingest), process documents on N
// threads, hand results back in input order, show progress, and reconcile the
// counts at the end. Shared by every command that reads articles
// (analyze, ingest, code), together with their common flags.
//
// Order is stable regardless of the thread count: documents are processed in
// batches; each batch is processed in parallel and then emitted in order.
#ifndef KRONIEK_CLI_PIPELINE_H_
#define KRONIEK_CLI_PIPELINE_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "kroniek/document.h"
#include "kroniek/status.h"

namespace kroniek::cli {

// Flags shared by every command that reads articles.
struct InputFlags {
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string format = "auto";
  std::string date;                 // --date for plain text
  std::string lang;                 // --lang, empty = detect
  size_t max_doc_bytes = 8u << 20;
  int threads = 0;                  // -j, 0 = all cores
  bool quiet = false;
  std::string resources;            // --resources
};

void AddInputFlags(CLI::App* app, InputFlags* flags);

// Converts the flags into reader options; InvalidArgument for a bad --date.
StatusOr<ingest::ReadOptions> MakeReadOptions(const InputFlags& flags);

struct PipelineTotals {
  int64_t inputs = 0;
  int64_t read = 0;  // documents + quarantined
  int64_t documents = 0;
  int64_t quarantined = 0;
  int64_t bytes = 0;
  double seconds = 0;
};

// One unit in input order: either a document with its result or a
// quarantined input.
template <typename R>
struct Item {
  bool is_document = false;
  Document doc;
  QuarantineItem quarantine;
  R result{};
};

// Reads `flags.inputs`, runs `process` on each document (concurrently, on
// `flags.threads` threads; it must be thread-safe), then calls `emit` for
// every item in input order on the calling thread. A non-OK status from
// `emit` stops the run and is returned. Reader failures that stop the run
// (missing input path, I/O error) are returned too.
template <typename R>
Status RunPipeline(const InputFlags& flags, const ingest::ReadOptions& opts,
                   const std::function<R(const Document&)>& process,
                   const std::function<Status(Item<R>&)>& emit,
                   PipelineTotals* totals);

// Prints the end-of-run summary (always, to stderr): counts that reconcile,
// throughput, and one line per quarantined input when `list` is non-empty.
void PrintSummary(const char* command, const PipelineTotals& t,
                  const std::vector<std::string>& quarantine_lines);

// Number of worker threads for -j N (0 = hardware concurrency).
int ResolveThreads(int requested);

}  // namespace kroniek::cli

#include "cli/pipeline_impl.h"  // IWYU pragma: keep

#endif  // KRONIEK_CLI_PIPELINE_H_
