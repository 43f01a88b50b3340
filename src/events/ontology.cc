// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/ontology.h"

#include <cstdlib>
#include <vector>

#include "base/resources.h"
#include "base/tsv.h"

namespace kroniek::events {

namespace {

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
  // Lines as they are, '\r' included: the table has always been read so (a
  // CRLF blank line is an error here, unlike in the event dictionary).
  base::TsvOptions options;
  options.strip_cr = false;
  for (const base::TsvLine& l : base::TsvLines(name, text, options)) {
    const std::vector<std::string>& f = l.fields;
    if (f.size() != 9)
      return l.Error("expected 9 tab-separated columns, got " + std::to_string(f.size()));
    CameoInfo c;
    c.code = f[0];
    if (!IsCode(c.code)) return l.Error("bad CAMEO code '" + c.code + "'");
    c.root = f[1];
    if (c.root.size() != 2 || c.code.compare(0, 2, c.root) != 0)
      return l.Error("root '" + c.root + "' does not match code");
    c.name = f[2];
    char* end = nullptr;
    c.goldstein = std::strtod(f[3].c_str(), &end);
    if (f[3].empty() || *end != '\0' || c.goldstein < -10 || c.goldstein > 10)
      return l.Error("bad Goldstein score '" + f[3] + "'");
    if (f[4].size() != 1 || f[4][0] < '1' || f[4][0] > '4')
      return l.Error("bad quad class '" + f[4] + "'");
    c.quad_class = f[4][0] - '0';
    c.plover_type = f[5];
    c.plover_mode = f[6];
    c.plover_context = f[7];
    if (!ont->codes_.emplace(c.code, c).second)
      return l.Error("duplicate code '" + c.code + "'");
  }
  if (ont->codes_.empty()) return InvalidArgumentError(name + ": no codes");
  return ont;
}

const CameoInfo* Ontology::Find(const std::string& code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace kroniek::events
