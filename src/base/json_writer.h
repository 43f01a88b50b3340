// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// A streaming JSON writer for the hot output paths (`kroniek code` event
// lines, `kroniek analyze` documents), where building an nlohmann::json tree
// per line and dumping it cost a tenth of the run. It writes exactly what
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) writes for
// the same values — compact separators, UTF-8 kept, control characters as
// \uXXXX, invalid UTF-8 replaced by U+FFFD, doubles in nlohmann's shortest
// round-trip form — so the output contract does not change; the callers'
// tests compare both byte for byte. Keys are written in the order given:
// callers that must match nlohmann's sorted objects write them sorted.
//
//   JsonWriter w(&line);
//   w.BeginObject();
//   w.Key("id"); w.String(id);
//   w.Key("n");  w.Int(3);
//   w.EndObject();
#ifndef KRONIEK_BASE_JSON_WRITER_H_
#define KRONIEK_BASE_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kroniek::base {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view k) {
    Separate();
    AppendString(k);
    out_->push_back(':');
    after_key_ = true;
  }

  void String(std::string_view s) {
    Separate();
    AppendString(s);
  }
  void Int(int64_t v);
  void Uint(uint64_t v);
  void Double(double v);
  void Bool(bool b) {
    Separate();
    out_->append(b ? "true" : "false");
  }
  void Null() {
    Separate();
    out_->append("null");
  }
  // Convenience: null when empty / absent.
  void StringOrNull(std::string_view s) {
    if (s.empty()) {
      Null();
    } else {
      String(s);
    }
  }
  void IntOrNull(const std::optional<int64_t>& v) {
    if (v) {
      Int(*v);
    } else {
      Null();
    }
  }

 private:
  void Open(char c) {
    Separate();
    out_->push_back(c);
    first_.push_back(true);
  }
  void Close(char c) {
    out_->push_back(c);
    first_.pop_back();
  }
  // A comma before every value or key but the first in its container; none
  // after a key.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_->push_back(',');
      first_.back() = false;
    }
  }
  void AppendString(std::string_view s);

  std::string* out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace kroniek::base

#endif  // KRONIEK_BASE_JSON_WRITER_H_
