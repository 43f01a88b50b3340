// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// On-disk layout of the compiled gazetteer (gazetteer.bin), shared by the
// builder and the memory-mapped reader. Designed to be used in place: every
// section is an array of fixed-size little-endian PODs at an 8-byte aligned
// offset, so loading is mmap + validation, no parsing.
//
//   [FileHeader                  128 bytes]
//   [DiskPlace   x place_count   ]  places, ordered by id (countries, regions,
//                                   then GeoNames records by geonames id)
//   [DiskKey     x key_count     ]  folded names, sorted by byte order
//   [uint32      x posting_count ]  candidates: place index << 2 | MatchKind,
//                                   per key best first (kind, population)
//   [StrRef      x stop_count    ]  folded stop words, sorted
//   [strings     strings_bytes   ]  UTF-8 pool; StrRefs point here
//
// checksum = base::Checksum64 over bytes [header_bytes, file_bytes) (version
// 2; version 1 used FNV-1a 64, which is 8x slower to verify at start-up, and
// is still read). Version bumps on any layout change; readers reject other
// versions (DataLoss).
#ifndef KRONIEK_ENTITIES_INTERNAL_GEO_FORMAT_H_
#define KRONIEK_ENTITIES_INTERNAL_GEO_FORMAT_H_

#include <bit>
#include <cstdint>

namespace kroniek::entities::internal {

static_assert(std::endian::native == std::endian::little,
              "gazetteer.bin is little-endian; add byte swapping to port");

inline constexpr char kGeoMagic[8] = {'K', 'R', 'G', 'A', 'Z', 'E', 'T', '\n'};
inline constexpr uint32_t kGeoVersion = 2;
// Version 1 files (same layout, FNV-1a checksum) are still read.
inline constexpr uint32_t kGeoVersionFnv = 1;

struct StrRef {
  uint32_t offset = 0;  // into the string pool
  uint32_t size = 0;    // bytes
};

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t header_bytes;  // sizeof(FileHeader)
  uint64_t file_bytes;
  uint64_t checksum;
  uint32_t place_count;
  uint32_t key_count;
  uint32_t posting_count;
  uint32_t stop_count;
  uint64_t places_offset;
  uint64_t keys_offset;
  uint64_t postings_offset;
  uint64_t stops_offset;
  uint64_t strings_offset;
  uint64_t strings_bytes;
  StrRef attribution;
  uint8_t reserved[128 - 8 - 4 - 4 - 8 - 8 - 16 - 48 - 8];
};
static_assert(sizeof(FileHeader) == 128);

// Place kinds (DiskPlace::kind).
enum : uint8_t { kKindGeoNames = 0, kKindCountry = 1, kKindRegion = 2 };

struct DiskPlace {
  int64_t geonames_id;  // 0 for countries and our own regions
  double lat;
  double lon;
  uint64_t population;
  StrRef name;          // primary (GeoNames / English) name
  StrRef nl_name;       // Dutch name, may be empty
  StrRef region_id;     // "country:ARM", our region id, or empty
  StrRef admin1_code;   // GeoNames admin1 code, e.g. "07"
  StrRef admin1_name;   // Dutch admin1 name when known
  StrRef feature_code;  // PPLC, PPLA, ..., PCLI, RGN
  char iso3[3];         // country, upper case; "\0\0\0" when none
  char feature_class;   // GeoNames class: P, A, L, T, ...
  uint8_t kind;         // kKind*
  uint8_t pad;
  uint16_t radius_km;  // extent for regions, 0 for points
};
static_assert(sizeof(DiskPlace) == 88);

struct DiskKey {
  StrRef key;               // folded name (FoldPlaceName)
  uint32_t postings_begin;  // index into the posting array
  uint32_t postings_count;
};
static_assert(sizeof(DiskKey) == 16);

}  // namespace kroniek::entities::internal

#endif  // KRONIEK_ENTITIES_INTERNAL_GEO_FORMAT_H_
