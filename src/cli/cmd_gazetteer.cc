// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek gazetteer build   [--out FILE] [--data DIR] [--mo FILE] [--geo DIR]
// kroniek gazetteer info    [--gazetteer FILE]
// kroniek gazetteer resolve NAME... [--country ISO3]... [--in Y] [--gazetteer
// FILE]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "base/resources.h"
#include "cli/commands.h"
#include "entities/geocoder.h"

namespace kroniek::cli {
namespace {

struct Options {
  std::string out = "build/gazetteer.bin";
  std::string data_dir, mo, geo_dir, gazetteer;
  std::vector<std::string> names, countries;
  std::string container;
};

double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
      .count();
}

int Fail(const Status& s) {
  std::fprintf(stderr, "kroniek gazetteer: %s\n", s.ToString().c_str());
  return kExitFailed;
}

int RunBuild(const Options& o) {
  std::string data = o.data_dir;
  if (data.empty()) {
    const char* env = std::getenv("KRONIEK_DATA_DIR");
    data = env && *env ? env : base::ResourceDir() + "/../../data";
  }
  entities::GazetteerSources src = entities::GazetteerSources::Defaults(
      data, o.geo_dir.empty() ? base::ResourceDir() + "/geo" : o.geo_dir);
  if (!o.mo.empty()) src.geonames_mo = o.mo;
  const auto t0 = std::chrono::steady_clock::now();
  StatusOr<entities::GazetteerStats> st =
      entities::BuildGazetteerFile(src, o.out);
  if (!st.ok()) return Fail(st.status());
  std::printf(
      "wrote %s: %zu bytes, %zu places (%zu countries, %zu regions, %zu with "
      "Dutch names), %zu keys, %zu postings, %zu stop words in %.2f s\n",
      o.out.c_str(), st->file_bytes, st->places, st->countries, st->regions,
      st->dutch_names, st->keys, st->postings, st->stop_words,
      SecondsSince(t0));
  return kExitOk;
}

StatusOr<entities::Geocoder> Load(const Options& o, double* seconds) {
  const auto t0 = std::chrono::steady_clock::now();
  auto g = entities::Geocoder::Open(
      o.gazetteer.empty() ? entities::Gazetteer::DefaultPath() : o.gazetteer);
  *seconds = SecondsSince(t0);
  return g;
}

int RunInfo(const Options& o) {
  double s = 0;
  StatusOr<entities::Geocoder> g = Load(o, &s);
  if (!g.ok()) return Fail(g.status());
  const entities::Gazetteer& gz = g->gazetteer();
  std::printf("places %zu\nkeys %zu\nbytes %zu\nload_ms %.2f\nattribution %s\n",
              gz.place_count(), gz.key_count(), gz.file_bytes(), s * 1e3,
              std::string(gz.attribution()).c_str());
  return kExitOk;
}

int RunResolve(const Options& o) {
  double s = 0;
  StatusOr<entities::Geocoder> g = Load(o, &s);
  if (!g.ok()) return Fail(g.status());
  entities::PlaceContext ctx;
  ctx.doc_countries = o.countries;
  ctx.container = o.container;
  int misses = 0;
  for (const std::string& name : o.names) {
    std::optional<entities::ResolvedPlace> p = g->Resolve(name, ctx);
    if (!p) {
      std::printf("%s\t-\tno match\n", name.c_str());
      ++misses;
      continue;
    }
    std::printf("%s\t%lld\t%s\t%s\t%.5f\t%.5f\t%s\t%s\t%s\t%.2f\t%s\n",
                name.c_str(), static_cast<long long>(p->geonames_id),
                p->region_id.c_str(), p->name.c_str(), p->lat, p->lon,
                p->country_iso3.c_str(), p->feature_code.c_str(),
                p->precision.c_str(), p->score, p->decided_by.c_str());
  }
  return misses == 0 ? kExitOk : kExitFailed;
}

}  // namespace

Command RegisterGazetteer(CLI::App& root) {
  auto o = std::make_shared<Options>();
  Command c;
  c.app = root.add_subcommand(
      "gazetteer",
      "Compile and query the offline gazetteer (GeoNames, CC BY 4.0)");
  c.app->require_subcommand(1);
  CLI::App* build = c.app->add_subcommand(
      "build",
      "Compile cities500 + Dutch names + countries + regions into a "
      "memory-mappable gazetteer");
  build->add_option("--out", o->out,
                    "Output file (default build/gazetteer.bin)");
  build->add_option(
      "--data", o->data_dir,
      "Data dir holding node_modules/ (default $KRONIEK_DATA_DIR, "
      "else <resources>/../../data)");
  build->add_option("--mo", o->mo, "Dutch geonames.mo (default Debian's)");
  build->add_option("--geo", o->geo_dir,
                    "Our geo files (default <resources>/geo)");
  CLI::App* info = c.app->add_subcommand(
      "info", "Load a gazetteer and print its size and load time");
  CLI::App* resolve = c.app->add_subcommand(
      "resolve", "Resolve place names; exit 1 when one does not resolve");
  for (CLI::App* a : {info, resolve}) {
    a->add_option("--gazetteer", o->gazetteer,
                  "Gazetteer file (default $KRONIEK_GAZETTEER, <exe "
                  "dir>/gazetteer.bin, ./build/gazetteer.bin)");
  }
  resolve->add_option("names", o->names, "Place names")->required();
  resolve->add_option("--country", o->countries,
                      "ISO3 countries of the document, most frequent first");
  resolve->add_option("--in", o->container, "Container: the Y of 'X in Y'");
  c.run = [o, build, info, resolve] {
    if (build->parsed()) return RunBuild(*o);
    if (info->parsed()) return RunInfo(*o);
    if (resolve->parsed()) return RunResolve(*o);
    return kExitUsage;
  };
  return c;
}

}  // namespace kroniek::cli
