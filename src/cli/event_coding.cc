// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "cli/event_coding.h"

#include <cstdio>

#include "base/resources.h"
#include "events/event_json.h"
#include "ingest/reader.h"

namespace kroniek::cli {

namespace {

class FirstDocument : public ingest::DocumentSink {
 public:
  void OnDocument(Document d) override {
    if (!doc) doc = std::move(d);
  }
  void OnQuarantine(QuarantineItem q) override {
    if (!problem) problem = std::move(q);
  }
  std::optional<Document> doc;
  std::optional<QuarantineItem> problem;
};

}  // namespace

StatusOr<std::unique_ptr<EventCoding>> EventCoding::Load(const std::string& resources,
                                                         const std::string& gazetteer,
                                                         const events::CoderOptions& coder) {
  events::DocumentCoderOptions o;
  o.resource_dir = resources;
  o.gazetteer = gazetteer;
  o.coder = coder;
  KRONIEK_ASSIGN_OR_RETURN(auto dc, events::DocumentCoder::Load(o));
  auto e = std::make_unique<EventCoding>();
  e->coder_ = std::move(dc);
  return e;
}

StatusOr<std::vector<Event>> EventCoding::CodeFile(const std::string& path) const {
  std::string bytes;
  if (!base::ReadFileToString(path, &bytes)) return NotFoundError("cannot read " + path);
  FirstDocument sink;
  ingest::ReadBuffer(path, bytes, ingest::ReadOptions(), &sink, nullptr);
  if (!sink.doc) {
    if (sink.problem) return sink.problem->reason;
    return InvalidArgumentError(path + ": no document");
  }
  return coder_->Code(*sink.doc).events;
}

nlohmann::json EventLine(const Event& e, const Document& doc) {
  nlohmann::json j = events::EventToJson(e);
  j["doc_source"] = doc.source;
  j["doc_date"] = doc.date.ToString();
  return j;
}

void PrintCoderWarnings(const char* command, const events::DocumentCoder& c) {
  for (const std::string& w : c.warnings())
    std::fprintf(stderr, "kroniek %s: warning: %s\n", command, w.c_str());
}

}  // namespace kroniek::cli
