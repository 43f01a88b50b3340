// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Tokenizer throughput on the Dutch and English golden texts in
// testdata/tokenizer, repeated into a ~1000-sentence "news" buffer.
// Before timing, each benchmark checks the token count against a plain
// per-file tokenization times the repeat count, so a fast wrong answer fails.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "base/resources.h"
#include "text/tokenizer.h"

namespace {

using kroniek::Sentence;
using kroniek::Token;
using kroniek::text::Tokenizer;

struct Corpus {
  std::string text;
  size_t expected_tokens = 0;
};

Corpus Build(const Tokenizer& t, const std::vector<std::string>& files, int repeat) {
  Corpus c;
  for (const std::string& f : files) {
    std::string s;
    if (!kroniek::base::ReadFileToString(
            std::string(KRONIEK_SOURCE_DIR) + "/testdata/tokenizer/" + f, &s)) {
      continue;
    }
    std::vector<Token> toks;
    t.Tokenize(s, 0, static_cast<uint32_t>(s.size()), &toks);
    for (int i = 0; i < repeat; ++i) {
      c.text += s;
      c.text += "\n\n";  // a paragraph break never merges tokens across copies
      c.expected_tokens += toks.size();
    }
  }
  return c;
}

Tokenizer Load(const char* lang) {
  auto rules = kroniek::text::LoadTokenizerRules(kroniek::base::ResourceDir(), lang);
  return Tokenizer(rules.ok() ? *std::move(rules) : kroniek::text::TokenizerRules{});
}

void Run(benchmark::State& state, const char* lang, std::vector<std::string> files,
         bool split) {
  const Tokenizer t = Load(lang);
  const Corpus c = Build(t, files, 40);
  std::vector<Token> toks;
  std::vector<Sentence> sents;
  t.Tokenize(c.text, 0, static_cast<uint32_t>(c.text.size()), &toks);
  if (c.text.empty() || toks.size() != c.expected_tokens) {
    state.SkipWithError("token count check failed (corpus missing?)");
    return;
  }
  for (auto _ : state) {
    toks.clear();
    sents.clear();
    t.Tokenize(c.text, 0, static_cast<uint32_t>(c.text.size()), &toks);
    if (split) t.SplitSentences(c.text, toks, &sents);
    benchmark::DoNotOptimize(toks.data());
    benchmark::DoNotOptimize(sents.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text.size()));
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(c.expected_tokens), benchmark::Counter::kIsIterationInvariantRate);
}

void TokenizeNews1k(benchmark::State& state) {
  Run(state, "nl", {"nl_news.txt", "nl_tricky.txt"}, false);
}
void TokenizeAndSplitNews1k(benchmark::State& state) {
  Run(state, "nl", {"nl_news.txt", "nl_tricky.txt"}, true);
}
void TokenizeEnglishNews1k(benchmark::State& state) {
  Run(state, "en", {"en_news.txt", "en_tricky.txt"}, false);
}
BENCHMARK(TokenizeNews1k);
BENCHMARK(TokenizeAndSplitNews1k);
BENCHMARK(TokenizeEnglishNews1k);

}  // namespace

BENCHMARK_MAIN();
