// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/event_dictionary.h"

#include <algorithm>
#include <sstream>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::events {

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? p : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

std::vector<std::string> Alternatives(const std::string& s) {
  if (s == "-" || s.empty()) return {};
  return Split(s, '|');
}

struct Line {
  int number;
  std::string text;
};

Status ReadLines(const std::string& path, std::vector<Line>* out) {
  std::string text;
  if (!base::ReadFileToString(path, &text)) return NotFoundError("cannot read " + path);
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out->push_back({n, line});
  }
  return Status::OK();
}

bool ValidSlot(const std::string& s, bool target) {
  if (s == "subj" || s == "none") return true;
  if (s.rfind("pobj:", 0) == 0 && s.size() > 5) return true;
  if (target && (s == "obj" || s == "recip")) return true;
  return false;
}

const std::vector<const Pattern*> kNoPatterns;
const std::vector<std::string> kNoCues;

}  // namespace

int Pattern::specificity() const {
  return (particle.empty() ? 0 : 1) + (reflexive ? 1 : 0) + (preps.empty() ? 0 : 1) +
         (objects.empty() ? 0 : 2);
}

StatusOr<std::unique_ptr<EventDictionary>> EventDictionary::Load(
    const std::string& dir, const std::string& lang, const Ontology& ontology) {
  auto d = std::make_unique<EventDictionary>();
  const std::string base = dir + "/" + lang + "/events/";

  // patterns.tsv
  {
    const std::string path = base + "patterns.tsv";
    std::vector<Line> lines;
    KRONIEK_RETURN_IF_ERROR(ReadLines(path, &lines));
    std::set<std::string> keys;
    for (const Line& l : lines) {
      auto bad = [&](const std::string& what) {
        return InvalidArgumentError(path + ":" + std::to_string(l.number) + ": " + what +
                                    " in '" + base::Snippet(l.text, 60) + "'");
      };
      std::vector<std::string> f = Split(l.text, '\t');
      if (f.size() != 11)
        return bad("expected 11 tab-separated columns, got " + std::to_string(f.size()));
      Pattern p;
      if (f[0] == "verb") p.kind = Pattern::Kind::kVerb;
      else if (f[0] == "noun") p.kind = Pattern::Kind::kNoun;
      else return bad("unknown kind '" + f[0] + "' (verb or noun)");
      p.lemma = f[1];
      if (p.lemma.empty() || p.lemma == "-" || p.lemma.find(' ') != std::string::npos)
        return bad("bad lemma '" + p.lemma + "'");
      if (f[2] != "-") {
        p.particle = f[2];
        if (p.lemma.rfind(p.particle, 0) != 0 || p.lemma.size() <= p.particle.size() + 2)
          return bad("particle '" + p.particle + "' does not start lemma '" + p.lemma + "'");
      }
      p.base = p.lemma.substr(p.particle.size());
      if (f[3] != "-" && f[3] != "zich") return bad("reflexive must be 'zich' or '-'");
      p.reflexive = f[3] == "zich";
      p.preps = Alternatives(f[4]);
      p.objects = Alternatives(f[5]);
      p.cameo = f[6];
      if (!ontology.Find(p.cameo)) return bad("CAMEO code '" + p.cameo + "' not in the ontology");
      p.source = f[7];
      p.target = f[8];
      if (!ValidSlot(p.source, false)) return bad("bad source slot '" + p.source + "'");
      if (!ValidSlot(p.target, true)) return bad("bad target slot '" + p.target + "'");
      if (f[9] != "-" && !f[9].empty()) {
        for (const std::string& part : Split(f[9], ';')) {
          if (part.empty()) continue;
          size_t eq = part.find('=');
          if (eq == std::string::npos || eq == 0) return bad("refinement '" + part + "' lacks '='");
          Refinement r;
          r.keywords = Split(part.substr(0, eq), '|');
          r.cameo = part.substr(eq + 1);
          if (!ontology.Find(r.cameo))
            return bad("refined CAMEO code '" + r.cameo + "' not in the ontology");
          p.refine.push_back(std::move(r));
        }
      }
      p.example = f[10];
      if (p.example.empty() || p.example == "-") return bad("missing example sentence");
      p.file = path;
      p.line = l.number;
      std::string key = f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4] + "|" + f[5];
      if (!keys.insert(key).second) return bad("duplicate pattern");
      d->patterns_.push_back(std::move(p));
    }
  }
  for (const Pattern& p : d->patterns_) {
    if (p.kind == Pattern::Kind::kVerb) {
      d->verbs_[p.lemma].push_back(&p);
      if (!p.particle.empty()) d->verbs_[p.base].push_back(&p);
    } else {
      d->nouns_[p.lemma].push_back(&p);
    }
  }
  // speech_verbs.tsv
  {
    const std::string path = base + "speech_verbs.tsv";
    std::vector<Line> lines;
    KRONIEK_RETURN_IF_ERROR(ReadLines(path, &lines));
    for (const Line& l : lines) {
      std::vector<std::string> f = Split(l.text, '\t');
      auto bad = [&](const std::string& what) {
        return InvalidArgumentError(path + ":" + std::to_string(l.number) + ": " + what +
                                    " in '" + base::Snippet(l.text, 60) + "'");
      };
      if (f.size() < 3) return bad("expected lemma, particle, cameo");
      SpeechVerb s;
      s.lemma = f[0];
      s.particle = f[1] == "-" ? "" : f[1];
      if (!s.particle.empty() && s.lemma.rfind(s.particle, 0) != 0)
        return bad("particle does not start the lemma");
      s.base = s.lemma.substr(s.particle.size());
      s.cameo = f[2];
      if (!ontology.Find(s.cameo)) return bad("CAMEO code '" + s.cameo + "' not in the ontology");
      d->speech_.push_back(std::move(s));
    }
  }
  // support_verbs.tsv
  {
    const std::string path = base + "support_verbs.tsv";
    std::vector<Line> lines;
    KRONIEK_RETURN_IF_ERROR(ReadLines(path, &lines));
    for (const Line& l : lines) {
      std::vector<std::string> f = Split(l.text, '\t');
      if (f.size() < 2 || (f[1] != "occur" && f[1] != "do"))
        return InvalidArgumentError(path + ":" + std::to_string(l.number) +
                                    ": expected lemma<TAB>occur|do in '" +
                                    base::Snippet(l.text, 60) + "'");
      d->support_[f[0]] = f[1];
    }
  }
  // cues.tsv
  {
    const std::string path = base + "cues.tsv";
    std::vector<Line> lines;
    KRONIEK_RETURN_IF_ERROR(ReadLines(path, &lines));
    for (const Line& l : lines) {
      std::vector<std::string> f = Split(l.text, '\t');
      if (f.size() < 2 || f[0].empty() || f[1].empty())
        return InvalidArgumentError(path + ":" + std::to_string(l.number) +
                                    ": expected category<TAB>word in '" +
                                    base::Snippet(l.text, 60) + "'");
      d->cues_[f[0]].push_back(f[1]);
      d->cue_sets_[f[0]].insert(f[1]);
    }
  }
  return d;
}

const std::vector<const Pattern*>& EventDictionary::VerbPatterns(const std::string& lemma) const {
  auto it = verbs_.find(lemma);
  return it == verbs_.end() ? kNoPatterns : it->second;
}

const std::vector<const Pattern*>& EventDictionary::NounPatterns(const std::string& lemma) const {
  auto it = nouns_.find(lemma);
  return it == nouns_.end() ? kNoPatterns : it->second;
}

std::vector<const Pattern*> EventDictionary::NounPatternsForWord(std::string_view w) const {
  // Try every suffix that starts a known noun lemma: the compound head.
  // Prefixes must leave at least three letters ("luchtaanval" -> "aanval").
  std::vector<const Pattern*> out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i != 0 && i < 3) continue;
    if ((static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) continue;
    std::string_view tail = w.substr(i);
    for (const std::string& cand : {std::string(tail)}) {
      auto it = nouns_.find(cand);
      if (it != nouns_.end()) {
        out.insert(out.end(), it->second.begin(), it->second.end());
        return out;
      }
    }
  }
  return out;
}

const SpeechVerb* EventDictionary::FindSpeechVerb(const std::string& lemma) const {
  for (const SpeechVerb& s : speech_)
    if (s.lemma == lemma || (!s.particle.empty() && s.base == lemma)) return &s;
  return nullptr;
}

std::string EventDictionary::SupportRole(const std::string& lemma) const {
  auto it = support_.find(lemma);
  return it == support_.end() ? std::string() : it->second;
}

bool EventDictionary::IsCue(const std::string& category, std::string_view lower) const {
  auto it = cue_sets_.find(category);
  return it != cue_sets_.end() && it->second.find(lower) != it->second.end();
}

const std::vector<std::string>& EventDictionary::Cues(const std::string& category) const {
  auto it = cues_.find(category);
  return it == cues_.end() ? kNoCues : it->second;
}

}  // namespace kroniek::events
