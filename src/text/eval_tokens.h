// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Tokenizer and sentence-splitter evaluation against Universal Dependencies
// gold (CoNLL-U).
//
//   StatusOr<TokenEvalResult> r = EvaluateTokens(
//       "nl_alpino-ud-test.conllu", tokenizer);
//   if (r.ok()) std::cout << r->ToString();
//
// Tokens: each sentence's `# text = ` line is tokenized on its own; the gold
// tokens are the FORMs of its word lines (for a multiword range `1-2` the
// surface line, its parts skipped; empty nodes `1.1` skipped), aligned to the
// text by finding each FORM after the end of the previous one. A system token
// is correct when its byte span equals a gold span exactly.
// Sentences: per document (`# newdoc`, else the whole file) the sentence texts
// are joined with one space and split; a boundary is correct when a system
// sentence ends at the same byte offset as a gold sentence.
//
// Thread-safety: a pure function of the file and the (immutable) tokenizer.
#ifndef KRONIEK_TEXT_EVAL_TOKENS_H_
#define KRONIEK_TEXT_EVAL_TOKENS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "kroniek/status.h"
#include "text/tokenizer.h"

namespace kroniek::text {

struct TokenEvalResult {
  std::string conllu_path;
  size_t documents = 0;
  size_t sentences = 0;        // gold sentences (with a `# text` line)
  size_t gold_tokens = 0;
  size_t system_tokens = 0;
  size_t matched_tokens = 0;   // exact span matches
  size_t unaligned_forms = 0;  // gold FORMs not found in the text (counted as missed)
  size_t gold_sentence_ends = 0;
  size_t system_sentence_ends = 0;
  size_t matched_sentence_ends = 0;
  // Up to `max_examples` sentences with token mismatches, one line each:
  // "<text>\tgold-only: a|b\tsystem-only: c".
  std::vector<std::string> examples;

  double token_precision() const { return Ratio(matched_tokens, system_tokens); }
  double token_recall() const { return Ratio(matched_tokens, gold_tokens); }
  double token_f1() const { return F1(token_precision(), token_recall()); }
  double sentence_precision() const {
    return Ratio(matched_sentence_ends, system_sentence_ends);
  }
  double sentence_recall() const {
    return Ratio(matched_sentence_ends, gold_sentence_ends);
  }
  double sentence_f1() const { return F1(sentence_precision(), sentence_recall()); }

  // A few lines: counts, then P/R/F1 in percent with two decimals.
  std::string ToString() const;

 private:
  static double Ratio(size_t a, size_t b) { return b == 0 ? 0.0 : double(a) / double(b); }
  static double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }
};

// Evaluates `tokenizer` on a CoNLL-U file. Errors: NotFound when the file
// cannot be read; InvalidArgument "<path>:<line>: <what> in '<snippet>'" for
// a word line with fewer than 10 tab-separated columns, a word line before
// any `# text =` line, or a malformed multiword range. Nothing is returned on
// error.
StatusOr<TokenEvalResult> EvaluateTokens(const std::string& conllu_path,
                                         const Tokenizer& tokenizer,
                                         size_t max_examples = 0);

}  // namespace kroniek::text

#endif  // KRONIEK_TEXT_EVAL_TOKENS_H_
