// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "cli/pipeline.h"

#include <cstdio>
#include <thread>

namespace kroniek::cli {

void AddInputFlags(CLI::App* app, InputFlags* f) {
  app->add_option("inputs", f->inputs,
                  "Article files, directories (read recursively) or - for "
                  "stdin; .gz files are decompressed")
      ->required();
  app->add_option("--format", f->format,
                  "Input format: auto, dated-text (a 'date YYYY-MM[-DD]' "
                  "header line), jsonl, txt")
      ->check(CLI::IsMember({"auto", "dated-text", "jsonl", "txt"}))
      ->capture_default_str();
  app->add_option("--date", f->date,
                  "Document date for plain .txt input: YYYY, YYYY-MM or "
                  "YYYY-MM-DD (precision is kept)");
  app->add_option("--lang", f->lang, "Language of every document (nl, en); "
                                     "default: detected per document")
      ->check(CLI::IsMember({"nl", "en"}));
  app->add_option("--max-doc-bytes", f->max_doc_bytes,
                  "Longer documents are quarantined")
      ->capture_default_str();
  app->add_option("-j,--threads", f->threads,
                  "Worker threads (0 = all cores); output order does not "
                  "depend on it")
      ->capture_default_str();
  app->add_flag("-q,--quiet", f->quiet, "No progress display");
  app->add_option("--resources", f->resources,
                  "Language resource folder (default: $KRONIEK_RESOURCES or "
                  "the source tree's src/lang)");
}

StatusOr<ingest::ReadOptions> MakeReadOptions(const InputFlags& f) {
  ingest::ReadOptions o;
  o.format = f.format;
  o.lang = f.lang;
  o.max_doc_bytes = f.max_doc_bytes;
  if (!f.date.empty()) {
    auto d = ParsePartialDate(f.date);
    if (!d.ok()) return d.status().WithPrefix("--date");
    o.date = *d;
  }
  return o;
}

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

void PrintSummary(const char* command, const PipelineTotals& t,
                  const std::vector<std::string>& quarantine_lines) {
  for (const std::string& line : quarantine_lines)
    std::fprintf(stderr, "quarantined: %s\n", line.c_str());
  double mb = t.bytes / 1e6;
  std::fprintf(stderr,
               "%s: %lld inputs, %lld read = %lld processed + %lld "
               "quarantined; %.2f MB in %.2f s (%.1f MB/s)\n",
               command, static_cast<long long>(t.inputs),
               static_cast<long long>(t.read),
               static_cast<long long>(t.documents),
               static_cast<long long>(t.quarantined), mb, t.seconds,
               t.seconds > 0 ? mb / t.seconds : 0.0);
}

}  // namespace kroniek::cli
