// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <vector>

#include "base/resources.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace kroniek::cli;
  CLI::App app{
      "kroniek: turns dated news articles into coded, geocoded political and "
      "conflict events.\nExit codes: 0 run completed (quarantined inputs "
      "included), 1 run failed, 2 usage error."};
  app.set_version_flag("--version",
                       std::string("kroniek ") +
                           std::string(kroniek::base::KroniekVersion()));
  app.require_subcommand(1);
  std::vector<Command> commands = {
      RegisterAnalyze(app),
      RegisterIngest(app),
      RegisterEval(app),
      RegisterCode(app),
      RegisterTrain(app),
      RegisterTag(app),
      RegisterDict(app),
      RegisterGazetteer(app),
      RegisterServe(app),
      RegisterDedup(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  for (const Command& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return kExitUsage;
}
