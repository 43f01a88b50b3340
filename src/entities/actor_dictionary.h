// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// ActorDictionary: the validated, in-memory form of a language pack's actor
// dictionaries (countries, adjectives, demonyms, metonyms, organisations,
// people with date-ranged roles, role nouns). The file format is documented
// in src/lang/README-actors.md.
//
//   StatusOr<ActorDictionary> dict =
//       LoadActorDictionary(base::ResourceDir(), "nl");
//   if (!dict.ok()) return dict.status();  // every bad line, file:line each
//   for (const ActorFileCount& f : dict->file_counts()) ...
//
// Codes are CAMEO-style strings of 3-letter chunks ("RUS", "RUSGOV",
// "IGOUNO", "AZEPRE"); every chunk must be listed in common/actors/codes*.tsv
// (countries only first; regions first or after a type such as IGO).
//
// Thread-safety: immutable after loading; const methods may be called
// concurrently. Movable, not copied implicitly by the matcher (it owns one).
#ifndef KRONIEK_ENTITIES_ACTOR_DICTIONARY_H_
#define KRONIEK_ENTITIES_ACTOR_DICTIONARY_H_

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kroniek/date.h"
#include "kroniek/status.h"

namespace kroniek::entities {

// What an entry names. The kind decides how the matcher may use it.
enum class ActorKind : uint8_t {
  kCountry,  // country, territory, partially recognised entity: "Armenië"
  kAdjective,  // country adjective, a modifier only: "Armeense"
  kPeople,   // demonym noun, codes as the country: "Armeniërs", "Azeri's"
  kMetonym,  // capital or seat of power standing for a government: "Kremlin"
  kOrg,      // IGO, NGO, media, armed group: "VN", "Interfax"
  kPerson,   // named person, usually with a date-ranged role
  kRole,     // role noun giving a sector: "regering" -> GOV
};

// "country", "adj", "people", "metonym", "org", "person", "role".
std::string_view ActorKindName(ActorKind kind);

// One line of a dictionary file.
struct ActorEntry {
  ActorKind kind = ActorKind::kCountry;
  std::string id;       // e.g. "putin"; persons reuse one id across roles
  std::string code;     // "RUSGOV"; for roles a sector only ("GOV")
  std::vector<std::string> aliases;  // as written (NFC), never empty
  // Role validity, inclusive, days since 1970-01-01 (see kroniek/date.h).
  int64_t valid_from_day = std::numeric_limits<int64_t>::min();
  int64_t valid_to_day = std::numeric_limits<int64_t>::max();
  std::string note;
  std::string source;   // "nl/actors/people.tsv:12"
};

// A `#test<TAB>phrase<TAB>code[<TAB>date]` line: the matcher, run on
// `phrase`, must produce one mention coded `expected_code` (or none when the
// expected code is "-"). Run by ActorMatcher::RunSelfTests.
struct ActorSelfTest {
  std::string phrase;
  std::string expected_code;
  PartialDate date;  // year 0 when not given
  std::string source;
};

struct ActorFileCount {
  std::string file;  // relative to the resource dir, "nl/actors/people.tsv"
  int entries = 0;
  int aliases = 0;
  int self_tests = 0;
};

// Where a lexicon lookup searches. Names: country, people, metonym, org,
// person. Adjectives and role nouns each have their own namespace.
enum class AliasSpace : uint8_t { kName = 0, kAdjective = 1, kRole = 2 };

class ActorDictionary {
 public:
  ActorDictionary() = default;

  const std::string& lang() const { return lang_; }
  const std::vector<ActorEntry>& entries() const { return entries_; }
  const std::vector<ActorSelfTest>& self_tests() const { return self_tests_; }
  const std::vector<ActorFileCount>& file_counts() const { return counts_; }

  // Indices into entries() whose alias equals `text`. Aliases holding an
  // upper-case letter match case-sensitively ("Kamer", "OM"); lower-case
  // aliases match any casing ("Regering"). Apostrophes (’ ' ʼ) and white
  // space are normalised on both sides. Never null; empty when unknown.
  const std::vector<uint32_t>& Find(AliasSpace space,
                                    std::string_view text) const;
  // Find() for a caller that already holds NormalizeKey(text) and
  // FoldKey(text) (the matcher normalises each token once and joins them).
  const std::vector<uint32_t>& FindKeys(AliasSpace space, std::string_view exact_key,
                                        std::string_view folded_key) const;
  // True when the folded key of some alias (any space) starts with
  // `folded_prefix`: multi-token lookups stop as soon as this is false.
  bool IsAliasPrefix(std::string_view folded_prefix) const;
  // A pre-screen for FindKeys: false proves that `key` is a key of no
  // alias space, exact or folded (so FindKeys with it as exact and as
  // folded key finds nothing); true means "maybe".
  bool MayBeKey(std::string_view key) const;
  // The same two tests for a caller that keeps the running 64-bit FNV-1a
  // (base::Fnv1a64) of the key it grows: IsAliasPrefix(s) ==
  // IsAliasPrefixHash(base::Fnv1a64(s)), MayBeKey(s) ==
  // MayBeKeyHash(base::Fnv1a64(s)).
  bool IsAliasPrefixHash(uint64_t fnv) const;
  bool MayBeKeyHash(uint64_t fnv) const;
  // True when `folded` is the folded key of some role alias: a cheap test
  // before the full lookups when splitting compounds.
  bool IsRoleKey(std::string_view folded) const;

  // Longest alias in bytes, to bound multi-token lookups.
  size_t max_alias_bytes() const { return max_alias_bytes_; }

  // True when every 3-letter chunk of `code` is known (see file comment).
  bool IsKnownCode(std::string_view code) const;
  // ISO 3166 alpha-3 of the code's first chunk when it is a country
  // ("ROM..." -> "ROU"), else "".
  std::string CountryOf(std::string_view code) const;
  // The first chunk that is a sector or CAMEO type ("AZEMIL" -> "MIL",
  // "IGOUNO" -> "IGO", "AZEPRE" -> "PRE"), else "".
  std::string SectorOf(std::string_view code) const;

 private:
  friend class ActorDictionaryBuilder;
  enum class ChunkKind : uint8_t { kCountry, kRegion, kSector, kGroup };

  std::string lang_;
  std::vector<ActorEntry> entries_;
  std::vector<ActorSelfTest> self_tests_;
  std::vector<ActorFileCount> counts_;
  // Hashes std::string and std::string_view alike, so lookups need no copy.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using KeyMap = std::unordered_map<std::string, std::vector<uint32_t>, KeyHash, std::equal_to<>>;
  // [space] -> key -> entries. Exact keys keep case; folded keys are lower.
  KeyMap exact_[3];
  KeyMap folded_[3];
  // IsAliasPrefix: an open-addressing set of the FNV-1a hashes of every
  // prefix (at a code point boundary) of every folded alias key, 0 = empty.
  // A hash collision can only make a lookup walk one n-gram further, never
  // miss an alias. Folded role keys for IsRoleKey.
  std::vector<uint64_t> prefix_hashes_;
  // MayBeKey: the same kind of set, of the hashes of every key of exact_
  // and folded_ (any space).
  std::vector<uint64_t> key_hashes_;
  // IsRoleKey's screen: the hashes of role_keys_ (most probes are absent).
  std::vector<uint64_t> role_hashes_;
  std::unordered_set<std::string, KeyHash, std::equal_to<>> role_keys_;
  std::unordered_map<std::string, std::pair<ChunkKind, std::string>> chunks_;
  size_t max_alias_bytes_ = 0;
};

// Loads and validates <resource_dir>/common/actors/*.tsv and
// <resource_dir>/<lang>/actors/*.tsv (code tables common/actors/codes*.tsv
// first). Errors:
//   NotFound         the <lang>/actors or common/actors folder is missing
//   InvalidArgument  one or more bad lines; the message lists every one, one
//                    per line, as "<file>:<line>: <what> in '<snippet>'"
//                    (unknown kind or code, bad date, empty alias, conflicting
//                    duplicate, wrong field count, bad UTF-8, bad #test line)
StatusOr<ActorDictionary> LoadActorDictionary(const std::string& resource_dir,
                                              const std::string& lang);

// The same from in-memory files (name -> content), for tests and tools.
// `files` holds code tables (name starting "codes") and entry files.
struct ActorSourceFile {
  std::string name;  // shown in messages, e.g. "nl/actors/people.tsv"
  std::string content;
};
StatusOr<ActorDictionary> BuildActorDictionary(
    const std::string& lang, const std::vector<ActorSourceFile>& files);

// Languages with an <lang>/actors folder under resource_dir, sorted.
std::vector<std::string> ActorLanguages(const std::string& resource_dir);

}  // namespace kroniek::entities

#endif  // KRONIEK_ENTITIES_ACTOR_DICTIONARY_H_
