// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "ingest/internal/function_words.h"

#include <array>

namespace kroniek::ingest::internal {
namespace {

// Sorted (std::binary_search). Words written by hand from Dutch grammar.
constexpr std::array<std::string_view, 80> kDutch = {
    "aan",     "al",     "alle",   "als",     "bij",   "binnen",  "dan",
    "dat",     "de",     "deze",   "die",     "dit",   "doordat", "een",
    "eerder",  "elkaar", "en",     "er",      "geen",  "haar",    "hebben",
    "heeft",   "het",    "hier",   "hij",     "hoe",   "hun",     "ik",
    "jullie",  "kan",    "komen",  "kunnen",  "maar",  "meer",    "met",
    "moet",    "moeten", "na",     "naar",    "nadat", "niet",    "nog",
    "nu",      "om",     "omdat",  "ons",     "onze",  "ook",     "op",
    "sinds",   "te",     "tegen",  "toen",    "tot",   "tussen",  "uit",
    "van",     "vanaf",  "veel",   "volgens", "voor",  "waar",    "waarin",
    "wanneer", "waren",  "wat",    "wel",     "welke", "werd",    "werden",
    "wie",     "wij",    "worden", "wordt",   "ze",    "zich",    "zij",
    "zijn",    "zo",     "zou",
};

constexpr std::array<std::string_view, 80> kEnglish = {
    "about",   "after", "against", "also",  "an",      "and",  "any",
    "are",     "as",    "at",      "be",    "because", "been", "being",
    "between", "but",   "by",      "can",   "could",   "did",  "does",
    "during",  "each",  "for",     "from",  "has",     "have", "he",
    "her",     "him",   "his",     "how",   "into",    "it",   "its",
    "more",    "most",  "no",      "not",   "on",      "only", "or",
    "other",   "our",   "out",     "said",  "says",    "she",  "should",
    "since",   "some",  "such",    "than",  "that",    "the",  "their",
    "them",    "then",  "there",   "these", "they",    "this", "those",
    "through", "to",    "under",   "until", "up",      "were", "what",
    "when",    "where", "which",   "while", "who",     "will", "with",
    "would",   "you",   "your",
};

}  // namespace

std::span<const std::string_view> DutchFunctionWords() { return kDutch; }
std::span<const std::string_view> EnglishFunctionWords() { return kEnglish; }

}  // namespace kroniek::ingest::internal
