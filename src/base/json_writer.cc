// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/json_writer.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace kroniek::base {

void JsonWriter::Int(int64_t v) {
  Separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Uint(uint64_t v) {
  Separate();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out_->append(buf, r.ptr);
}

void JsonWriter::Double(double v) {
  Separate();
  // nlohmann's own number formatting (shortest round trip, "1.0" for
  // integral values, null for NaN/inf): rare enough on these paths.
  out_->append(nlohmann::json(v).dump());
}

void JsonWriter::AppendString(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const size_t start = out_->size();
  out_->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Copy a run of plain ASCII (no escape needed) in one append.
    size_t run = i;
    while (run < s.size()) {
      const unsigned char r = static_cast<unsigned char>(s[run]);
      if (r < 0x20 || r >= 0x80 || r == '"' || r == '\\') break;
      ++run;
    }
    if (run != i) {
      out_->append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t next = i;
      const char32_t cp = DecodeUtf8(s, &next);
      if (cp == 0xFFFD && !(next == i + 3 && s.substr(i, 3) == "\xEF\xBF\xBD")) {
        // Invalid UTF-8 (rare: readers quarantine it): let nlohmann apply its
        // exact replacement rules to the whole string.
        out_->resize(start);
        out_->append(nlohmann::json(std::string(s))
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
      out_->append(s.data() + i, next - i);
      i = next;
      continue;
    }
    switch (c) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\b': out_->append("\\b"); break;
      case '\f': out_->append("\\f"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default:
        if (c < 0x20) {
          out_->append("\\u00");
          out_->push_back(kHex[c >> 4]);
          out_->push_back(kHex[c & 15]);
        } else {
          out_->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out_->push_back('"');
}

}  // namespace kroniek::base
