// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// tokenize_file [--lang nl] FILE: tokenizes and sentence-splits FILE once and
// prints "<tokens> tokens <sentences> sentences <seconds> s" (time excludes
// reading the file and loading rules). For bench/ucto_compare.sh.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "base/resources.h"
#include "text/tokenizer.h"

int main(int argc, char** argv) {
  std::string lang = "nl";
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
      lang = argv[++i];
    } else {
      path = argv[i];
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr, "usage: tokenize_file [--lang nl] FILE\n");
    return 2;
  }
  std::string raw;
  if (!kroniek::base::ReadFileToString(path, &raw)) {
    std::fprintf(stderr, "tokenize_file: cannot read %s\n", path);
    return 1;
  }
  auto rules = kroniek::text::LoadTokenizerRules(kroniek::base::ResourceDir(), lang);
  if (!rules.ok()) {
    std::fprintf(stderr, "tokenize_file: %s\n", rules.status().ToString().c_str());
    return 1;
  }
  const kroniek::text::Tokenizer t(*std::move(rules));
  std::vector<kroniek::Token> toks;
  std::vector<kroniek::Sentence> sents;
  auto start = std::chrono::steady_clock::now();
  t.Tokenize(raw, 0, static_cast<uint32_t>(raw.size()), &toks);
  t.SplitSentences(raw, toks, &sents);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu tokens %zu sentences %.4f s\n", toks.size(), sents.size(), s);
  return 0;
}
