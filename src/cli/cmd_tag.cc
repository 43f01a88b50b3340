// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "cli/commands.h"

namespace kroniek::cli {

Command RegisterTag(CLI::App& root) {
  Command c;
  c.app = root.add_subcommand("tag", "(not yet implemented)");
  c.run = [] { return kExitFailed; };
  return c;
}

}  // namespace kroniek::cli
