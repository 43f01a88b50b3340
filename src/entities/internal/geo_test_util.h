// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Test helpers for the gazetteer and geocoder tests (header only, test
// binaries only): fixture paths, a .mo writer, temp files.
#ifndef KRONIEK_ENTITIES_INTERNAL_GEO_TEST_UTIL_H_
#define KRONIEK_ENTITIES_INTERNAL_GEO_TEST_UTIL_H_

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "entities/gazetteer.h"

namespace kroniek::entities::internal {

inline std::string MiniDir() {
  return std::string(KRONIEK_SOURCE_DIR) + "/testdata/geo/mini";
}

// A per-process scratch directory under the system temp dir.
inline std::string ScratchDir() {
  std::string d = (std::filesystem::temp_directory_path() /
                   ("kroniek-geo-test-" + std::to_string(getpid())))
                      .string();
  std::filesystem::create_directories(d);
  return d;
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A little-endian GNU .mo catalogue holding `pairs` (plus the empty header).
inline std::string MakeMo(
    std::vector<std::pair<std::string, std::string>> pairs) {
  pairs.insert(pairs.begin(),
               {"", "Content-Type: text/plain; charset=UTF-8\n"});
  const uint32_t n = static_cast<uint32_t>(pairs.size());
  std::string out;
  auto put = [&](uint32_t v) { out.append(reinterpret_cast<char*>(&v), 4); };
  put(0x950412de);
  put(0);
  put(n);
  put(28);
  put(28 + 8 * n);
  put(0);
  put(0);
  uint32_t data = 28 + 16 * n;
  std::string strings;
  for (int table = 0; table < 2; ++table) {
    for (const auto& [id, str] : pairs) {
      const std::string& s = table == 0 ? id : str;
      put(static_cast<uint32_t>(s.size()));
      put(data + static_cast<uint32_t>(strings.size()));
      strings += s;
      strings.push_back('\0');
    }
  }
  return out + strings;
}

// Sources for the mini fixture, with a generated Dutch .mo.
inline GazetteerSources MiniSources() {
  GazetteerSources s;
  s.cities500 = MiniDir() + "/cities500.txt";
  s.iso_countries = MiniDir() + "/iso";
  s.geo_dir = MiniDir() + "/geo";
  s.geonames_mo = ScratchDir() + "/mini.mo";
  WriteFile(s.geonames_mo, MakeMo({{"9000001", "Jerevan"},
                                   {"9000011", "Moskou"},
                                   {"AM", "Armenië"},
                                   {"AM.07", "Sjirak"}}));
  return s;
}

}  // namespace kroniek::entities::internal

#endif  // KRONIEK_ENTITIES_INTERNAL_GEO_TEST_UTIL_H_
