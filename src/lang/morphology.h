// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Morphology: Dutch verb and noun lemmas by rule, with the irregular forms
// as data (src/lang/<lang>/morph/).
//
//   auto m = kroniek::lang::Morphology::Load(base::ResourceDir(), "nl");
//   for (const VerbReading& r : (*m)->VerbReadings("bestookten"))
//     ... r.lemma == "bestoken", r.form == VerbForm::kPast, r.finite
//   (*m)->VerbReadings("opgeroepen")  -> {lemma "oproepen", particle "op"}
//   (*m)->Lemma("gevechten", "NOUN")   -> "gevecht"
//
// The idea: analysis by inverting generation. A word form yields a small set
// of candidate (lemma, form) readings: exact lookups in the table of strong
// and irregular verbs (riep -> roepen), those lookups under an inseparable
// prefix (beschoot -> beschieten) or a separable particle (opriep,
// opgeroepen -> oproepen), and the regular weak-verb rules run backwards
// (-de/-te/-den/-ten past, ge-...-d/-t participle, -t present, the spelling
// of the stem: bestook -> bestoken, stel -> stellen, leef -> leven).
// Candidates over-generate on purpose; callers pick the reading whose lemma
// they know (the event dictionary), and Lemma() picks one attested in the
// word list when one is loaded (Debian wdutch: kDutchWordList). Loading the
// 400k-word list costs about 0.7 s, so it is opt-in.
//
// Thread-safety: immutable after Load(); all methods are const.
#ifndef KRONIEK_LANG_MORPHOLOGY_H_
#define KRONIEK_LANG_MORPHOLOGY_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kroniek/status.h"

namespace kroniek::lang {

enum class VerbForm { kInfinitive, kPresent, kPast, kParticiple };

struct VerbReading {
  std::string lemma;     // full infinitive, with a joined particle: "oproepen"
  std::string base;      // infinitive without the particle: "roepen"
  std::string particle;  // "op" when the form carries it ("opgeroepen"), else ""
  VerbForm form = VerbForm::kInfinitive;
  bool finite = false;   // present or past
  bool plural = false;   // -en present/past plural (or infinitive)
  bool strong = false;   // from the irregular table
};

inline constexpr const char* kDutchWordList = "/usr/share/dict/dutch";

class Morphology {
 public:
  // Loads <dir>/<lang>/morph/{strong_verbs.tsv,particles.txt,prefixes.txt}
  // and, when `word_list` names a readable file (one word per line), the
  // word list used to prefer attested lemmas. Errors: NotFound for a missing
  // data file, InvalidArgument naming file:line for a malformed line.
  static StatusOr<std::unique_ptr<Morphology>> Load(
      const std::string& resource_dir, const std::string& lang,
      const std::string& word_list = "");

  // Every plausible verb reading of `word` (any case; compared lowercased).
  std::vector<VerbReading> VerbReadings(std::string_view word) const;

  // The lemma of `word` for a UD part of speech (VERB, AUX, NOUN, ADJ, ...):
  // verbs via VerbReadings (preferring an attested infinitive), nouns by
  // plural rules (-en, -s, -'s, -eren), adjectives by dropping an inflection
  // -e. Lowercased, except PROPN which is returned as is.
  std::string Lemma(std::string_view word, std::string_view upos) const;

  // Whether VerbReadings(word) holds a strong past reading without a
  // particle (r.strong, r.form == kPast, r.particle empty, r.lemma ==
  // r.base), without building the readings: "bood", "beschoot".
  bool HasStrongPast(std::string_view word) const;

  // Separable particle ("op", "aan", ...).
  bool IsParticle(std::string_view word) const;

  // True when the word list is loaded and holds `word` (lowercased).
  bool Attested(std::string_view word) const;
  size_t word_list_size() const { return words_.size(); }

 private:
  struct StrongForm {
    std::string lemma;
    VerbForm form;
    bool plural;
  };
  void AddStrong(const std::string& form, const std::string& lemma, VerbForm f, bool plural);
  void Simplex(const std::string& w, std::vector<VerbReading>* out) const;
  void WeakReadings(const std::string& w, std::vector<VerbReading>* out) const;

  std::unordered_multimap<std::string, StrongForm> strong_;
  std::unordered_map<std::string, std::string> strong_participle_;  // lemma -> participle
  std::unordered_set<std::string> strong_lemmas_;
  std::vector<std::string> particles_;
  std::vector<std::string> prefixes_;
  std::unordered_set<std::string> words_;
};

// Lowercases UTF-8 (ASCII and Latin-1 supplement letters, enough for Dutch).
std::string LowerUtf8(std::string_view s);

}  // namespace kroniek::lang

#endif  // KRONIEK_LANG_MORPHOLOGY_H_
