// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Ingest throughput on synthetic news-sized documents (about 2 KB each).
// Counts are checked before timing so a fast wrong answer fails.
#include <benchmark/benchmark.h>

#include <string>

#include "ingest/internal/gzip.h"
#include "ingest/reader.h"

namespace kroniek::ingest {
namespace {

class CountingSink : public DocumentSink {
 public:
  void OnDocument(Document doc) override {
    ++docs;
    benchmark::DoNotOptimize(doc.id);
  }
  void OnQuarantine(QuarantineItem) override { ++bad; }
  int64_t docs = 0;
  int64_t bad = 0;
};

std::string Body(int i) {
  std::string s;
  while (s.size() < 2000) {
    s += "De gemeenteraad van Stad" + std::to_string(i) +
         " heeft dinsdag besloten dat de nieuwe brug er komt, maar "
         "omwonenden zijn het daar niet mee eens. ";
  }
  return s;
}

std::string JsonlCorpus(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += R"({"id":)" + std::to_string(i) +
           R"(,"date":"2023-04-01","source":"Krant","text":")" + Body(i) +
           "\"}\n";
  }
  return out;
}

void Run(benchmark::State& state, const std::string& bytes, int64_t expect) {
  ReadOptions opts;
  {
    CountingSink check;
    ReadBuffer("bench", bytes, opts, &check, nullptr);
    if (check.docs != expect || check.bad != 0) {
      state.SkipWithError("unexpected document count");
      return;
    }
  }
  for (auto _ : state) {
    CountingSink sink;
    ReadBuffer("bench", bytes, opts, &sink, nullptr);
    benchmark::DoNotOptimize(sink.docs);
  }
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(bytes.size()));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * expect),
                         benchmark::Counter::kIsRate);
}

void IngestJsonlNews1k(benchmark::State& state) {
  static const std::string corpus = JsonlCorpus(1000);
  Run(state, corpus, 1000);
}
BENCHMARK(IngestJsonlNews1k)->Unit(benchmark::kMillisecond);

void IngestGzipJsonlNews1k(benchmark::State& state) {
  static const std::string corpus = internal::Gzip(JsonlCorpus(1000));
  Run(state, corpus, 1000);
}
BENCHMARK(IngestGzipJsonlNews1k)->Unit(benchmark::kMillisecond);

void IngestDatedTextArticle(benchmark::State& state) {
  static const std::string doc = "date 2020-09\n" + Body(1);
  Run(state, doc, 1);
}
BENCHMARK(IngestDatedTextArticle);

void DetectLanguageArticle(benchmark::State& state) {
  const std::string body = Body(1);
  for (auto _ : state) benchmark::DoNotOptimize(DetectLanguage(body));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(body.size()));
}
BENCHMARK(DetectLanguageArticle);

}  // namespace
}  // namespace kroniek::ingest

BENCHMARK_MAIN();
