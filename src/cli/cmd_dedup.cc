// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek dedup: re-clusters every stored mention into deduplicated events
// (Store::Deduplicate). Also migrates an older store forward on open.
//
// Hidden for load tests: --synthetic N first adds N fictional incidents
// (store/synthetic.h) to the store, e.g. bench/load/run.sh.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "store/store.h"
#include "store/synthetic.h"

namespace kroniek::cli {

namespace {

struct DedupFlags {
  std::string db = "kroniek.db";
  int window_days = 1;
  double distance_km = 25;
  int64_t synthetic = 0;
  uint64_t seed = 1;
};

int RunDedup(const DedupFlags& f) {
  auto t0 = std::chrono::steady_clock::now();
  auto store = store::Store::Open(f.db);
  if (!store.ok()) {
    std::fprintf(stderr, "kroniek dedup: %s\n", store.status().ToString().c_str());
    return kExitFailed;
  }
  if (f.synthetic > 0) {
    Status s = store::AddSyntheticIncidents(**store, f.synthetic, f.seed);
    if (!s.ok()) {
      std::fprintf(stderr, "kroniek dedup: synthetic: %s\n", s.ToString().c_str());
      return kExitFailed;
    }
  }
  store::DedupSettings settings;
  settings.window_days = f.window_days;
  settings.distance_km = f.distance_km;
  store::DedupSummary sum;
  Status s = (*store)->Deduplicate(settings, &sum);
  if (!s.ok()) {
    std::fprintf(stderr, "kroniek dedup: %s\n", s.ToString().c_str());
    return s.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailed;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
                    .count();
  std::fprintf(stderr,
               "dedup: %lld mentions -> %lld events (%lld new, %lld updated, "
               "%lld unchanged, %lld deleted; %lld mentions relinked) in %.1f s "
               "[window %d days, distance %.1f km]\n",
               static_cast<long long>(sum.mentions),
               static_cast<long long>(sum.events),
               static_cast<long long>(sum.created),
               static_cast<long long>(sum.updated),
               static_cast<long long>(sum.unchanged),
               static_cast<long long>(sum.deleted),
               static_cast<long long>(sum.relinked), secs, f.window_days,
               f.distance_km);
  return kExitOk;
}

}  // namespace

Command RegisterDedup(CLI::App& root) {
  auto f = std::make_shared<DedupFlags>();
  Command c;
  c.app = root.add_subcommand(
      "dedup",
      "Cluster the stored mentions into deduplicated events (same type, "
      "compatible actors, close dates and places); safe to re-run");
  c.app->add_option("--db", f->db, "SQLite store file")->capture_default_str();
  c.app->add_option("--window-days", f->window_days,
                    "dates of one event may be this many days apart")
      ->capture_default_str()
      ->check(CLI::Range(0, 3660));
  c.app->add_option("--distance-km", f->distance_km,
                    "places of one event may be this far apart")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 20100.0));
  // Load tests only: hidden from --help (empty group).
  c.app->add_option("--synthetic", f->synthetic,
                    "first add N fictional incidents (load tests)")
      ->group("");
  c.app->add_option("--seed", f->seed, "seed for --synthetic")->group("");
  c.run = [f] { return RunDedup(*f); };
  return c;
}

}  // namespace kroniek::cli
