// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// kroniek dict check [--resources DIR]
//   Loads and validates the actor dictionaries of every language, runs their
//   self-tests, prints counts per file. Exit 1 listing every error if any fails.
// kroniek dict import-phoenix DIR --out FILE
//   Converts Phoenix/PETRARCH actor/agent dictionaries to our TSV format.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "base/resources.h"
#include "cli/commands.h"
#include "entities/actor_dictionary.h"
#include "entities/actor_matcher.h"
#include "entities/actor_phoenix.h"

namespace kroniek::cli {
namespace {

struct DictOptions {
  std::string resources;
  std::string phoenix_dir;
  std::string out;
};

int RunCheck(const DictOptions& o) {
  const std::string dir = base::ResourceDir(o.resources);
  std::vector<std::string> langs = entities::ActorLanguages(dir);
  if (langs.empty()) {
    std::fprintf(stderr, "dict check: no <lang>/actors folder under %s\n", dir.c_str());
    return kExitFailed;
  }
  int failed = 0;
  for (const std::string& lang : langs) {
    StatusOr<entities::ActorDictionary> dict = entities::LoadActorDictionary(dir, lang);
    if (!dict.ok()) {
      std::fprintf(stderr, "dict check: %s: %s\n", lang.c_str(),
                   dict.status().ToString().c_str());
      ++failed;
      continue;
    }
    for (const entities::ActorFileCount& f : dict->file_counts()) {
      std::printf("%s\t%s\t%d entries\t%d aliases\t%d self-tests\n", lang.c_str(),
                  f.file.c_str(), f.entries, f.aliases, f.self_tests);
    }
    size_t tests = dict->self_tests().size();
    const entities::ActorMatcher matcher(*std::move(dict));
    Status st = matcher.RunSelfTests();
    if (!st.ok()) {
      std::fprintf(stderr, "dict check: %s: self-tests failed:\n%s\n", lang.c_str(),
                   st.message().c_str());
      ++failed;
    } else {
      std::printf("%s\tself-tests\t%zu passed\n", lang.c_str(), tests);
    }
  }
  if (failed > 0) return kExitFailed;
  std::printf("dict check: OK (%zu languages)\n", langs.size());
  return kExitOk;
}

int RunImport(const DictOptions& o) {
  entities::PhoenixImportStats stats;
  StatusOr<std::string> tsv = entities::ImportPhoenixDirectory(o.phoenix_dir, &stats);
  if (!tsv.ok()) {
    std::fprintf(stderr, "dict import-phoenix: %s\n", tsv.status().ToString().c_str());
    return kExitFailed;
  }
  std::ofstream f(o.out, std::ios::binary);
  f << *tsv;
  f.close();
  if (!f) {
    std::fprintf(stderr, "dict import-phoenix: cannot write %s\n", o.out.c_str());
    return kExitFailed;
  }
  std::printf("dict import-phoenix: %d files, %d entries, %d aliases -> %s\n",
              stats.files, stats.entries, stats.aliases, o.out.c_str());
  return kExitOk;
}

}  // namespace

Command RegisterDict(CLI::App& root) {
  auto opts = std::make_shared<DictOptions>();
  Command c;
  c.app = root.add_subcommand("dict", "Validate and import actor dictionaries");
  c.app->require_subcommand(1);
  CLI::App* check = c.app->add_subcommand(
      "check", "Validate all actor dictionaries of all languages and run their self-tests");
  check->add_option("--resources", opts->resources, "Resource directory (default: KRONIEK_RESOURCES or built-in)");
  CLI::App* import = c.app->add_subcommand(
      "import-phoenix", "Convert Phoenix/PETRARCH actor and agent dictionaries to Kroniek TSV");
  import->add_option("DIR", opts->phoenix_dir, "Folder with Phoenix .txt dictionaries")->required();
  import->add_option("--out", opts->out, "Output TSV file")->required();
  c.run = [opts, check, import] {
    if (check->parsed()) return RunCheck(*opts);
    if (import->parsed()) return RunImport(*opts);
    return kExitUsage;
  };
  return c;
}

}  // namespace kroniek::cli
