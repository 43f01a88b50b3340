// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The JSON form of an Event: schema "kroniek.events/1" (docs/EVENTS.md).
// Stable: fields may be added in a minor version, never renamed or removed.
//
//   std::string line = kroniek::events::EventToJson(ev).dump();
//   auto back = kroniek::events::EventFromJson(nlohmann::json::parse(line));
#ifndef KRONIEK_EVENTS_EVENT_JSON_H_
#define KRONIEK_EVENTS_EVENT_JSON_H_

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "kroniek/event.h"
#include "kroniek/status.h"

namespace kroniek::events {

nlohmann::json EventToJson(const Event& e);

// Appends EventToJson(e), plus the members in `extra` (name, string value),
// dumped compactly, without building a JSON tree: the same bytes as
// nlohmann's dump of that object (keys sorted). `extra` names must not be
// event fields. The fast path of `kroniek code`.
void AppendEventJson(const Event& e,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> extra,
                     std::string* out);

// Reads an event written by EventToJson. InvalidArgument naming the field
// when a required field is missing or has the wrong type.
StatusOr<Event> EventFromJson(const nlohmann::json& j);

}  // namespace kroniek::events

#endif  // KRONIEK_EVENTS_EVENT_JSON_H_
