// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "lang/morphology.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/resources.h"
#include "base/utf8.h"

namespace kroniek::lang {

namespace {

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}
bool StartsWith(std::string_view s, std::string_view pre) {
  return s.size() >= pre.size() && s.compare(0, pre.size(), pre) == 0;
}
bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}
// 't kofschip: a stem ending in one of these takes -te(n) / -t.
bool Voiceless(std::string_view stem) {
  if (stem.empty()) return false;
  if (EndsWith(stem, "ch")) return true;
  char c = stem.back();
  return c == 't' || c == 'k' || c == 'f' || c == 's' || c == 'p' || c == 'x';
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, '\t')) out.push_back(f);
  return out;
}

Status ReadLines(const std::string& path, std::vector<std::pair<int, std::string>>* out) {
  std::string text;
  if (!base::ReadFileToString(path, &text)) return NotFoundError("cannot read " + path);
  std::stringstream ss(text);
  std::string line;
  int n = 0;
  while (std::getline(ss, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out->emplace_back(n, line);
  }
  return Status::OK();
}

// Infinitives a weak stem may come from (over-generates on purpose).
std::vector<std::string> Infinitives(const std::string& stem) {
  std::vector<std::string> out;
  if (stem.size() < 2) return out;
  out.push_back(stem + "en");
  const size_t n = stem.size();
  char last = stem[n - 1];
  auto devoice = [&](const std::string& s) {
    // leef -> lev, reis -> reiz
    std::vector<std::string> v;
    if (!s.empty() && s.back() == 'f') v.push_back(s.substr(0, s.size() - 1) + "v");
    if (!s.empty() && s.back() == 's') v.push_back(s.substr(0, s.size() - 1) + "z");
    return v;
  };
  if (!IsVowel(last)) {
    // Long vowel written double in a closed syllable: bestook -> bestoken.
    if (n >= 3 && IsVowel(stem[n - 2]) && stem[n - 2] == stem[n - 3] && stem[n - 2] != 'i') {
      std::string undoubled = stem.substr(0, n - 2) + stem.substr(n - 1);
      out.push_back(undoubled + "en");
      for (const std::string& d : devoice(undoubled)) out.push_back(d + "en");
    }
    for (const std::string& d : devoice(stem)) out.push_back(d + "en");
    // Short vowel: the consonant doubles before -en (stel -> stellen).
    if (n >= 2 && IsVowel(stem[n - 2]) && (n < 3 || !IsVowel(stem[n - 3])) &&
        last != 'w' && last != 'j')
      out.push_back(stem + std::string(1, last) + "en");
  }
  return out;
}

}  // namespace

std::string LowerUtf8(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

void Morphology::AddStrong(const std::string& form, const std::string& lemma,
                           VerbForm f, bool plural) {
  strong_.emplace(form, StrongForm{lemma, f, plural});
}

StatusOr<std::unique_ptr<Morphology>> Morphology::Load(const std::string& dir,
                                                       const std::string& lang,
                                                       const std::string& word_list) {
  std::unique_ptr<Morphology> m(new Morphology());
  const std::string base = dir + "/" + lang + "/morph/";
  std::vector<std::pair<int, std::string>> lines;
  const std::string strong_path = base + "strong_verbs.tsv";
  KRONIEK_RETURN_IF_ERROR(ReadLines(strong_path, &lines));
  for (const auto& [n, line] : lines) {
    auto bad = [&, n = n, &line = line](const std::string& what) {
      return InvalidArgumentError(strong_path + ":" + std::to_string(n) + ": " + what +
                                  " in '" + base::Snippet(line) + "'");
    };
    std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 4 || f.size() > 5) return bad("expected 4 or 5 tab-separated columns");
    for (size_t i = 0; i < 4; ++i)
      if (f[i].empty() || f[i].find(' ') != std::string::npos) return bad("empty or spaced form");
    const std::string& lemma = f[0];
    if (!EndsWith(lemma, "n")) return bad("lemma '" + lemma + "' is not an infinitive");
    if (!m->strong_lemmas_.insert(lemma).second) return bad("duplicate lemma '" + lemma + "'");
    m->AddStrong(lemma, lemma, VerbForm::kInfinitive, true);
    m->AddStrong(f[1], lemma, VerbForm::kPast, false);
    m->AddStrong(f[2], lemma, VerbForm::kPast, true);
    if (f[3] != "-") {
      m->AddStrong(f[3], lemma, VerbForm::kParticiple, false);
      m->strong_participle_[lemma] = f[3];
    }
    if (f.size() == 5) {
      std::stringstream ss(f[4]);
      std::string p;
      while (std::getline(ss, p, ','))
        if (!p.empty()) m->AddStrong(p, lemma, VerbForm::kPresent, false);
    }
  }
  for (auto [file, vec] : {std::pair{"particles.txt", &m->particles_},
                           std::pair{"prefixes.txt", &m->prefixes_}}) {
    lines.clear();
    std::string path = base + file;
    KRONIEK_RETURN_IF_ERROR(ReadLines(path, &lines));
    for (const auto& [n, line] : lines) {
      if (line.find_first_of(" \t") != std::string::npos || LowerUtf8(line) != line)
        return InvalidArgumentError(path + ":" + std::to_string(n) +
                                    ": expected one lowercase word in '" +
                                    base::Snippet(line) + "'");
      vec->push_back(line);
    }
  }
  // Longest first, so "bijeen" is tried before "bij".
  std::sort(m->particles_.begin(), m->particles_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  if (!word_list.empty()) {
    std::string text;
    if (base::ReadFileToString(word_list, &text)) {
      m->words_.reserve(text.size() / 8);
      size_t start = 0;
      while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string_view w(text.data() + start, nl - start);
        if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
        if (!w.empty()) m->words_.insert(LowerUtf8(w));
        start = nl + 1;
      }
    }
  }
  return m;
}

bool Morphology::IsParticle(std::string_view word) const {
  // Most words are lowercase already: no copy then.
  bool lower = true;
  for (char ch : word) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || c == 0xC3) {
      lower = false;
      break;
    }
  }
  std::string copy;
  std::string_view w = word;
  if (!lower) {
    copy = LowerUtf8(word);
    w = copy;
  }
  for (const std::string& p : particles_)
    if (p.size() == w.size() && std::string_view(p) == w) return true;
  return false;
}

bool Morphology::Attested(std::string_view word) const {
  return words_.count(LowerUtf8(word)) > 0;
}

void Morphology::WeakReadings(const std::string& w, std::vector<VerbReading>* out) const {
  auto add = [&](const std::string& stem, VerbForm f, bool plural) {
    for (const std::string& inf : Infinitives(stem)) {
      VerbReading r;
      r.lemma = r.base = inf;
      r.form = f;
      r.finite = f == VerbForm::kPresent || f == VerbForm::kPast;
      r.plural = plural;
      out->push_back(std::move(r));
    }
  };
  const size_t n = w.size();
  if (n >= 4 && EndsWith(w, "en")) {
    VerbReading r;
    r.lemma = r.base = w;
    r.form = VerbForm::kInfinitive;
    r.plural = true;
    out->push_back(r);
  }
  // Past: stem + -te(n) after a voiceless stem, -de(n) otherwise.
  for (auto [suf, plural] : {std::pair{"ten", true}, std::pair{"den", true},
                             std::pair{"te", false}, std::pair{"de", false}}) {
    std::string_view sv(suf);
    if (n > sv.size() + 2 && EndsWith(w, sv)) {
      std::string stem = w.substr(0, n - sv.size());
      bool te = sv[0] == 't';
      // -de after f/s: the stem's v/z was devoiced in writing (leefde).
      bool devoiced = !te && !stem.empty() && (stem.back() == 'f' || stem.back() == 's');
      if (te == Voiceless(stem) || devoiced) add(stem, VerbForm::kPast, plural);
    }
  }
  // Participle ge-stem-d/t (the stem may end in d/t itself: gemeld, gedood).
  auto participle = [&](const std::string& rest) {
    if (rest.size() < 3) return;
    char last = rest.back();
    if (last == 'd' || last == 't') {
      std::string stem = rest.substr(0, rest.size() - 1);
      if ((last == 't') == Voiceless(stem)) add(stem, VerbForm::kParticiple, false);
      add(rest, VerbForm::kParticiple, false);
    }
  };
  if (n >= 5 && StartsWith(w, "ge")) {
    std::string rest;
    if (StartsWith(std::string_view(w).substr(2), "\xC3\xAB")) {  // geëist
      rest.append("e").append(w, 4, std::string::npos);
    } else if (StartsWith(std::string_view(w).substr(2), "\xC3\xAF")) {  // geïnd
      rest.append("i").append(w, 4, std::string::npos);
    } else {
      rest.assign(w, 2, std::string::npos);
    }
    participle(rest);
  }
  for (const std::string& p : prefixes_)
    if (n > p.size() + 2 && StartsWith(w, p)) participle(w);
  // Present: stem + t, or the bare stem.
  if (n >= 3 && w.back() == 't') add(w.substr(0, n - 1), VerbForm::kPresent, false);
  if (n >= 3) add(w, VerbForm::kPresent, false);
}

void Morphology::Simplex(const std::string& w, std::vector<VerbReading>* out) const {
  auto range = strong_.equal_range(w);
  for (auto it = range.first; it != range.second; ++it) {
    VerbReading r;
    r.lemma = r.base = it->second.lemma;
    r.form = it->second.form;
    r.finite = r.form == VerbForm::kPresent || r.form == VerbForm::kPast;
    r.plural = it->second.plural;
    r.strong = true;
    out->push_back(std::move(r));
  }
  // Present forms of strong verbs are regular: roept, roep.
  for (std::string stem : {w.size() > 2 && w.back() == 't' ? w.substr(0, w.size() - 1) : "", w}) {
    if (stem.size() < 2) continue;
    for (const std::string& inf : Infinitives(stem)) {
      if (strong_lemmas_.count(inf) && inf != w) {
        VerbReading r;
        r.lemma = r.base = inf;
        r.form = VerbForm::kPresent;
        r.finite = true;
        r.strong = true;
        out->push_back(std::move(r));
      }
    }
  }
  // Inseparable prefix on a strong verb: beschoot, beschoten, verslagen.
  for (const std::string& p : prefixes_) {
    if (w.size() <= p.size() + 2 || !StartsWith(w, p)) continue;
    std::string rest = w.substr(p.size());
    auto r2 = strong_.equal_range(rest);
    for (auto it = r2.first; it != r2.second; ++it) {
      if (it->second.form == VerbForm::kParticiple) continue;
      VerbReading r;
      r.lemma = r.base = p + it->second.lemma;
      r.form = it->second.form;
      r.finite = r.form == VerbForm::kPresent || r.form == VerbForm::kPast;
      r.plural = it->second.plural;
      r.strong = true;
      out->push_back(std::move(r));
    }
    auto r3 = strong_.equal_range("ge" + rest);
    for (auto it = r3.first; it != r3.second; ++it) {
      if (it->second.form != VerbForm::kParticiple) continue;
      VerbReading r;
      r.lemma = r.base = p + it->second.lemma;
      r.form = VerbForm::kParticiple;
      r.strong = true;
      out->push_back(std::move(r));
    }
  }
  WeakReadings(w, out);
}

bool Morphology::HasStrongPast(std::string_view word) const {
  // The strong past readings of VerbReadings come from Simplex(w) only (the
  // particle readings carry their particle): the irregular table's forms
  // and those under an inseparable prefix. They come before any weak
  // reading, so deduplication keeps them.
  const std::string w = LowerUtf8(word);
  if (w.size() < 2) return false;
  auto past = [&](const std::string& form) {
    auto range = strong_.equal_range(form);
    for (auto it = range.first; it != range.second; ++it)
      if (it->second.form == VerbForm::kPast) return true;
    return false;
  };
  if (past(w)) return true;
  for (const std::string& p : prefixes_)
    if (w.size() > p.size() + 2 && StartsWith(w, p) && past(w.substr(p.size()))) return true;
  return false;
}

std::vector<VerbReading> Morphology::VerbReadings(std::string_view word) const {
  std::vector<VerbReading> out;
  std::string w = LowerUtf8(word);
  if (w.size() < 2) return out;
  Simplex(w, &out);
  for (const std::string& p : particles_) {
    if (w.size() < p.size() + 3 || !StartsWith(w, p)) continue;
    std::vector<VerbReading> inner;
    std::string rest = w.substr(p.size());
    // "op te roepen" is three tokens; "opteroepen" does not occur.
    Simplex(rest, &inner);
    for (VerbReading& r : inner) {
      r.particle = p;
      r.lemma = p + r.base;
      out.push_back(std::move(r));
    }
  }
  // Deduplicate (lemma, particle, form).
  std::vector<VerbReading> uniq;
  for (VerbReading& r : out) {
    bool seen = std::any_of(uniq.begin(), uniq.end(), [&](const VerbReading& u) {
      return u.lemma == r.lemma && u.particle == r.particle && u.form == r.form &&
             u.plural == r.plural;
    });
    if (!seen) uniq.push_back(std::move(r));
  }
  return uniq;
}

std::string Morphology::Lemma(std::string_view word, std::string_view upos) const {
  if (upos == "PROPN") return std::string(word);
  std::string w = LowerUtf8(word);
  if (upos == "VERB" || upos == "AUX") {
    std::vector<VerbReading> rs = VerbReadings(w);
    const VerbReading* best = nullptr;
    int best_score = -1;
    for (const VerbReading& r : rs) {
      int score = 0;
      if (r.strong) score += 4;
      if (Attested(r.lemma)) score += 3;
      if (r.particle.empty()) score += 1;
      // An attested inflected form is also "attested"; prefer a derivation.
      if (r.lemma == w) score -= 1;
      if (score > best_score) {
        best_score = score;
        best = &r;
      }
    }
    return best ? best->lemma : w;
  }
  std::vector<std::string> cands;
  auto undouble = [&](const std::string& s) {
    size_t n = s.size();
    if (n >= 2 && s[n - 1] == s[n - 2] && !IsVowel(s[n - 1])) cands.push_back(s.substr(0, n - 1));
    if (n >= 2 && !IsVowel(s[n - 1]) && IsVowel(s[n - 2]) && (n < 3 || !IsVowel(s[n - 3])))
      cands.push_back(s.substr(0, n - 1) + std::string(1, s[n - 2]) + s.substr(n - 1));
    if (!s.empty() && s.back() == 'v') cands.push_back(s.substr(0, s.size() - 1) + "f");
    if (!s.empty() && s.back() == 'z') cands.push_back(s.substr(0, s.size() - 1) + "s");
    cands.push_back(s);
  };
  if (upos == "NOUN") {
    if (EndsWith(w, "'s")) cands.push_back(w.substr(0, w.size() - 2));
    if (EndsWith(w, "\xE2\x80\x99s")) cands.push_back(w.substr(0, w.size() - 4));
    if (EndsWith(w, "eren") && w.size() > 6) cands.push_back(w.substr(0, w.size() - 4));
    if (EndsWith(w, "en") && w.size() > 4) undouble(w.substr(0, w.size() - 2));
    if (EndsWith(w, "s") && w.size() > 3) cands.push_back(w.substr(0, w.size() - 1));
  } else if (upos == "ADJ") {
    if (EndsWith(w, "e") && w.size() > 3) undouble(w.substr(0, w.size() - 1));
  }
  for (const std::string& c : cands)
    if (Attested(c)) return c;
  if (words_.empty() && !cands.empty()) return cands.front();
  return w;
}

}  // namespace kroniek::lang
