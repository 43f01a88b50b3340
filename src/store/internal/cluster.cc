// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "store/internal/cluster.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kroniek::store::internal {

namespace {

struct Cluster {
  int id = 0;
  int64_t max_end = 0;
  std::string source_code, target_code;
  bool has_anchor = false;
  double lat = 0, lon = 0;
  std::string country;
  bool any_place = false;
};

bool SideOk(const std::string& m, const std::string& c) {
  return m.empty() || c.empty() || m == c;
}

bool PlaceOk(const MentionKey& m, const Cluster& c, double distance_km) {
  switch (m.place) {
    case PlaceKind::kNone:
      return !c.any_place;
    case PlaceKind::kCountry:
      return c.any_place && !m.country.empty() && m.country == c.country;
    case PlaceKind::kPoint:
      if (c.has_anchor) {
        return DistanceKm(m.lat, m.lon, c.lat, c.lon) <= distance_km;
      }
      return c.any_place && !m.country.empty() && m.country == c.country;
  }
  return false;
}

}  // namespace

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                 std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::string CameoRoot(const std::string& cameo) {
  return cameo.substr(0, std::min<size_t>(2, cameo.size()));
}

std::vector<int> ClusterMentions(const std::vector<MentionKey>& keys,
                                 int window_days, double distance_km) {
  std::vector<size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const MentionKey& x = keys[a];
    const MentionKey& y = keys[b];
    if (x.group != y.group) return x.group < y.group;
    if (x.start_day != y.start_day) return x.start_day < y.start_day;
    return x.mention_id < y.mention_id;
  });
  std::vector<int> out(keys.size(), -1);
  int next_id = 0;
  std::vector<Cluster> open;
  const std::string* group = nullptr;
  for (size_t idx : order) {
    const MentionKey& m = keys[idx];
    if (group == nullptr || *group != m.group) {
      open.clear();
      group = &m.group;
    }
    if (m.start_day == kNoDay) {
      out[idx] = next_id++;
      continue;
    }
    int64_t end = std::max(m.start_day, m.end_day);
    // Close clusters the sweep has passed; they can never match again.
    std::erase_if(open, [&](const Cluster& c) {
      return c.max_end + window_days < m.start_day;
    });
    Cluster* hit = nullptr;
    for (Cluster& c : open) {
      if (SideOk(m.source_code, c.source_code) &&
          SideOk(m.target_code, c.target_code) &&
          PlaceOk(m, c, distance_km)) {
        hit = &c;
        break;
      }
    }
    if (hit == nullptr) {
      open.push_back(Cluster{});
      hit = &open.back();
      hit->id = next_id++;
      hit->max_end = end;
    }
    out[idx] = hit->id;
    hit->max_end = std::max(hit->max_end, end);
    if (hit->source_code.empty()) hit->source_code = m.source_code;
    if (hit->target_code.empty()) hit->target_code = m.target_code;
    if (m.place != PlaceKind::kNone) {
      hit->any_place = true;
      if (hit->country.empty()) hit->country = m.country;
    }
    if (m.place == PlaceKind::kPoint && !hit->has_anchor) {
      hit->has_anchor = true;
      hit->lat = m.lat;
      hit->lon = m.lon;
    }
  }
  return out;
}

}  // namespace kroniek::store::internal
