// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/eval_tokens.h"

#include <cstdio>
#include <string_view>
#include <utility>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::text {

namespace {

struct GoldSentence {
  std::string text;
  std::vector<Span> tokens;  // byte spans into text
  size_t unaligned = 0;
};

Status LineError(const std::string& path, size_t line, std::string_view what,
                 std::string_view text) {
  return InvalidArgumentError(path + ":" + std::to_string(line) + ": " +
                              std::string(what) + " in '" + base::Snippet(text) + "'");
}

// Splits off the first `n` tab-separated fields; returns false when fewer.
bool Fields(std::string_view line, std::string_view* f, size_t n) {
  size_t pos = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      if (i + 1 != n) return false;
      f[i] = line.substr(pos);
      return true;
    }
    f[i] = line.substr(pos, tab - pos);
    pos = tab + 1;
  }
  return true;
}

// 1..6 ASCII digits (word ids; short enough never to overflow an int).
bool IsDigits(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

void Evaluate(const Tokenizer& tokenizer, const std::vector<GoldSentence>& doc,
              size_t max_examples, TokenEvalResult* r) {
  if (doc.empty()) return;
  ++r->documents;
  std::vector<Token> tokens;
  for (const GoldSentence& g : doc) {
    tokens.clear();
    tokenizer.Tokenize(g.text, 0, static_cast<uint32_t>(g.text.size()), &tokens);
    r->gold_tokens += g.tokens.size() + g.unaligned;
    r->system_tokens += tokens.size();
    size_t gi = 0, si = 0;
    std::string gold_only, system_only;
    auto note = [](std::string* s, std::string_view t) {
      if (!s->empty()) s->push_back('|');
      s->append(t);
    };
    std::string_view text = g.text;
    while (gi < g.tokens.size() || si < tokens.size()) {
      if (gi < g.tokens.size() && si < tokens.size() &&
          g.tokens[gi] == tokens[si].span) {
        ++r->matched_tokens;
        ++gi;
        ++si;
      } else if (si == tokens.size() ||
                 (gi < g.tokens.size() && g.tokens[gi].begin < tokens[si].span.begin) ||
                 (gi < g.tokens.size() && g.tokens[gi].begin == tokens[si].span.begin &&
                  g.tokens[gi].end < tokens[si].span.end)) {
        note(&gold_only, g.tokens[gi].Of(text));
        ++gi;
      } else {
        note(&system_only, tokens[si].span.Of(text));
        ++si;
      }
    }
    if ((!gold_only.empty() || !system_only.empty()) &&
        r->examples.size() < max_examples) {
      r->examples.push_back(g.text + "\tgold-only: " + gold_only +
                            "\tsystem-only: " + system_only);
    }
  }
  // Sentence boundaries over the joined document.
  std::string joined;
  std::vector<uint32_t> gold_ends;
  for (const GoldSentence& g : doc) {
    if (!joined.empty()) joined.push_back(' ');
    joined += g.text;
    gold_ends.push_back(static_cast<uint32_t>(joined.size()));
  }
  tokens.clear();
  tokenizer.Tokenize(joined, 0, static_cast<uint32_t>(joined.size()), &tokens);
  std::vector<Sentence> sentences;
  tokenizer.SplitSentences(joined, tokens, &sentences);
  r->gold_sentence_ends += gold_ends.size();
  r->system_sentence_ends += sentences.size();
  size_t gi = 0;
  for (const Sentence& s : sentences) {
    while (gi < gold_ends.size() && gold_ends[gi] < s.span.end) ++gi;
    if (gi < gold_ends.size() && gold_ends[gi] == s.span.end) ++r->matched_sentence_ends;
  }
}

}  // namespace

std::string TokenEvalResult::ToString() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%s: %zu documents, %zu sentences\n"
                "tokens:    gold %zu, system %zu, matched %zu, unaligned %zu\n"
                "           P %.2f  R %.2f  F1 %.2f\n"
                "sentences: gold %zu, system %zu, matched %zu\n"
                "           P %.2f  R %.2f  F1 %.2f\n",
                conllu_path.c_str(), documents, sentences, gold_tokens,
                system_tokens, matched_tokens, unaligned_forms,
                100 * token_precision(), 100 * token_recall(), 100 * token_f1(),
                gold_sentence_ends, system_sentence_ends, matched_sentence_ends,
                100 * sentence_precision(), 100 * sentence_recall(),
                100 * sentence_f1());
  return buf;
}

StatusOr<TokenEvalResult> EvaluateTokens(const std::string& conllu_path,
                                         const Tokenizer& tokenizer,
                                         size_t max_examples) {
  std::string content;
  if (!base::ReadFileToString(conllu_path, &content)) {
    return NotFoundError("cannot read CoNLL-U file " + conllu_path);
  }
  TokenEvalResult r;
  r.conllu_path = conllu_path;
  std::vector<GoldSentence> doc;
  GoldSentence* cur = nullptr;
  size_t search_from = 0;  // byte offset in cur->text after the last FORM
  int skip_until = 0;      // last word id covered by a multiword range
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line(content.data() + pos,
                          (nl == std::string::npos ? content.size() : nl) - pos);
    pos = nl == std::string::npos ? content.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      cur = nullptr;
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc")) {
        Evaluate(tokenizer, doc, max_examples, &r);
        doc.clear();
        cur = nullptr;
      } else if (line.starts_with("# text = ")) {
        cur = &doc.emplace_back();
        cur->text = std::string(line.substr(9));
        search_from = 0;
        skip_until = 0;
        ++r.sentences;
      }
      continue;
    }
    std::string_view f[10];
    if (!Fields(line, f, 10)) {
      return LineError(conllu_path, line_no, "expected 10 tab-separated columns", line);
    }
    if (cur == nullptr) {
      return LineError(conllu_path, line_no, "word line without a '# text = ' line", line);
    }
    std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      std::string_view hi = id.substr(dash + 1);
      if (!IsDigits(id.substr(0, dash)) || !IsDigits(hi)) {
        return LineError(conllu_path, line_no, "malformed multiword range", id);
      }
      skip_until = std::stoi(std::string(hi));
    } else {
      if (!IsDigits(id)) return LineError(conllu_path, line_no, "malformed word id", id);
      if (std::stoi(std::string(id)) <= skip_until) continue;
    }
    std::string_view form = f[1];
    size_t at = cur->text.find(form, search_from);
    if (form.empty() || at == std::string::npos) {
      ++cur->unaligned;
      ++r.unaligned_forms;
      continue;
    }
    cur->tokens.push_back(Span{static_cast<uint32_t>(at),
                               static_cast<uint32_t>(at + form.size())});
    search_from = at + form.size();
  }
  Evaluate(tokenizer, doc, max_examples, &r);
  return r;
}

}  // namespace kroniek::text
