// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Geocoder: finds place names in tokenised text and resolves them to GeoNames
// places (with coordinates), countries, or our own regions. Front door of the
// gazetteer; offline, pure, thread-safe.
//
//   StatusOr<Geocoder> geo = Geocoder::Open(Gazetteer::DefaultPath());
//   if (!geo.ok()) return geo.status();
//   PlaceContext ctx;
//   ctx.doc_countries = {"ARM"};
//   std::optional<ResolvedPlace> p = geo->Resolve("Gjoemri", ctx);
//   // p->geonames_id == 616635, p->country_iso3 == "ARM", p->precision ==
//   "city"
//
//   // Or scan a tokenised document (tokens from text/tokenizer.h):
//   for (const ResolvedPlace& place :
//        geo->FindPlaces(doc.raw, tokens, sentences, PlaceContext{})) {
//     Use(place.span, place.geonames_id, place.lat, place.lon);
//   }
//
// The approach follows CLIFF-CLAVIN
// (https://github.com/mediacloud/cliff-annotator) and Mordecai
// (https://github.com/openeventdata/mordecai): find candidate names, then pick
// among the gazetteer entries with simple, explainable evidence. Each candidate
// scores
//   name evidence   Dutch name 3 > primary name 2 > alternate name 0.5
//   population      0.6 * log10(population + 1)
//   feature         country +4, our region +3, capital (PPLC) +1.5, PPLA +0.5
//   document        +2.5 for the document's first country, -0.5 per rank
//                   after it (at least +1)
//   container       "X in Y", "X ... ten noorden/zuiden/oosten/westen van Y",
//                   "north/south/east/west of Y": +4 when X lies in Y's
//                   country, -2 when it does not
// and the best candidate wins when it scores at least 3 (1 with ctx.ner_loc),
// ties going to the lower record index (deterministic). `decided_by` lists
// the evidence that counted.
//
// Gates in FindPlaces: a name starts with a capitalised word (or "'s-"), ends
// with one, spans at most 4 words (the longest match wins), and a single
// word on the stop list (nl_stoplist.txt: "Zo", "Door", "Hoofdstad") is not a
// place. A match carried by an alternate name only is dropped when it sits
// next to another capitalised non-place word (person names: "Josef Stalin").
// Countries named in the document (Armenië, Azerbeidzjan) are counted in a
// first pass and added to doc_ctx.doc_countries (given ones first).
//
// Thread-safety: a Geocoder is immutable after Open; Resolve and FindPlaces
// are const and may run concurrently. Movable, not copyable.
#ifndef KRONIEK_ENTITIES_GEOCODER_H_
#define KRONIEK_ENTITIES_GEOCODER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/gazetteer.h"
#include "kroniek/span.h"
#include "kroniek/status.h"
#include "kroniek/token.h"

namespace kroniek::entities {

struct PlaceContext {
  // ISO3 countries mentioned in the document, most frequent first.
  std::vector<std::string> doc_countries;
  // "Y" in "X in Y" (a place name as written), or empty.
  std::string container;
  // The name was written with a capital (Resolve returns nothing otherwise,
  // unless ner_loc).
  bool capitalised = true;
  // A NER model tagged the name as a location: skips the stop list and the
  // capitalisation gate and lowers the acceptance threshold.
  bool ner_loc = false;
};

struct ResolvedPlace {
  std::string text;         // the name as written
  Span span;                // bytes into raw (FindPlaces; empty from Resolve)
  int64_t geonames_id = 0;  // 0 for countries and our regions
  std::string region_id;    // "country:ARM", "nagorno-karabakh", or empty
  std::string name;         // primary name ("Gyumri")
  double lat = 0, lon = 0;
  std::string country_iso3;  // empty for multi-country regions (Kaukasus)
  std::string admin1;        // admin1 name when known, else its code
  std::string feature_class, feature_code;
  std::string precision;   // "city", "admin1", "region", "country", "point"
  std::string decided_by;  // "nl name; population 148381; doc country ARM"
  double score = 0;
};

class Geocoder {
 public:
  // Opens (mmaps) a gazetteer file; errors as Gazetteer::Open.
  static StatusOr<Geocoder> Open(const std::string& gazetteer_path);
  explicit Geocoder(Gazetteer gazetteer);

  const Gazetteer& gazetteer() const { return gazetteer_; }

  // Resolves one name. Returns nullopt when the name is unknown, on the stop
  // list (single word, unless ctx.ner_loc), not capitalised (unless
  // ctx.ner_loc), or no candidate reaches the threshold. Never fails.
  std::optional<ResolvedPlace> Resolve(std::string_view name,
                                       const PlaceContext& ctx) const;

  // Scans `tokens` (text/tokenizer.h output over `raw`; token text NFC) for
  // place names and resolves each with the document's context; see the file
  // comment for gates and patterns. Spans are bytes into `raw`. Results are in
  // text order and never overlap. Requires token spans within raw and
  // sentences indexing `tokens`; tokens outside every sentence are ignored.
  std::vector<ResolvedPlace> FindPlaces(std::string_view raw,
                                        const std::vector<Token>& tokens,
                                        const std::vector<Sentence>& sentences,
                                        const PlaceContext& doc_ctx) const;

 private:
  std::optional<ResolvedPlace> ResolveKey(
      std::string_view key, const PlaceContext& ctx,
      std::string_view container_iso3, std::string_view container_text) const;
  Gazetteer gazetteer_;
};

}  // namespace kroniek::entities

#endif  // KRONIEK_ENTITIES_GEOCODER_H_
