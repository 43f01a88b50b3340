// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// The CLI is thin: one file per subcommand (cmd_<name>.cc), each exposing a
// Register<Name>() that adds its CLI11 subcommand and returns how to run it.
// main.cc registers them all, parses, and runs the one selected.
//
// Exit codes (documented in README.md):
//   0  the run completed (quarantined documents do not change this)
//   1  the run itself failed (unreadable resources, store error, I/O error)
//   2  usage error (bad flags or arguments)
#ifndef KRONIEK_CLI_COMMANDS_H_
#define KRONIEK_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace kroniek::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;  // called after parsing when `app` was selected
};

Command RegisterAnalyze(CLI::App& root);
Command RegisterIngest(CLI::App& root);
Command RegisterEval(CLI::App& root);
Command RegisterCode(CLI::App& root);
Command RegisterTrain(CLI::App& root);
Command RegisterTag(CLI::App& root);
Command RegisterDict(CLI::App& root);
Command RegisterGazetteer(CLI::App& root);
Command RegisterServe(CLI::App& root);
Command RegisterDedup(CLI::App& root);

}  // namespace kroniek::cli

#endif  // KRONIEK_CLI_COMMANDS_H_
