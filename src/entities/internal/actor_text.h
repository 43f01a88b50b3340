// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Text helpers for actor dictionaries and the actor matcher: key
// normalisation, simple case folding for the Latin scripts the language packs
// use, and a small tokenizer for self-test phrases.
#ifndef KRONIEK_ENTITIES_INTERNAL_ACTOR_TEXT_H_
#define KRONIEK_ENTITIES_INTERNAL_ACTOR_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "kroniek/token.h"

namespace kroniek::entities::internal {

// Maps typographic apostrophes (’ ‘ ʼ `) to ', non-ASCII hyphens to '-', and
// collapses runs of white space to one space (trimmed). Case is kept.
std::string NormalizeKey(std::string_view s);

// NormalizeKey, then lower-cased: ASCII, Latin-1 and Latin Extended-A.
std::string FoldKey(std::string_view s);

// True when `s` holds an upper-case letter (ASCII, Latin-1, Extended-A).
bool HasUpper(std::string_view s);

// True when the first code point of `s` is an upper-case letter.
bool StartsUpper(std::string_view s);

// True when the first code point of `s` is a lower-case letter.
bool StartsLower(std::string_view s);

// Splits `raw` into word and punctuation tokens: letters, digits, inner
// hyphens and apostrophes stay in one word ("Nagorno-Karabach", "Azeri’s");
// any other non-space character is its own kPunct token. Used for self-test
// phrases, where the real tokenizer may not be linked.
std::vector<Token> SimpleTokenize(std::string_view raw);

}  // namespace kroniek::entities::internal

#endif  // KRONIEK_ENTITIES_INTERNAL_ACTOR_TEXT_H_
