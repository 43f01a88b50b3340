// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Reader half of the gazetteer: folding and the memory-mapped, validated view
// (layout in internal/geo_format.h). Validation is O(file) once at load: the
// checksum, then every StrRef/posting bounds-checked, so lookups never need
// to check again and a corrupt file can never make us read out of bounds.
#include "entities/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/hash.h"
#include "base/utf8.h"
#include "entities/internal/geo_format.h"

namespace kroniek::entities {

using internal::DiskKey;
using internal::DiskPlace;
using internal::FileHeader;
using internal::StrRef;

std::string_view MatchKindName(MatchKind k) {
  switch (k) {
    case MatchKind::kAlternate:
      return "alternate";
    case MatchKind::kPrimary:
      return "primary";
    case MatchKind::kDutch:
      return "nl";
  }
  return "?";
}

namespace {

// Letters NFKD does not decompose but readers treat as base letter + mark.
const char* SpecialFold(char32_t c) {
  switch (c) {
    case U'ß':
      return "ss";
    case U'ø':
    case U'Ø':
      return "o";
    case U'ł':
    case U'Ł':
      return "l";
    case U'æ':
    case U'Æ':
      return "ae";
    case U'œ':
    case U'Œ':
      return "oe";
    case U'đ':
    case U'Đ':
      return "d";
    case U'ð':
    case U'Ð':
      return "d";
    case U'þ':
    case U'Þ':
      return "th";
    case U'ı':
      return "i";
    case U'ħ':
    case U'Ħ':
      return "h";
    default:
      return nullptr;
  }
}

void FoldCodePoint(char32_t c, std::string* out, bool* pending_space) {
  auto emit = [&](char32_t x) {
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    base::AppendUtf8(x, out);
  };
  if (c < 0x80) {
    if ((c >= 'A' && c <= 'Z')) {
      emit(c + 32);
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
               c == '&' || c == '/') {
      emit(c);
    } else if (c == '.') {
      // dropped: "St. Petersburg" == "St Petersburg"
    } else {
      *pending_space = true;  // space, dash, comma, brackets, underscore
    }
    return;
  }
  if (c == U'’' || c == U'‘' || c == U'ʼ' || c == U'`' || c == U'´' ||
      c == U'ʻ') {
    emit('\'');
    return;
  }
  if (const char* s = SpecialFold(c)) {
    for (; *s; ++s) emit(static_cast<unsigned char>(*s));
    return;
  }
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_FORMAT_CHAR) {
    return;
  }
  if (type == U_SPACE_SEPARATOR || type == U_DASH_PUNCTUATION ||
      type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR ||
      type == U_PARAGRAPH_SEPARATOR) {
    *pending_space = true;
    return;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  icu::UnicodeString decomposition;
  if (U_SUCCESS(err) &&
      nfkd->getDecomposition(static_cast<UChar32>(c), decomposition)) {
    for (int32_t i = 0; i < decomposition.length();) {
      UChar32 d = decomposition.char32At(i);
      i += U16_LENGTH(d);
      if (static_cast<char32_t>(d) == c) {  // no progress: avoid recursion
        emit(static_cast<char32_t>(u_foldCase(d, U_FOLD_CASE_DEFAULT)));
      } else {
        FoldCodePoint(static_cast<char32_t>(d), out, pending_space);
      }
    }
    return;
  }
  emit(static_cast<char32_t>(
      u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
}

}  // namespace

std::string FoldPlaceName(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (size_t pos = 0; pos < utf8.size();) {
    FoldCodePoint(base::DecodeUtf8(utf8, &pos), &out, &pending_space);
  }
  return out;
}

// ---------------------------------------------------------------------------

struct Gazetteer::Impl {
  std::string owned;    // FromBytes
  void* map = nullptr;  // Open
  size_t map_bytes = 0;
  std::string_view bytes;
  const FileHeader* header = nullptr;
  const DiskPlace* places = nullptr;
  const DiskKey* keys = nullptr;
  const uint32_t* postings = nullptr;
  const StrRef* stops = nullptr;
  std::string_view strings;
  // by_prefix[p]: the first key whose Prefix16 is >= p (65537 entries, the
  // last = key_count). Keys are sorted bytewise, so Prefix16 never
  // decreases along them and every key >= v lies at or after
  // by_prefix[Prefix16(v)], every key < v before by_prefix[Prefix16(v) + 1]:
  // searches for v need only that range (the same result as a search of
  // the whole table).
  std::vector<uint32_t> by_prefix;

  // The first two bytes as a number, missing bytes as 0.
  static uint32_t Prefix16(std::string_view s) {
    const uint32_t b0 = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
    const uint32_t b1 = s.size() < 2 ? 0 : static_cast<unsigned char>(s[1]);
    return b0 << 8 | b1;
  }
  // The key range a search for a value with Prefix16 p must look at.
  std::pair<const DiskKey*, const DiskKey*> RangeFor(uint32_t p) const {
    if (by_prefix.empty()) return {keys, keys + header->key_count};
    return {keys + by_prefix[p], keys + by_prefix[p + 1]};
  }

  ~Impl() {
    if (map != nullptr) munmap(map, map_bytes);
  }
  std::string_view Str(StrRef r) const {
    return strings.substr(r.offset, r.size);
  }
  Status Validate(std::string_view source);
};

namespace {

Status Loss(std::string_view source, uint64_t offset, const std::string& what) {
  return DataLossError(std::string(source) + ": offset " +
                       std::to_string(offset) + ": " + what);
}

}  // namespace

Status Gazetteer::Impl::Validate(std::string_view source) {
  if (bytes.size() < sizeof(FileHeader)) {
    return Loss(source, bytes.size(),
                "truncated header (" + std::to_string(bytes.size()) +
                    " bytes, need " + std::to_string(sizeof(FileHeader)) + ")");
  }
  if (reinterpret_cast<uintptr_t>(bytes.data()) % alignof(DiskPlace) != 0) {
    return InternalError(std::string(source) + ": buffer not 8-byte aligned");
  }
  header = reinterpret_cast<const FileHeader*>(bytes.data());
  const FileHeader& h = *header;
  if (std::memcmp(h.magic, internal::kGeoMagic, sizeof h.magic) != 0) {
    return Loss(source, 0, "bad magic: not a kroniek gazetteer");
  }
  if (h.version != internal::kGeoVersion && h.version != internal::kGeoVersionFnv) {
    return Loss(source, offsetof(FileHeader, version),
                "unsupported version " + std::to_string(h.version) +
                    " (this build reads " +
                    std::to_string(internal::kGeoVersion) +
                    "); rerun `kroniek gazetteer build`");
  }
  if (h.header_bytes != sizeof(FileHeader)) {
    return Loss(source, offsetof(FileHeader, header_bytes),
                "bad header size " + std::to_string(h.header_bytes));
  }
  if (h.file_bytes != bytes.size()) {
    return Loss(source, std::min<uint64_t>(h.file_bytes, bytes.size()),
                "file is " + std::to_string(bytes.size()) +
                    " bytes, header says " + std::to_string(h.file_bytes) +
                    " (truncated or padded)");
  }
  const std::string_view body = bytes.substr(sizeof(FileHeader));
  const uint64_t sum = h.version == internal::kGeoVersionFnv ? base::Fnv1a64(body)
                                                             : base::Checksum64(body);
  if (sum != h.checksum) {
    return Loss(source, sizeof(FileHeader),
                "checksum mismatch over [128, " + std::to_string(bytes.size()) +
                    "): data corrupted");
  }
  struct Section {
    const char* name;
    uint64_t offset, count, size;
  };
  const Section sections[] = {
      {"places", h.places_offset, h.place_count, sizeof(DiskPlace)},
      {"keys", h.keys_offset, h.key_count, sizeof(DiskKey)},
      {"postings", h.postings_offset, h.posting_count, sizeof(uint32_t)},
      {"stop words", h.stops_offset, h.stop_count, sizeof(StrRef)},
      {"strings", h.strings_offset, h.strings_bytes, 1},
  };
  for (const Section& s : sections) {
    if (s.offset % 8 != 0 || s.offset < sizeof(FileHeader) ||
        s.offset > bytes.size() || s.count * s.size > bytes.size() - s.offset) {
      return Loss(source, s.offset,
                  std::string(s.name) + " section (" + std::to_string(s.count) +
                      " x " + std::to_string(s.size) + " bytes) outside file");
    }
  }
  places = reinterpret_cast<const DiskPlace*>(bytes.data() + h.places_offset);
  keys = reinterpret_cast<const DiskKey*>(bytes.data() + h.keys_offset);
  postings =
      reinterpret_cast<const uint32_t*>(bytes.data() + h.postings_offset);
  stops = reinterpret_cast<const StrRef*>(bytes.data() + h.stops_offset);
  strings = bytes.substr(h.strings_offset, h.strings_bytes);

  auto ref_ok = [&](StrRef r) {
    return r.offset <= strings.size() && r.size <= strings.size() - r.offset;
  };
  if (!ref_ok(h.attribution)) {
    return Loss(source, offsetof(FileHeader, attribution),
                "attribution outside string pool");
  }
  for (uint32_t i = 0; i < h.place_count; ++i) {
    const DiskPlace& p = places[i];
    for (StrRef r : {p.name, p.nl_name, p.region_id, p.admin1_code,
                     p.admin1_name, p.feature_code}) {
      if (!ref_ok(r)) {
        return Loss(source, h.places_offset + uint64_t{i} * sizeof(DiskPlace),
                    "place " + std::to_string(i) + ": string outside pool");
      }
    }
  }
  std::string_view prev;
  by_prefix.assign(65537, h.key_count);
  uint32_t next_prefix = 0;
  for (uint32_t i = 0; i < h.key_count; ++i) {
    const DiskKey& k = keys[i];
    const uint64_t at = h.keys_offset + uint64_t{i} * sizeof(DiskKey);
    if (!ref_ok(k.key) ||
        uint64_t{k.postings_begin} + k.postings_count > h.posting_count) {
      return Loss(source, at, "key " + std::to_string(i) + " out of bounds");
    }
    std::string_view key = Str(k.key);
    if (i > 0 && !(prev < key)) {
      return Loss(source, at,
                  "keys not strictly sorted at key " + std::to_string(i));
    }
    prev = key;
    for (const uint32_t p = Prefix16(key); next_prefix <= p; ++next_prefix) {
      by_prefix[next_prefix] = i;
    }
  }
  for (uint32_t i = 0; i < h.posting_count; ++i) {
    if ((postings[i] >> 2) >= h.place_count || (postings[i] & 3) > 2) {
      return Loss(source, h.postings_offset + uint64_t{i} * 4,
                  "posting " + std::to_string(i) + " names no place");
    }
  }
  for (uint32_t i = 0; i < h.stop_count; ++i) {
    if (!ref_ok(stops[i])) {
      return Loss(source, h.stops_offset + uint64_t{i} * sizeof(StrRef),
                  "stop word " + std::to_string(i) + " outside pool");
    }
  }
  return Status::OK();
}

Gazetteer::Gazetteer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Gazetteer::~Gazetteer() = default;

StatusOr<Gazetteer> Gazetteer::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return NotFoundError("cannot open gazetteer " + path + ": " +
                         std::strerror(errno) +
                         " (run `kroniek gazetteer build`)");
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return UnavailableError("cannot stat " + path + ": " + std::strerror(e));
  }
  auto impl = std::make_unique<Impl>();
  const size_t size = static_cast<size_t>(st.st_size);
  if (size > 0) {
    void* m = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      const int e = errno;
      ::close(fd);
      return UnavailableError("cannot mmap " + path + ": " + std::strerror(e));
    }
    impl->map = m;
    impl->map_bytes = size;
    impl->bytes = std::string_view(static_cast<const char*>(m), size);
  }
  ::close(fd);
  KRONIEK_RETURN_IF_ERROR(impl->Validate(path));
  return Gazetteer(std::move(impl));
}

StatusOr<Gazetteer> Gazetteer::FromBytes(std::string bytes,
                                         std::string_view source) {
  auto impl = std::make_unique<Impl>();
  impl->owned = std::move(bytes);
  // std::string storage comes from operator new: aligned for any scalar.
  impl->bytes = impl->owned;
  KRONIEK_RETURN_IF_ERROR(impl->Validate(source));
  return Gazetteer(std::move(impl));
}

std::string Gazetteer::DefaultPath() {
  if (const char* env = std::getenv("KRONIEK_GAZETTEER"); env && *env) {
    return env;
  }
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    std::string dir(exe, static_cast<size_t>(n));
    dir.resize(dir.rfind('/') + 1);
    std::string candidate = dir + "gazetteer.bin";
    if (access(candidate.c_str(), R_OK) == 0) return candidate;
  }
  return "build/gazetteer.bin";
}

size_t Gazetteer::place_count() const { return impl_->header->place_count; }
size_t Gazetteer::key_count() const { return impl_->header->key_count; }
size_t Gazetteer::file_bytes() const { return impl_->bytes.size(); }
std::string_view Gazetteer::attribution() const {
  return impl_->Str(impl_->header->attribution);
}

PlaceRecord Gazetteer::place(uint32_t i) const {
  const DiskPlace& d = impl_->places[i];
  PlaceRecord p;
  p.geonames_id = d.geonames_id;
  p.region_id = impl_->Str(d.region_id);
  p.name = impl_->Str(d.name);
  p.nl_name = impl_->Str(d.nl_name);
  p.lat = d.lat;
  p.lon = d.lon;
  p.population = d.population;
  p.country_iso3 = std::string_view(d.iso3, d.iso3[0] != 0 ? 3 : 0);
  p.admin1_code = impl_->Str(d.admin1_code);
  p.admin1_name = impl_->Str(d.admin1_name);
  p.feature_class = d.feature_class;
  p.feature_code = impl_->Str(d.feature_code);
  p.radius_km = d.radius_km;
  p.kind = static_cast<PlaceKind>(d.kind);
  return p;
}

std::vector<Candidate> Gazetteer::Lookup(std::string_view key) const {
  const auto [begin, end] = impl_->RangeFor(Impl::Prefix16(key));
  const DiskKey* it = std::lower_bound(
      begin, end, key, [&](const DiskKey& k, std::string_view v) {
        return impl_->Str(k.key) < v;
      });
  std::vector<Candidate> out;
  if (it == end || impl_->Str(it->key) != key) return out;
  out.reserve(it->postings_count);
  for (uint32_t i = 0; i < it->postings_count; ++i) {
    const uint32_t p = impl_->postings[it->postings_begin + i];
    out.push_back({p >> 2, static_cast<MatchKind>(p & 3)});
  }
  return out;
}

namespace {

// s < prefix + " " (byte order, as std::string_view compares), without
// building the probe string.
inline bool LessThanSpaced(std::string_view s, std::string_view prefix) {
  const size_t n = std::min(s.size(), prefix.size());
  const int r = std::char_traits<char>::compare(s.data(), prefix.data(), n);
  if (r != 0) return r < 0;
  if (s.size() <= prefix.size()) return true;  // s is a prefix of `prefix`
  return static_cast<unsigned char>(s[n]) < static_cast<unsigned char>(' ');
}

// s starts with prefix + " ".
inline bool StartsSpaced(std::string_view s, std::string_view prefix) {
  return s.size() > prefix.size() && s[prefix.size()] == ' ' &&
         s.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool Gazetteer::HasLongerKey(std::string_view prefix) const {
  const DiskKey* end = impl_->keys + impl_->header->key_count;
  // The probe is prefix + " ": its first two bytes.
  const uint32_t p = prefix.empty() ? uint32_t{' '} << 8
                     : prefix.size() == 1
                         ? Impl::Prefix16(prefix) | ' '
                         : Impl::Prefix16(prefix);
  const auto [lo, hi] = impl_->RangeFor(p);
  const DiskKey* it = std::partition_point(lo, hi, [&](const DiskKey& k) {
    return LessThanSpaced(impl_->Str(k.key), prefix);
  });
  return it != end && StartsSpaced(impl_->Str(it->key), prefix);
}

void Gazetteer::Probe(std::string_view key, bool* exact, bool* longer) const {
  const DiskKey* end = impl_->keys + impl_->header->key_count;
  const auto [first, last] = impl_->RangeFor(Impl::Prefix16(key));
  const DiskKey* it = std::lower_bound(
      first, last, key, [&](const DiskKey& k, std::string_view v) {
        return impl_->Str(k.key) < v;
      });
  *exact = it != end && impl_->Str(it->key) == key;
  // Keys starting with key + " " sort after key: the first one not below
  // key + " " lies at or after `it`, usually within a few entries; gallop
  // from there (the same partition point as a search of the whole table).
  auto below = [&](const DiskKey* k) {
    return LessThanSpaced(impl_->Str(k->key), key);
  };
  const DiskKey* lo = it;  // every key before lo is below key + " "
  size_t step = 1;
  const DiskKey* hi = lo;
  while (hi != end && below(hi)) {
    lo = hi + 1;
    const size_t left = static_cast<size_t>(end - hi);
    hi = step < left ? hi + step : end;
    step *= 2;
  }
  // The partition point is in [lo, hi]: every key before lo is below, hi is
  // end or not below.
  const DiskKey* p = std::partition_point(
      lo, hi, [&](const DiskKey& k) { return below(&k); });
  *longer = p != end && StartsSpaced(impl_->Str(p->key), key);
}

bool Gazetteer::IsStopWord(std::string_view key) const {
  const StrRef* begin = impl_->stops;
  const StrRef* end = begin + impl_->header->stop_count;
  const StrRef* it = std::lower_bound(
      begin, end, key,
      [&](StrRef r, std::string_view v) { return impl_->Str(r) < v; });
  return it != end && impl_->Str(*it) == key;
}

}  // namespace kroniek::entities
