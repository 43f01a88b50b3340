// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// ClusterMentions: the pure core of Store::Deduplicate(), separate from SQLite
// so it can be tested and reasoned about alone.
//
// The idea. Two reports describe the same incident when they have the same
// kind of action (PLOVER type, or the CAMEO root when PLOVER is empty),
// compatible actors (same source and target codes, or one side unknown),
// dates within a window and places within a distance. "Same incident" is not
// transitive in general, so we cluster greedily in a fixed order, which
// makes the result a deterministic function of the mention set:
//
//   1. Mentions are sorted by (group, start day, mention id).
//   2. Within a group, each mention joins the first still-open cluster (in
//      creation order) it is compatible with, else opens a new cluster.
//   3. A cluster closes for good once the sweep's start day passes its
//      latest end day plus the window, so each mention is compared only with
//      clusters that can still match (sweep line; near-linear in practice).
//
// Compatibility of mention m with cluster c:
//   * dates: m.start <= c.max_end + window (m.start >= c.min_start by order);
//     a mention without a usable date never joins or is joined.
//   * actors: for each side, m's code is empty, c's code is empty, or equal;
//     a cluster adopts the first known code of each side.
//   * place: a mention with coordinates (precision finer than country)
//     matches a cluster's anchor (its first such mention) within
//     `distance_km` (haversine), or, when the cluster has no anchor, a cluster
//     whose country is m's. A country-level mention matches on the same
//     country. A mention with no place matches only a cluster with no place.
//
// Invariants: every mention is in exactly one cluster; clusters are numbered
// in creation order; the output depends only on the input set, not its order.
#ifndef KRONIEK_STORE_INTERNAL_CLUSTER_H_
#define KRONIEK_STORE_INTERNAL_CLUSTER_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kroniek::store::internal {

inline constexpr int64_t kNoDay = INT64_MIN;

enum class PlaceKind { kNone, kCountry, kPoint };

struct MentionKey {
  std::string mention_id;
  std::string group;  // PLOVER type, or "cameo:" + CAMEO root
  std::string source_code, target_code;
  int64_t start_day = kNoDay, end_day = kNoDay;  // days since 1970-01-01
  PlaceKind place = PlaceKind::kNone;
  double lat = 0, lon = 0;
  std::string country;  // ISO3 of the place, may be empty
};

// Returns, for each key (by index), the number of its cluster (0..k-1).
std::vector<int> ClusterMentions(const std::vector<MentionKey>& keys,
                                 int window_days, double distance_km);

// Great-circle distance in kilometres (haversine, mean Earth radius).
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// "0256" -> "02"; "" -> "".
std::string CameoRoot(const std::string& cameo);

}  // namespace kroniek::store::internal

#endif  // KRONIEK_STORE_INTERNAL_CLUSTER_H_
