// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "serve/internal/params.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

#include "kroniek/date.h"

namespace kroniek::serve::internal {

namespace {

// PLOVER event types (https://github.com/openeventdata/PLOVER).
const std::set<std::string>& PloverTypes() {
  static const std::set<std::string> kTypes = {
      "AGREE",    "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",
      "RETREAT",  "REQUEST", "ACCUSE",   "REJECT",   "THREATEN",  "PROTEST",
      "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT"};
  return kTypes;
}

// Quoted, truncated, printable: safe to echo back in an error message.
std::string Snippet(const std::string& v) {
  std::string s;
  for (unsigned char c : v.substr(0, 40)) s += c < 0x20 || c == 0x7f ? '?' : c;
  if (v.size() > 40) s += "...";
  return "\"" + s + "\"";
}

bool Fail(ParamError* err, const char* param, std::string message) {
  err->parameter = param;
  err->message = std::move(message);
  return false;
}

// The value of `key`, or nullopt when absent or empty. A repeated parameter
// counts as given once (the first value).
std::optional<std::string> Get(const Params& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(',', b);
    if (e == std::string::npos) e = s.size();
    std::string part = s.substr(b, e - b);
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    b = e + 1;
  }
  return out;
}

bool IsDay(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto d = ParsePartialDate(s);
  return d.ok() && d->precision == DatePrecision::kDay;
}

bool ParseUint(const std::string& s, int64_t max, int64_t* out) {
  if (s.empty() || s.size() > 10) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v > max) return false;
  *out = v;
  return true;
}

bool ParseDouble(const std::string& s, double* out) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' &&
        c != '+' && c != 'e' && c != 'E')
      return false;
  }
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(*out);
}

const char kB64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string B64UrlEncode(const std::string& in) {
  std::string out;
  uint32_t buf = 0;
  int bits = 0;
  for (unsigned char c : in) {
    buf = (buf << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kB64[(buf >> bits) & 63];
    }
  }
  if (bits > 0) out += kB64[(buf << (6 - bits)) & 63];
  return out;
}

bool B64UrlDecode(const std::string& in, std::string* out) {
  uint32_t buf = 0;
  int bits = 0;
  for (char c : in) {
    const char* p = c ? std::strchr(kB64, c) : nullptr;
    if (p == nullptr) return false;
    buf = (buf << 6) | static_cast<uint32_t>(p - kB64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> NormalizeTimestamp(const std::string& t) {
  if (t.size() < 10 || t.size() > 35) return std::nullopt;
  std::string day = t.substr(0, 10);
  if (!IsDay(day)) return std::nullopt;
  int hh = 0, mm = 0, ss = 0, offset_min = 0;
  size_t i = 10;
  auto two = [&](size_t at, int max, int* v) {
    if (at + 2 > t.size() || !std::isdigit(static_cast<unsigned char>(t[at])) ||
        !std::isdigit(static_cast<unsigned char>(t[at + 1])))
      return false;
    *v = (t[at] - '0') * 10 + (t[at + 1] - '0');
    return *v <= max;
  };
  if (i < t.size()) {
    if (t[i] != 'T' && t[i] != 't' && t[i] != ' ') return std::nullopt;
    if (!two(i + 1, 23, &hh) || i + 3 >= t.size() || t[i + 3] != ':' ||
        !two(i + 4, 59, &mm))
      return std::nullopt;
    i += 6;
    if (i < t.size() && t[i] == ':') {
      if (!two(i + 1, 60, &ss)) return std::nullopt;
      i += 3;
      if (i < t.size() && t[i] == '.') {
        ++i;
        size_t digits = 0;
        while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
          ++i;
          ++digits;
        }
        if (digits == 0) return std::nullopt;
      }
    }
    if (i < t.size()) {
      if (t[i] == 'Z' || t[i] == 'z') {
        ++i;
      } else if (t[i] == '+' || t[i] == '-') {
        int oh = 0, om = 0;
        if (!two(i + 1, 23, &oh) || i + 3 >= t.size() || t[i + 3] != ':' ||
            !two(i + 4, 59, &om))
          return std::nullopt;
        offset_min = (oh * 60 + om) * (t[i] == '-' ? -1 : 1);
        i += 6;
      } else {
        return std::nullopt;
      }
    }
    if (i != t.size()) return std::nullopt;
  }
  auto d = ParsePartialDate(day);
  int64_t secs = DaysFromCivil(d->year, d->month, d->day) * 86400 +
                 hh * 3600 + mm * 60 + std::min(ss, 59) - offset_min * 60;
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t rem = secs - days * 86400;
  int y, m, dd;
  CivilFromDays(days, &y, &m, &dd);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, dd,
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return std::string(buf);
}

std::string EncodeCursor(const store::EventCursor& c) {
  return B64UrlEncode("k1:" + c.date_start + "\n" + c.event_id);
}

bool DecodeCursor(const std::string& text, store::EventCursor* c) {
  if (text.size() > 400) return false;
  std::string raw;
  if (!B64UrlDecode(text, &raw) || raw.rfind("k1:", 0) != 0) return false;
  size_t nl = raw.find('\n');
  if (nl == std::string::npos) return false;
  c->date_start = raw.substr(3, nl - 3);
  c->event_id = raw.substr(nl + 1);
  if (c->event_id.empty() || c->event_id.size() > 200) return false;
  for (unsigned char ch : c->event_id)
    if (ch < 0x20) return false;
  return c->date_start.size() <= 10;
}

bool ParseFilter(const Params& p, store::EventFilter* f, ParamError* err) {
  for (const char* k : {"start", "end"}) {
    auto v = Get(p, k);
    if (!v) continue;
    if (!IsDay(*v))
      return Fail(err, k, "expected a date YYYY-MM-DD, got " + Snippet(*v));
    (std::string(k) == "start" ? f->start : f->end) = *v;
  }
  if (!f->start.empty() && !f->end.empty() && f->end < f->start)
    return Fail(err, "end", "end " + f->end + " is before start " + f->start);
  if (auto v = Get(p, "country")) {
    auto parts = SplitComma(*v);
    if (parts.empty() || parts.size() > 50)
      return Fail(err, "country", "expected 1..50 ISO 3166-1 alpha-3 codes");
    for (std::string c : parts) {
      bool ok = c.size() == 3;
      for (char& ch : c) {
        ok = ok && std::isalpha(static_cast<unsigned char>(ch));
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
      if (!ok)
        return Fail(err, "country",
                    "expected ISO 3166-1 alpha-3 codes, got " + Snippet(c));
      f->countries.push_back(c);
    }
  }
  if (auto v = Get(p, "admin1")) {
    if (v->size() > 200) return Fail(err, "admin1", "longer than 200 bytes");
    f->admin1 = *v;
  }
  if (auto v = Get(p, "bbox")) {
    auto parts = SplitComma(*v);
    double n[4];
    bool ok = parts.size() == 4;
    for (size_t i = 0; ok && i < 4; ++i) ok = ParseDouble(parts[i], &n[i]);
    if (!ok)
      return Fail(err, "bbox",
                  "expected minLon,minLat,maxLon,maxLat, got " + Snippet(*v));
    if (n[0] < -180 || n[0] > 180 || n[2] < -180 || n[2] > 180)
      return Fail(err, "bbox", "longitudes must be within -180..180");
    if (n[1] < -90 || n[1] > 90 || n[3] < -90 || n[3] > 90 || n[1] > n[3])
      return Fail(err, "bbox", "latitudes must be within -90..90, min <= max");
    f->bbox = store::BoundingBox{n[0], n[1], n[2], n[3]};
  }
  if (auto v = Get(p, "plover")) {
    auto parts = SplitComma(*v);
    if (parts.empty() || parts.size() > 16)
      return Fail(err, "plover", "expected 1..16 PLOVER types");
    for (std::string t : parts) {
      for (char& ch : t)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (!PloverTypes().count(t))
        return Fail(err, "plover", "unknown PLOVER type " + Snippet(t));
      f->plover.push_back(t);
    }
  }
  if (auto v = Get(p, "cameo")) {
    bool ok = v->size() <= 4;
    for (char c : *v) ok = ok && c >= '0' && c <= '9';
    if (!ok)
      return Fail(err, "cameo", "expected a CAMEO code prefix of 1-4 digits, got " +
                                    Snippet(*v));
    f->cameo = *v;
  }
  if (auto v = Get(p, "actor")) {
    if (v->size() > 100) return Fail(err, "actor", "longer than 100 bytes");
    f->actor = *v;
  }
  if (auto v = Get(p, "min_fatalities")) {
    if (!ParseUint(*v, 1000000000, &f->min_fatalities))
      return Fail(err, "min_fatalities",
                  "expected a non-negative integer, got " + Snippet(*v));
  }
  if (auto v = Get(p, "lang")) {
    bool ok = v->size() >= 2 && v->size() <= 3;
    for (char c : *v) ok = ok && c >= 'a' && c <= 'z';
    if (!ok)
      return Fail(err, "lang", "expected an ISO 639-1 code like nl, got " +
                                   Snippet(*v));
    f->lang = *v;
  }
  if (auto v = Get(p, "q")) {
    if (v->size() > 500) return Fail(err, "q", "longer than 500 bytes");
    f->q = *v;
  }
  if (auto v = Get(p, "updated_since")) {
    auto ts = NormalizeTimestamp(*v);
    if (!ts)
      return Fail(err, "updated_since",
                  "expected ISO 8601 (2026-11-10T12:00:00Z), got " + Snippet(*v));
    f->updated_since = *ts;
  }
  return true;
}

bool ParseListRequest(const Params& p, ListRequest* r, ParamError* err) {
  if (!ParseFilter(p, &r->filter, err)) return false;
  if (auto v = Get(p, "limit")) {
    int64_t n = 0;
    if (!ParseUint(*v, kMaxLimit, &n) || n < 1)
      return Fail(err, "limit", "expected 1.." + std::to_string(kMaxLimit) +
                                    ", got " + Snippet(*v));
    r->limit = static_cast<int>(n);
  }
  if (auto v = Get(p, "cursor")) {
    store::EventCursor c;
    if (!DecodeCursor(*v, &c))
      return Fail(err, "cursor", "not a cursor from next_cursor");
    r->after = c;
  }
  if (auto v = Get(p, "format")) {
    if (*v == "json") {
      r->format = Format::kJson;
    } else if (*v == "geojson") {
      r->format = Format::kGeoJson;
    } else if (*v == "csv") {
      r->format = Format::kCsv;
    } else if (*v == "jsonl") {
      r->format = Format::kJsonl;
    } else {
      return Fail(err, "format",
                  "expected json, geojson, csv or jsonl, got " + Snippet(*v));
    }
  }
  return true;
}

bool ParseInterval(const Params& p, store::Interval* interval,
                   std::string* name, ParamError* err) {
  auto v = Get(p, "interval");
  *name = v ? *v : "day";
  if (*name == "day") {
    *interval = store::Interval::kDay;
  } else if (*name == "week") {
    *interval = store::Interval::kWeek;
  } else if (*name == "month") {
    *interval = store::Interval::kMonth;
  } else {
    return Fail(err, "interval",
                "expected day, week or month, got " + Snippet(*name));
  }
  return true;
}

}  // namespace kroniek::serve::internal
