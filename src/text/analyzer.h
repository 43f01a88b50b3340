// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Analyzer: the text stage's front door. Turns a Document into sentences,
// tokens, numbers and resolved dates, every one with [start, end) byte
// offsets into Document::raw.
//
//   auto analyzer = kroniek::text::Analyzer::Load(base::ResourceDir());
//   if (!analyzer.ok()) return analyzer.status();
//   kroniek::text::Analysis a = (*analyzer)->Analyze(doc);
//   for (const Sentence& s : a.sentences) ...
//
// Language rules (abbreviations, number words, date words) are loaded once
// per language from <resources>/<lang>/text/; a document whose language has
// no rules is analysed with the fallback language's rules (the first one
// loaded) and Analysis::rules_lang says so.
//
// Thread-safety: Load() once; Analyze() is const and may run concurrently on
// many threads. No global state.
#ifndef KRONIEK_TEXT_ANALYZER_H_
#define KRONIEK_TEXT_ANALYZER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kroniek/document.h"
#include "kroniek/status.h"
#include "kroniek/token.h"
#include "text/dates.h"
#include "text/numbers.h"
#include "text/tokenizer.h"

namespace kroniek::text {

struct Analysis {
  std::string rules_lang;  // language whose rules were applied
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<NumberMention> numbers;
  std::vector<DateMention> dates;
};

class Analyzer {
 public:
  // Loads the rules of every language in `langs` (default: nl, en) from
  // `resource_dir`. Errors: NotFound when a language folder is missing,
  // InvalidArgument naming file:line for a bad rule line.
  static StatusOr<std::unique_ptr<Analyzer>> Load(
      const std::string& resource_dir,
      const std::vector<std::string>& langs = {"nl", "en"});

  Analysis Analyze(const Document& doc) const;

  // Languages with loaded rules, in load order.
  std::vector<std::string> languages() const;

 private:
  struct LanguageRules {
    std::unique_ptr<Tokenizer> tokenizer;
    NumberRules numbers;
    DateRules dates;
  };
  Analyzer() = default;
  const LanguageRules& RulesFor(const std::string& lang, std::string* used) const;

  std::vector<std::string> order_;
  std::map<std::string, LanguageRules> rules_;
};

}  // namespace kroniek::text

#endif  // KRONIEK_TEXT_ANALYZER_H_
