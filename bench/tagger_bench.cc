// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Throughput of the statistical taggers with the shipped models: UPOS
// (PosTagger::Tag, sentence by sentence) and NER (NerModel::RecognizeDocument,
// article by article), features + scoring + decoding. Corpus: the Dutch
// sample articles in samples/nl, tokenised and split like `kroniek analyze`
// does; or, when KRONIEK_BENCH_CONLL names a CoNLL file (word in the first
// column, blank line between sentences, -DOCSTART- between documents), that
// file, e.g. /work/shared/data/conll2002-ned/ned.testb.
//
// The samples are small (~11k tokens), so the models' tables stay in cache:
// this measures the computation. In the full pipeline, other stages evict the
// tables between sentences and cache misses weigh more; measure that with
// `perf record` on `kroniek analyze -j 1` (see bench/README.md).
//
// Before timing, each benchmark checks that every token got a tag (UPOS) and
// that entities were found (NER), so a fast wrong answer fails.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/resources.h"
#include "lang/ner.h"
#include "lang/tagger.h"
#include "text/tokenizer.h"

namespace {

using kroniek::lang::NerModel;
using kroniek::lang::PosTagger;

// Documents of sentences of words; `storage` owns the words.
struct Corpus {
  std::vector<std::string> storage;
  std::vector<std::vector<std::vector<std::string_view>>> docs;
  size_t tokens = 0;
};

Corpus FromSamples() {
  Corpus c;
  auto rules = kroniek::text::LoadTokenizerRules(kroniek::base::ResourceDir(), "nl");
  if (!rules.ok()) return c;
  const kroniek::text::Tokenizer tokenizer(*std::move(rules));
  std::vector<std::vector<std::vector<size_t>>> docs;  // indices into storage
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(KRONIEK_SOURCE_DIR) + "/samples/nl")) {
    std::string text;
    if (!kroniek::base::ReadFileToString(entry.path().string(), &text)) continue;
    std::vector<kroniek::Token> toks;
    std::vector<kroniek::Sentence> sents;
    tokenizer.Tokenize(text, 0, static_cast<uint32_t>(text.size()), &toks);
    tokenizer.SplitSentences(text, toks, &sents);
    docs.emplace_back();
    for (const kroniek::Sentence& s : sents) {
      docs.back().emplace_back();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
        docs.back().back().push_back(c.storage.size());
        c.storage.push_back(toks[i].text);
      }
    }
  }
  // Views only once storage stops growing.
  for (const auto& d : docs) {
    c.docs.emplace_back();
    for (const auto& s : d) {
      c.docs.back().emplace_back();
      for (size_t w : s) c.docs.back().back().push_back(c.storage[w]);
      c.tokens += s.size();
    }
  }
  return c;
}

Corpus FromConll(const std::string& path) {
  Corpus c;
  std::string text;
  if (!kroniek::base::ReadFileToString(path, &text)) return c;
  c.docs.emplace_back(1);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    const std::string_view word = line.substr(0, line.find_first_of(" \t\r"));
    auto& doc = c.docs.back();
    if (word == "-DOCSTART-") {
      c.docs.emplace_back(1);
    } else if (word.empty()) {
      if (!doc.back().empty()) doc.emplace_back();
    } else {
      doc.back().push_back(word);
      ++c.tokens;
    }
  }
  c.storage.push_back(std::move(text));  // the views point into it
  return c;
}

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    const char* conll = std::getenv("KRONIEK_BENCH_CONLL");
    return new Corpus(conll != nullptr ? FromConll(conll) : FromSamples());
  }();
  return *corpus;
}

void PosTagDocuments(benchmark::State& state) {
  auto tagger = PosTagger::Load(PosTagger::DefaultPath());
  const Corpus& c = GetCorpus();
  if (!tagger.ok() || c.tokens == 0) {
    state.SkipWithError("model or corpus missing");
    return;
  }
  size_t tagged = 0;
  for (const auto& doc : c.docs) {
    for (const auto& s : doc) tagged += (*tagger)->Tag(s).size();
  }
  if (tagged != c.tokens) {
    state.SkipWithError("tag count check failed");
    return;
  }
  for (auto _ : state) {
    for (const auto& doc : c.docs) {
      for (const auto& s : doc) benchmark::DoNotOptimize((*tagger)->Tag(s));
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

void NerDocuments(benchmark::State& state) {
  auto ner = NerModel::Load(NerModel::DefaultPath());
  const Corpus& c = GetCorpus();
  if (!ner.ok() || c.tokens == 0) {
    state.SkipWithError("model or corpus missing");
    return;
  }
  size_t entities = 0;
  for (const auto& doc : c.docs) {
    for (const auto& spans : (*ner)->RecognizeDocument(doc)) entities += spans.size();
  }
  if (entities == 0) {
    state.SkipWithError("entity check failed");
    return;
  }
  for (auto _ : state) {
    for (const auto& doc : c.docs) benchmark::DoNotOptimize((*ner)->RecognizeDocument(doc));
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(c.tokens),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(PosTagDocuments)->Unit(benchmark::kMillisecond);
BENCHMARK(NerDocuments)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
