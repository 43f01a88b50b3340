// Copyright 2026 The Kroniek Authors. Apache-2.0.
#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace kroniek::base {
namespace {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Write(const std::string& s) {
  std::string out;
  JsonWriter w(&out);
  w.String(s);
  return out;
}

// The writer promises nlohmann's bytes: strings first, including every
// control character, quotes, backslashes, multi-byte UTF-8 and broken UTF-8.
TEST(JsonWriter, StringsMatchNlohmannByteForByte) {
  const std::string cases[] = {
      "", "plain", "quote \" and \\ backslash", "tab\tnl\ncr\rbs\bff\f",
      std::string("nul\0x", 5), "\x01\x1f\x7f", "Oekraïne – “Kyiv” 𝄞",
      "\xEF\xBF\xBD literal replacement", "bad \xC3 end", "bad \xE2\x82 mid A",
      "\xFF\xFE", "over\xC0\xAFlong", "trunc at end \xF0\x9F"};
  for (const std::string& s : cases) EXPECT_EQ(Write(s), Dump(s)) << s;
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string s(rng() % 12, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    ASSERT_EQ(Write(s), Dump(s)) << n;
  }
}

TEST(JsonWriter, NumbersObjectsAndArraysMatchNlohmann) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  for (double d : {0.0, 1.0, -2.5, 0.1, 1e-7, 1e21, 39.9, 46.7, 6.66,
                   std::numeric_limits<double>::quiet_NaN()}) {
    w.Double(d);
  }
  w.Int(std::numeric_limits<int64_t>::min());
  w.Uint(std::numeric_limits<uint64_t>::max());
  w.EndArray();
  w.Key("b");
  w.BeginObject();
  w.EndObject();
  w.Key("c");
  w.BeginArray();
  w.EndArray();
  w.Key("d");
  w.IntOrNull(std::nullopt);
  w.Key("e");
  w.StringOrNull("");
  w.Key("f");
  w.Bool(true);
  w.Key("g");
  w.BeginArray();
  w.BeginArray();
  w.Int(1);
  w.Int(2);
  w.EndArray();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.EndObject();
  nlohmann::json j;
  j["a"] = {0.0, 1.0, -2.5, 0.1, 1e-7, 1e21, 39.9, 46.7, 6.66,
            std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<int64_t>::min(),
            std::numeric_limits<uint64_t>::max()};
  j["b"] = nlohmann::json::object();
  j["c"] = nlohmann::json::array();
  j["d"] = nullptr;
  j["e"] = nullptr;
  j["f"] = true;
  j["g"] = {{1, 2}, nlohmann::json::array()};
  EXPECT_EQ(out, Dump(j));
}

}  // namespace
}  // namespace kroniek::base
