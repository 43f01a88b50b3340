// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Reading labelled corpora (CoNLL-U for UPOS, CoNLL-2002 for NER) and scoring
// entity output the way conlleval does.
//
//   auto sents = kroniek::lang::ReadConll2002File("ned.testb");
//   if (!sents.ok()) return sents.status();
//   std::vector<std::vector<std::string>> gold, pred;
//   for (const auto& s : *sents) { gold.push_back(s.tags); pred.push_back(...); }
//   auto score = kroniek::lang::ScoreConllEntities(gold, pred);
//   // score->overall.f1, score->per_type.at("PER").f1
//
// Thread-safety: pure functions.
#ifndef KRONIEK_LANG_CONLL_H_
#define KRONIEK_LANG_CONLL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/status.h"

namespace kroniek::lang {

// One sentence with one label per word.
struct LabeledSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;
  int doc = 0;  // document index (CoNLL-2002 -DOCSTART- blocks), 0-based
};

// Parses CoNLL-U: FORM (column 2) and UPOS (column 4) of every word line;
// multi-word token ranges (1-2) and empty nodes (1.1) are skipped. `name`
// prefixes errors. Errors: InvalidArgument "<name>:<line>: ..." for a word
// line with fewer than 10 tab-separated columns.
StatusOr<std::vector<LabeledSentence>> ParseConllU(std::string_view text, std::string_view name);

// Parses CoNLL-2002 (space or tab separated; first column the word, last
// column the tag; blank line between sentences; "-DOCSTART-" lines start a
// new document and are not sentences). Errors: InvalidArgument
// "<name>:<line>: ..." for a token line with only one column.
StatusOr<std::vector<LabeledSentence>> ParseConll2002(std::string_view text,
                                                      std::string_view name);

// File wrappers; NotFound when the file cannot be read.
StatusOr<std::vector<LabeledSentence>> ReadConllUFile(const std::string& path);
StatusOr<std::vector<LabeledSentence>> ReadConll2002File(const std::string& path);

// Parses a corpus spec "PATH" or "PATH#K/N" (the K-th of N contiguous,
// equal-sized chunks of the file's sentences, K in 1..N; chunk boundaries at
// floor(i * size / N)) and applies it. `conllu` picks the format.
// Errors: InvalidArgument for a malformed "#K/N", plus the readers'.
StatusOr<std::vector<LabeledSentence>> ReadCorpusSpec(const std::string& spec, bool conllu);

// Precision, recall and F1 in percent (0 when undefined).
struct PrfScore {
  int gold = 0, predicted = 0, correct = 0;
  double precision = 0, recall = 0, f1 = 0;
};
struct EntityScores {
  PrfScore overall;
  std::map<std::string, PrfScore> per_type;  // every type seen in gold or prediction
  int tokens = 0, tokens_correct = 0;        // token-level tag accuracy
};

// An entity chunk [begin, end) of tokens.
struct Chunk {
  int begin = 0, end = 0;
  std::string type;
  friend bool operator<(const Chunk& a, const Chunk& b) {
    return a.begin != b.begin ? a.begin < b.begin
                              : (a.end != b.end ? a.end < b.end : a.type < b.type);
  }
  friend bool operator==(const Chunk& a, const Chunk& b) {
    return a.begin == b.begin && a.end == b.end && a.type == b.type;
  }
};

// Chunks of one tag sequence, with conlleval's rules, so IOB1 ("I-PER" may
// start an entity; "B-" only splits two adjacent ones of the same type) and
// IOB2 both work; "E-"/"S-" (IOBES) are understood too. Tags without a "-"
// other than "O" count as a type with prefix "I".
std::vector<Chunk> ExtractChunks(const std::vector<std::string>& tags);

// Exact-match entity scores over sentences (chunks never cross sentences).
// Errors: InvalidArgument when the sentence count or a sentence length differs.
StatusOr<EntityScores> ScoreConllEntities(const std::vector<std::vector<std::string>>& gold,
                                          const std::vector<std::vector<std::string>>& pred);

}  // namespace kroniek::lang

#endif  // KRONIEK_LANG_CONLL_H_
