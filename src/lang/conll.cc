// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/conll.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::lang {
namespace {

// Calls fn(line_number, line) for each line (without '\n' or trailing '\r').
template <typename Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    KRONIEK_RETURN_IF_ERROR(fn(++line_no, line));
    pos = end + 1;
  }
  return Status::OK();
}

std::vector<std::string_view> Split(std::string_view line, bool tabs_only) {
  std::vector<std::string_view> cols;
  size_t i = 0;
  while (i < line.size()) {
    if (!tabs_only) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i == line.size()) break;
    }
    size_t j = i;
    while (j < line.size() && line[j] != '\t' && (tabs_only || line[j] != ' ')) ++j;
    cols.push_back(line.substr(i, j - i));
    i = j + 1;
    if (tabs_only && j == line.size()) break;
  }
  return cols;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

StatusOr<std::vector<LabeledSentence>> ParseConllU(std::string_view text, std::string_view name) {
  std::vector<LabeledSentence> out;
  LabeledSentence cur;
  Status st = ForEachLine(text, [&](int line_no, std::string_view line) -> Status {
    if (IsBlank(line)) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = LabeledSentence();
      return Status::OK();
    }
    if (line[0] == '#') return Status::OK();
    std::vector<std::string_view> cols = Split(line, /*tabs_only=*/true);
    if (cols.size() < 10) {
      return InvalidArgumentError(std::string(name) + ":" + std::to_string(line_no) +
                                  ": expected 10 tab-separated columns, got " +
                                  std::to_string(cols.size()) + " in '" +
                                  base::Snippet(line) + "'");
    }
    if (cols[0].find_first_of("-.") != std::string_view::npos) return Status::OK();
    cur.words.emplace_back(cols[1]);
    cur.tags.emplace_back(cols[3]);
    return Status::OK();
  });
  if (!st.ok()) return st;
  if (!cur.words.empty()) out.push_back(std::move(cur));
  return out;
}

StatusOr<std::vector<LabeledSentence>> ParseConll2002(std::string_view text,
                                                      std::string_view name) {
  std::vector<LabeledSentence> out;
  LabeledSentence cur;
  int doc = 0;
  bool seen_docstart = false;
  auto flush = [&] {
    if (!cur.words.empty()) {
      cur.doc = doc;
      out.push_back(std::move(cur));
    }
    cur = LabeledSentence();
  };
  Status st = ForEachLine(text, [&](int line_no, std::string_view line) -> Status {
    if (IsBlank(line)) {
      flush();
      return Status::OK();
    }
    std::vector<std::string_view> cols = Split(line, /*tabs_only=*/false);
    if (cols[0] == "-DOCSTART-") {
      flush();
      if (seen_docstart || !out.empty()) ++doc;
      seen_docstart = true;
      return Status::OK();
    }
    if (cols.size() < 2) {
      return InvalidArgumentError(std::string(name) + ":" + std::to_string(line_no) +
                                  ": expected 'WORD ... TAG', got one column in '" +
                                  base::Snippet(line) + "'");
    }
    cur.words.emplace_back(cols.front());
    cur.tags.emplace_back(cols.back());
    return Status::OK();
  });
  if (!st.ok()) return st;
  flush();
  return out;
}

StatusOr<std::vector<LabeledSentence>> ReadConllUFile(const std::string& path) {
  std::string text;
  if (!base::ReadFileToString(path, &text)) return NotFoundError(path + ": cannot read");
  return ParseConllU(text, path);
}

StatusOr<std::vector<LabeledSentence>> ReadConll2002File(const std::string& path) {
  std::string text;
  if (!base::ReadFileToString(path, &text)) return NotFoundError(path + ": cannot read");
  return ParseConll2002(text, path);
}

StatusOr<std::vector<LabeledSentence>> ReadCorpusSpec(const std::string& spec, bool conllu) {
  std::string path = spec;
  int part = 1, parts = 1;
  size_t hash = spec.rfind('#');
  if (hash != std::string::npos) {
    path = spec.substr(0, hash);
    std::string_view range = std::string_view(spec).substr(hash + 1);
    size_t slash = range.find('/');
    auto bad = [&] {
      return InvalidArgumentError("corpus spec '" + spec +
                                  "': expected PATH#K/N with 1 <= K <= N (e.g. test.conllu#2/2)");
    };
    if (slash == std::string_view::npos) return bad();
    auto r1 = std::from_chars(range.data(), range.data() + slash, part);
    auto r2 = std::from_chars(range.data() + slash + 1, range.data() + range.size(), parts);
    if (r1.ec != std::errc() || r1.ptr != range.data() + slash || r2.ec != std::errc() ||
        r2.ptr != range.data() + range.size() || parts < 1 || part < 1 || part > parts) {
      return bad();
    }
  }
  auto all = conllu ? ReadConllUFile(path) : ReadConll2002File(path);
  if (!all.ok() || parts == 1) return all;
  const size_t n = all->size();
  const size_t b = (part - 1) * n / parts, e = part * n / parts;
  return std::vector<LabeledSentence>(all->begin() + b, all->begin() + e);
}

std::vector<Chunk> ExtractChunks(const std::vector<std::string>& tags) {
  // conlleval's startOfChunk / endOfChunk, with the previous tag carried.
  std::vector<Chunk> chunks;
  auto parse = [](const std::string& t, char* prefix, std::string_view* type) {
    if (t == "O" || t.empty()) {
      *prefix = 'O';
      *type = {};
      return;
    }
    size_t dash = t.find('-');
    if (dash == 1) {
      *prefix = t[0];
      *type = std::string_view(t).substr(2);
    } else {
      *prefix = 'I';
      *type = t;
    }
  };
  char prev = 'O';
  std::string_view prev_type;
  int open = -1;
  for (size_t i = 0; i <= tags.size(); ++i) {
    char p = 'O';
    std::string_view type;
    if (i < tags.size()) parse(tags[i], &p, &type);
    bool end = false, start = false;
    if (prev == 'B' && (p == 'B' || p == 'S' || p == 'O')) end = true;
    if (prev == 'I' && (p == 'B' || p == 'S' || p == 'O')) end = true;
    if (prev == 'E' || prev == 'S') end = true;
    if (prev != 'O' && prev_type != type) end = true;
    if (p == 'B' || p == 'S') start = true;
    if ((prev == 'E' || prev == 'S' || prev == 'O') && (p == 'E' || p == 'I')) start = true;
    if (p != 'O' && prev_type != type) start = true;
    if (end && open >= 0) {
      chunks.push_back({open, static_cast<int>(i), std::string(prev_type)});
      open = -1;
    }
    if (start && p != 'O') open = static_cast<int>(i);
    prev = p;
    prev_type = type;
  }
  return chunks;
}

StatusOr<EntityScores> ScoreConllEntities(const std::vector<std::vector<std::string>>& gold,
                                          const std::vector<std::vector<std::string>>& pred) {
  if (gold.size() != pred.size()) {
    return InvalidArgumentError("entity scoring: " + std::to_string(gold.size()) +
                                " gold sentences but " + std::to_string(pred.size()) +
                                " predicted");
  }
  EntityScores s;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].size() != pred[i].size()) {
      return InvalidArgumentError("entity scoring: sentence " + std::to_string(i) + " has " +
                                  std::to_string(gold[i].size()) + " gold tags but " +
                                  std::to_string(pred[i].size()) + " predicted");
    }
    for (size_t j = 0; j < gold[i].size(); ++j) {
      ++s.tokens;
      s.tokens_correct += gold[i][j] == pred[i][j];
    }
    std::vector<Chunk> g = ExtractChunks(gold[i]), p = ExtractChunks(pred[i]);
    std::set<Chunk> gs(g.begin(), g.end());
    for (const Chunk& c : g) {
      ++s.overall.gold;
      ++s.per_type[c.type].gold;
    }
    for (const Chunk& c : p) {
      ++s.overall.predicted;
      ++s.per_type[c.type].predicted;
      if (gs.count(c) != 0) {
        ++s.overall.correct;
        ++s.per_type[c.type].correct;
      }
    }
  }
  auto finish = [](PrfScore* x) {
    x->precision = x->predicted ? 100.0 * x->correct / x->predicted : 0;
    x->recall = x->gold ? 100.0 * x->correct / x->gold : 0;
    x->f1 = x->precision + x->recall > 0
                ? 2 * x->precision * x->recall / (x->precision + x->recall)
                : 0;
  };
  finish(&s.overall);
  for (auto& [type, x] : s.per_type) finish(&x);
  return s;
}

}  // namespace kroniek::lang
