// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "events/event_dictionary.h"

#include <algorithm>

#include "base/tsv.h"

namespace kroniek::events {

namespace {

using base::SplitFields;
using base::TsvLine;

std::vector<std::string> Alternatives(const std::string& s) {
  if (s == "-" || s.empty()) return {};
  return SplitFields(s, '|');
}

// The data lines of one of the dictionary's tables. Messages quote 60 bytes
// of a bad line: patterns are long.
StatusOr<std::vector<TsvLine>> ReadTable(const std::string& path) {
  base::TsvOptions options;
  options.snippet_bytes = 60;
  return base::ReadTsvFile(path, options);
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
    KRONIEK_ASSIGN_OR_RETURN(std::vector<TsvLine> lines, ReadTable(path));
    std::set<std::string> keys;
    for (const TsvLine& l : lines) {
      const std::vector<std::string>& f = l.fields;
      if (f.size() != 11)
        return l.Error("expected 11 tab-separated columns, got " + std::to_string(f.size()));
      Pattern p;
      if (f[0] == "verb") p.kind = Pattern::Kind::kVerb;
      else if (f[0] == "noun") p.kind = Pattern::Kind::kNoun;
      else return l.Error("unknown kind '" + f[0] + "' (verb or noun)");
      p.lemma = f[1];
      if (p.lemma.empty() || p.lemma == "-" || p.lemma.find(' ') != std::string::npos)
        return l.Error("bad lemma '" + p.lemma + "'");
      if (f[2] != "-") {
        p.particle = f[2];
        if (p.lemma.rfind(p.particle, 0) != 0 || p.lemma.size() <= p.particle.size() + 2)
          return l.Error("particle '" + p.particle + "' does not start lemma '" + p.lemma +
                         "'");
      }
      p.base = p.lemma.substr(p.particle.size());
      if (f[3] != "-" && f[3] != "zich") return l.Error("reflexive must be 'zich' or '-'");
      p.reflexive = f[3] == "zich";
      p.preps = Alternatives(f[4]);
      p.objects = Alternatives(f[5]);
      p.cameo = f[6];
      if (!ontology.Find(p.cameo))
        return l.Error("CAMEO code '" + p.cameo + "' not in the ontology");
      p.source = f[7];
      p.target = f[8];
      if (!ValidSlot(p.source, false)) return l.Error("bad source slot '" + p.source + "'");
      if (!ValidSlot(p.target, true)) return l.Error("bad target slot '" + p.target + "'");
      if (f[9] != "-" && !f[9].empty()) {
        for (const std::string& part : SplitFields(f[9], ';')) {
          if (part.empty()) continue;
          size_t eq = part.find('=');
          if (eq == std::string::npos || eq == 0)
            return l.Error("refinement '" + part + "' lacks '='");
          Refinement r;
          r.keywords = SplitFields(part.substr(0, eq), '|');
          r.cameo = part.substr(eq + 1);
          if (!ontology.Find(r.cameo))
            return l.Error("refined CAMEO code '" + r.cameo + "' not in the ontology");
          p.refine.push_back(std::move(r));
        }
      }
      p.example = f[10];
      if (p.example.empty() || p.example == "-") return l.Error("missing example sentence");
      p.file = path;
      p.line = l.number;
      std::string key = f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3] + "|" + f[4] + "|" + f[5];
      if (!keys.insert(key).second) return l.Error("duplicate pattern");
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
    KRONIEK_ASSIGN_OR_RETURN(std::vector<TsvLine> lines, ReadTable(path));
    for (const TsvLine& l : lines) {
      const std::vector<std::string>& f = l.fields;
      if (f.size() < 3) return l.Error("expected lemma, particle, cameo");
      SpeechVerb s;
      s.lemma = f[0];
      s.particle = f[1] == "-" ? "" : f[1];
      if (!s.particle.empty() && s.lemma.rfind(s.particle, 0) != 0)
        return l.Error("particle does not start the lemma");
      s.base = s.lemma.substr(s.particle.size());
      s.cameo = f[2];
      if (!ontology.Find(s.cameo))
        return l.Error("CAMEO code '" + s.cameo + "' not in the ontology");
      d->speech_.push_back(std::move(s));
    }
  }
  // support_verbs.tsv
  {
    const std::string path = base + "support_verbs.tsv";
    KRONIEK_ASSIGN_OR_RETURN(std::vector<TsvLine> lines, ReadTable(path));
    for (const TsvLine& l : lines) {
      const std::vector<std::string>& f = l.fields;
      if (f.size() < 2 || (f[1] != "occur" && f[1] != "do"))
        return l.Error("expected lemma<TAB>occur|do");
      d->support_[f[0]] = f[1];
      for (size_t n = 1; n <= f[0].size(); ++n)
        d->word_cues_[f[0].substr(0, n)].support_prefix = true;
    }
  }
  // The first speech verb for each key FindSpeechVerb matches.
  for (size_t i = 0; i < d->speech_.size(); ++i) {
    const SpeechVerb& s = d->speech_[i];
    d->speech_index_.emplace(s.lemma, i);
    if (!s.particle.empty()) d->speech_index_.emplace(s.base, i);
  }
  // cues.tsv
  {
    const std::string path = base + "cues.tsv";
    KRONIEK_ASSIGN_OR_RETURN(std::vector<TsvLine> lines, ReadTable(path));
    for (const TsvLine& l : lines) {
      const std::vector<std::string>& f = l.fields;
      if (f.size() < 2 || f[0].empty() || f[1].empty())
        return l.Error("expected category<TAB>word");
      d->cues_[f[0]].push_back(f[1]);
      d->cue_sets_[f[0]].insert(f[1]);
      auto bit = d->cue_bits_.find(f[0]);
      if (bit == d->cue_bits_.end()) {
        const size_t n = d->cue_bits_.size();
        bit = d->cue_bits_.emplace(f[0], n < 32 ? uint32_t{1} << n : 0u).first;
      }
      d->word_cues_[f[1]].cue_mask |= bit->second;
      d->word_cues_[f[1].substr(0, f[1].find(' '))].cue_first_mask |= bit->second;
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
  // Prefixes must leave at least three letters ("luchtaanval" -> "aanval"),
  // four before a head of three ("looneis", but "paleis" is no demand).
  std::vector<const Pattern*> out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i != 0 && (i < 3 || (i < 4 && w.size() - i <= 3))) continue;
    if ((static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) continue;
    auto it = nouns_.find(w.substr(i));
    if (it != nouns_.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
      return out;
    }
  }
  return out;
}

const SpeechVerb* EventDictionary::FindSpeechVerb(const std::string& lemma) const {
  // speech_index_ holds the first verb whose lemma, or (with a particle)
  // base, is the key.
  auto it = speech_index_.find(std::string_view(lemma));
  return it == speech_index_.end() ? nullptr : &speech_[it->second];
}

bool EventDictionary::IsSupportPrefix(std::string_view lower) const {
  return CuesOfWord(lower).support_prefix;
}

std::string EventDictionary::SupportRole(const std::string& lemma) const {
  auto it = support_.find(lemma);
  return it == support_.end() ? std::string() : it->second;
}

bool EventDictionary::IsCue(std::string_view category, std::string_view lower) const {
  auto it = cue_sets_.find(category);
  return it != cue_sets_.end() && it->second.find(lower) != it->second.end();
}

uint32_t EventDictionary::CueBit(std::string_view category) const {
  auto it = cue_bits_.find(category);
  return it == cue_bits_.end() ? 0 : it->second;
}

EventDictionary::WordCues EventDictionary::CuesOfWord(std::string_view lower) const {
  auto it = word_cues_.find(lower);
  return it == word_cues_.end() ? WordCues() : it->second;
}

uint32_t EventDictionary::CueMask(std::string_view lower) const {
  return CuesOfWord(lower).cue_mask;
}

uint32_t EventDictionary::CueFirstMask(std::string_view lower) const {
  return CuesOfWord(lower).cue_first_mask;
}

const std::vector<std::string>& EventDictionary::Cues(std::string_view category) const {
  auto it = cues_.find(category);
  return it == cues_.end() ? kNoCues : it->second;
}

}  // namespace kroniek::events
