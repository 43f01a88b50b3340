// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Query-string validation for the /v1 API: every parameter is checked for
// syntax and range before it reaches the store, and a bad one yields a
// ParamError naming the parameter (HTTP 400). Values are only ever bound as
// SQL parameters downstream; this layer keeps them small and well-formed.
//
//   serve::internal::ParamError err;
//   store::EventFilter f;
//   if (!ParseFilter(req.params, &f, &err)) Reply400(err.parameter, err.message);
//
// Thread-safety: pure functions.
#ifndef KRONIEK_SERVE_INTERNAL_PARAMS_H_
#define KRONIEK_SERVE_INTERNAL_PARAMS_H_

#include <map>
#include <optional>
#include <string>

#include "store/event_reader.h"

namespace kroniek::serve::internal {

using Params = std::multimap<std::string, std::string>;

struct ParamError {
  std::string parameter;
  std::string message;
};

enum class Format { kJson, kGeoJson, kCsv, kJsonl };

struct ListRequest {
  store::EventFilter filter;
  int limit = 100;
  std::optional<store::EventCursor> after;
  Format format = Format::kJson;
};

inline constexpr int kDefaultLimit = 100;
inline constexpr int kMaxLimit = 1000;

// The filter parameters shared by /v1/events and /v1/stats/timeseries.
bool ParseFilter(const Params& p, store::EventFilter* f, ParamError* err);
// Filters plus limit, cursor and format of /v1/events.
bool ParseListRequest(const Params& p, ListRequest* r, ParamError* err);
bool ParseInterval(const Params& p, store::Interval* interval,
                   std::string* name, ParamError* err);

// Opaque, URL-safe cursor for a page position, and its inverse (false when
// `text` is not a cursor this server wrote).
std::string EncodeCursor(const store::EventCursor& c);
bool DecodeCursor(const std::string& text, store::EventCursor* c);

// "2020-09-27T12:00:00+02:00" -> "2020-09-27T10:00:00Z"; accepts YYYY-MM-DD,
// YYYY-MM-DDTHH:MM[:SS[.fff]] with Z, +HH:MM, -HH:MM or no zone (UTC).
std::optional<std::string> NormalizeTimestamp(const std::string& text);

}  // namespace kroniek::serve::internal

#endif  // KRONIEK_SERVE_INTERNAL_PARAMS_H_
