// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Throughput of FindNumbers + FindDates over a large token vector, and the
// one-off cost of loading the rules (ICU spell-out generation). The text is
// written for this benchmark (no news copy) and repeated to ~1M tokens.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "base/resources.h"
#include "kroniek/date.h"
#include "text/dates.h"
#include "text/numbers.h"
#include "text/tokenizer.h"

namespace kroniek::text {
namespace {

constexpr const char kParagraph[] =
    "Bij de haven demonstreerden maandag zo’n 3.500 mensen tegen de nieuwe "
    "wet. De politie meldde dat tientallen betogers werden opgepakt en dat "
    "negen agenten gewond raakten. Sinds zondag zijn er volgens de gemeente "
    "ongeveer 120 arrestaties verricht; vorige week waren het er nog 26. "
    "De regering trok op 27 september 2020 ruim 1,5 miljard euro uit voor "
    "herstel, minstens tot 2044. In de jaren negentig was de stad ook al "
    "het toneel van onrust, toen honderden inwoners drie dagen lang de "
    "straat op gingen. Gisteren kondigde de burgemeester aan dat twee "
    "dozijn extra agenten worden ingezet op 28-09-2020.\n\n";

struct Workload {
  std::string raw;
  std::vector<Token> tokens;
  NumberRules numbers;
  DateRules dates;
  PartialDate doc;
};

const Workload& GetWorkload() {
  static const Workload* w = [] {
    auto* w = new Workload;
    const std::string dir = base::ResourceDir();
    StatusOr<TokenizerRules> tr = LoadTokenizerRules(dir, "nl");
    StatusOr<NumberRules> nr = LoadNumberRules(dir, "nl");
    StatusOr<DateRules> dr = LoadDateRules(dir, "nl");
    if (!tr.ok() || !nr.ok() || !dr.ok()) std::abort();  // bench setup only
    while (w->raw.size() < 6'000'000) w->raw += kParagraph;
    Tokenizer(*std::move(tr)).Tokenize(w->raw, 0, w->raw.size(), &w->tokens);
    w->numbers = *nr;
    w->dates = *dr;
    w->doc = *ParsePartialDate("2020-09");
    return w;
  }();
  return *w;
}

void BM_FindNumbersNews1M(benchmark::State& state) {
  const Workload& w = GetWorkload();
  std::vector<NumberMention> out;
  for (auto _ : state) {
    out.clear();
    FindNumbers(w.raw, w.tokens, w.numbers, &out);
    benchmark::DoNotOptimize(out.data());
  }
  // Check before trusting the time: 12 numbers per paragraph.
  if (out.empty() || out.size() % 12 != 0) state.SkipWithError("wrong count");
  state.SetItemsProcessed(state.iterations() * w.tokens.size());
  state.SetBytesProcessed(state.iterations() * w.raw.size());
}
BENCHMARK(BM_FindNumbersNews1M)->Unit(benchmark::kMillisecond);

void BM_FindDatesNews1M(benchmark::State& state) {
  const Workload& w = GetWorkload();
  std::vector<DateMention> out;
  for (auto _ : state) {
    out.clear();
    FindDates(w.raw, w.tokens, w.doc, w.dates, &out);
    benchmark::DoNotOptimize(out.data());
  }
  if (out.empty() || out.size() % 8 != 0) state.SkipWithError("wrong count");
  state.SetItemsProcessed(state.iterations() * w.tokens.size());
  state.SetBytesProcessed(state.iterations() * w.raw.size());
}
BENCHMARK(BM_FindDatesNews1M)->Unit(benchmark::kMillisecond);

void BM_LoadNumberRulesNl(benchmark::State& state) {
  const std::string dir = base::ResourceDir();
  for (auto _ : state) {
    StatusOr<NumberRules> r = LoadNumberRules(dir, "nl");
    benchmark::DoNotOptimize(r.ok());
  }
}
BENCHMARK(BM_LoadNumberRulesNl)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kroniek::text

BENCHMARK_MAIN();
