// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/ontology.h"

#include <cstdlib>
#include <sstream>
#include <vector>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::events {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IsCode(const std::string& s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

StatusOr<std::unique_ptr<Ontology>> Ontology::Load(const std::string& dir) {
  std::string path = dir + "/common/ontology/cameo.tsv";
  std::string text;
  if (!base::ReadFileToString(path, &text))
    return NotFoundError("cannot read ontology table " + path);
  return Parse(path, text);
}

StatusOr<std::unique_ptr<Ontology>> Ontology::Parse(const std::string& name,
                                                    const std::string& text) {
  auto ont = std::make_unique<Ontology>();
  std::istringstream in(text);
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& what) {
      return InvalidArgumentError(name + ":" + std::to_string(lineno) + ": " +
                                  what + " in '" + base::Snippet(line) + "'");
    };
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() != 9) return bad("expected 9 tab-separated columns, got " +
                                  std::to_string(f.size()));
    CameoInfo c;
    c.code = f[0];
    if (!IsCode(c.code)) return bad("bad CAMEO code '" + c.code + "'");
    c.root = f[1];
    if (c.root.size() != 2 || c.code.compare(0, 2, c.root) != 0)
      return bad("root '" + c.root + "' does not match code");
    c.name = f[2];
    char* end = nullptr;
    c.goldstein = std::strtod(f[3].c_str(), &end);
    if (f[3].empty() || *end != '\0' || c.goldstein < -10 || c.goldstein > 10)
      return bad("bad Goldstein score '" + f[3] + "'");
    if (f[4].size() != 1 || f[4][0] < '1' || f[4][0] > '4')
      return bad("bad quad class '" + f[4] + "'");
    c.quad_class = f[4][0] - '0';
    c.plover_type = f[5];
    c.plover_mode = f[6];
    c.plover_context = f[7];
    if (!ont->codes_.emplace(c.code, c).second)
      return bad("duplicate code '" + c.code + "'");
  }
  if (ont->codes_.empty()) return InvalidArgumentError(name + ": no codes");
  return ont;
}

const CameoInfo* Ontology::Find(const std::string& code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace kroniek::events
