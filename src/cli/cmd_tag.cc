// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek tag --conll FILE [--model PATH] [--task ner|upos] [--score]
//
// Reads CoNLL (one token per line, word in the first column, blank line
// between sentences, -DOCSTART- lines passed through) and writes every input
// line unchanged plus one more column: the predicted tag (-DOCSTART- lines
// get "O", blank lines stay blank), so conlleval-style scorers can compare
// the gold column with the new last column. With --score, the input's last
// column is taken as gold and entity (ner) or token (upos) scores go to stderr.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/resources.h"
#include "cli/commands.h"
#include "lang/conll.h"
#include "lang/ner.h"
#include "lang/tagger.h"

namespace kroniek::cli {
namespace {

struct TagArgs {
  std::string conll;
  std::string model;
  std::string task = "ner";
  bool score = false;
};

std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) break;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    cols.push_back(line.substr(i, j - i));
    i = j;
  }
  return cols;
}

int Run(const TagArgs& a) {
  std::string text;
  if (!base::ReadFileToString(a.conll, &text)) {
    std::fprintf(stderr, "kroniek tag: %s: cannot read\n", a.conll.c_str());
    return kExitFailed;
  }
  const bool ner = a.task == "ner";
  std::unique_ptr<lang::NerModel> ner_model;
  std::unique_ptr<lang::PosTagger> tagger;
  {
    std::string path = a.model.empty()
                           ? (ner ? lang::NerModel::DefaultPath() : lang::PosTagger::DefaultPath())
                           : a.model;
    Status st;
    if (ner) {
      auto m = lang::NerModel::Load(path);
      if (m.ok()) ner_model = std::move(*m); else st = m.status();
    } else {
      auto m = lang::PosTagger::Load(path);
      if (m.ok()) tagger = std::move(*m); else st = m.status();
    }
    if (!st.ok()) {
      std::fprintf(stderr, "kroniek tag: %s\n", st.ToString().c_str());
      return kExitFailed;
    }
  }
  // Split into lines, keeping each line's bytes (minus '\n' / '\r').
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  // Sentences (as line indices) grouped into documents at -DOCSTART- lines;
  // the NER model tags a document at once (it uses document-level hints).
  struct Doc {
    std::vector<std::vector<size_t>> sentences;
  };
  std::vector<Doc> docs(1);
  std::vector<size_t> cur;
  for (size_t li = 0; li < lines.size(); ++li) {
    std::vector<std::string_view> cols = Columns(lines[li]);
    if (cols.empty() || cols.front() == "-DOCSTART-") {
      if (!cur.empty()) docs.back().sentences.push_back(std::move(cur));
      cur.clear();
      if (!cols.empty()) docs.emplace_back();
    } else {
      cur.push_back(li);
    }
  }
  if (!cur.empty()) docs.back().sentences.push_back(std::move(cur));

  // pred_of_line[li]: the predicted tag of token line li.
  std::vector<std::string> pred_of_line(lines.size());
  std::vector<std::vector<std::string>> gold_all, pred_all;
  size_t tokens = 0;
  auto start = std::chrono::steady_clock::now();
  for (const Doc& d : docs) {
    std::vector<std::vector<std::string_view>> words(d.sentences.size());
    for (size_t s = 0; s < d.sentences.size(); ++s) {
      std::vector<std::string> gold;
      for (size_t li : d.sentences[s]) {
        std::vector<std::string_view> cols = Columns(lines[li]);
        words[s].push_back(cols.front());
        gold.emplace_back(cols.back());
      }
      tokens += words[s].size();
      gold_all.push_back(std::move(gold));
    }
    std::vector<std::vector<std::string>> pred;
    if (ner) {
      pred = ner_model->TagBioDocument(words);
    } else {
      for (const auto& w : words) pred.push_back(tagger->Tag(w));
    }
    for (size_t s = 0; s < d.sentences.size(); ++s) {
      for (size_t k = 0; k < d.sentences[s].size(); ++k) {
        pred_of_line[d.sentences[s][k]] = pred[s][k];
      }
      pred_all.push_back(std::move(pred[s]));
    }
  }
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (size_t li = 0; li < lines.size(); ++li) {
    std::vector<std::string_view> cols = Columns(lines[li]);
    out.append(lines[li]);
    if (!cols.empty()) {
      out.push_back(lines[li].find('\t') != std::string_view::npos ? '\t' : ' ');
      out.append(cols.front() == "-DOCSTART-" ? std::string("O") : pred_of_line[li]);
    }
    out.push_back('\n');
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (a.score) {
    std::fprintf(stderr, "%zu tokens in %.3f s (%.0f tokens/s, including features)\n", tokens,
                 seconds, seconds > 0 ? tokens / seconds : 0.0);
    auto s = lang::ScoreConllEntities(gold_all, pred_all);
    if (!s.ok()) {
      std::fprintf(stderr, "kroniek tag: %s\n", s.status().ToString().c_str());
      return kExitFailed;
    }
    std::fprintf(stderr, "token accuracy %.2f%% (%d/%d)\n",
                 s->tokens ? 100.0 * s->tokens_correct / s->tokens : 0.0, s->tokens_correct,
                 s->tokens);
    if (ner) {
      std::fprintf(stderr,
                   "entities: precision %.2f recall %.2f F1 %.2f (gold %d, predicted %d, "
                   "correct %d)\n",
                   s->overall.precision, s->overall.recall, s->overall.f1, s->overall.gold,
                   s->overall.predicted, s->overall.correct);
      for (const auto& [type, x] : s->per_type) {
        std::fprintf(stderr, "  %-5s precision %.2f recall %.2f F1 %.2f (gold %d)\n",
                     type.c_str(), x.precision, x.recall, x.f1, x.gold);
      }
    }
  }
  return kExitOk;
}

}  // namespace

Command RegisterTag(CLI::App& root) {
  auto args = std::make_shared<TagArgs>();
  Command c;
  c.app = root.add_subcommand(
      "tag", "Tag a CoNLL file: each line gets the predicted tag as a new last column");
  c.app->add_option("--conll", args->conll, "CoNLL input (word first; -DOCSTART- passed through)")
      ->required();
  c.app->add_option("--model", args->model,
                    "Model file (default <resources>/nl/models/ner.model or upos.model)");
  c.app->add_option("--task", args->task, "ner (default) or upos")
      ->check(CLI::IsMember({"ner", "upos"}));
  c.app->add_flag("--score", args->score,
                  "The input's last column is gold: print scores to stderr");
  c.run = [args] { return Run(*args); };
  return c;
}

}  // namespace kroniek::cli
