// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Converts Phoenix/PETRARCH plain-text actor and agent dictionaries into the
// Kroniek actor TSV format (src/lang/README-actors.md).
//
//   PhoenixImportStats stats;
//   StatusOr<std::string> tsv = ImportPhoenixDirectory("phoenix/", &stats);
//   if (!tsv.ok()) return tsv.status();   // file:line of the first bad line
//
// Input format (PETRARCH dictionary documentation):
//   # comment, or <!-- comment --> lines; trailing "# ..." comments too
//   VLADIMIR_PUTIN_  [RUSGOV]      an entry: words joined by '_', code
//   +PUTIN_                         a synonym of the entry above
//       [RUSELI <000507]            indented date restriction: before,
//       [RUSGOV >000507]            after, or a range 000507-080507;
//       [RUSGOV 20000507-20080507]  dates YYMMDD (>=50 is 19xx) or YYYYMMDD
//   PRESIDENT_ {PRESIDENTS_} [~GOV] an agent (sector with '~'); {plural}
// Output: one TSV line per (entry, code, date range). Actors with a bare
// 3-letter code become `country`, IGO/NGO codes `org`, others `person`;
// agents become `role` (lower case). Codes are not checked here: run
// `kroniek dict check` on the result.
//
// Thread-safety: pure functions.
#ifndef KRONIEK_ENTITIES_ACTOR_PHOENIX_H_
#define KRONIEK_ENTITIES_ACTOR_PHOENIX_H_

#include <string>
#include <string_view>

#include "kroniek/status.h"

namespace kroniek::entities {

struct PhoenixImportStats {
  int files = 0;
  int entries = 0;  // output lines
  int aliases = 0;
};

// Converts one file. `name` is used in messages; `agents` selects the agent
// format. Appends TSV lines (no header) to *out. Errors: InvalidArgument
// "<name>:<line>: <what> in '<snippet>'" (synonym before any entry,
// malformed or unclosed [code], bad date). *out is unchanged on error.
Status ConvertPhoenixDictionary(std::string_view name, std::string_view content,
                                bool agents, std::string* out,
                                PhoenixImportStats* stats);

// Converts every *.txt file of `dir` (sorted; a file whose name contains
// "agent" uses the agent format) and returns the TSV with a header comment.
// Errors: NotFound when `dir` is not a directory or holds no .txt file;
// Unavailable when a file cannot be read; else as above.
StatusOr<std::string> ImportPhoenixDirectory(const std::string& dir,
                                             PhoenixImportStats* stats);

}  // namespace kroniek::entities

#endif  // KRONIEK_ENTITIES_ACTOR_PHOENIX_H_
