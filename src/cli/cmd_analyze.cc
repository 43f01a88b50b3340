// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek analyze: the debugging view of the text stage. One JSON object per
// document on stdout (JSON Lines), in input order.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "base/resources.h"
#include "cli/commands.h"
#include "cli/json_views.h"
#include "cli/pipeline.h"
#include "text/analyzer.h"

namespace kroniek::cli {

namespace {

struct AnalyzeFlags {
  InputFlags in;
  bool pretty = false;
  bool no_tokens = false;
  bool no_entities = false;
  std::string gazetteer;
};

int RunAnalyze(const AnalyzeFlags& f) {
  auto opts = MakeReadOptions(f.in);
  if (!opts.ok()) {
    std::fprintf(stderr, "kroniek analyze: %s\n", opts.status().ToString().c_str());
    return kExitUsage;
  }
  // The text analyzer alone (--no-entities), or the language pack, which
  // loads its own: never both (start-up).
  std::unique_ptr<text::Analyzer> plain;
  if (f.no_entities) {
    auto analyzer = text::Analyzer::Load(base::ResourceDir(f.in.resources));
    if (!analyzer.ok()) {
      std::fprintf(stderr, "kroniek analyze: loading resources: %s\n",
                   analyzer.status().ToString().c_str());
      return kExitFailed;
    }
    plain = std::move(*analyzer);
  }
  std::unique_ptr<events::DocumentCoder> coder;
  if (!f.no_entities) {
    events::DocumentCoderOptions o;
    o.resource_dir = f.in.resources;
    o.gazetteer = f.gazetteer;
    o.code_events = false;
    auto c = events::DocumentCoder::Load(o);
    if (!c.ok()) {
      std::fprintf(stderr, "kroniek analyze: loading the language pack: %s\n",
                   c.status().ToString().c_str());
      return kExitFailed;
    }
    coder = std::move(*c);
    for (const std::string& w : coder->warnings())
      std::fprintf(stderr, "kroniek analyze: warning: %s\n", w.c_str());
  }
  std::vector<std::string> quarantined;
  PipelineTotals totals;
  std::function<std::string(const Document&)> process =
      [&](const Document& doc) {
        if (!f.pretty) {  // the streaming writer: same bytes, no tree
          std::string out;
          if (coder) {
            events::CodedDocument c = coder->Code(doc);
            AppendAnalysisJson(doc, c.text, &c, !f.no_tokens, &out);
          } else {
            AppendAnalysisJson(doc, plain->Analyze(doc), nullptr, !f.no_tokens, &out);
          }
          return out;
        }
        nlohmann::json j;
        if (coder) {
          events::CodedDocument c = coder->Code(doc);
          j = AnalysisToJson(doc, c.text, !f.no_tokens);
          AddEntitiesToJson(c, !f.no_tokens, &j);
        } else {
          j = AnalysisToJson(doc, plain->Analyze(doc), !f.no_tokens);
        }
        return j.dump(f.pretty ? 2 : -1, ' ', false,
                      nlohmann::json::error_handler_t::replace);
      };
  std::function<Status(Item<std::string>&)> emit = [&](Item<std::string>& it) {
    if (!it.is_document) {
      quarantined.push_back(it.quarantine.reason.message());
      return Status::OK();
    }
    std::fwrite(it.result.data(), 1, it.result.size(), stdout);
    std::fputc('\n', stdout);
    if (std::ferror(stdout)) return UnavailableError("writing stdout failed");
    return Status::OK();
  };
  Status s = RunPipeline<std::string>(f.in, *opts, process, emit, &totals);
  std::fflush(stdout);
  PrintSummary("analyze", totals, quarantined);
  if (!s.ok()) {
    std::fprintf(stderr, "kroniek analyze: %s\n", s.ToString().c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

Command RegisterAnalyze(CLI::App& root) {
  auto f = std::make_shared<AnalyzeFlags>();
  Command c;
  c.app = root.add_subcommand(
      "analyze",
      "Print, per document, one JSON object with sentences, tokens (with UPOS "
      "tags), numbers, resolved dates and entities (NER type, actor code, place) "
      "— byte offsets into the original text");
  AddInputFlags(c.app, &f->in);
  c.app->add_flag("--pretty", f->pretty, "Indent the JSON (one object spans many lines)");
  c.app->add_flag("--no-tokens", f->no_tokens, "Leave tokens out of sentences");
  c.app->add_flag("--no-entities", f->no_entities,
                  "Text analysis only: no tags, named entities, actors or places");
  c.app->add_option("--gazetteer", f->gazetteer,
                    "Compiled gazetteer (default: $KRONIEK_GAZETTEER, else "
                    "build/gazetteer.bin)");
  c.run = [f] { return RunAnalyze(*f); };
  return c;
}

}  // namespace kroniek::cli
