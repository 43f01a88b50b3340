// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/actor_dictionary.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "base/hash.h"
#include "base/resources.h"
#include "base/utf8.h"
#include "entities/internal/actor_text.h"

namespace kroniek::entities {
namespace {

constexpr size_t kMaxErrors = 200;  // enough to fix a file, not a flood

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos
                                         ? std::string_view::npos
                                         : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ParseKind(std::string_view s, ActorKind* kind) {
  static constexpr std::pair<std::string_view, ActorKind> kKinds[] = {
      {"country", ActorKind::kCountry}, {"adj", ActorKind::kAdjective},
      {"people", ActorKind::kPeople},   {"metonym", ActorKind::kMetonym},
      {"org", ActorKind::kOrg},         {"person", ActorKind::kPerson},
      {"role", ActorKind::kRole}};
  for (const auto& [name, k] : kKinds) {
    if (s == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

AliasSpace SpaceOf(ActorKind kind) {
  switch (kind) {
    case ActorKind::kAdjective:
      return AliasSpace::kAdjective;
    case ActorKind::kRole:
      return AliasSpace::kRole;
    default:
      return AliasSpace::kName;
  }
}

// First and last day of a partial date.
void DayRange(const PartialDate& d, int64_t* first, int64_t* last) {
  int m0 = d.precision == DatePrecision::kYear ? 1 : d.month;
  int m1 = d.precision == DatePrecision::kYear ? 12 : d.month;
  int d0 = d.precision == DatePrecision::kDay ? d.day : 1;
  int d1 = d.precision == DatePrecision::kDay ? d.day : DaysInMonth(d.year, m1);
  *first = DaysFromCivil(d.year, m0, d0);
  *last = DaysFromCivil(d.year, m1, d1);
}

}  // namespace

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kCountry: return "country";
    case ActorKind::kAdjective: return "adj";
    case ActorKind::kPeople: return "people";
    case ActorKind::kMetonym: return "metonym";
    case ActorKind::kOrg: return "org";
    case ActorKind::kPerson: return "person";
    case ActorKind::kRole: return "role";
  }
  return "?";
}

const std::vector<uint32_t>& ActorDictionary::Find(AliasSpace space,
                                                   std::string_view text) const {
  static const std::vector<uint32_t> kNone;
  const int s = static_cast<int>(space);
  auto it = exact_[s].find(internal::NormalizeKey(text));
  if (it != exact_[s].end()) return it->second;
  auto jt = folded_[s].find(internal::FoldKey(text));
  if (jt != folded_[s].end()) return jt->second;
  return kNone;
}

const std::vector<uint32_t>& ActorDictionary::FindKeys(AliasSpace space,
                                                       std::string_view exact_key,
                                                       std::string_view folded_key) const {
  static const std::vector<uint32_t> kNone;
  const int s = static_cast<int>(space);
  auto it = exact_[s].find(exact_key);
  if (it != exact_[s].end()) return it->second;
  auto jt = folded_[s].find(folded_key);
  if (jt != folded_[s].end()) return jt->second;
  return kNone;
}

namespace {
uint64_t NonZero(uint64_t h) { return h == 0 ? 1 : h; }
uint64_t PrefixHash(std::string_view s) { return NonZero(base::Fnv1a64(s)); }

// Membership in an open-addressing set of non-zero hashes (0 = empty slot).
bool InHashSet(const std::vector<uint64_t>& set, uint64_t h) {
  const size_t mask = set.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (set[i] == h) return true;
    if (set[i] == 0) return false;
  }
}

std::vector<uint64_t> MakeHashSet(std::vector<uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  size_t size = 16;
  while (size < hashes.size() * 2) size *= 2;
  std::vector<uint64_t> set(size, 0);
  for (uint64_t h : hashes) {
    size_t i = h & (size - 1);
    while (set[i] != 0) i = (i + 1) & (size - 1);
    set[i] = h;
  }
  return set;
}
}  // namespace

bool ActorDictionary::IsAliasPrefix(std::string_view folded_prefix) const {
  if (prefix_hashes_.empty()) return false;
  return InHashSet(prefix_hashes_, PrefixHash(folded_prefix));
}

bool ActorDictionary::MayBeKey(std::string_view key) const {
  if (key_hashes_.empty()) return true;  // not built: no screening
  return InHashSet(key_hashes_, PrefixHash(key));
}

bool ActorDictionary::IsRoleKey(std::string_view folded) const {
  if (!role_hashes_.empty() && !InHashSet(role_hashes_, PrefixHash(folded))) return false;
  return role_keys_.find(folded) != role_keys_.end();
}

bool ActorDictionary::IsAliasPrefixHash(uint64_t fnv) const {
  if (prefix_hashes_.empty()) return false;
  return InHashSet(prefix_hashes_, NonZero(fnv));
}

bool ActorDictionary::MayBeKeyHash(uint64_t fnv) const {
  if (key_hashes_.empty()) return true;
  return InHashSet(key_hashes_, NonZero(fnv));
}

bool ActorDictionary::IsKnownCode(std::string_view code) const {
  if (code.empty() || code.size() % 3 != 0) return false;
  std::string_view prev;
  for (size_t i = 0; i < code.size(); i += 3) {
    auto it = chunks_.find(std::string(code.substr(i, 3)));
    if (it == chunks_.end()) return false;
    ChunkKind k = it->second.first;
    // Countries only lead; a region may also follow a type ("IGOWSTNAT").
    if (i > 0 && k == ChunkKind::kCountry) return false;
    if (i > 0 && k == ChunkKind::kRegion &&
        !(i == 3 && (prev == "IGO" || prev == "NGO" || prev == "NGM" ||
                     prev == "IMG" || prev == "MNC" || prev == "INT"))) {
      return false;
    }
    prev = it->first;
  }
  return true;
}

std::string ActorDictionary::CountryOf(std::string_view code) const {
  if (code.size() < 3) return "";
  auto it = chunks_.find(std::string(code.substr(0, 3)));
  if (it == chunks_.end() || it->second.first != ChunkKind::kCountry) return "";
  return it->second.second;
}

std::string ActorDictionary::SectorOf(std::string_view code) const {
  for (size_t i = 0; i + 3 <= code.size(); i += 3) {
    auto it = chunks_.find(std::string(code.substr(i, 3)));
    if (it != chunks_.end() && it->second.first == ChunkKind::kSector) {
      return it->first;
    }
  }
  return "";
}

// Accumulates files into an ActorDictionary, collecting every error.
class ActorDictionaryBuilder {
 public:
  explicit ActorDictionaryBuilder(const std::string& lang) { dict_.lang_ = lang; }

  void AddCodes(const ActorSourceFile& f) {
    ForEachLine(f, [&](int line_no, std::string_view line) {
      if (line.empty() || line[0] == '#') return;
      std::vector<std::string_view> fields = SplitTabs(line);
      if (fields.size() < 2 || fields.size() > 3) {
        Error(f.name, line_no, "expected code<TAB>kind[<TAB>iso3]", line);
        return;
      }
      std::string_view code = fields[0], kind = fields[1];
      bool upper = code.size() == 3 &&
                   std::all_of(code.begin(), code.end(),
                               [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!upper) {
        Error(f.name, line_no, "code must be 3 upper-case letters", line);
        return;
      }
      ActorDictionary::ChunkKind k;
      if (kind == "country") k = ActorDictionary::ChunkKind::kCountry;
      else if (kind == "region") k = ActorDictionary::ChunkKind::kRegion;
      else if (kind == "type" || kind == "sector") k = ActorDictionary::ChunkKind::kSector;
      else if (kind == "group") k = ActorDictionary::ChunkKind::kGroup;
      else {
        Error(f.name, line_no, "unknown code kind '" + std::string(kind) + "'", line);
        return;
      }
      std::string iso = fields.size() > 2 ? std::string(fields[2]) : "";
      dict_.chunks_.emplace(std::string(code), std::make_pair(k, iso));
    });
  }

  void AddEntries(const ActorSourceFile& f) {
    ActorFileCount count;
    count.file = f.name;
    ForEachLine(f, [&](int line_no, std::string_view line) {
      if (line.rfind("#test", 0) == 0) {
        if (AddSelfTest(f.name, line_no, line)) ++count.self_tests;
        return;
      }
      if (Trim(line).empty() || line[0] == '#') return;
      int aliases = AddEntry(f.name, line_no, line);
      if (aliases > 0) {
        ++count.entries;
        count.aliases += aliases;
      }
    });
    dict_.counts_.push_back(count);
  }

  StatusOr<ActorDictionary> Finish() && {
    if (!errors_.empty()) {
      std::string msg;
      for (const std::string& e : errors_) {
        if (!msg.empty()) msg += '\n';
        msg += e;
      }
      if (errors_.size() >= kMaxErrors) msg += "\n(more errors not shown)";
      return InvalidArgumentError(std::move(msg));
    }
    std::vector<uint64_t> hashes, key_hashes;
    for (int s = 0; s < 3; ++s) {
      for (const auto* map : {&dict_.exact_[s], &dict_.folded_[s]}) {
        for (const auto& [key, entries] : *map) {
          key_hashes.push_back(PrefixHash(key));
          std::string folded = internal::FoldKey(key);
          for (size_t i = 0; i <= folded.size(); ++i) {  // "" included, as before
            if (i < folded.size() && (static_cast<unsigned char>(folded[i]) & 0xC0) == 0x80) {
              continue;  // inside a code point
            }
            hashes.push_back(PrefixHash(std::string_view(folded).substr(0, i)));
          }
          if (s == static_cast<int>(AliasSpace::kRole)) dict_.role_keys_.insert(folded);
        }
      }
    }
    dict_.prefix_hashes_ = MakeHashSet(std::move(hashes));
    dict_.key_hashes_ = MakeHashSet(std::move(key_hashes));
    std::vector<uint64_t> role_hashes;
    for (const std::string& k : dict_.role_keys_) role_hashes.push_back(PrefixHash(k));
    dict_.role_hashes_ = MakeHashSet(std::move(role_hashes));
    return std::move(dict_);
  }

 private:
  template <typename Fn>
  void ForEachLine(const ActorSourceFile& f, Fn fn) {
    std::string_view s = f.content;
    int line_no = 0;
    size_t start = 0;
    while (start < s.size()) {
      size_t nl = s.find('\n', start);
      std::string_view line = s.substr(start, nl == std::string_view::npos
                                                  ? std::string_view::npos
                                                  : nl - start);
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (base::FindInvalidUtf8(line) != std::string_view::npos) {
        Error(f.name, line_no, "invalid UTF-8", line);
      } else {
        fn(line_no, line);
      }
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  }

  void Error(const std::string& file, int line_no, std::string_view what,
             std::string_view line) {
    if (errors_.size() >= kMaxErrors) return;
    errors_.push_back(file + ":" + std::to_string(line_no) + ": " +
                      std::string(what) + " in '" + base::Snippet(line, 60) + "'");
  }

  bool CheckCode(const std::string& file, int line_no, std::string_view code,
                 std::string_view line) {
    if (!dict_.IsKnownCode(code)) {
      Error(file, line_no, "unknown code '" + std::string(code) + "'", line);
      return false;
    }
    return true;
  }

  bool AddSelfTest(const std::string& file, int line_no, std::string_view line) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f[0] != "#test" || f.size() < 3 || f.size() > 4 || Trim(f[1]).empty()) {
      Error(file, line_no,
            "malformed self-test (want #test<TAB>phrase<TAB>code[<TAB>date])",
            line);
      return false;
    }
    ActorSelfTest t;
    t.phrase = std::string(f[1]);
    t.expected_code = std::string(Trim(f[2]));
    t.source = file + ":" + std::to_string(line_no);
    if (t.expected_code != "-" && !CheckCode(file, line_no, t.expected_code, line)) {
      return false;
    }
    if (f.size() == 4) {
      StatusOr<PartialDate> d = ParsePartialDate(Trim(f[3]));
      if (!d.ok()) {
        Error(file, line_no, "bad self-test date '" + std::string(f[3]) + "'", line);
        return false;
      }
      t.date = *d;
    }
    dict_.self_tests_.push_back(std::move(t));
    return true;
  }

  // Returns the number of aliases added, 0 on error.
  int AddEntry(const std::string& file, int line_no, std::string_view line) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 4 || f.size() > 7) {
      Error(file, line_no,
            "expected 4 to 7 tab-separated fields, got " + std::to_string(f.size()),
            line);
      return 0;
    }
    ActorEntry e;
    if (!ParseKind(Trim(f[0]), &e.kind)) {
      Error(file, line_no, "unknown kind '" + std::string(f[0]) + "'", line);
      return 0;
    }
    e.id = std::string(Trim(f[1]));
    e.code = std::string(Trim(f[2]));
    if (e.id.empty()) {
      Error(file, line_no, "empty id", line);
      return 0;
    }
    if (!CheckCode(file, line_no, e.code, line)) return 0;
    if (e.kind == ActorKind::kRole &&
        (e.code.size() != 3 || dict_.SectorOf(e.code).empty())) {
      Error(file, line_no, "role code must be one sector, not '" + e.code + "'",
            line);
      return 0;
    }
    // Aliases: '|'-separated, none empty.
    std::string_view rest = f[3];
    while (true) {
      size_t bar = rest.find('|');
      std::string_view a = Trim(rest.substr(0, bar));
      if (internal::NormalizeKey(a).empty()) {
        Error(file, line_no, "empty alias", line);
        return 0;
      }
      e.aliases.emplace_back(a);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    int64_t unused;
    if (f.size() > 4 && !Trim(f[4]).empty()) {
      StatusOr<PartialDate> d = ParsePartialDate(Trim(f[4]));
      if (!d.ok()) {
        Error(file, line_no, "bad valid_from date '" + std::string(f[4]) + "'", line);
        return 0;
      }
      DayRange(*d, &e.valid_from_day, &unused);
    }
    if (f.size() > 5 && !Trim(f[5]).empty()) {
      StatusOr<PartialDate> d = ParsePartialDate(Trim(f[5]));
      if (!d.ok()) {
        Error(file, line_no, "bad valid_to date '" + std::string(f[5]) + "'", line);
        return 0;
      }
      DayRange(*d, &unused, &e.valid_to_day);
    }
    if (e.valid_to_day < e.valid_from_day) {
      Error(file, line_no, "valid_to before valid_from", line);
      return 0;
    }
    if (f.size() > 6) e.note = std::string(f[6]);
    e.source = file + ":" + std::to_string(line_no);

    // Conflicts: same alias, same space, different code, overlapping dates.
    const int space = static_cast<int>(SpaceOf(e.kind));
    const uint32_t index = static_cast<uint32_t>(dict_.entries_.size());
    std::vector<std::pair<ActorDictionary::KeyMap*, std::string>>
        keys;
    for (const std::string& a : e.aliases) {
      bool exact = internal::HasUpper(a);
      auto* map = exact ? &dict_.exact_[space] : &dict_.folded_[space];
      std::string key = exact ? internal::NormalizeKey(a) : internal::FoldKey(a);
      auto it = map->find(key);
      if (it != map->end()) {
        for (uint32_t other : it->second) {
          const ActorEntry& o = dict_.entries_[other];
          bool overlap = o.valid_from_day <= e.valid_to_day &&
                         e.valid_from_day <= o.valid_to_day;
          if (o.code != e.code && overlap) {
            Error(file, line_no,
                  "conflicting duplicate alias '" + a + "' (" + e.code + " here, " +
                      o.code + " at " + o.source + ")",
                  line);
            return 0;
          }
        }
      }
      keys.emplace_back(map, std::move(key));
    }
    for (auto& [map, key] : keys) {
      std::vector<uint32_t>& v = (*map)[key];
      if (v.empty() || v.back() != index) v.push_back(index);
      dict_.max_alias_bytes_ = std::max(dict_.max_alias_bytes_, key.size());
    }
    int n = static_cast<int>(e.aliases.size());
    dict_.entries_.push_back(std::move(e));
    return n;
  }

  ActorDictionary dict_;
  std::vector<std::string> errors_;
};

StatusOr<ActorDictionary> BuildActorDictionary(
    const std::string& lang, const std::vector<ActorSourceFile>& files) {
  ActorDictionaryBuilder b(lang);
  auto is_codes = [](const ActorSourceFile& f) {
    std::string_view base = f.name;
    size_t slash = base.rfind('/');
    if (slash != std::string_view::npos) base.remove_prefix(slash + 1);
    return base.rfind("codes", 0) == 0;
  };
  for (const ActorSourceFile& f : files) {
    if (is_codes(f)) b.AddCodes(f);
  }
  for (const ActorSourceFile& f : files) {
    if (!is_codes(f)) b.AddEntries(f);
  }
  return std::move(b).Finish();
}

StatusOr<ActorDictionary> LoadActorDictionary(const std::string& resource_dir,
                                              const std::string& lang) {
  namespace fs = std::filesystem;
  std::vector<ActorSourceFile> files;
  for (const std::string& sub : {std::string("common"), lang}) {
    fs::path dir = fs::path(resource_dir) / sub / "actors";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      return NotFoundError("actor dictionary folder " + dir.string() +
                           " not found");
    }
    std::vector<std::string> names;
    for (const fs::directory_entry& d : fs::directory_iterator(dir, ec)) {
      if (d.path().extension() == ".tsv") names.push_back(d.path().filename().string());
    }
    if (ec) return UnavailableError("cannot list " + dir.string() + ": " + ec.message());
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      ActorSourceFile f;
      f.name = sub + "/actors/" + n;
      if (!base::ReadFileToString((dir / n).string(), &f.content)) {
        return UnavailableError("cannot read " + (dir / n).string());
      }
      files.push_back(std::move(f));
    }
  }
  return BuildActorDictionary(lang, files);
}

std::vector<std::string> ActorLanguages(const std::string& resource_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> langs;
  std::error_code ec;
  for (const fs::directory_entry& d : fs::directory_iterator(resource_dir, ec)) {
    std::string name = d.path().filename().string();
    if (name != "common" && fs::is_directory(d.path() / "actors", ec)) {
      langs.push_back(name);
    }
  }
  std::sort(langs.begin(), langs.end());
  return langs;
}

}  // namespace kroniek::entities
