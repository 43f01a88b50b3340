// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/analyzer.h"

#include <utility>

namespace kroniek::text {

StatusOr<std::unique_ptr<Analyzer>> Analyzer::Load(
    const std::string& resource_dir, const std::vector<std::string>& langs) {
  if (langs.empty()) return InvalidArgumentError("no languages to load");
  std::unique_ptr<Analyzer> a(new Analyzer());
  for (const std::string& lang : langs) {
    LanguageRules r;
    KRONIEK_ASSIGN_OR_RETURN(TokenizerRules tok,
                             LoadTokenizerRules(resource_dir, lang));
    r.tokenizer = std::make_unique<Tokenizer>(std::move(tok));
    KRONIEK_ASSIGN_OR_RETURN(r.numbers, LoadNumberRules(resource_dir, lang));
    KRONIEK_ASSIGN_OR_RETURN(r.dates, LoadDateRules(resource_dir, lang));
    a->order_.push_back(lang);
    a->rules_.emplace(lang, std::move(r));
  }
  return a;
}

std::vector<std::string> Analyzer::languages() const { return order_; }

const Analyzer::LanguageRules& Analyzer::RulesFor(const std::string& lang,
                                                  std::string* used) const {
  auto it = rules_.find(lang);
  if (it == rules_.end()) it = rules_.find(order_.front());
  *used = it->first;
  return it->second;
}

Analysis Analyzer::Analyze(const Document& doc) const {
  Analysis a;
  const LanguageRules& r = RulesFor(doc.lang, &a.rules_lang);
  r.tokenizer->Tokenize(doc.raw, doc.body_begin,
                        static_cast<uint32_t>(doc.raw.size()), &a.tokens);
  r.tokenizer->SplitSentences(doc.raw, a.tokens, &a.sentences);
  FindNumbers(doc.raw, a.tokens, r.numbers, &a.numbers);
  FindDates(doc.raw, a.tokens, doc.date, r.dates, &a.dates);
  return a;
}

}  // namespace kroniek::text
