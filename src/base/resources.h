// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Where language packs and compiled resources live. Resolution order:
//   1. an explicit directory (the CLI's --resources),
//   2. the environment variable KRONIEK_RESOURCES,
//   3. the source tree's src/lang, compiled in at build time.
#ifndef KRONIEK_BASE_RESOURCES_H_
#define KRONIEK_BASE_RESOURCES_H_

#include <string>
#include <string_view>

namespace kroniek::base {

// The resource root (a directory holding one folder per language, e.g. nl/).
std::string ResourceDir(std::string_view explicit_dir = {});

// "0.1.0".
std::string_view KroniekVersion();

// Reads a whole file into *out. Returns false (and leaves *out unspecified)
// when it cannot be opened or read.
bool ReadFileToString(const std::string& path, std::string* out);

}  // namespace kroniek::base

#endif  // KRONIEK_BASE_RESOURCES_H_
