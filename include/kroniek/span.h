// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Span: a half-open byte range [begin, end) into a document's original bytes
// (Document::raw). Every token, sentence, number, date, mention and event slot
// carries one, so any result can be traced back to the words that support it.
#ifndef KRONIEK_SPAN_H_
#define KRONIEK_SPAN_H_

#include <cstdint>
#include <string_view>

namespace kroniek {

struct Span {
  uint32_t begin = 0;  // byte offset, inclusive
  uint32_t end = 0;    // byte offset, exclusive

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  // The bytes of `text` this span covers. Requires end <= text.size().
  std::string_view Of(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end;
  }
};

}  // namespace kroniek

#endif  // KRONIEK_SPAN_H_
