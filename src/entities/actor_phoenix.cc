// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "entities/actor_phoenix.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <system_error>
#include <vector>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::entities {
namespace {

struct Range {
  std::string code, from, to;
};

struct Pending {
  std::string id;
  std::vector<std::string> aliases;
  std::string code;  // from the entry line, may be empty
  std::vector<Range> ranges;
};

Status LineError(std::string_view name, int line_no, std::string_view what,
                 std::string_view line) {
  return InvalidArgumentError(std::string(name) + ":" + std::to_string(line_no) +
                              ": " + std::string(what) + " in '" +
                              base::Snippet(line, 60) + "'");
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "VLADIMIR_PUTIN_" -> "Vladimir Putin" (names) or "vladimir putin" (agents).
std::string Words(std::string_view w, bool lower) {
  while (!w.empty() && w.back() == '_') w.remove_suffix(1);
  std::string out;
  bool start = true;
  for (char c : w) {
    if (c == '_') {
      out += ' ';
      start = true;
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    out += (lower || !start) ? static_cast<char>(std::tolower(u)) : static_cast<char>(std::toupper(u));
    start = c == '-';
  }
  return out;
}

// YYMMDD or YYYYMMDD -> YYYY-MM-DD; false when malformed.
bool ConvertDate(std::string_view d, std::string* out) {
  if (!std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  std::string y;
  if (d.size() == 6) {
    int yy = (d[0] - '0') * 10 + (d[1] - '0');
    y = std::to_string(yy >= 50 ? 1900 + yy : 2000 + yy);
    d.remove_prefix(2);
  } else if (d.size() == 8) {
    y = std::string(d.substr(0, 4));
    d.remove_prefix(4);
  } else {
    return false;
  }
  *out = y + "-" + std::string(d.substr(0, 2)) + "-" + std::string(d.substr(2, 2));
  int m = (d[0] - '0') * 10 + (d[1] - '0');
  int day = (d[2] - '0') * 10 + (d[3] - '0');
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

// Parses "[CODE]", "[CODE >date]", "[CODE <date]", "[CODE d1-d2]".
bool ParseBracket(std::string_view b, Range* r) {
  b = Trim(b);
  if (b.size() < 3 || b.front() != '[' || b.back() != ']') return false;
  b = Trim(b.substr(1, b.size() - 2));
  size_t sp = b.find(' ');
  r->code = std::string(b.substr(0, sp));
  if (r->code.empty()) return false;
  if (sp == std::string_view::npos) return true;
  std::string_view d = Trim(b.substr(sp + 1));
  if (d.empty()) return true;
  if (d[0] == '>') return ConvertDate(Trim(d.substr(1)), &r->from);
  if (d[0] == '<') return ConvertDate(Trim(d.substr(1)), &r->to);
  size_t dash = d.find('-');
  if (dash == std::string_view::npos) return false;
  return ConvertDate(Trim(d.substr(0, dash)), &r->from) &&
         ConvertDate(Trim(d.substr(dash + 1)), &r->to);
}

std::string KindFor(const std::string& code, bool agents) {
  if (agents) return "role";
  std::string first = code.substr(0, 3);
  if (first == "IGO" || first == "NGO" || first == "NGM" || first == "MNC" ||
      first == "IMG") {
    return "org";
  }
  return code.size() == 3 ? "country" : "person";
}

}  // namespace

Status ConvertPhoenixDictionary(std::string_view name, std::string_view content,
                                bool agents, std::string* out,
                                PhoenixImportStats* stats) {
  std::string result;
  PhoenixImportStats local;
  std::vector<Pending> done;
  std::optional<Pending> cur;
  auto flush = [&]() {
    if (cur) done.push_back(std::move(*cur));
    cur.reset();
  };
  int line_no = 0;
  size_t start = 0;
  bool in_xml_comment = false;
  while (start <= content.size()) {
    size_t nl = content.find('\n', start);
    std::string_view raw = content.substr(start, nl == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : nl - start);
    start = nl == std::string_view::npos ? content.size() + 1 : nl + 1;
    ++line_no;
    std::string_view line = raw;
    if (in_xml_comment) {
      if (line.find("-->") != std::string_view::npos) in_xml_comment = false;
      continue;
    }
    if (Trim(line).rfind("<!--", 0) == 0) {
      in_xml_comment = line.find("-->") == std::string_view::npos;
      continue;
    }
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    line = Trim(line);
    if (line.empty()) continue;
    if (base::FindInvalidUtf8(line) != std::string_view::npos) {
      return LineError(name, line_no, "invalid UTF-8", raw);
    }
    if (line[0] == '+') {
      if (!cur) return LineError(name, line_no, "synonym before any entry", raw);
      std::string a = Words(Trim(line.substr(1)), agents);
      if (a.empty()) return LineError(name, line_no, "empty synonym", raw);
      cur->aliases.push_back(a);
      continue;
    }
    if (indented && line[0] == '[') {
      if (!cur) return LineError(name, line_no, "date restriction before any entry", raw);
      Range r;
      if (!ParseBracket(line, &r)) return LineError(name, line_no, "malformed [code date]", raw);
      cur->ranges.push_back(r);
      continue;
    }
    // An entry line: WORDS_ [{PLURAL_}] [CODE ...]
    flush();
    Pending p;
    size_t br = line.find('[');
    std::string_view head = Trim(line.substr(0, br));
    std::string plural;
    size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      size_t close = head.find('}', brace);
      if (close == std::string_view::npos) return LineError(name, line_no, "unclosed {plural}", raw);
      plural = Words(Trim(head.substr(brace + 1, close - brace - 1)), agents);
      head = Trim(head.substr(0, brace));
    }
    if (head.empty() || head.find(' ') != std::string_view::npos) {
      return LineError(name, line_no, "entry name must be one WORD_WORD_ token", raw);
    }
    p.aliases.push_back(Words(head, agents));
    if (!plural.empty()) p.aliases.push_back(plural);
    std::string id = Words(head, true);
    std::replace(id.begin(), id.end(), ' ', '_');
    p.id = id;
    if (br != std::string_view::npos) {
      Range r;
      if (!ParseBracket(line.substr(br), &r)) {
        return LineError(name, line_no, "malformed [code]", raw);
      }
      if (agents && r.code[0] == '~') r.code.erase(0, 1);
      if (r.from.empty() && r.to.empty()) {
        p.code = r.code;
      } else {
        p.ranges.push_back(r);
      }
    }
    cur = std::move(p);
  }
  flush();
  for (Pending& p : done) {
    std::vector<Range> ranges = p.ranges;
    if (ranges.empty()) {
      if (p.code.empty()) continue;  // no code at all: nothing to import
      ranges.push_back(Range{p.code, "", ""});
    }
    std::string aliases;
    for (const std::string& a : p.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    for (const Range& r : ranges) {
      std::string code = r.code;
      if (!code.empty() && code[0] == '~') code.erase(0, 1);
      result += KindFor(code, agents) + "\t" + p.id + "\t" + code + "\t" + aliases +
                "\t" + r.from + "\t" + r.to + "\tphoenix " + std::string(name) + "\n";
      ++local.entries;
      local.aliases += static_cast<int>(p.aliases.size());
    }
  }
  out->append(result);
  if (stats) {
    stats->files += 1;
    stats->entries += local.entries;
    stats->aliases += local.aliases;
  }
  return Status::OK();
}

StatusOr<std::string> ImportPhoenixDirectory(const std::string& dir,
                                             PhoenixImportStats* stats) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("not a directory: " + dir);
  std::vector<fs::path> files;
  for (const fs::directory_entry& d : fs::directory_iterator(dir, ec)) {
    if (d.path().extension() == ".txt") files.push_back(d.path());
  }
  if (files.empty()) return NotFoundError("no .txt dictionary in " + dir);
  std::sort(files.begin(), files.end());
  std::string out =
      "# Imported from Phoenix/PETRARCH dictionaries by `kroniek dict import-phoenix`.\n"
      "# kind\tid\tcode\taliases\tvalid_from\tvalid_to\tnote\n";
  for (const fs::path& p : files) {
    std::string content;
    if (!base::ReadFileToString(p.string(), &content)) {
      return UnavailableError("cannot read " + p.string());
    }
    std::string fname = p.filename().string();
    std::string lower = fname;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    KRONIEK_RETURN_IF_ERROR(ConvertPhoenixDictionary(
        fname, content, lower.find("agent") != std::string::npos, &out, stats));
  }
  return out;
}

}  // namespace kroniek::entities
