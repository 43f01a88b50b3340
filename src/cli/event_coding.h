// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// EventCoding: the CLI's handle on the whole coder (events::DocumentCoder),
// plus helpers to code one file and to write events as JSON Lines.
#ifndef KRONIEK_CLI_EVENT_CODING_H_
#define KRONIEK_CLI_EVENT_CODING_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "events/document_coder.h"
#include "kroniek/status.h"

namespace kroniek::cli {

class EventCoding {
 public:
  static StatusOr<std::unique_ptr<EventCoding>> Load(
      const std::string& resources, const std::string& gazetteer = "",
      const events::CoderOptions& coder = {});

  const events::DocumentCoder& coder() const { return *coder_; }

  // Reads the first document of `path` (any input format) and codes it.
  StatusOr<std::vector<Event>> CodeFile(const std::string& path) const;

 private:
  std::unique_ptr<events::DocumentCoder> coder_;
};

// The event's JSON line with the document's source added (`doc_source`).
nlohmann::json EventLine(const Event& e, const Document& doc);

// Prints the coder's warnings (missing models, gazetteer) to stderr once.
void PrintCoderWarnings(const char* command, const events::DocumentCoder& c);

}  // namespace kroniek::cli

#endif  // KRONIEK_CLI_EVENT_CODING_H_
