// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include <gtest/gtest.h>

#include "base/hash.h"
#include "base/utf8.h"
#include "kroniek/date.h"
#include "kroniek/status.h"

namespace kroniek {
namespace {

TEST(Status, CarriesCodeAndMessage) {
  Status s = InvalidArgumentError("x.tsv:3: bad");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.ToString(), "InvalidArgument: x.tsv:3: bad");
  EXPECT_EQ(s.WithPrefix("run").message(), "run: x.tsv:3: bad");
  EXPECT_TRUE(Status::OK().ok());
}

StatusOr<int> Half(int x) {
  if (x % 2) return InvalidArgumentError("odd");
  return x / 2;
}
Status UseHalf(int x, int* out) {
  KRONIEK_ASSIGN_OR_RETURN(*out, Half(x));
  return Status::OK();
}

TEST(StatusOr, AssignOrReturnPropagates) {
  int v = 0;
  EXPECT_TRUE(UseHalf(8, &v).ok());
  EXPECT_EQ(v, 4);
  Status s = UseHalf(3, &v);
  EXPECT_EQ(s.message(), "odd");
  EXPECT_EQ(v, 4);  // unchanged on failure
}

TEST(PartialDate, KeepsPrecision) {
  auto m = ParsePartialDate("2020-09");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->precision, DatePrecision::kMonth);
  EXPECT_EQ(m->day, 0);
  EXPECT_EQ(m->ToString(), "2020-09");
  auto d = ParsePartialDate("2020-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2020-02-29");
}

TEST(PartialDate, RejectsImpossibleDates) {
  struct Case { const char* in; const char* fragment; } cases[] = {
      {"2021-02-29", "impossible day"}, {"2020-13", "impossible month"},
      {"20-09", "malformed year"},      {"2020/09", "malformed month"},
      {"2020-09-1", "malformed day"},   {"", "malformed year"},
  };
  for (const auto& c : cases) {
    auto r = ParsePartialDate(c.in);
    ASSERT_FALSE(r.ok()) << c.in;
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << c.in << " -> " << r.status().message();
  }
}

TEST(Calendar, WeekdayAndRoundTrip) {
  EXPECT_EQ(Weekday(2020, 9, 27), 6);  // Sunday
  EXPECT_EQ(Weekday(2020, 9, 28), 0);  // Monday
  int y, m, d;
  CivilFromDays(DaysFromCivil(2000, 2, 29) + 1, &y, &m, &d);
  EXPECT_EQ(y * 10000 + m * 100 + d, 20000301);
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(base::FindInvalidUtf8("Armeni\xC3\xAB"), std::string_view::npos);
  EXPECT_EQ(base::FindInvalidUtf8("ab\xC3"), 2u);             // truncated
  EXPECT_EQ(base::FindInvalidUtf8("a\xC0\xAF"), 1u);          // overlong
  EXPECT_EQ(base::FindInvalidUtf8("ab\xED\xA0\x80"), 2u);     // surrogate
  EXPECT_EQ(base::FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);   // > U+10FFFF
}

TEST(Utf8, SnippetEscapesAndTruncates) {
  EXPECT_EQ(base::Snippet("a\x01" "b"), "a\\x01b");
  EXPECT_EQ(base::Snippet("abcdef", 3), "abc\xE2\x80\xA6");
}

TEST(Hash, ContentIdIsStableAndLengthPrefixed) {
  EXPECT_EQ(base::ContentId({"ab", "c"}).size(), 32u);
  EXPECT_NE(base::ContentId({"ab", "c"}), base::ContentId({"a", "bc"}));
  EXPECT_EQ(base::ContentId({"x"}), base::ContentId({"x"}));
}

TEST(Hash, Checksum64SeesEveryBitAndTheLength) {
  std::string buf(101, '\0');
  for (size_t i = 0; i < buf.size(); ++i) buf[i] = static_cast<char>(i * 37 + 11);
  const uint64_t sum = base::Checksum64(buf);
  // Every single-bit flip, in the 32-byte blocks, the 8-byte words and the
  // tail, changes the checksum.
  for (size_t i = 0; i < buf.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string b = buf;
      b[i] = static_cast<char>(b[i] ^ (1 << bit));
      ASSERT_NE(base::Checksum64(b), sum) << "byte " << i << " bit " << bit;
    }
  }
  // Trailing zero bytes count.
  EXPECT_NE(base::Checksum64(std::string(8, '\0')), base::Checksum64(std::string(9, '\0')));
  EXPECT_NE(base::Checksum64(""), base::Checksum64(std::string(1, '\0')));
}

}  // namespace
}  // namespace kroniek
