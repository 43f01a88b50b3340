// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Compiled-in function-word lists for language identification. Function words
// (articles, pronouns, auxiliaries, prepositions, conjunctions) are frequent
// in any news text and nearly disjoint between Dutch and English once the
// shared spellings (in, is, was, of, had, over, door, we, men, ...) are left
// out, so counting them separates the two languages on a sentence or two.
//
// Invariants (tested): each list is sorted, lowercase ASCII, 50-100 words,
// and the two lists share no word.
#ifndef KRONIEK_INGEST_INTERNAL_FUNCTION_WORDS_H_
#define KRONIEK_INGEST_INTERNAL_FUNCTION_WORDS_H_

#include <span>
#include <string_view>

namespace kroniek::ingest::internal {

std::span<const std::string_view> DutchFunctionWords();
std::span<const std::string_view> EnglishFunctionWords();

}  // namespace kroniek::ingest::internal

#endif  // KRONIEK_INGEST_INTERNAL_FUNCTION_WORDS_H_
