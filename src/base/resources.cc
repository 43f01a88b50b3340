// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/resources.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kroniek::base {

std::string ResourceDir(std::string_view explicit_dir) {
  if (!explicit_dir.empty()) return std::string(explicit_dir);
  if (const char* env = std::getenv("KRONIEK_RESOURCES"); env && *env) return env;
  return KRONIEK_DEFAULT_RESOURCES;
}

std::string_view KroniekVersion() { return KRONIEK_VERSION; }

bool ReadFileToString(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return false;
  *out = std::move(ss).str();
  return true;
}

}  // namespace kroniek::base
