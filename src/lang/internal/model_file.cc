// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/internal/model_file.h"

#include <zlib.h>

#include <cmath>
#include <cstring>
#include <fstream>

#include "base/resources.h"

namespace kroniek::lang::internal {
namespace {

constexpr char kMagic[8] = {'K', 'R', 'N', 'K', 'P', 'C', 'P', '\x01'};

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T));  // little-endian hosts only (x86, arm64)
    out_.append(buf, sizeof(T));
  }
  void Bytes(std::string_view s) { out_.append(s); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

// Reads fields and remembers the offset of the first failure.
class Reader {
 public:
  Reader(std::string_view bytes, std::string_view name) : bytes_(bytes), name_(name) {}
  template <typename T>
  bool Get(T* v, const char* what) {
    if (bytes_.size() - pos_ < sizeof(T)) return Fail(what, "truncated");
    std::memcpy(v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool Take(size_t n, std::string_view* out, const char* what) {
    if (bytes_.size() - pos_ < n) return Fail(what, "truncated");
    *out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  // True when at least n * unit bytes remain (guards huge counts).
  bool Room(uint64_t n, uint64_t unit, const char* what) {
    if (n > (bytes_.size() - pos_) / unit) return Fail(what, "count exceeds file size (truncated?)");
    return true;
  }
  bool Fail(const char* what, const char* why, size_t at = SIZE_MAX) {
    if (error_.ok()) {
      error_ = DataLossError(std::string(name_) + ": byte offset " +
                             std::to_string(at == SIZE_MAX ? pos_ : at) + ": " + why +
                             " reading " + what);
    }
    return false;
  }
  size_t pos() const { return pos_; }
  const Status& error() const { return error_; }

 private:
  std::string_view bytes_;
  std::string_view name_;
  size_t pos_ = 0;
  Status error_;
};

}  // namespace

std::string SerializeModel(const ModelContents& m) {
  Writer w;
  w.Bytes(std::string_view(kMagic, sizeof(kMagic)));
  w.Put<uint32_t>(kModelFormatVersion);
  w.Put<uint32_t>(static_cast<uint32_t>(m.kind));
  w.Put<uint32_t>(m.feature_set);
  w.Put<uint32_t>(static_cast<uint32_t>(m.classes.size()));
  for (const std::string& c : m.classes) {
    w.Put<uint16_t>(static_cast<uint16_t>(c.size()));
    w.Bytes(c);
  }
  w.Put<uint32_t>(static_cast<uint32_t>(m.gazetteers.size()));
  for (const auto& g : m.gazetteers) {
    w.Put<uint32_t>(static_cast<uint32_t>(g.size()));
    for (const auto& [key, mask] : g) {
      w.Put<uint64_t>(key);
      w.Put<uint32_t>(mask);
    }
  }
  std::vector<PerceptronModel::Row> rows = m.weights.Rows();
  float max_abs = 0;
  for (const auto& r : rows) {
    for (const auto& [c, x] : r.weights) max_abs = std::max(max_abs, std::fabs(x));
  }
  const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  w.Put<float>(scale);
  // Quantise first so rows that round to all-zero are dropped.
  std::string body;
  uint32_t kept = 0;
  Writer rw;
  for (const auto& r : rows) {
    std::vector<std::pair<uint8_t, int16_t>> q;
    for (const auto& [c, x] : r.weights) {
      long v = std::lround(x / scale);
      if (v != 0) q.emplace_back(c, static_cast<int16_t>(v));
    }
    if (q.empty()) continue;
    ++kept;
    rw.Put<uint64_t>(r.key);
    rw.Put<uint8_t>(static_cast<uint8_t>(q.size()));
    for (const auto& [c, v] : q) {
      rw.Put<uint8_t>(c);
      rw.Put<int16_t>(v);
    }
  }
  w.Put<uint32_t>(kept);
  w.Bytes(rw.str());
  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(w.str().data()),
                          static_cast<uInt>(w.str().size()));
  w.Put<uint32_t>(static_cast<uint32_t>(crc));
  return std::move(w.str());
}

StatusOr<ModelContents> ParseModel(std::string_view bytes, std::string_view name,
                                   ModelKind expected) {
  Reader r(bytes, name);
  ModelContents m;
  std::string_view magic;
  if (!r.Take(sizeof(kMagic), &magic, "magic")) return r.error();
  if (magic != std::string_view(kMagic, sizeof(kMagic))) {
    r.Fail("magic", "not a kroniek perceptron model (bad magic)", 0);
    return r.error();
  }
  uint32_t version = 0, kind = 0, num_classes = 0, num_gaz = 0, num_rows = 0;
  if (!r.Get(&version, "format version")) return r.error();
  if (version != kModelFormatVersion) {
    r.Fail("format version", ("unsupported version " + std::to_string(version)).c_str(), 8);
    return r.error();
  }
  if (!r.Get(&kind, "model kind") || !r.Get(&m.feature_set, "feature set") ||
      !r.Get(&num_classes, "class count")) {
    return r.error();
  }
  if (kind != static_cast<uint32_t>(ModelKind::kUpos) &&
      kind != static_cast<uint32_t>(ModelKind::kNer)) {
    r.Fail("model kind", "unknown model kind", 12);
    return r.error();
  }
  m.kind = static_cast<ModelKind>(kind);
  if (num_classes == 0 || num_classes > 255) {
    r.Fail("class count", "class count out of range 1..255", 20);
    return r.error();
  }
  for (uint32_t i = 0; i < num_classes; ++i) {
    uint16_t len = 0;
    std::string_view s;
    if (!r.Get(&len, "class name length") || !r.Take(len, &s, "class name")) return r.error();
    m.classes.emplace_back(s);
  }
  if (!r.Get(&num_gaz, "gazetteer count") || !r.Room(num_gaz, 4, "gazetteer count")) {
    return r.error();
  }
  m.gazetteers.resize(num_gaz);
  for (auto& g : m.gazetteers) {
    uint32_t n = 0;
    if (!r.Get(&n, "gazetteer size") || !r.Room(n, 12, "gazetteer entries")) return r.error();
    g.resize(n);
    for (auto& [key, mask] : g) {
      if (!r.Get(&key, "gazetteer key") || !r.Get(&mask, "gazetteer mask")) return r.error();
    }
  }
  float scale = 0;
  if (!r.Get(&scale, "weight scale")) return r.error();
  if (!std::isfinite(scale) || scale <= 0) {
    r.Fail("weight scale", "weight scale not a positive number", r.pos() - 4);
    return r.error();
  }
  if (!r.Get(&num_rows, "feature count") || !r.Room(num_rows, 9, "feature count")) {
    return r.error();
  }
  std::vector<PerceptronModel::Row> rows(num_rows);
  for (auto& row : rows) {
    uint8_t k = 0;
    if (!r.Get(&row.key, "feature key") || !r.Get(&k, "feature weight count")) return r.error();
    if (row.key == 0) {
      r.Fail("feature key", "zero feature key", r.pos() - 9);
      return r.error();
    }
    row.weights.resize(k);
    uint64_t seen[4] = {0, 0, 0, 0};  // class ids of this row
    for (auto& [c, x] : row.weights) {
      int16_t q = 0;
      if (!r.Get(&c, "weight class")) return r.error();
      if (c >= num_classes) {
        r.Fail("weight class", "class id out of range", r.pos() - 1);
        return r.error();
      }
      if (seen[c / 64] >> (c % 64) & 1) {  // the table stores one weight per class
        r.Fail("weight class", "duplicate class id in feature row", r.pos() - 1);
        return r.error();
      }
      seen[c / 64] |= uint64_t{1} << (c % 64);
      if (!r.Get(&q, "weight")) return r.error();
      x = q * scale;
    }
  }
  const size_t crc_at = r.pos();
  uint32_t stored = 0;
  if (!r.Get(&stored, "checksum")) return r.error();
  if (r.pos() != bytes.size()) {
    r.Fail("end of file", "trailing bytes after checksum", r.pos());
    return r.error();
  }
  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()),
                          static_cast<uInt>(crc_at));
  if (static_cast<uint32_t>(crc) != stored) {
    r.Fail("checksum", "checksum mismatch (file corrupt)", crc_at);
    return r.error();
  }
  if (m.kind != expected) {
    auto kind_name = [](ModelKind k) { return k == ModelKind::kUpos ? "a UPOS tagger" : "an NER"; };
    return InvalidArgumentError(std::string(name) + ": holds " + kind_name(m.kind) +
                                " model, expected " + kind_name(expected) + " model");
  }
  // Duplicate keys would make the table ambiguous; serialised rows are sorted.
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].key <= rows[i - 1].key) {
      return DataLossError(std::string(name) + ": feature table not sorted (corrupt)");
    }
  }
  // The weights are q * scale: the table may store q (half the memory).
  m.weights = PerceptronModel(static_cast<int>(num_classes), rows, scale);
  return m;
}

Status WriteModelFile(const ModelContents& m, const std::string& path) {
  std::string bytes = SerializeModel(m);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return UnavailableError(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return UnavailableError(path + ": write failed");
  return Status::OK();
}

StatusOr<ModelContents> ReadModelFile(const std::string& path, ModelKind expected) {
  std::string bytes;
  if (!base::ReadFileToString(path, &bytes)) {
    return NotFoundError(path + ": cannot read model file");
  }
  return ParseModel(bytes, path, expected);
}

}  // namespace kroniek::lang::internal
