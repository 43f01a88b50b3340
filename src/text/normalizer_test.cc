// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "text/normalizer.h"

#include <gtest/gtest.h>

namespace kroniek::text {
namespace {

TEST(Normalizer, AsciiIsIdentity) {
  const std::string raw = "xx Hallo.";
  auto n = NormalizeNfc(raw, 3, 9);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "Hallo.");
  EXPECT_EQ(n->to_raw, (std::vector<uint32_t>{3, 4, 5, 6, 7, 8, 9}));
}

TEST(Normalizer, ComposesAndMapsBack) {
  // "Cafe" + U+0301 + "!" -> "Café!"; é (2 bytes) maps to the raw 'e'.
  const std::string raw = "Cafe\xCC\x81!";
  auto n = NormalizeNfc(raw, 0, static_cast<uint32_t>(raw.size()));
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "Caf\xC3\xA9!");
  EXPECT_EQ(n->to_raw, (std::vector<uint32_t>{0, 1, 2, 3, 3, 6, 7}));
}

TEST(Normalizer, ReplacesInvalidBytes) {
  const std::string raw = "a\xFF" "b";
  auto n = NormalizeNfc(raw, 0, 3);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->text, "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(n->to_raw, (std::vector<uint32_t>{0, 1, 1, 1, 2, 3}));
}

TEST(Normalizer, RejectsBadRange) {
  struct Case {
    uint32_t begin, end;
    const char* fragment;
  };
  const Case cases[] = {{2, 1, "range [2, 1) outside text of 3 bytes"},
                        {0, 4, "range [0, 4) outside"}};
  for (const Case& c : cases) {
    auto n = NormalizeNfc("abc", c.begin, c.end);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(n.status().message().find(c.fragment), std::string::npos)
        << n.status().message();
  }
}

TEST(Normalizer, QuickChecks) {
  EXPECT_TRUE(IsNfc("plain"));
  EXPECT_TRUE(IsNfc("Armeni\xC3\xAB"));
  EXPECT_FALSE(IsNfc("Armenie\xCC\x88"));
  EXPECT_FALSE(IsNfc("\xC3"));
  std::string out;
  EXPECT_TRUE(ToNfc("Armenie\xCC\x88", &out));
  EXPECT_EQ(out, "Armeni\xC3\xAB");
}

}  // namespace
}  // namespace kroniek::text
