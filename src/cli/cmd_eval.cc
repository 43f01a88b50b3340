// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek eval: scores against gold data.
//   eval tokens --conllu FILE...   tokenisation and sentence splitting vs UD
//   eval events --gold PATH        coded events vs gold in the seed's format
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/resources.h"
#include "cli/commands.h"
#include "cli/event_coding.h"
#include "events/eval_events.h"
#include "events/event_json.h"
#include "text/eval_tokens.h"
#include "text/tokenizer.h"

namespace kroniek::cli {

namespace {

namespace fs = std::filesystem;

struct EvalTokensFlags {
  std::vector<std::string> conllu;
  std::string lang = "nl";
  std::string resources;
  int examples = 0;
};

int RunEvalTokens(const EvalTokensFlags& f) {
  auto rules = text::LoadTokenizerRules(base::ResourceDir(f.resources), f.lang);
  if (!rules.ok()) {
    std::fprintf(stderr, "kroniek eval tokens: %s\n", rules.status().ToString().c_str());
    return kExitFailed;
  }
  text::Tokenizer tok(std::move(*rules));
  int rc = kExitOk;
  for (const std::string& path : f.conllu) {
    auto r = text::EvaluateTokens(path, tok, static_cast<size_t>(f.examples));
    if (!r.ok()) {
      std::fprintf(stderr, "kroniek eval tokens: %s\n", r.status().ToString().c_str());
      rc = kExitFailed;
      continue;
    }
    std::printf("%s\n", r->ToString().c_str());
    for (const std::string& e : r->examples) std::printf("  %s\n", e.c_str());
  }
  return rc;
}

struct EvalEventsFlags {
  std::vector<std::string> gold;  // files or directories of *.gold.json
  std::string events;             // JSONL of coded events; empty = code here
  std::string resources;
  bool details = false;
  bool json = false;
};

// Gold files under `paths`, sorted.
std::vector<std::string> GoldFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
        std::string s = e.path().string();
        if (s.size() > 10 && s.compare(s.size() - 10, 10, ".gold.json") == 0) out.push_back(s);
      }
    } else {
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The article a gold file describes: `doc` next to the gold file, else the
// gold file's name without ".gold.json" plus ".txt".
std::string ArticleFor(const events::GoldDoc& g) {
  fs::path gp(g.path);
  if (!g.doc.empty()) {
    fs::path cand = gp.parent_path() / g.doc;
    if (fs::exists(cand)) return cand.string();
  }
  std::string name = gp.filename().string();
  name = name.substr(0, name.size() - 10) + ".txt";
  return (gp.parent_path() / name).string();
}

int RunEvalEvents(const EvalEventsFlags& f) {
  std::vector<std::string> files = GoldFiles(f.gold);
  if (files.empty()) {
    std::fprintf(stderr, "kroniek eval events: no gold files found\n");
    return kExitUsage;
  }
  // Events given as JSONL are grouped by the basename of their source file.
  std::map<std::string, std::vector<Event>> given;
  if (!f.events.empty()) {
    std::ifstream in(f.events);
    if (!in) {
      std::fprintf(stderr, "kroniek eval events: cannot read %s\n", f.events.c_str());
      return kExitFailed;
    }
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      auto e = events::EventFromJson(j);
      if (j.is_discarded() || !e.ok()) {
        std::fprintf(stderr, "kroniek eval events: %s:%d: %s\n", f.events.c_str(), n,
                     j.is_discarded() ? "malformed JSON" : e.status().message().c_str());
        return kExitFailed;
      }
      std::string src = j.value("doc_source", "");
      given[fs::path(src).filename().string()].push_back(std::move(*e));
    }
  }
  std::unique_ptr<EventCoding> coding;
  if (f.events.empty()) {
    auto c = EventCoding::Load(f.resources);
    if (!c.ok()) {
      std::fprintf(stderr, "kroniek eval events: loading the coder: %s\n",
                   c.status().ToString().c_str());
      return kExitFailed;
    }
    coding = std::move(*c);
  }
  events::EventScores scores;
  for (const std::string& path : files) {
    auto gold = events::LoadGold(path);
    if (!gold.ok()) {
      std::fprintf(stderr, "kroniek eval events: %s\n", gold.status().ToString().c_str());
      return kExitFailed;
    }
    std::string article = ArticleFor(*gold);
    std::vector<Event> evs;
    if (coding) {
      auto coded = coding->CodeFile(article);
      if (!coded.ok()) {
        std::fprintf(stderr, "kroniek eval events: %s\n", coded.status().ToString().c_str());
        return kExitFailed;
      }
      evs = std::move(*coded);
    } else {
      evs = given[fs::path(article).filename().string()];
    }
    events::ScoreDocument(*gold, evs, &scores);
  }
  if (f.json) {
    std::printf("%s\n", events::ScoresToJson(scores).dump(2).c_str());
  } else {
    std::printf("%s", events::FormatScores(scores, f.details).c_str());
  }
  return kExitOk;
}

}  // namespace

Command RegisterEval(CLI::App& root) {
  Command c;
  c.app = root.add_subcommand("eval", "Score Kroniek against gold data");
  c.app->require_subcommand(1);

  auto tf = std::make_shared<EvalTokensFlags>();
  CLI::App* tokens = c.app->add_subcommand(
      "tokens", "Token and sentence-boundary precision/recall/F1 against UD CoNLL-U gold "
                "(sentence text from '# text =' lines)");
  tokens->add_option("--conllu", tf->conllu, "CoNLL-U files")->required();
  tokens->add_option("--lang", tf->lang, "Tokenizer rules to use")->capture_default_str();
  tokens->add_option("--examples", tf->examples, "Print up to N mismatching sentences");
  tokens->add_option("--resources", tf->resources, "Language resource folder");

  auto ef = std::make_shared<EvalEventsFlags>();
  CLI::App* evs = c.app->add_subcommand(
      "events", "Event precision/recall/F1 (overall and by PLOVER type) and date, place "
                "and casualty accuracy against gold in the format of the seed gold");
  evs->add_option("--gold", ef->gold, "Gold files (*.gold.json) or folders of them")
      ->required();
  evs->add_option("--events", ef->events,
                  "Coded events (JSONL from 'kroniek code'); default: code the article "
                  "next to each gold file");
  evs->add_flag("--details", ef->details, "List every miss, false positive and wrong slot");
  evs->add_flag("--json", ef->json, "Print the scores as JSON");
  evs->add_option("--resources", ef->resources, "Language resource folder");

  c.run = [tokens, evs, tf, ef] {
    if (tokens->parsed()) return RunEvalTokens(*tf);
    if (evs->parsed()) return RunEvalEvents(*ef);
    return kExitUsage;
  };
  return c;
}

}  // namespace kroniek::cli
