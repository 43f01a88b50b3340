// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Synthetic stores for load tests and benchmarks: fictional incidents, each
// reported by one to three generated articles, written through the normal
// Store API (AddDocument + AddMentions), so a synthetic store is shaped like
// a real one. Deterministic for a given seed.
//
//   auto store = kroniek::store::Store::Open("load.db");
//   KRONIEK_RETURN_IF_ERROR(kroniek::store::AddSyntheticIncidents(**store, 100000, 1));
//   KRONIEK_RETURN_IF_ERROR((*store)->Deduplicate({}));
//
// Thread-safety: as Store (one writer).
#ifndef KRONIEK_STORE_SYNTHETIC_H_
#define KRONIEK_STORE_SYNTHETIC_H_

#include <cstdint>

#include "kroniek/status.h"
#include "store/store.h"

namespace kroniek::store {

// Adds `incidents` fictional incidents (about 1.4 reports each) dated
// 2018-01-01 .. 2024-12-31, in batches of its own (call outside a batch).
// Incidents are spread out enough that default dedup settings keep almost
// all of them apart. Errors: those of the Store calls.
Status AddSyntheticIncidents(Store& store, int64_t incidents, uint64_t seed);

}  // namespace kroniek::store

#endif  // KRONIEK_STORE_SYNTHETIC_H_
