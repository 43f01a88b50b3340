// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek code: articles in, one coded event per line out (JSON Lines,
// schema kroniek.events/1, docs/EVENTS.md), in input order.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/event_coding.h"
#include "cli/pipeline.h"
#include "events/event_json.h"

namespace kroniek::cli {

namespace {

struct CodeFlags {
  InputFlags in;
  std::string gazetteer;
  bool negated = false;
  bool hypothetical = false;
  bool no_statements = false;
};

int RunCode(const CodeFlags& f) {
  auto opts = MakeReadOptions(f.in);
  if (!opts.ok()) {
    std::fprintf(stderr, "kroniek code: %s\n", opts.status().ToString().c_str());
    return kExitUsage;
  }
  events::CoderOptions co;
  co.emit_negated = f.negated;
  co.emit_hypothetical = f.hypothetical;
  co.emit_statements = !f.no_statements;
  auto coding = EventCoding::Load(f.in.resources, f.gazetteer, co);
  if (!coding.ok()) {
    std::fprintf(stderr, "kroniek code: loading resources: %s\n",
                 coding.status().ToString().c_str());
    return kExitFailed;
  }
  PrintCoderWarnings("code", (*coding)->coder());
  const events::DocumentCoder& coder = (*coding)->coder();
  std::vector<std::string> quarantined;
  int64_t n_events = 0;
  std::function<std::string(const Document&)> process = [&](const Document& doc) {
    std::string out;
    const std::string date = doc.date.ToString();
    for (const Event& e : coder.Code(doc).events) {
      // The same line as EventLine(e, doc).dump(), without the JSON tree.
      events::AppendEventJson(e, {{"doc_date", date}, {"doc_source", doc.source}}, &out);
      out += '\n';
    }
    return out;
  };
  std::function<Status(Item<std::string>&)> emit = [&](Item<std::string>& it) {
    if (!it.is_document) {
      quarantined.push_back(it.quarantine.reason.message());
      return Status::OK();
    }
    for (char ch : it.result) n_events += ch == '\n';
    std::fwrite(it.result.data(), 1, it.result.size(), stdout);
    if (std::ferror(stdout)) return UnavailableError("writing stdout failed");
    return Status::OK();
  };
  PipelineTotals totals;
  Status s = RunPipeline<std::string>(f.in, *opts, process, emit, &totals);
  std::fflush(stdout);
  PrintSummary("code", totals, quarantined);
  std::fprintf(stderr, "code: %lld events\n", static_cast<long long>(n_events));
  if (!s.ok()) {
    std::fprintf(stderr, "kroniek code: %s\n", s.ToString().c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

Command RegisterCode(CLI::App& root) {
  auto f = std::make_shared<CodeFlags>();
  Command c;
  c.app = root.add_subcommand(
      "code",
      "Code articles into events: one JSON object per event (schema "
      "kroniek.events/1, see docs/EVENTS.md), with actors, date, place, "
      "casualties and the evidence spans");
  AddInputFlags(c.app, &f->in);
  c.app->add_option("--gazetteer", f->gazetteer,
                    "Compiled gazetteer (default: $KRONIEK_GAZETTEER, else "
                    "build/gazetteer.bin)");
  c.app->add_flag("--emit-negated", f->negated, "Also output negated events (negated: true)");
  c.app->add_flag("--emit-hypothetical", f->hypothetical,
                  "Also output hypothetical/conditional events");
  c.app->add_flag("--no-statements", f->no_statements,
                  "Leave out CAMEO 01 statements by speakers");
  c.run = [f] { return RunCode(*f); };
  return c;
}

}  // namespace kroniek::cli
