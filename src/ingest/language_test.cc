// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include <algorithm>
#include <string>

#include "gtest/gtest.h"
#include "ingest/internal/function_words.h"
#include "ingest/reader.h"

namespace kroniek::ingest {
namespace {

TEST(DetectLanguage, RecognisesDutchNewsSentences) {
  for (const char* s : {
           "De minister zegt dat het kabinet volgende week met een voorstel "
           "komt.",
           "Bij de botsing op de A2 zijn drie mensen gewond geraakt, meldt de "
           "politie.",
           "Volgens de vakbond werd er sinds maandag niet meer gewerkt in de "
           "haven.",
           "DE OPPOSITIE EIST OPHELDERING OVER DE UITGAVEN VAN HET MINISTERIE.",
       }) {
    EXPECT_EQ(DetectLanguage(s), "nl") << s;
  }
}

TEST(DetectLanguage, RecognisesEnglishNewsSentences) {
  for (const char* s : {
           "The minister said the cabinet would present a proposal next week.",
           "Three people were injured in a collision on the motorway, police "
           "said.",
           "According to the union, no work has been done at the port since "
           "Monday.",
           "Rebels and government troops have clashed near the border, "
           "officials say.",
       }) {
    EXPECT_EQ(DetectLanguage(s), "en") << s;
  }
}

TEST(DetectLanguage, UndeterminedWhenNotCredible) {
  for (const char* s : {
           "", "12345 67890",
           "Amsterdam",                               // a name alone
           "Der Minister sagte am Montag nichts.",    // German
           "Le gouvernement a annoncé une réforme.",  // French
           "de the",                                  // one hit each
       }) {
    EXPECT_EQ(DetectLanguage(s), "und") << s;
  }
}

TEST(DetectLanguage, IsDeterministicAndStableOnLongInput) {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += "Het leger van het land trok zich terug. ";
  text += std::string(1000, 'x');  // a very long "word" is skipped, not cut
  EXPECT_EQ(DetectLanguage(text), "nl");
  EXPECT_EQ(DetectLanguage(text), DetectLanguage(text));
}

TEST(FunctionWords, ListsAreSortedLowercaseSizedAndDisjoint) {
  for (auto list :
       {internal::DutchFunctionWords(), internal::EnglishFunctionWords()}) {
    EXPECT_GE(list.size(), 50u);
    EXPECT_LE(list.size(), 100u);
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
    EXPECT_EQ(std::adjacent_find(list.begin(), list.end()), list.end());
    for (std::string_view w : list) {
      EXPECT_TRUE(std::all_of(w.begin(), w.end(), [](char c) {
        return c >= 'a' && c <= 'z';
      })) << w;
    }
  }
  for (std::string_view w : internal::DutchFunctionWords()) {
    auto en = internal::EnglishFunctionWords();
    EXPECT_FALSE(std::binary_search(en.begin(), en.end(), w)) << w;
  }
}

}  // namespace
}  // namespace kroniek::ingest
