// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "ingest/internal/formats.h"

#include <exception>
#include <nlohmann/json.hpp>
#include <string>

#include "base/utf8.h"

namespace kroniek::ingest::internal {
namespace {

using Json = nlohmann::json;
constexpr size_t kContextBefore = 16;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool StartsWithBom(std::string_view s, size_t pos) {
  return s.substr(pos, 3) == "\xEF\xBB\xBF";
}

// Context for a problem at `offset`: a few bytes before it (not before
// `floor`, the start of its line or unit) and what follows.
std::string_view ContextAt(std::string_view s, size_t offset, size_t floor) {
  size_t begin =
      offset > floor + kContextBefore ? offset - kContextBefore : floor;
  return s.substr(std::min(begin, s.size()));
}

// Checks UTF-8 and size of a whole-file unit; quarantines and returns false.
bool CheckWholeFile(std::string_view source, std::string_view bytes,
                    Emitter* out) {
  const size_t limit = out->options().max_doc_bytes;
  if (bytes.size() > limit) {
    out->Quarantine(StatusCode::kInvalidArgument, source, 0, std::nullopt,
                    "document of " + std::to_string(bytes.size()) +
                        " bytes exceeds limit of " + std::to_string(limit) +
                        " bytes",
                    {}, bytes);
    return false;
  }
  size_t bad = base::FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    size_t line_start = bytes.rfind('\n', bad == 0 ? 0 : bad - 1);
    line_start =
        (line_start == std::string_view::npos || bad == 0) ? 0 : line_start + 1;
    out->Quarantine(StatusCode::kInvalidArgument, source,
                    LineOfOffset(bytes, bad), bad, "invalid UTF-8",
                    ContextAt(bytes, bad, line_start), bytes);
    return false;
  }
  return true;
}

// Reason text of a parse_error without nlohmann's "[json.exception...] parse
// error at line 1, column 7: " prefix (line/column of the one-line input
// would mislead; we report the file line and byte instead).
std::string ParseReason(const char* what) {
  std::string_view w(what);
  size_t col = w.find("column ");
  size_t colon = col == std::string_view::npos ? col : w.find(": ", col);
  if (colon != std::string_view::npos) w.remove_prefix(colon + 2);
  return std::string(w);
}

std::string_view TypeName(const Json& v) { return v.type_name(); }

}  // namespace

size_t SkipSpace(std::string_view bytes, size_t pos) {
  while (pos < bytes.size()) {
    if (IsSpace(bytes[pos])) {
      ++pos;
    } else if (StartsWithBom(bytes, pos)) {
      pos += 3;
    } else {
      break;
    }
  }
  return pos;
}

std::string_view DetectFormat(std::string_view bytes) {
  size_t p = SkipSpace(bytes);
  std::string_view rest = bytes.substr(p);
  if (!rest.empty() && rest[0] == '{') return "jsonl";
  if (rest.size() > 5 && rest.substr(0, 5) == "date " && rest[5] >= '0' &&
      rest[5] <= '9') {
    return "dated-text";
  }
  return "txt";
}

void ReadDatedText(std::string_view source, std::string_view bytes,
                   Emitter* out) {
  if (!CheckWholeFile(source, bytes, out)) return;
  size_t p = SkipSpace(bytes);
  std::string_view rest = bytes.substr(p);
  if (rest.substr(0, 4) != "date" || rest.size() < 5 ||
      (rest[4] != ' ' && rest[4] != '\t')) {
    out->Quarantine(
        StatusCode::kInvalidArgument, source, LineOfOffset(bytes, p), p,
        "missing date header (expected 'date YYYY-MM[-DD]')", rest, bytes);
    return;
  }
  size_t tok = p + 4;
  while (tok < bytes.size() && (bytes[tok] == ' ' || bytes[tok] == '\t')) ++tok;
  size_t tok_end = tok;
  while (tok_end < bytes.size() && !IsSpace(bytes[tok_end])) ++tok_end;
  std::string_view token = bytes.substr(tok, tok_end - tok);
  StatusOr<PartialDate> date = ParsePartialDate(token);
  if (!date.ok()) {
    out->Quarantine(StatusCode::kInvalidArgument, source,
                    LineOfOffset(bytes, tok), tok,
                    "bad date: " + date.status().message(), {}, bytes);
    return;
  }
  size_t body = SkipSpace(bytes, tok_end);
  if (body == bytes.size()) {
    out->Quarantine(StatusCode::kInvalidArgument, source,
                    LineOfOffset(bytes, tok), tok_end,
                    "empty text after date header", {}, bytes);
    return;
  }
  Document doc;
  doc.source = std::string(source);
  doc.format = "dated-text";
  doc.raw = std::string(bytes);
  doc.body_begin = static_cast<uint32_t>(body);
  doc.date = *date;
  out->Document(std::move(doc), source);
}

void ReadTxt(std::string_view source, std::string_view bytes, Emitter* out) {
  if (!CheckWholeFile(source, bytes, out)) return;
  if (!out->options().date) {
    out->Quarantine(StatusCode::kInvalidArgument, source, 0, std::nullopt,
                    "no date: plain text needs --date",
                    bytes.substr(SkipSpace(bytes)), bytes);
    return;
  }
  Document doc;
  doc.source = std::string(source);
  doc.format = "txt";
  doc.raw = std::string(bytes);
  doc.body_begin = StartsWithBom(bytes, 0) ? 3 : 0;
  doc.date = *out->options().date;
  out->Document(std::move(doc), source);
}

void ReadJsonl(std::string_view source, std::string_view bytes, Emitter* out) {
  const size_t limit = out->options().max_doc_bytes;
  int64_t line_no = 0;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t nl = bytes.find('\n', start);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(start, end - start);
    const size_t line_start = start;
    start = end + 1;
    ++line_no;
    if (SkipSpace(line) == line.size()) continue;  // blank: not a unit
    auto quarantine = [&](StatusCode code, std::optional<size_t> at,
                          const std::string& what, std::string_view context) {
      out->Quarantine(code, source, line_no, at, what, context, line);
    };
    if (line.size() > limit) {
      quarantine(StatusCode::kInvalidArgument, std::nullopt,
                 "line of " + std::to_string(line.size()) +
                     " bytes exceeds limit of " + std::to_string(limit) +
                     " bytes",
                 {});
      continue;
    }
    size_t bad = base::FindInvalidUtf8(line);
    if (bad != std::string_view::npos) {
      quarantine(StatusCode::kInvalidArgument, line_start + bad,
                 "invalid UTF-8", ContextAt(line, bad, 0));
      continue;
    }
    Json obj;
    try {
      obj = Json::parse(line);
    } catch (const Json::parse_error& e) {
      size_t at = e.byte == 0 ? 0 : e.byte - 1;
      quarantine(StatusCode::kInvalidArgument, line_start + at,
                 "malformed JSON (" + ParseReason(e.what()) + ")",
                 ContextAt(line, at, 0));
      continue;
    } catch (const std::exception& e) {
      quarantine(StatusCode::kInvalidArgument, std::nullopt,
                 std::string("malformed JSON (") + e.what() + ")", line);
      continue;
    }
    if (!obj.is_object()) {
      quarantine(
          StatusCode::kInvalidArgument, std::nullopt,
          "JSON line is " + std::string(TypeName(obj)) + ", expected an object",
          line);
      continue;
    }
    // Required fields, then optional strings. First problem wins.
    std::string problem;
    auto field = [&](const char* name) -> const Json* {
      auto it = obj.find(name);
      return it == obj.end() ? nullptr : &*it;
    };
    std::string external_id, text, title, url, outlet, lang;
    PartialDate date;
    const Json* id = field("id");
    const Json* date_v = field("date");
    const Json* text_v = field("text");
    if (id == nullptr || date_v == nullptr || text_v == nullptr) {
      problem = std::string("missing required field '") +
                (id == nullptr       ? "id"
                 : date_v == nullptr ? "date"
                                     : "text") +
                "'";
    } else if (!id->is_string() && !id->is_number()) {
      problem = "field 'id' must be a string or number, not " +
                std::string(TypeName(*id));
    } else if (!date_v->is_string()) {
      problem = "field 'date' must be a string, not " +
                std::string(TypeName(*date_v));
    } else if (!text_v->is_string()) {
      problem = "field 'text' must be a string, not " +
                std::string(TypeName(*text_v));
    }
    if (problem.empty()) {
      external_id = id->is_string() ? id->get<std::string>() : id->dump();
      if (external_id.empty()) problem = "field 'id' is empty";
    }
    if (problem.empty()) {
      StatusOr<PartialDate> d =
          ParsePartialDate(date_v->get_ref<const std::string&>());
      if (d.ok()) {
        date = *d;
      } else {
        problem = "bad date: " + d.status().message();
      }
    }
    if (problem.empty()) {
      for (const char* name : {"title", "url", "source", "lang"}) {
        const Json* v = field(name);
        if (v == nullptr || v->is_null()) continue;
        if (!v->is_string()) {
          problem = std::string("field '") + name + "' must be a string, not " +
                    std::string(TypeName(*v));
          break;
        }
        const std::string& s = v->get_ref<const std::string&>();
        std::string_view n(name);
        (n == "title"    ? title
         : n == "url"    ? url
         : n == "source" ? outlet
                         : lang) = s;
      }
    }
    if (problem.empty()) {
      text = text_v->get<std::string>();
      if (SkipSpace(text) == text.size()) problem = "empty text";
    }
    if (!problem.empty()) {
      quarantine(StatusCode::kInvalidArgument, std::nullopt, problem, line);
      continue;
    }
    Document doc;
    doc.source = std::string(source) + ":" + std::to_string(line_no);
    doc.external_id = std::move(external_id);
    doc.format = "jsonl";
    doc.raw = std::move(text);
    doc.body_begin = 0;
    doc.date = date;
    doc.title = std::move(title);
    doc.url = std::move(url);
    doc.outlet = outlet;
    out->Document(std::move(doc), outlet.empty() ? source : outlet, lang);
  }
}

}  // namespace kroniek::ingest::internal
