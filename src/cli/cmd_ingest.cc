// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek ingest: reads articles, analyses them and stores documents and
// quarantined inputs in the SQLite store, one transaction per batch.
#include <cstdio>
#include <memory>
#include <string>

#include "base/resources.h"
#include "cli/commands.h"
#include "cli/event_coding.h"
#include "cli/pipeline.h"
#include "store/store.h"

namespace kroniek::cli {

namespace {

struct IngestFlags {
  InputFlags in;
  std::string db = "kroniek.db";
  std::string gazetteer;
  bool no_events = false;
  int window_days = 1;
  double distance_km = 25;
};

struct DocTotals {
  int64_t sentences = 0;
  int64_t tokens = 0;
  std::vector<Event> events;
};

std::string CommandLine(const IngestFlags& f) {
  std::string s = "ingest --db " + f.db;
  for (const auto& i : f.in.inputs) s += " " + i;
  return s;
}

int RunIngest(const IngestFlags& f) {
  auto opts = MakeReadOptions(f.in);
  if (!opts.ok()) {
    std::fprintf(stderr, "kroniek ingest: %s\n", opts.status().ToString().c_str());
    return kExitUsage;
  }
  events::DocumentCoderOptions co;
  co.resource_dir = f.in.resources;
  co.gazetteer = f.gazetteer;
  co.code_events = !f.no_events;
  auto loaded = events::DocumentCoder::Load(co);
  if (!loaded.ok()) {
    std::fprintf(stderr, "kroniek ingest: loading resources: %s\n",
                 loaded.status().ToString().c_str());
    return kExitFailed;
  }
  const events::DocumentCoder& coder = **loaded;
  PrintCoderWarnings("ingest", coder);
  auto store = store::Store::Open(f.db);
  if (!store.ok()) {
    std::fprintf(stderr, "kroniek ingest: %s\n", store.status().ToString().c_str());
    return kExitFailed;
  }
  store::Store& db = **store;
  auto run = db.BeginRun(CommandLine(f));
  if (!run.ok()) {
    std::fprintf(stderr, "kroniek ingest: %s\n", run.status().ToString().c_str());
    return kExitFailed;
  }
  std::vector<std::string> quarantined;
  int64_t new_docs = 0, sentences = 0, tokens = 0, mentions = 0;
  int64_t pending = 0;
  constexpr int64_t kBatchDocs = 256;
  std::function<DocTotals(const Document&)> process = [&](const Document& doc) {
    events::CodedDocument c = coder.Code(doc);
    return DocTotals{static_cast<int64_t>(c.text.sentences.size()),
                     static_cast<int64_t>(c.text.tokens.size()), std::move(c.events)};
  };
  std::function<Status(Item<DocTotals>&)> emit = [&](Item<DocTotals>& it) {
    if (pending == 0) KRONIEK_RETURN_IF_ERROR(db.BeginBatch());
    if (it.is_document) {
      KRONIEK_ASSIGN_OR_RETURN(
          bool added,
          db.AddDocument(it.doc, *run, it.result.sentences, it.result.tokens));
      new_docs += added ? 1 : 0;
      sentences += it.result.sentences;
      tokens += it.result.tokens;
      if (!f.no_events) {
        KRONIEK_RETURN_IF_ERROR(db.AddMentions(it.doc, it.result.events, *run));
        mentions += static_cast<int64_t>(it.result.events.size());
      }
    } else {
      quarantined.push_back(it.quarantine.reason.message());
      KRONIEK_RETURN_IF_ERROR(db.AddQuarantine(it.quarantine, *run).status());
    }
    if (++pending >= kBatchDocs) {
      pending = 0;
      KRONIEK_RETURN_IF_ERROR(db.CommitBatch());
    }
    return Status::OK();
  };
  PipelineTotals totals;
  Status s = RunPipeline<DocTotals>(f.in, *opts, process, emit, &totals);
  if (pending > 0) {
    if (s.ok()) s = db.CommitBatch();
    else db.RollbackBatch();
  }
  store::RunSummary summary;
  summary.inputs = totals.inputs;
  summary.read = totals.read;
  summary.documents = totals.documents;
  summary.new_documents = new_docs;
  summary.quarantined = totals.quarantined;
  summary.bytes = totals.bytes;
  summary.status = s.ok() ? "ok" : s.ToString();
  store::DedupSummary dedup;
  if (s.ok() && !f.no_events) {
    store::DedupSettings ds;
    ds.window_days = f.window_days;
    ds.distance_km = f.distance_km;
    s = db.Deduplicate(ds, &dedup);
  }
  Status fin = db.FinishRun(*run, summary);
  PrintSummary("ingest", totals, quarantined);
  std::fprintf(stderr,
               "ingest: %lld new documents stored in %s (%lld already there); "
               "%lld sentences, %lld tokens\n",
               static_cast<long long>(new_docs), f.db.c_str(),
               static_cast<long long>(totals.documents - new_docs),
               static_cast<long long>(sentences), static_cast<long long>(tokens));
  if (!f.no_events)
    std::fprintf(stderr,
                 "ingest: %lld event mentions coded; store now holds %lld events "
                 "(deduplicated: window %d days, %.0f km)\n",
                 static_cast<long long>(mentions), static_cast<long long>(dedup.events),
                 f.window_days, f.distance_km);
  if (!s.ok() || !fin.ok()) {
    std::fprintf(stderr, "kroniek ingest: %s\n",
                 (!s.ok() ? s : fin).ToString().c_str());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

Command RegisterIngest(CLI::App& root) {
  auto f = std::make_shared<IngestFlags>();
  Command c;
  c.app = root.add_subcommand(
      "ingest",
      "Read, analyse and code articles; store documents, coded event "
      "mentions and every quarantined input in the SQLite store, then "
      "deduplicate events across articles; re-running stores nothing twice");
  AddInputFlags(c.app, &f->in);
  c.app->add_option("--db", f->db, "SQLite store file")->capture_default_str();
  c.app->add_option("--gazetteer", f->gazetteer,
                    "Compiled gazetteer (default: $KRONIEK_GAZETTEER, else "
                    "build/gazetteer.bin)");
  c.app->add_flag("--no-events", f->no_events, "Store documents only; do not code events");
  c.app->add_option("--window-days", f->window_days,
                    "Dedup: reports of one event may be dated this many days apart")
      ->capture_default_str();
  c.app->add_option("--distance-km", f->distance_km,
                    "Dedup: reports of one event may be placed this far apart")
      ->capture_default_str();
  c.run = [f] { return RunIngest(*f); };
  return c;
}

}  // namespace kroniek::cli
